/**
 * Compiled functions dropped on onnx free their ONNX Runtime sessions, and the
 * process's memory stays flat (issue 7, item 7). Run in a child process with
 * --expose-gc, against the built package.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const dist = path.join(__dirname, '..', '..', 'dist', 'src', 'index.js');
const binding = path.join(__dirname, '..', '..', 'dist', 'src', 'backends', 'onnx', 'ort-binding.js');

describe('onnx sessions of dropped functions', () => {
  it('2,000 functions created and dropped leave RSS flat after garbage collection', () => {
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first (\`npm test\` does)`);
    const script = `
      const K = require(${JSON.stringify(dist)});
      const { ortStats } = require(${JSON.stringify(binding)});
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      (async () => {
        await K.setBackend('onnx');
        const w = K.variable([[1, 2], [3, 4]]);
        const round = async (n) => {
          for (let i = 0; i < n; i++) {
            const p = K.placeholder({ shape: [null, 2] });
            const f = K.function([p], [K.tanh(K.dot(p, w))]);
            f([[[1, 2]]]);
          }
          for (let k = 0; k < 5; k++) { global.gc(); await sleep(20); }
          return process.memoryUsage().rss;
        };
        await round(2000);
        const before = await round(2000);
        const after = await round(2000);
        const s = ortStats();
        console.log(JSON.stringify({ before, after, live: s.sessionsCreated - s.sessionsDisposed }));
      })();`;
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { before, after, live } = JSON.parse(r.stdout) as { before: number; after: number; live: number };
    // every compiled session was freed (the eager ones stay cached: a handful)
    expect(live).toBeLessThan(20);
    // with ORT's CPU arena the second round of 2,000 grew RSS by ~130 MB
    expect((after - before) / 1e6).toBeLessThan(25);
  });
});
