/**
 * A function's updates are checked against their variables' shapes when it runs
 * (issue 7, item 2): a value of another shape is a KerasShapeError naming the
 * variable, and no variable of that call changes.
 */
import * as K from '../../src/index';
import { BUILTIN_BACKENDS } from '../../src/index';

describe.each([...BUILTIN_BACKENDS])('update checks at run time on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('refuses a value of another run-time shape, naming the variable, and changes nothing', () => {
    const v = K.variable([1, 2], { name: 'vee' });
    const w = K.variable([10, 20], { name: 'doubleyou' });
    const p = K.placeholder({ shape: [null] });
    // w's update is fine on its own and comes first; v's is the wrong length at run time
    const f = K.function([p], [p], [K.update(w, K.constant([7, 8])), K.update(v, p)]);
    expect(() => f([[1, 2, 3]])).toThrow(K.KerasShapeError);
    expect(() => f([[1, 2, 3]])).toThrow(/variable 'vee'.*shape \[2\].*shape \[3\]/);
    expect(K.getValue(v).toArray()).toEqual([1, 2]);
    expect(K.getValue(w).toArray()).toEqual([10, 20]);
    expect(K.intShape(v)).toEqual([2]);
    // v is still usable, and a value of the right length still goes through
    expect(K.getValue(K.add(v, 1)).toArray()).toEqual([2, 3]);
    expect(f([[5, 6]])[0].toArray()).toEqual([5, 6]);
    expect(K.getValue(v).toArray()).toEqual([5, 6]);
    expect(K.getValue(w).toArray()).toEqual([7, 8]);
  });

  it('refuses a batch-sized value of length 1 for a variable of length 3', () => {
    const v = K.variable([[1, 2, 3]]);
    const p = K.placeholder({ shape: [null, 3] });
    const f = K.function([p], [], [K.update(v, p)]);
    expect(() => f([[[1, 1, 1], [2, 2, 2]]])).toThrow(/update of variable/);
    expect(K.getValue(v).toArray()).toEqual([[1, 2, 3]]);
    f([[[4, 5, 6]]]);
    expect(K.getValue(v).toArray()).toEqual([[4, 5, 6]]);
  });

  it('an update that hands the variable back unchanged survives a refused call', () => {
    const v = K.variable([1, 2]);
    const u = K.variable([3, 4]);
    const p = K.placeholder({ shape: [null] });
    const f = K.function([p], [], [[u, u], K.update(v, p)]);
    expect(() => f([[1]])).toThrow(K.KerasShapeError);
    expect(K.getValue(u).toArray()).toEqual([3, 4]);
    expect(K.getValue(v).toArray()).toEqual([1, 2]);
  });
});

describe.each([...BUILTIN_BACKENDS])('batchSetValue on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('sets all or none: a bad second value leaves the first variable alone', () => {
    const a = K.variable([1, 2]);
    const b = K.variable([3, 4]);
    expect(() => K.batchSetValue([[a, [9, 9]], [b, [1, 2, 3]]])).toThrow(K.KerasShapeError);
    expect(K.getValue(a).toArray()).toEqual([1, 2]);
    K.batchSetValue([[a, [9, 8]], [b, 5]]);
    expect(K.getValue(a).toArray()).toEqual([9, 8]);
    expect(K.getValue(b).toArray()).toEqual([5, 5]);
  });
});
