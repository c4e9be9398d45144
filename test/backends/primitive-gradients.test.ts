/**
 * Gradient rules checked against central differences, for every primitive that has
 * one (GRADIENT_CASES in primitive-cases.ts), on every built-in backend.
 *
 * loss(x) = sum_j W_j y_j(x), with fixed weights W (multiples of 1/8). The numeric
 * gradient is a Richardson-extrapolated central difference in float64: on the backend
 * itself when it has float64 (reference, onnx), else on the reference backend (tfjs
 * has no float64; its forward kernels are checked by the value cases). The analytic
 * gradient is K.gradients on the backend, in float64 where available, else float32.
 *
 * Allowed error per element e: the numeric reference's own error (|D(h) - D(2h)| plus
 * float64 rounding divided by h), plus, for the analytic side, ULPS units of roundoff
 * of its dtype times the size of the terms it adds up (sum_j |W_j dy_j/dx_e|, and
 * |gradient|). Inputs are exact in float32 and away from kinks (see the cases).
 */
import * as K from '../../src/index';
import { GRADIENT_RULES, notDifferentiable } from '../../src/api/grad-rules';
import { applyOp } from '../../src/api/primitives';
import { NDArray } from '../../src/api/ndarray';
import { DType, PRIMITIVES, PrimitiveAttrs, PrimitiveName, isFloatDType } from '../../src/backends/types';
import { CaseInput, GRADIENT_CASES, GradientCase } from './primitive-cases';
import { BUILTIN_BACKENDS } from '../../src/index';

const BACKENDS = BUILTIN_BACKENDS;

/** Step of the central differences: far from every kink of the cases (>= 0.01), small enough for Richardson. */
const H = 1e-3;
/** Units of roundoff the analytic gradient may be off by, per unit of the terms it sums. */
const ULPS = 64;
const UNIT_ROUNDOFF: Record<'float32' | 'float64', number> = { float32: 2 ** -24, float64: 2 ** -53 };

/** The case with its float inputs (and a float `cast` target) in `fx`. */
function inFloat(c: GradientCase, fx: 'float32' | 'float64'): GradientCase {
  const inputs = c.inputs.map((i): CaseInput => (isFloatDType(i.dtype) ? { ...i, dtype: fx } : i));
  if (c.op === 'cast' && isFloatDType(c.attrs.dtype)) return { ...c, inputs, attrs: { dtype: fx } };
  return { ...c, inputs } as GradientCase;
}

function host(data: readonly number[], dtype: DType): Float32Array | Float64Array | Int32Array | Uint8Array {
  if (dtype === 'float32') return Float32Array.from(data);
  if (dtype === 'float64') return Float64Array.from(data);
  if (dtype === 'int32') return Int32Array.from(data);
  return Uint8Array.from(data);
}

const tensorOf = (i: CaseInput, data = i.data): K.KTensor => K.constant(new NDArray(host(data, i.dtype), i.shape, i.dtype), { dtype: i.dtype });

function apply(c: GradientCase, xs: readonly K.KTensor[]): K.KTensor {
  return applyOp(c.op as PrimitiveName, xs, c.attrs as PrimitiveAttrs[PrimitiveName]);
}

/** Loss weights: multiples of 1/8 in [-1, 1], never 0. */
function weights(n: number): number[] {
  return Array.from({ length: n }, (_, j) => ((((j * 5) % 7) + 1) / 8) * (j % 2 === 0 ? 1 : -1));
}

/** The outputs y(x) of the case, evaluated eagerly on the active backend. */
function outputs(c: GradientCase, inputs: readonly CaseInput[]): number[] {
  return Array.from(K.eval(apply(c, inputs.map((i) => tensorOf(i)))).data as ArrayLike<number>); // the cases have no int64
}

interface Numeric {
  /** Per float input: the gradient by central differences (null for int/bool inputs). */
  readonly value: (Float64Array | null)[];
  /** Per float input: a bound on its error. */
  readonly error: (Float64Array | null)[];
  /** Per float input: sum_j |W_j dy_j/dx_e|. */
  readonly terms: (Float64Array | null)[];
}

/** Central differences in float64 on the active backend. */
function numericGradient(c64: GradientCase): Numeric {
  const base = outputs(c64, c64.inputs);
  const w = weights(base.length);
  const scale = base.reduce((s, y, j) => s + Math.abs(w[j] * y), 0);
  const value: (Float64Array | null)[] = [];
  const error: (Float64Array | null)[] = [];
  const terms: (Float64Array | null)[] = [];
  c64.inputs.forEach((inp, k) => {
    if (!isFloatDType(inp.dtype)) {
      value.push(null);
      error.push(null);
      terms.push(null);
      return;
    }
    const n = inp.data.length;
    const val = new Float64Array(n);
    const err = new Float64Array(n);
    const sz = new Float64Array(n);
    for (let e = 0; e < n; e++) {
      const at = (delta: number): number[] => {
        const data = [...inp.data];
        data[e] += delta;
        return outputs(c64, c64.inputs.map((x, t) => (t === k ? { ...x, data } : x)));
      };
      const [p1, m1, p2, m2] = [at(H), at(-H), at(2 * H), at(-2 * H)];
      let d1 = 0;
      let d2 = 0;
      let s = 0;
      for (let j = 0; j < w.length; j++) {
        const t1 = (p1[j] - m1[j]) / (2 * H);
        d1 += w[j] * t1;
        d2 += (w[j] * (p2[j] - m2[j])) / (4 * H);
        s += Math.abs(w[j] * t1);
      }
      val[e] = (4 * d1 - d2) / 3;
      err[e] = Math.abs(d1 - d2) + (16 * UNIT_ROUNDOFF.float64 * scale) / H;
      sz[e] = s;
    }
    value.push(val);
    error.push(err);
    terms.push(sz);
  });
  return { value, error, terms };
}

/** The analytic gradient (K.gradients) of every input on the active backend, in `fx`; zeros where it is null. */
function analyticGradient(c: GradientCase): (number[] | null)[] {
  const tensors = c.inputs.map((i) => (isFloatDType(i.dtype) ? K.variable(new NDArray(host(i.data, i.dtype), i.shape, i.dtype), { dtype: i.dtype }) : tensorOf(i)));
  const y = apply(c, tensors);
  const w = K.constant(new NDArray(host(weights(y.shape.reduce((p: number, d) => p * (d as number), 1)), y.dtype), y.shape as number[], y.dtype), { dtype: y.dtype });
  const loss = K.sum(K.multiply(y, w));
  const floats = tensors.filter((_, k) => isFloatDType(c.inputs[k].dtype));
  const grads = K.gradients(loss, floats);
  const present = grads.filter((g): g is K.KTensor => g !== null);
  const values = present.length > 0 ? K.function([], present)([]) : [];
  let next = 0;
  let f = 0;
  return c.inputs.map((inp) => {
    if (!isFloatDType(inp.dtype)) return null;
    const g = grads[f++];
    if (g === null) return new Array<number>(inp.data.length).fill(0);
    const v = values[next++];
    expect([...v.shape]).toEqual(inp.shape);
    expect(v.dtype).toBe(inp.dtype);
    return Array.from(v.data as ArrayLike<number>); // float gradients
  });
}

/** Mismatches between the analytic and numeric gradients ('' when they agree). */
function compare(c: GradientCase, fx: 'float32' | 'float64', analytic: (number[] | null)[], num: Numeric): string {
  const bad: string[] = [];
  analytic.forEach((a, k) => {
    const v = num.value[k];
    const err = num.error[k];
    const sz = num.terms[k];
    if (a === null || v === null || err === null || sz === null) return;
    for (let e = 0; e < a.length; e++) {
      const allowed = 4 * err[e] + ULPS * UNIT_ROUNDOFF[fx] * (sz[e] + Math.abs(v[e]));
      if (!(Math.abs(a[e] - v[e]) <= allowed) && bad.length < 4) {
        bad.push(`input ${k} [${e}]: analytic ${a[e]}, numeric ${v[e]} (allowed error ${allowed.toPrecision(3)})`);
      }
    }
  });
  return bad.length === 0 ? '' : `${c.name} (${fx}): ${bad.join('; ')}`;
}

describe('the gradient cases', () => {
  test('cover every primitive that has a gradient rule, and only those', () => {
    const differentiable = PRIMITIVES.filter((p) => GRADIENT_RULES[p] !== notDifferentiable);
    const covered = new Set(GRADIENT_CASES.map((c) => c.op));
    expect(differentiable.filter((p) => !covered.has(p))).toEqual([]);
    expect([...covered].filter((p) => !differentiable.includes(p))).toEqual([]);
  });

  test('a wrong rule is caught: the check rejects a gradient off by 1e-4 relative', () => {
    const num: Numeric = { value: [Float64Array.of(2)], error: [Float64Array.of(1e-12)], terms: [Float64Array.of(2)] };
    expect(compare(GRADIENT_CASES[0], 'float32', [[2 * (1 + 1e-4)]], num)).not.toBe('');
    expect(compare(GRADIENT_CASES[0], 'float32', [[2 * (1 + 1e-7)]], num)).toBe('');
  });
});

for (const name of BACKENDS) {
  describe(`primitive gradients on the ${name} backend`, () => {
    let fx: 'float32' | 'float64' = 'float64';
    const numeric = new Map<GradientCase, Numeric>();

    beforeAll(async () => {
      await K.setBackend(name);
      await K.ready();
      if (!K.backendDtypes().includes('float64')) {
        fx = 'float32';
        // No float64 here: the float64 reference comes from the reference backend.
        await K.setBackend('reference');
        for (const c of GRADIENT_CASES) numeric.set(c, numericGradient(inFloat(c, 'float64')));
        await K.setBackend(name);
      }
    });

    for (const c of GRADIENT_CASES) {
      test(`${c.op}: ${c.name}`, () => {
        const num = numeric.get(c) ?? numericGradient(inFloat(c, 'float64'));
        expect(compare(c, fx, analyticGradient(inFloat(c, fx)), num)).toBe('');
      });
    }
  });
}
