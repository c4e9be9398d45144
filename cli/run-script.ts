/** Running one of the package's compiled scripts (a benchmark, a demo) in a child Node process. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './usage-error';

/**
 * The compiled file `<dist>/<folder>/<name>.js` next to this command's own folder.
 * The command runs from dist/ (npm scripts, the installed package); from sources
 * (ts-node, jest) there is no compiled script to run.
 */
export function compiledScript(folder: string, name: string): string {
  if (path.extname(__filename) !== '.js') throw new UsageError(`keras-backend runs ${folder}/${name} from the build: run it as node dist/cli/main.js (npm run build first)`);
  const file = path.join(__dirname, '..', folder, `${name}.js`);
  if (!fs.existsSync(file)) throw new UsageError(`${file} is missing: the package build is incomplete`);
  return file;
}

/** What a finished child printed and how it ended. */
export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
}

/**
 * Runs `file` with `args` and extra environment `env`. With `capture`, its stdout
 * is collected and returned (stderr passes through); otherwise both pass through.
 */
export function runScript(file: string, args: readonly string[], env: NodeJS.ProcessEnv, capture: boolean): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 1 : 0), stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}
