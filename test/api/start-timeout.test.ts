/**
 * `ready()` / `setBackend()` give up after `timeoutMs`, and their timer never holds the
 * process: after a start-up that finished, failed or was given up on, a script that
 * has nothing left to do exits by itself (run in a child process over the built files,
 * from the fixtures folder so that its backend modules resolve; killed after 60 s).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const dist = path.join(__dirname, '..', '..', 'dist', 'src', 'index.js');
const fixtures = path.join(__dirname, '..', 'fixtures');

/** Runs `body` (with `K` in scope) in a fresh Node process; its stdout lines, exit status and signal. */
function run(body: string): { lines: string[]; status: number | null; signal: NodeJS.Signals | null } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-start-timeout-'));
  try {
    const script = `const K = require(${JSON.stringify(dist)});\n${body}`;
    const r = spawnSync(process.execPath, ['-e', script], {
      cwd: fixtures,
      env: { ...process.env, KERAS_HOME: home, KERAS_BACKEND: 'reference' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { lines: r.stdout.trim().split('\n'), status: r.status, signal: r.signal };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

describe('start-up timeout', () => {
  beforeAll(() => {
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first (\`npm test\` does)`);
  });

  it('gives up on a createBackend that never resolves, then the process exits by itself', () => {
    const r = run(`K.setBackend('keras-backend-never', { timeoutMs: 100 }).then(() => console.log('resolved'), (e) => console.log(e.constructor.name, e.message));`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatch(/^ConfigError setBackend: the backend 'keras-backend-never' did not start within 100 ms/);
  });

  it('a long timeout does not keep the process alive after a start-up that finished or failed', () => {
    const r = run(`
      (async () => {
        await K.setBackend('reference', { timeoutMs: 3600000 });
        console.log('started');
        await K.ready({ timeoutMs: 3600000 });
        await K.setBackend('keras-backend-factory-throws', { timeoutMs: 3600000 }).catch((e) => console.log(e.constructor.name));
      })();`);
    // an hour-long timer left running would hold the child until spawnSync kills it
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.lines).toEqual(['started', 'ConfigError']);
  });
});
