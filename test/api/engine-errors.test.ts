/**
 * Run-time failures inside an engine are raised as the library's own errors,
 * naming the function, on every backend; ONNX Runtime writes nothing of its own
 * to stderr (issue 7, item 4).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as K from '../../src/index';
import type { Backend } from '../../src/backends/backend';
import { engineFailure } from '../../src/api/engine';
import { BUILTIN_BACKENDS } from '../../src/index';

describe.each([...BUILTIN_BACKENDS])('engine failures on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('a run-time shape that does not broadcast is refused by the library before the engine runs, the same on every backend', () => {
    const p = K.placeholder({ shape: [null] });
    const f = K.function([p], [K.add(p, K.constant([1, 2, 3]))]);
    // a fitting feed first: the check runs once per set of fed shapes, and a new one is checked again
    expect(f([[1, 1, 1]])[0].toArray()).toEqual([2, 3, 4]);
    let thrown: unknown;
    try {
      f([[1, 2]]);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).constructor).toBe(K.KerasShapeError);
    expect((thrown as Error).message).toBe('function: at run time, add: shapes [2] and [3] cannot be broadcast together');
    // the function still works for a fitting feed
    expect(f([[1, 1, 1]])[0].toArray()).toEqual([2, 3, 4]);
  });

  it('a run-time matMul whose inner dims differ: the same words on every backend', () => {
    const p = K.placeholder({ shape: [null, null] });
    const f = K.function([p], [K.dot(p, K.constant([[1], [2]]))]);
    expect(() => f([[[1, 2, 3]]])).toThrow(K.KerasShapeError);
    expect(() => f([[[1, 2, 3]]])).toThrow(/matMul: inner dimensions differ: \[1, 3\] and \[2, 1\]$/);
  });

  it('an engine failure the library cannot name: the same words on every backend, the engine error as its cause', () => {
    const engineError = new Error(`${name}'s own words`);
    const err = engineFailure('function', { name } as Backend, engineError);
    expect(err).toBeInstanceOf(K.KerasRuntimeError);
    expect(err.message).toBe("function: the engine failed at run time (its own message is in the error's cause)");
    expect((err as { cause?: unknown }).cause).toBe(engineError);
    expect((err as { engineMessage?: string }).engineMessage).toBe(`${name}'s own words`);
    expect((err as { backend?: string }).backend).toBe(name);
  });

  it('an index out of range at run time names the index and the range, in gather and its gradient', () => {
    const q = K.placeholder({ shape: [null], dtype: 'int32' });
    const x = K.variable([[1, 2], [3, 4], [5, 6]]);
    const f = K.function([q], [K.gather(x, q)]);
    expect(() => f([[0, 7, 9]])).toThrow(K.KerasValueError);
    expect(() => f([[0, 7, 9]])).toThrow(/^gather: index 7 is out of range for an axis of length 3 \(expected 0 to 2\)$/);
    expect(() => f([[1, -2]])).toThrow(/^gather: index -2 is out of range for an axis of length 3 \(expected 0 to 2\)$/);
    const g = K.function([q], [K.gradients(K.sum(K.gather(x, q)), [x])[0] as K.KTensor]);
    expect(() => g([[-3]])).toThrow(/^(gather|scatterAdd): index -3 is out of range for an axis of length 3 \(expected 0 to 2\)$/);
  });

  it('one placeholder listed twice is refused when the function is built', () => {
    const p = K.placeholder({ shape: [2] });
    expect(() => K.function([p, p], [p])).toThrow(K.KerasValueError);
  });

  it('argmax over an axis that is empty only at run time is a KerasValueError', () => {
    const p = K.placeholder({ shape: [2, null] });
    const f = K.function([p], [K.argmax(p, 1)]);
    expect(() => f([{ data: new Float32Array(0), shape: [2, 0] }])).toThrow(K.KerasValueError);
  });
});

const dist = path.join(__dirname, '..', '..', 'dist', 'src', 'index.js');
describe('ONNX Runtime logging', () => {
  it('a failing run writes nothing to stderr; the error carries the message', () => {
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first (\`npm test\` does)`);
    const script = `
      const K = require(${JSON.stringify(dist)});
      (async () => {
        await K.setBackend('onnx');
        const p = K.placeholder({ shape: [null] });
        const f = K.function([p], [K.add(p, K.constant([1, 2, 3]))]);
        try { f([[1, 2]]); console.log('no error'); } catch (e) { console.log(e.constructor.name); }
        const q = K.placeholder({ shape: [1], dtype: 'int32' });
        try { K.function([q], [K.gather(K.constant([1, 2]), q)])([[5]]); } catch (e) { console.log(e.constructor.name); }
      })();`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(['KerasShapeError', 'KerasValueError']);
    expect(r.stderr).toBe('');
  });
});
