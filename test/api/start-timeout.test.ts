/**
 * `ready()` / `setBackend()` give up after `timeoutMs`, and their timer never holds the
 * process: after a start-up that finished, failed or was given up on, a script that
 * has nothing left to do exits by itself (run in a child process over the built files,
 * from the fixtures folder so that its backend modules resolve; killed after 60 s).
 */
import { requireBuilt, runBuilt } from '../helpers/built-child';

/** Runs `body` (with `K` in scope) in a fresh Node process; its stdout lines, exit status and signal. */
function run(body: string): { lines: string[]; status: number | null; signal: NodeJS.Signals | null } {
  const r = runBuilt(body, { ...process.env, KERAS_BACKEND: 'reference' });
  return { lines: r.stdout.trim().split('\n'), status: r.status, signal: r.signal };
}

describe('start-up timeout', () => {
  beforeAll(requireBuilt);

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
