/**
 * The built package (dist/, made by `npm run build`, which `npm test` runs first; without
 * it these tests fail, they never skip):
 * a plain Node script can require() and import the package root and get K, with
 * every catalogue function as a named export.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const catalogue = fs
  .readFileSync(path.join(root, 'conformance', 'catalogue.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t')[1]);

function node(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the built package', () => {
  it('is built (dist/; `npm test` builds it first, run `npm run build` before jest alone)', () => {
    expect(fs.existsSync(path.join(root, 'dist', 'src', 'index.js'))).toBe(true);
  });

  it('can be required by name and gives K with every catalogue function', () => {
    const out = node([
      '-e',
      `const pkg = require('keras-backend-ts');
       const names = ${JSON.stringify(catalogue)};
       const missing = names.filter((n) => typeof pkg.K[n] !== 'function' || typeof pkg[n] !== 'function');
       console.log(JSON.stringify({ missing, hasDefault: pkg.default === pkg.K }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ missing: [], hasDefault: true });
  });

  it('can be imported as an ES module and runs on the reference backend', () => {
    const out = node(
      [
        '--input-type=module',
        '-e',
        `import { K, sum, constant } from 'keras-backend-ts';
         import K2 from 'keras-backend-ts';
         await K.ready();
         console.log(JSON.stringify({ b: K.backend(), s: K.eval(sum(constant([1, 2, 3]))).item(), same: K2 === K, fn: typeof K.function, ev: typeof K.eval }));`,
      ],
      { KERAS_BACKEND: 'reference' },
    );
    expect(JSON.parse(out)).toEqual({ b: 'reference', s: 6, same: true, fn: 'function', ev: 'function' });
  });

  it('has no stub left: every catalogue function is implemented (a stub would be reported missing)', () => {
    const out = node([
      '-e',
      `const { K, CATALOGUE } = require('keras-backend-ts');
       console.log(JSON.stringify(CATALOGUE.filter((e) => K[e.tsName].notImplemented === true).map((e) => e.kerasName)));`,
    ]).trim();
    expect(JSON.parse(out)).toEqual([]);
  });
});
