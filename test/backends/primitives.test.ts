/**
 * Runs the shared primitive table (primitive-cases.ts) on every backend whose
 * module exists. A backend whose folder has no module yet is skipped with a
 * visible `describe.skip`; a module that exists but fails to load, or whose
 * factory is missing, fails the suite.
 */
import type { Backend } from '../../src/backends/backend';
import { DType, OutputInfo, PRIMITIVES, PrimitiveName } from '../../src/backends/types';
import { PRIMITIVE_CASES, PrimitiveCase } from './primitive-cases';
import { BUILTIN_BACKENDS } from '../../src/index';

const BACKEND_NAMES = BUILTIN_BACKENDS;

/** Default relative (and absolute) tolerance for float outputs. */
const DEFAULT_TOL = 1e-6;

const HOST_CTOR: Partial<Record<DType, new (data: ArrayLike<number>) => ArrayLike<number>>> = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  bool: Uint8Array,
};

function hostOf(data: readonly number[], dtype: DType): Float32Array | Float64Array | Int32Array | Uint8Array {
  switch (dtype) {
    case 'float32':
      return Float32Array.from(data);
    case 'float64':
      return Float64Array.from(data);
    case 'int32':
      return Int32Array.from(data);
    case 'bool':
      return Uint8Array.from(data);
    default:
      throw new Error(`no host layout for dtype ${dtype}`);
  }
}

function isFloat(dtype: DType): boolean {
  return dtype === 'float16' || dtype === 'float32' || dtype === 'float64';
}

/** A list of mismatches between `actual` and `expected` ('' when they agree). */
/** Number host data (the shared primitive cases have no int64). */
function nums(a: ArrayLike<number> | BigInt64Array): ArrayLike<number> {
  if (a instanceof BigInt64Array) throw new Error('unexpected int64 data');
  return a;
}

function compareValues(data: ArrayLike<number> | BigInt64Array, expected: readonly number[], dtype: DType, tol: number): string {
  const actual = nums(data);
  if (actual.length !== expected.length) {
    return `length ${actual.length}, expected ${expected.length}`;
  }
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    let ok: boolean;
    if (!isFloat(dtype)) ok = a === e;
    else if (Number.isNaN(e)) ok = Number.isNaN(a);
    else if (e === 0) ok = Object.is(a, e); // the sign of a zero is specified (docs/architecture.md)
    else if (a === e) ok = true; // also covers +-Infinity
    else ok = Number.isFinite(e) && Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
    if (!ok && bad.length < 8) bad.push(`[${i}] got ${a}, expected ${e}`);
  }
  return bad.join('; ');
}

function factoryName(name: string): string {
  return `create${name[0].toUpperCase()}${name.slice(1)}Backend`;
}

function moduleExists(path: string): boolean {
  try {
    require.resolve(path);
    return true;
  } catch {
    return false;
  }
}

function dtypesOf(c: PrimitiveCase): DType[] {
  return [...c.inputs.map((i) => i.dtype), c.outDtype];
}

type AnyKernel = (inputs: readonly unknown[], attrs: object, out: OutputInfo) => unknown;

function runCase(backend: Backend<unknown>, c: PrimitiveCase): void {
  const inputs = c.inputs.map((i) => backend.fromHost(hostOf(i.data, i.dtype), i.shape, i.dtype));
  let out: unknown;
  try {
    const kernel = backend.kernels[c.op as PrimitiveName] as unknown as AnyKernel;
    out = kernel(inputs, c.attrs, { dtype: c.outDtype, shape: c.outShape });
    expect(backend.shapeOf(out)).toEqual(c.outShape);
    const host = backend.toHost(out);
    const ctor = HOST_CTOR[c.outDtype];
    if (ctor) expect(host).toBeInstanceOf(ctor);
    const problems = compareValues(host, c.expected, c.outDtype, c.tol ?? DEFAULT_TOL);
    expect(problems).toBe('');
    // Kernels must leave their inputs intact.
    c.inputs.forEach((spec, k) => {
      expect(compareValues(backend.toHost(inputs[k]), [...hostOf(spec.data, spec.dtype)], spec.dtype, 0)).toBe('');
    });
  } finally {
    if (out !== undefined) backend.dispose(out);
    for (const t of inputs) backend.dispose(t);
  }
}

for (const name of BACKEND_NAMES) {
  const path = `../../src/backends/${name}`;
  if (!moduleExists(path)) {
    describe.skip(`primitives on the ${name} backend (src/backends/${name} does not exist yet)`, () => {
      test('skipped', () => undefined);
    });
    continue;
  }

  describe(`primitives on the ${name} backend`, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path) as Record<string, unknown>;
    const factory = mod[factoryName(name)];
    if (typeof factory !== 'function') {
      throw new Error(`src/backends/${name} does not export a function ${factoryName(name)}`);
    }
    const made = (factory as () => Backend<unknown> | Promise<Backend<unknown>>)();
    // A synchronous factory tells us its dtypes now, so unsupported cases show as skipped.
    const known: Backend<unknown> | undefined = made instanceof Promise ? undefined : made;
    let backend: Backend<unknown>;

    beforeAll(async () => {
      backend = await made;
      await backend.init?.();
    });

    for (const c of PRIMITIVE_CASES) {
      const supported = known === undefined || dtypesOf(c).every((d) => known.dtypes.has(d));
      const t = supported ? test : test.skip;
      t(`${c.op}: ${c.name}`, () => {
        if (!dtypesOf(c).every((d) => backend.dtypes.has(d))) return; // async factory: decided late
        runCase(backend, c);
      });
    }
  });
}

describe('the shared primitive table', () => {
  test('has at least one case for every primitive', () => {
    const covered = new Set(PRIMITIVE_CASES.map((c) => c.op));
    expect(PRIMITIVES.filter((p) => !covered.has(p))).toEqual([]);
  });

  test('every case is consistent: data lengths match shapes', () => {
    const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);
    for (const c of PRIMITIVE_CASES) {
      for (const i of c.inputs) expect([c.name, i.data.length]).toEqual([c.name, size(i.shape)]);
      expect([c.name, c.expected.length]).toEqual([c.name, size(c.outShape)]);
    }
  });
});
