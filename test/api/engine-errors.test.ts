/**
 * Run-time failures inside an engine are raised as the library's own errors,
 * naming the function, on every backend; ONNX Runtime writes nothing of its own
 * to stderr (issue 7, item 4).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as K from '../../src/index';
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
