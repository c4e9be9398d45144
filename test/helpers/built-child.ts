/**
 * Runs a script against the built library (dist/) in a fresh Node process, from the
 * test fixtures folder (so its backend modules resolve) with a temporary KERAS_HOME,
 * killed after 60 s. For tests of what only a whole process shows (exit, environment).
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The built library's entry point. */
export const builtIndex = path.join(__dirname, '..', '..', 'dist', 'src', 'index.js');
const fixtures = path.join(__dirname, '..', 'fixtures');

/** Throws unless dist/ is built (`npm test` builds it first). */
export function requireBuilt(): void {
  if (!fs.existsSync(builtIndex)) throw new Error(`${builtIndex} is missing: run \`npm run build\` first (\`npm test\` does)`);
}

/** Runs `body` with `K` (the built library) in scope; `env` is the process's environment (KERAS_HOME set to a temporary folder). */
export function runBuilt(body: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-child-'));
  try {
    const script = `const K = require(${JSON.stringify(builtIndex)});\n${body}`;
    return spawnSync(process.execPath, ['-e', script], { cwd: fixtures, env: { ...env, KERAS_HOME: home }, encoding: 'utf8', timeout: 60_000 });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
