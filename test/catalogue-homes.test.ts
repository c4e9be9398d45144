/**
 * The tree reads like the catalogue: every catalogue row (conformance/catalogue.tsv,
 * column 3 its group) is implemented in its group's files, src/api/ops/<group>.ts or
 * src/api/ops/<group>/ (the config group also in src/config/), and its conformance
 * spec is declared by conformance/cases/<group>.ts; every group has its oracle file,
 * conformance/oracle/<group>.ts; and no file is named for its history.
 *
 * Where a function is implemented is read from the compiler: the declaration that
 * the package's export of the TypeScript name resolves to, through re-exports.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import type { FunctionSpec } from '../conformance/case';
import { moduleExports } from './helpers/module-exports';

const ROOT = path.join(__dirname, '..');

interface Row {
  readonly kerasName: string;
  readonly tsName: string;
  readonly group: string;
}

const ROWS: readonly Row[] = fs
  .readFileSync(path.join(ROOT, 'conformance/catalogue.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [kerasName, tsName, group] = l.split('\t');
    return { kerasName, tsName, group };
  });
const GROUPS = [...new Set(ROWS.map((r) => r.group))];

/** The file declaring each export of src/index.ts, by exported name, re-exports followed. */
function declaringFiles(): Map<string, string> {
  const { checker, symbols } = moduleExports(path.join(ROOT, 'src/index.ts'));
  const out = new Map<string, string>();
  for (const sym of symbols) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    const decl = target.declarations?.[0];
    if (decl) out.set(sym.name, path.relative(ROOT, decl.getSourceFile().fileName).split(path.sep).join('/'));
  }
  return out;
}

/** The Keras names of the specs each conformance/cases file exports. */
function specsByCasesFile(): Map<string, Set<string>> {
  const dir = path.join(ROOT, 'conformance/cases');
  const out = new Map<string, Set<string>>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    const names = new Set<string>();
    for (const value of Object.values(mod)) {
      if (!Array.isArray(value)) continue;
      for (const s of value as unknown[]) if (s && typeof (s as FunctionSpec).kerasName === 'string') names.add((s as FunctionSpec).kerasName);
    }
    out.set(file.replace(/\.ts$/, ''), names);
  }
  return out;
}

function isHomeOf(file: string, group: string): boolean {
  if (file === `src/api/ops/${group}.ts` || file.startsWith(`src/api/ops/${group}/`)) return true;
  return group === 'config' && file.startsWith('src/config/');
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
}

describe('every catalogue row lives in its group files', () => {
  jest.setTimeout(120000);
  const declared = declaringFiles();
  const specs = specsByCasesFile();

  it('the catalogue has rows and groups', () => {
    expect(ROWS.length).toBe(160);
    expect(GROUPS.sort()).toEqual(['config', 'conv', 'ctc', 'graph', 'math', 'nn', 'random', 'reduce', 'shape', 'state', 'tensors']);
  });

  it.each(ROWS.map((r) => [r.kerasName, r.tsName, r.group]))('%s (K.%s) is implemented in the %s group files', (_k, tsName, group) => {
    const file = declared.get(tsName);
    expect(file).toBeDefined();
    expect({ tsName, file, home: isHomeOf(file as string, group) }).toEqual({ tsName, file, home: true });
  });

  it.each(ROWS.map((r) => [r.kerasName, r.group]))("%s's spec is declared in conformance/cases/%s.ts and nowhere else", (kerasName, group) => {
    const holders = [...specs].filter(([, names]) => names.has(kerasName)).map(([file]) => file);
    expect(holders).toEqual([group]);
  });

  it.each(GROUPS)('the %s group has its file in src/api/ops, conformance/cases and conformance/oracle', (group) => {
    const has = (p: string): boolean => fs.existsSync(path.join(ROOT, p));
    expect({ ops: has(`src/api/ops/${group}.ts`) || has(`src/api/ops/${group}`), cases: has(`conformance/cases/${group}.ts`), oracle: has(`conformance/oracle/${group}.ts`) }).toEqual({
      ops: true,
      cases: true,
      oracle: true,
    });
  });

  it('no file in src, conformance or test is named for its history (-more, -extra)', () => {
    const named = ['src', 'conformance', 'test'].flatMap(filesUnder).filter((f) => !f.includes('/node_modules/') && /-(more|extra)\b/.test(path.basename(f)));
    expect(named).toEqual([]);
  });
});
