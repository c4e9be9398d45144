/**
 * Every catalogue function either has a numeric gradient check (a case with
 * `grad: true`) or is written down in NOT_DIFFERENTIABLE with the reason; and the
 * tensor functions listed as having no gradient by definition give none (null,
 * or zeros) on every backend.
 */
import { CATALOGUE, K, KTensor, BUILTIN_BACKENDS } from '../src/index';
import { allSpecs, NOT_DIFFERENTIABLE } from '../conformance';

describe('differentiability', () => {
  it('splits the catalogue into functions with a gradient check and the list of those without', () => {
    const specs = new Map(allSpecs().map((s) => [s.kerasName, s]));
    const withGrad = CATALOGUE.filter((e) => (specs.get(e.kerasName)?.cases ?? []).some((c) => c.grad)).map((e) => e.kerasName);
    const without = CATALOGUE.map((e) => e.kerasName).filter((n) => !withGrad.includes(n));
    expect(without.sort()).toEqual(Object.keys(NOT_DIFFERENTIABLE).sort());
    expect(withGrad.length).toBeGreaterThan(80);
  });

  /** Functions of a float x whose output carries no gradient back to x. */
  const NONE: Record<string, (x: KTensor) => KTensor> = {
    shape: (x) => K.shape(x),
    size: (x) => K.size(x),
    ones_like: (x) => K.onesLike(x),
    zeros_like: (x) => K.zerosLike(x),
    stop_gradient: (x) => K.stopGradient(x),
    any: (x) => K.any(x, 1),
    all: (x) => K.all(x),
    argmax: (x) => K.argmax(x),
    argmin: (x) => K.argmin(x, 0),
    equal: (x) => K.equal(x, 1),
    not_equal: (x) => K.notEqual(x, 1),
    greater: (x) => K.greater(x, 0),
    greater_equal: (x) => K.greaterEqual(x, 0),
    less: (x) => K.less(x, 0),
    less_equal: (x) => K.lessEqual(x, 0),
    in_top_k: (x) => K.inTopK(x, K.constant([0, 2], { dtype: 'int32' }), 1),
    // the log probabilities of the best path of |x| read as (1, 2, 3) probabilities
    ctc_decode: (x) => K.ctcDecode(K.reshape(K.abs(x), [1, 2, 3]), [2])[1],
  };

  it('lists every function tested here as having no gradient by definition', () => {
    for (const fn of Object.keys(NONE)) expect(NOT_DIFFERENTIABLE[fn]).toBe('no gradient by definition');
    // the others take only integer inputs: nothing to differentiate
    const intOnly = Object.keys(NOT_DIFFERENTIABLE).filter((f) => NOT_DIFFERENTIABLE[f] === 'no gradient by definition' && !(f in NONE));
    expect(intOnly.sort()).toEqual(['ctc_create_skip_idxs', 'ctc_interleave_blanks', 'one_hot']);
  });

  for (const backend of BUILTIN_BACKENDS) {
    it(`gives no gradient through them on ${backend}`, async () => {
      await K.setBackend(backend);
      const x = K.variable([[0.5, -1, 2], [1, 3, -0.25]]);
      const problems: string[] = [];
      for (const [fn, f] of Object.entries(NONE)) {
        const y = f(x);
        // x * 0 keeps x in the loss, so the gradient is defined (zeros) whatever f gives
        const loss = K.add(K.sum(K.cast(y, 'float32')), K.sum(K.multiply(x, 0)));
        const [g] = K.gradients(loss, [x]);
        const v = [...K.eval(g as KTensor).data];
        if (v.some((e) => e !== 0)) problems.push(`${fn}: gradient [${v.join(', ')}]`);
      }
      expect(problems).toEqual([]);
    });
  }
});
