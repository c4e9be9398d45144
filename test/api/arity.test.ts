/**
 * No argument ignored: every public function of K refuses positional arguments past
 * the ones its TypeScript signature declares, with a KerasTypeError naming the function
 * and both counts, on every built-in backend; and accepts that many (whatever else it
 * then says about `undefined` values). The maximum comes from the signatures, read with
 * the TypeScript compiler, not from the numbers written in the functions' checks.
 */
import * as path from 'path';
import * as ts from 'typescript';
import * as K from '../../src/index';
import { moduleExports } from '../helpers/module-exports';

/** The largest positional argument count of each function exported by src/api/index.ts. */
function declaredMaxima(): Map<string, number> {
  const { checker, source, symbols } = moduleExports(path.join(__dirname, '../../src/api/index.ts'));
  const out = new Map<string, number>();
  for (const exported of symbols) {
    const type = checker.getTypeOfSymbolAtLocation(exported, source);
    if (type.getConstructSignatures().length > 0) continue; // classes
    const signatures = type.getCallSignatures();
    if (signatures.length === 0) continue;
    let max = 0;
    for (const s of signatures) {
      const decl = s.getDeclaration();
      // A trailing rest parameter of type [] (`...extra: []`) takes nothing.
      const counted = decl.parameters.filter((p) => !(p.dotDotDotToken && p.type && ts.isTupleTypeNode(p.type) && p.type.elements.length === 0));
      if (counted.some((p) => p.dotDotDotToken)) throw new Error(`${exported.name}: a rest parameter takes any number of arguments`);
      max = Math.max(max, counted.length);
    }
    out.set(exported.name, max);
  }
  return out;
}

const maxima = declaredMaxima();
const api = K as unknown as Record<string, unknown>;
const functions = Object.keys(api)
  .filter((name) => typeof api[name] === 'function' && !/^class\s/.test(Function.prototype.toString.call(api[name])))
  .filter((name) => name !== 'default')
  .sort();

/** Calls `fn` with `n` undefined arguments; a sync throw or a rejected promise is returned as the error. */
async function errorOf(fn: (...args: unknown[]) => unknown, n: number): Promise<unknown> {
  try {
    await fn(...new Array<undefined>(n).fill(undefined));
    return null;
  } catch (e) {
    return e;
  }
}

/** Calls that would change the process state for the tests after them, given only undefined arguments. */
const NOT_CALLED_WITH_ITS_MAXIMUM = new Set(['setBackend', 'ready', 'clearSession', 'resetUids', 'backendDtypes']);

test('the signatures were read (every public function has a maximum)', () => {
  expect(functions.length).toBeGreaterThan(150);
  expect(functions.filter((n) => !maxima.has(n))).toEqual([]);
  // Spot checks against the Keras signatures (hand-counted).
  expect(maxima.get('relu')).toBe(4);
  expect(maxima.get('sum')).toBe(3);
  expect(maxima.get('eval')).toBe(1);
  expect(maxima.get('epsilon')).toBe(0);
});

test('every catalogue function is a public function', () => {
  expect(K.CATALOGUE.map((e) => e.tsName).filter((n) => !functions.includes(n))).toEqual([]);
});

for (const backend of K.BUILTIN_BACKENDS) {
  describe(`on ${backend}`, () => {
    beforeAll(async () => {
      await K.setBackend(backend);
    });

    test.each(functions)('%s refuses one argument more than it takes', async (name) => {
      const max = maxima.get(name) as number;
      const e = await errorOf(api[name] as (...args: unknown[]) => unknown, max + 1);
      expect(e).toBeInstanceOf(K.KerasTypeError);
      const word = max === 1 ? 'argument' : 'arguments';
      expect((e as Error).message).toBe(`${name}: takes at most ${max} positional ${word}, got ${max + 1}`);
    });

    test.each(functions.filter((n) => !NOT_CALLED_WITH_ITS_MAXIMUM.has(n)))('%s accepts as many arguments as it takes', async (name) => {
      const max = maxima.get(name) as number;
      const e = await errorOf(api[name] as (...args: unknown[]) => unknown, max);
      expect(e instanceof Error ? e.message : '').not.toMatch(/positional argument/);
      K.clearSession();
    });
  });
}
