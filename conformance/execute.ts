/**
 * Running cases on the active backend: value cases in eager and graph mode and
 * in each float variant, the numeric gradient check, and error cases. Uses only
 * the public API (`K` from the package root) and the oracle.
 */
import { K, KTensor, NDArray } from '../src/index';
import {
  CaseContext,
  CaseDType,
  CaseInput,
  CaseOutput,
  GRADIENT_ULPS,
  DEFAULT_TOLERANCE,
  ErrorCase,
  Expected,
  FloatVariant,
  FunctionSpec,
  KApi,
  Mode,
  Observed,
  Tolerance,
  ValueCase,
  unchecked,
} from './case';
import { array, asArray, describeOArray, halfValue, isOArray, Nested, OArray, OracleDType, storeAs, toNested, uniformArray } from './oracle';

/** The outcome of one run of a case (one variant and mode, or one gradient check, or one error case). */
export interface RunOutcome {
  /** pass, fail, or unsupported (the backend raised UnsupportedError). */
  readonly status: 'pass' | 'fail' | 'unsupported';
  /** Which run: `case name [float32, graph]`, `grad of ...`, `error: ...`. */
  readonly label: string;
  /** Why it failed, or what is unsupported. */
  readonly message: string;
  /** Largest absolute error of the value comparison (0 when exact or not compared). */
  readonly maxAbsError: number;
  /** Whether this run is a gradient check. */
  readonly gradient: boolean;
  /** Whether this run is an error case (a call that must throw; it computes nothing). */
  readonly errorCase?: boolean;
}

/** Everything the runs of one function gave on one backend. */
export interface SpecOutcome {
  readonly runs: readonly RunOutcome[];
}

/**
 * Value tolerance of float16 outputs: one unit in the last place of a half (2^-10
 * relative), since the oracle rounds the float64 result once where a backend
 * computes in float32 first; 2^-24 absolute (the smallest subnormal).
 */
const FLOAT16_TOLERANCE: Tolerance = { rtol: 2 ** -10, atol: 2 ** -24 };

/** A failure raised inside a run (turned into a `fail` outcome). */
class CaseFailure extends Error {}

const FLOAT_DTYPES = new Set<string>(['float16', 'float32', 'float64']);

function isFloat(dtype: string): boolean {
  return FLOAT_DTYPES.has(dtype);
}

function resolveDType(d: CaseDType | undefined, fx: FloatVariant): OracleDType {
  return d === undefined || d === 'float' ? fx : d;
}

interface ConfigSnapshot {
  floatx: ReturnType<KApi['floatx']>;
  epsilon: number;
  imageDataFormat: ReturnType<KApi['imageDataFormat']>;
  learningPhase: ReturnType<KApi['learningPhase']>;
}

/** The configuration a case may change; restored after every run. */
export function snapshotConfig(k: KApi): ConfigSnapshot {
  return { floatx: k.floatx(), epsilon: k.epsilon(), imageDataFormat: k.imageDataFormat(), learningPhase: k.learningPhase() };
}

/** Restores a snapshot taken by `snapshotConfig`. */
export function restoreConfig(k: KApi, s: ConfigSnapshot): void {
  k.setFloatx(s.floatx);
  k.setEpsilon(s.epsilon);
  k.setImageDataFormat(s.imageDataFormat);
  // A number was set by setLearningPhase; a tensor means none was set.
  if (typeof s.learningPhase === 'number') k.setLearningPhase(s.learningPhase);
  else if (typeof k.learningPhase() === 'number') k.clearSession();
}

/** A short description of a thrown value. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return `non-Error value ${String(e)}`;
}

function isUnsupported(e: unknown): boolean {
  return e instanceof K.UnsupportedError;
}

/**
 * The lack an `UnsupportedError` reports, when the active backend declares it: a
 * dtype outside the backend's `dtypes` (`K.backendDtypes()`), or a feature among those
 * it declares lacking (`K.backendUnsupported()`, the error's `feature`). Null for any
 * other `UnsupportedError` (raised for a dtype the backend declares, or for a feature it
 * never declared lacking): that run fails. The error's backend name is not compared
 * with `K.backend()`: a backend loaded from an npm module is selected by the module's
 * name, while the error carries the `name` its Backend object gives itself.
 */
export function declaredLack(k: KApi, e: unknown): string | null {
  if (!(e instanceof K.UnsupportedError)) return null;
  const m = /^dtype (\S+)$/.exec(e.feature);
  if (!m) {
    let features: readonly string[];
    try {
      features = k.backendUnsupported().features;
    } catch {
      return null;
    }
    return features.includes(e.feature) ? e.feature : null;
  }
  let declared: readonly string[];
  try {
    declared = k.backendDtypes();
  } catch {
    return null;
  }
  return declared.includes(m[1]) ? null : `dtype ${m[1]}`;
}

/** The failure message of an `UnsupportedError` that is not a declared lack. */
function undeclaredMessage(k: KApi, e: unknown): string {
  let declared = '';
  try {
    const features = k.backendUnsupported().features;
    declared = ` (it declares dtypes ${k.backendDtypes().join(', ')} and ${features.length === 0 ? 'no missing feature' : `the missing features ${features.join(', ')}`})`;
  } catch {
    // the backend is not started: the message says what was raised
  }
  return `threw ${describeError(e)}, but the '${k.backend()}' backend does not declare lacking this${declared}`;
}

interface PreparedInput {
  readonly spec: CaseInput;
  readonly dtype: OracleDType;
  /** The value as the backend stores it (float32 rounded, int truncated), tagged with its dtype. */
  readonly host: OArray;
  /** The value to feed (nested arrays, booleans for bool). */
  readonly feed: Nested;
}

function prepareInputs(c: ValueCase, fx: FloatVariant): PreparedInput[] {
  return (c.inputs ?? []).map((spec) => {
    const dtype = resolveDType(spec.dtype, fx);
    if (dtype === 'int64') {
      // exact values (bigints, or whole numbers), fed as nested bigints
      const a = array(spec.value);
      const big = a.big ?? a.data.map((v) => BigInt(v));
      return { spec, dtype, host: { data: a.data, big, shape: a.shape }, feed: toNestedBig(big, a.shape) };
    }
    const stored = storeAs(array(spec.value), dtype);
    // The oracle sees untagged values: an output's dtype comes from `outDtype` (or an explicit tag).
    return { spec, dtype, host: { data: stored.data, shape: stored.shape }, feed: toNested(stored) };
  });
}

/** Exact int64 values as nested bigints. */
function toNestedBig(big: readonly bigint[], shape: readonly number[]): Nested {
  if (shape.length === 0) return big[0];
  let k = 0;
  const build = (axis: number): Nested[] => {
    const out: Nested[] = [];
    for (let i = 0; i < shape[axis]; i++) out.push(axis === shape.length - 1 ? big[k++] : build(axis + 1));
    return out;
  };
  return build(0);
}

interface BuiltInputs {
  readonly tensors: KTensor[];
  readonly placeholders: KTensor[];
  readonly feeds: Nested[];
}

/** Makes the input tensors: `purpose` value (eager: constants) or grad (eager: diff inputs are variables). */
function buildInputs(k: KApi, inputs: readonly PreparedInput[], mode: Mode, purpose: 'value' | 'grad'): BuiltInputs {
  const tensors: KTensor[] = [];
  const placeholders: KTensor[] = [];
  const feeds: Nested[] = [];
  inputs.forEach((inp, i) => {
    const kind = inp.spec.kind ?? 'auto';
    const dtype = inp.dtype;
    const lazy = kind === 'lazy' || (purpose === 'grad' && inp.spec.diff && kind === 'auto');
    if (kind === 'variable' || (mode === 'eager' && lazy)) {
      tensors.push(k.variable(inp.feed, { dtype, name: `input_${i}` }));
    } else if (kind === 'constant' || mode === 'eager') {
      tensors.push(k.constant(inp.feed, { dtype }));
    } else {
      const shape = inp.spec.placeholderShape ?? inp.host.shape.map((d, j) => (j === 0 ? null : d));
      const p = k.placeholder({ shape, dtype, name: `input_${i}` });
      tensors.push(p);
      placeholders.push(p);
      feeds.push(inp.feed);
    }
  });
  return { tensors, placeholders, feeds };
}

function collectTensors(out: CaseOutput, acc: KTensor[]): void {
  if (out instanceof K.KTensor) acc.push(out);
  else if (Array.isArray(out)) for (const o of out as readonly CaseOutput[]) collectTensors(o, acc);
}

function substitute(out: CaseOutput, values: Map<KTensor, NDArray>): Observed {
  if (out instanceof K.KTensor) return values.get(out) as NDArray;
  if (Array.isArray(out)) return (out as readonly CaseOutput[]).map((o) => substitute(o, values));
  return out as Observed;
}

function fmtShape(s: readonly (number | null)[]): string {
  return `[${s.map((d) => (d === null ? 'None' : String(d))).join(', ')}]`;
}

/** Checks that each tensor's static shape and dtype agree with its value. */
function checkStatic(tensors: readonly KTensor[], values: Map<KTensor, NDArray>): void {
  for (const t of tensors) {
    const v = values.get(t);
    if (!v) continue;
    const s = K.intShape(t);
    if (s.length !== v.shape.length || s.some((d, i) => d !== null && d !== v.shape[i])) {
      throw new CaseFailure(`the static shape ${fmtShape(s)} (intShape) does not match the value's shape ${fmtShape(v.shape)}`);
    }
    if (K.dtype(t) !== v.dtype) throw new CaseFailure(`the tensor's dtype ${K.dtype(t)} differs from its value's dtype ${v.dtype}`);
  }
}

/** Evaluates `out`: eager with `K.eval`, graph through one `K.function` over the placeholders. */
function evaluateOutput(k: KApi, out: CaseOutput, mode: Mode, built: BuiltInputs): Observed {
  const tensors: KTensor[] = [];
  collectTensors(out, tensors);
  const values = new Map<KTensor, NDArray>();
  if (mode === 'eager') {
    for (const t of tensors) if (!values.has(t)) values.set(t, k.eval(t));
  } else if (tensors.length > 0) {
    const f = k.function(built.placeholders, tensors);
    try {
      const res = f(built.feeds);
      if (!Array.isArray(res) || res.length !== tensors.length) {
        throw new CaseFailure(`K.function returned ${Array.isArray(res) ? res.length : typeof res} values for ${tensors.length} outputs`);
      }
      tensors.forEach((t, i) => values.set(t, res[i]));
    } finally {
      // its compiled graph (an ORT session on onnx) now, not when garbage collection gets to it
      f.dispose();
    }
  }
  for (const [t, v] of values) {
    if (!(v instanceof K.NDArray)) throw new CaseFailure(`evaluating ${t.toString()} gave ${typeof v}, not an NDArray`);
  }
  checkStatic(tensors, values);
  return substitute(out, values);
}

interface CompareState {
  maxAbs: number;
  readonly problems: string[];
  readonly defaultDtype: OracleDType | undefined;
  readonly tol: Readonly<Record<FloatVariant, Tolerance>>;
}

function fmtNum(v: number | bigint): string {
  return typeof v === 'bigint' || Number.isInteger(v) ? String(v) : v.toPrecision(8);
}

function describeObserved(v: Observed): string {
  if (v instanceof K.NDArray) {
    const d = [...v.data];
    return `NDArray ${v.dtype} ${fmtShape(v.shape)} {${d.slice(0, 8).map(fmtNum).join(', ')}${d.length > 8 ? ', ...' : ''}}`;
  }
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return JSON.stringify(v) ?? String(v);
}

function compareArray(obs: NDArray, exp: OArray, path: string, st: CompareState): void {
  const where = path === '' ? '' : ` at ${path}`;
  const wantDtype = exp.dtype ?? st.defaultDtype;
  if (wantDtype !== undefined && obs.dtype !== wantDtype) {
    st.problems.push(`dtype${where}: got ${obs.dtype}, expected ${wantDtype}`);
    return;
  }
  if (obs.shape.length !== exp.shape.length || obs.shape.some((d, i) => d !== exp.shape[i])) {
    st.problems.push(`shape${where}: got ${fmtShape(obs.shape)}, expected ${fmtShape(exp.shape)}`);
    return;
  }
  if (obs.data instanceof BigInt64Array || exp.big !== undefined) {
    compareInt64(obs, exp, where, st);
    return;
  }
  const float = isFloat(obs.dtype);
  const tol = !float ? { rtol: 0, atol: 0 } : obs.dtype === 'float16' ? FLOAT16_TOLERANCE : st.tol[obs.dtype === 'float64' ? 'float64' : 'float32'];
  // float16 elements are half bit patterns on the host: decoded by the oracle's own routine
  const values: ArrayLike<number> = obs.dtype === 'float16' ? Array.from(obs.data as Uint16Array, halfValue) : (obs.data as ArrayLike<number>);
  const bad: string[] = [];
  let nBad = 0;
  for (let i = 0; i < exp.data.length; i++) {
    const a = values[i];
    const e = exp.data[i];
    let ok: boolean;
    if (Number.isNaN(e)) ok = Number.isNaN(a);
    else if (a === e) ok = true;
    else if (!Number.isFinite(e) || !Number.isFinite(a)) ok = false;
    else {
      const err = Math.abs(a - e);
      if (float) st.maxAbs = Math.max(st.maxAbs, err);
      ok = err <= tol.atol + tol.rtol * Math.abs(e);
    }
    if (!ok) {
      nBad++;
      if (bad.length < 3) bad.push(`[${i}] got ${fmtNum(a)}, expected ${fmtNum(e)}`);
    }
  }
  if (nBad > 0) {
    st.problems.push(`values${where}: ${nBad} of ${exp.data.length} differ (${bad.join('; ')})${float ? ` tol rtol=${tol.rtol} atol=${tol.atol}` : ''}`);
  }
}

/** int64 values compared exactly, as bigints (expected whole numbers taken exactly). */
function compareInt64(obs: NDArray, exp: OArray, where: string, st: CompareState): void {
  if (!(obs.data instanceof BigInt64Array)) {
    st.problems.push(`values${where}: got ${obs.dtype} numbers, expected int64 values`);
    return;
  }
  const want = exp.big ?? (exp.data.every(Number.isSafeInteger) ? exp.data.map((v) => BigInt(v)) : null);
  if (want === null) {
    st.problems.push(`bad expected value${where}: int64 values must be bigints or whole numbers`);
    return;
  }
  const bad: string[] = [];
  let nBad = 0;
  for (let i = 0; i < want.length; i++) {
    if (obs.data[i] === want[i]) continue;
    nBad++;
    if (bad.length < 3) bad.push(`[${i}] got ${obs.data[i]}, expected ${want[i]}`);
  }
  if (nBad > 0) st.problems.push(`values${where}: ${nBad} of ${want.length} differ (${bad.join('; ')})`);
}

function compare(obs: Observed, exp: Expected, path: string, st: CompareState): void {
  const where = path === '' ? '' : ` at ${path}`;
  if (obs instanceof K.NDArray) {
    if (!isOArray(exp) && (typeof exp === 'string' || exp === null || exp === undefined)) {
      st.problems.push(`got a tensor value${where}, expected ${JSON.stringify(exp)}`);
      return;
    }
    let e: OArray;
    try {
      e = asArray(exp as OArray | Nested);
    } catch (err) {
      st.problems.push(`bad expected value${where}: ${describeError(err)}`);
      return;
    }
    compareArray(obs, e, path, st);
    return;
  }
  if (Array.isArray(obs)) {
    if (!Array.isArray(exp)) {
      st.problems.push(`got ${describeObserved(obs)}${where}, expected ${isOArray(exp) ? describeOArray(exp) : JSON.stringify(exp)}`);
      return;
    }
    if (obs.length !== exp.length) {
      st.problems.push(`got a list of ${obs.length}${where}, expected ${exp.length} items`);
      return;
    }
    obs.forEach((o, i) => compare(o, (exp as readonly Expected[])[i], `${path}[${i}]`, st));
    return;
  }
  const same = typeof obs === 'number' && typeof exp === 'number' ? obs === exp || (Number.isNaN(obs) && Number.isNaN(exp)) : obs === exp;
  if (!same) st.problems.push(`got ${describeObserved(obs)}${where}, expected ${isOArray(exp) ? describeOArray(exp) : JSON.stringify(exp)}`);
}

function defaultOutDtype(c: ValueCase, inputs: readonly PreparedInput[], fx: FloatVariant): OracleDType | undefined {
  if (c.outDtype !== undefined) return resolveDType(c.outDtype, fx);
  if (inputs.some((i) => isFloat(i.dtype))) return fx;
  if (inputs.length > 0 && inputs.every((i) => i.dtype === inputs[0].dtype)) return inputs[0].dtype;
  return undefined;
}

/** The float variants a case runs in. */
export function variantsOf(c: ValueCase): readonly FloatVariant[] {
  if (c.floatVariants) return c.floatVariants;
  const floaty = (c.inputs ?? []).some((i) => i.dtype === undefined || i.dtype === 'float') || c.outDtype === 'float';
  return floaty ? ['float32', 'float64'] : ['float32'];
}

/** Runs `fn` with floatx set to `fx` and the configuration restored afterwards. */
function withConfig<R>(k: KApi, fx: FloatVariant, fn: () => R): R {
  const saved = snapshotConfig(k);
  try {
    k.setFloatx(fx);
    return fn();
  } finally {
    restoreConfig(k, saved);
  }
}

/**
 * Runs one run: `pass`, `fail` (a check failed or something threw), or `unsupported`
 * (an `UnsupportedError` for a lack the backend declares; any other one fails).
 */
function outcomeOf(k: KApi, label: string, gradient: boolean, fn: () => number): RunOutcome {
  try {
    const maxAbsError = fn();
    return { status: 'pass', label, message: '', maxAbsError, gradient };
  } catch (e) {
    if (e instanceof CaseFailure) return { status: 'fail', label, message: e.message, maxAbsError: 0, gradient };
    if (isUnsupported(e)) {
      if (declaredLack(k, e) !== null) return { status: 'unsupported', label, message: (e as Error).message, maxAbsError: 0, gradient };
      return { status: 'fail', label, message: undeclaredMessage(k, e), maxAbsError: 0, gradient };
    }
    return { status: 'fail', label, message: `threw ${describeError(e)}`, maxAbsError: 0, gradient };
  }
}

/** Runs the value part of one case in one variant and mode. */
function runValue(k: KApi, c: ValueCase, ctx: CaseContext): number {
  const inputs = prepareInputs(c, ctx.floatx);
  const hosts = inputs.map((i) => i.host);
  const built = buildInputs(k, inputs, ctx.mode, 'value');
  const out = c.run.call(ctx, k, ...built.tensors);
  const observed = evaluateOutput(k, out, ctx.mode, built);
  const st: CompareState = {
    maxAbs: 0,
    problems: [],
    defaultDtype: defaultOutDtype(c, inputs, ctx.floatx),
    tol: { ...DEFAULT_TOLERANCE, ...(c.tol ?? {}) },
  };
  if (c.expected) compare(observed, c.expected.call(ctx, ...hosts), '', st);
  if (c.check) {
    const problem = c.check.call(ctx, observed, ...hosts);
    if (problem) st.problems.push(problem);
  }
  if (!c.expected && !c.check) st.problems.push('the case has neither expected nor check');
  if (st.problems.length > 0) throw new CaseFailure(st.problems.join('; '));
  return st.maxAbs;
}

/** Step of the central differences (in float64, on the oracle). */
const GRAD_STEP = 1e-5;

/** Unit roundoff of float32 and float64. */
const UNIT_ROUNDOFF: Readonly<Record<FloatVariant, number>> = { float32: 2 ** -24, float64: 2 ** -53 };

/**
 * The float64 reference of a case's gradient check in one float variant, computed
 * once from the oracle and shared by every backend and mode.
 */
interface NumericReference {
  /** The output of `expected` at the (variant-rounded) inputs. */
  readonly base: OArray;
  /** The loss weights W (loss = sum(output * W)), rounded to the variant. */
  readonly w: OArray;
  /** Per diff input: d loss / d x by central differences, Richardson-extrapolated (steps h and 2h). */
  readonly value: Float64Array[];
  /**
   * Per diff input: sum over outputs j of |W_j dy_j/dx_e|, the size of the terms the
   * backend adds up for element e (its rounding errors scale with it).
   */
  readonly magnitude: Float64Array[];
  /** Per diff input: a bound on the reference's own error (truncation and float64 rounding). */
  readonly error: Float64Array[];
  /** Per diff input: |x_e| sum_j |W_j d2y_j/dx_e2|, the gradient's sensitivity to rounding x_e (relative). */
  readonly conditioning: Float64Array[];
  /** Per diff input: sum_j |W_j| |y_j| |d2y_j/dx_e2| / |dy_j/dx_e|, its sensitivity to rounding the outputs (relative). */
  readonly forward: Float64Array[];
  /** Per diff input: the largest `magnitude` over its elements. */
  readonly largest: number[];
}

const numericCache = new WeakMap<ValueCase, Map<FloatVariant, NumericReference>>();

function oracleArray(c: ValueCase, ctx: CaseContext, xs: OArray[]): OArray {
  const e = (c.expected as NonNullable<ValueCase['expected']>).call(ctx, ...xs);
  if (!isOArray(e) && !(typeof e === 'number' || Array.isArray(e))) throw new CaseFailure('grad: expected must give one array');
  return asArray(e as OArray | Nested);
}

function numericReference(c: ValueCase, ctx: CaseContext, hosts: readonly OArray[], diffIdx: readonly number[]): NumericReference {
  let byFx = numericCache.get(c);
  const cached = byFx?.get(ctx.floatx);
  if (cached) return cached;
  const base = oracleArray(c, ctx, [...hosts]);
  const w = storeAs(uniformArray(base.shape, `W:${c.name}`, -1, 1), ctx.floatx);
  const h = GRAD_STEP;
  // The step actually taken: x + delta rounded to float64, less x (exact), so a large x
  // (whose float64 spacing is not negligible against h) does not bias the quotient.
  const step = (x: number, delta: number): number => x + delta - x;
  const at = (idx: number, e: number, delta: number): OArray => {
    const data = [...hosts[idx].data];
    data[e] += delta;
    return oracleArray(c, ctx, hosts.map((x, t) => (t === idx ? { ...x, data } : x)));
  };
  const value: Float64Array[] = [];
  const magnitude: Float64Array[] = [];
  const error: Float64Array[] = [];
  const conditioning: Float64Array[] = [];
  const forward: Float64Array[] = [];
  const largest: number[] = [];
  for (const idx of diffIdx) {
    const n = hosts[idx].data.length;
    const val = new Float64Array(n);
    const mag = new Float64Array(n);
    const err = new Float64Array(n);
    const cond = new Float64Array(n);
    const fwd = new Float64Array(n);
    for (let e = 0; e < n; e++) {
      const x0 = hosts[idx].data[e];
      const h1 = step(x0, h) - step(x0, -h);
      const h2 = step(x0, 2 * h) - step(x0, -2 * h);
      const p1 = at(idx, e, h);
      const m1 = at(idx, e, -h);
      const p2 = at(idx, e, 2 * h);
      const m2 = at(idx, e, -2 * h);
      let d1 = 0;
      let d2 = 0;
      let sz = 0;
      let scale = 0;
      let curv = 0;
      let fw = 0;
      for (let j = 0; j < w.data.length; j++) {
        const wj = Math.abs(w.data[j]);
        const y = base.data[j];
        const t1 = (p1.data[j] - m1.data[j]) / h1;
        d1 += w.data[j] * t1;
        d2 += (w.data[j] * (p2.data[j] - m2.data[j])) / h2;
        sz += wj * Math.abs(t1);
        scale += wj * Math.max(Math.abs(p2.data[j]), Math.abs(m2.data[j]), Math.abs(y));
        // Second derivative (step 2h: float64 noise about 1e-6 |y|, far below what matters here).
        const second = Math.abs(p2.data[j] - 2 * y + m2.data[j]) / (4 * h * h);
        curv += wj * second;
        if (Math.abs(t1) > 0) fw += (wj * Math.abs(y) * second) / Math.abs(t1);
      }
      // Central differences err by about h^2 |f3| / 6 (f3 the third derivative), with
      // step 2h four times as much: (4 d1 - d2) / 3 cancels that term and |d1 - d2|
      // bounds what is left. Float64 rounding of the outputs adds about eps |W| |y| / h.
      val[e] = (4 * d1 - d2) / 3;
      mag[e] = sz;
      // The oracle's intermediates may be as large as x (log-softmax of logits near
      // 1000): their float64 rounding, about eps |x| dy/dx, is divided by h too.
      err[e] = Math.abs(d1 - d2) + (8 * UNIT_ROUNDOFF.float64 * (scale + Math.abs(x0) * sz)) / h;
      cond[e] = Math.abs(hosts[idx].data[e]) * curv;
      fwd[e] = fw;
    }
    value.push(val);
    magnitude.push(mag);
    error.push(err);
    conditioning.push(cond);
    forward.push(fwd);
    largest.push(mag.reduce((m, v) => Math.max(m, v), 0));
  }
  const ref: NumericReference = { base, w, value, magnitude, error, conditioning, forward, largest };
  if (!byFx) {
    byFx = new Map();
    numericCache.set(c, byFx);
  }
  byFx.set(ctx.floatx, ref);
  return ref;
}

/**
 * The allowed error of one element of a gradient, derived from the case: units of
 * roundoff of the variant (`GRADIENT_ULPS`) times the sizes that rounding scales
 * with at this input, plus (four times) the float64 reference's error estimate. A case's
 * `gradTol` replaces the derived part by rtol * |reference| + atol.
 */
function gradientTolerance(fx: FloatVariant, override: Tolerance | undefined, ref: NumericReference, j: number, e: number): number {
  const g = Math.abs(ref.value[j][e]);
  // The reference's error bound is an estimate: counted four times over.
  const refError = 4 * ref.error[j][e];
  if (override) return override.atol + override.rtol * g + refError;
  const U = GRADIENT_ULPS;
  const derived =
    U.terms * Math.max(ref.magnitude[j][e], g) +
    U.conditioning * ref.conditioning[j][e] +
    U.forward * ref.forward[j][e] +
    U.floor * ref.largest[j];
  return UNIT_ROUNDOFF[fx] * derived + refError;
}

/** Where the instrumentation of gradient errors goes (CONFORMANCE_GRAD_LOG, one JSON line per check). */
const GRAD_LOG = typeof process !== 'undefined' ? process.env.CONFORMANCE_GRAD_LOG : undefined;
let currentSpec = '';

/** Runs the numeric gradient check of one case in one variant and mode; returns the largest gradient error. */
function runGrad(k: KApi, c: ValueCase, ctx: CaseContext): number {
  if (!c.expected) throw new CaseFailure('grad: true needs expected');
  const inputs = prepareInputs(c, ctx.floatx);
  const hosts = inputs.map((i) => i.host);
  const diffIdx = inputs.map((inp, i) => (inp.spec.diff && isFloat(inp.dtype) ? i : -1)).filter((i) => i >= 0);
  if (diffIdx.length === 0) throw new CaseFailure('grad: true but no float input is marked diff');
  const ref = numericReference(c, ctx, hosts, diffIdx);

  const built = buildInputs(k, inputs, ctx.mode, 'grad');
  const out = c.run.call(ctx, k, ...built.tensors);
  if (!(out instanceof K.KTensor)) throw new CaseFailure('grad: run must return one tensor');
  const wT = k.constant(toNested(ref.w), { dtype: out.dtype });
  const loss = k.sum(k.multiply(out, wT));
  const targets = diffIdx.map((i) => built.tensors[i]);
  const grads = k.gradients(loss, targets);
  const nullAt = grads.map((g, j) => (g === null ? diffIdx[j] : -1)).filter((i) => i >= 0);
  if (nullAt.length > 0) throw new CaseFailure(`K.gradients gave null for input(s) ${nullAt.join(', ')}`);
  const f = k.function(ctx.mode === 'graph' ? built.placeholders : [], grads as KTensor[]);
  let vals: NDArray[];
  try {
    vals = f(ctx.mode === 'graph' ? built.feeds : []);
  } finally {
    f.dispose();
  }
  const override = c.gradTol?.[ctx.floatx];
  const problems: string[] = [];
  let maxErr = 0;
  let worst = 0;
  let worstAt = '';
  diffIdx.forEach((idx, j) => {
    const x = hosts[idx];
    const got = vals[j];
    if (got.shape.length !== x.shape.length || got.shape.some((d, i) => d !== x.shape[i])) {
      problems.push(`gradient of input ${idx}: shape ${fmtShape(got.shape)}, expected ${fmtShape(x.shape)}`);
      return;
    }
    if (got.dtype !== inputs[idx].dtype) {
      problems.push(`gradient of input ${idx}: dtype ${got.dtype}, expected ${inputs[idx].dtype}`);
      return;
    }
    const bad: string[] = [];
    let nBad = 0;
    for (let e = 0; e < x.data.length; e++) {
      const num = ref.value[j][e];
      const a = Number(got.data[e]); // gradients are floats
      const err = Math.abs(a - num);
      if (Number.isFinite(err)) maxErr = Math.max(maxErr, err);
      const allowed = gradientTolerance(ctx.floatx, override, ref, j, e);
      if (GRAD_LOG) {
        // The share of the allowed error used, and the allowed error relative to |reference|.
        const used = allowed > 0 ? err / allowed : err > 0 ? Infinity : 0;
        if (used > worst || !Number.isFinite(used)) {
          worst = used;
          worstAt = `input ${idx} [${e}] analytic ${a} numeric ${num} allowed ${allowed} relAllowed ${allowed / Math.abs(num)}`;
        }
      }
      if (!(err <= allowed)) {
        nBad++;
        if (bad.length < 3) bad.push(`[${e}] analytic ${fmtNum(a)}, numeric ${fmtNum(num)} (allowed error ${allowed.toPrecision(3)})`);
      }
    }
    if (nBad > 0) problems.push(`gradient of input ${idx}: ${nBad} of ${x.data.length} differ (${bad.join('; ')})`);
  });
  if (GRAD_LOG) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('fs') as typeof import('fs')).appendFileSync(
      GRAD_LOG,
      `${JSON.stringify({ fn: currentSpec, case: c.name, backend: ctx.backend, mode: ctx.mode, fx: ctx.floatx, ulps: worst, at: worstAt })}\n`,
    );
  }
  if (problems.length > 0) throw new CaseFailure(problems.join('; '));
  return maxErr;
}

/** Runs every run of one value case (variants x modes, plus gradient checks) on the active backend. */
export function runValueCase(k: KApi, backend: string, c: ValueCase): RunOutcome[] {
  const outcomes: RunOutcome[] = [];
  const modes = c.modes ?? (['eager', 'graph'] as const);
  for (const fx of variantsOf(c)) {
    for (const mode of modes) {
      const ctx: CaseContext = { backend, mode, floatx: fx };
      const label = `'${c.name}' [${fx}, ${mode}]`;
      outcomes.push(outcomeOf(k, label, false, () => withConfig(k, fx, () => runValue(k, c, ctx))));
      if (c.grad) {
        outcomes.push(outcomeOf(k, `gradient of ${label}`, true, () => withConfig(k, fx, () => runGrad(k, c, ctx))));
      }
    }
  }
  return outcomes;
}

/** Whether a RegExp states a whole message (anchored at both ends). */
export function isWholeMessagePattern(p: RegExp): boolean {
  return p.source.startsWith('^') && p.source.endsWith('$') && !p.source.endsWith('\\$');
}

/** Whether `msg` is the expected message: equal to a string, or matching an anchored RegExp. */
function messageMatches(expected: string | RegExp, msg: string): boolean {
  return typeof expected === 'string' ? msg === expected : expected.test(msg);
}

function describeExpected(expected: string | RegExp): string {
  return typeof expected === 'string' ? `"${expected}"` : `matching ${String(expected)}`;
}

/** Runs one error case on the active backend. */
export function runErrorCase(k: KApi, ec: ErrorCase): RunOutcome {
  const label = `error case '${ec.name}'`;
  const outcome = outcomeOf(k, label, false, () =>
    withConfig(k, 'float32', () => {
      if (typeof ec.message !== 'string' && !isWholeMessagePattern(ec.message)) {
        throw new CaseFailure(`the expected message ${String(ec.message)} does not state the whole message (a string, or a RegExp anchored with ^ and $)`);
      }
      let thrown: unknown = undefined;
      let threw = false;
      try {
        ec.run(unchecked(k));
      } catch (e) {
        threw = true;
        thrown = e;
      }
      if (!threw) throw new CaseFailure(`did not throw (expected ${ec.error} ${describeExpected(ec.message)})`);
      const cls = (k as unknown as Record<string, unknown>)[ec.error];
      // Exactly the class named: a subclass is a different error (KerasShapeError is not KerasValueError).
      const exact = typeof cls === 'function' && thrown instanceof Error && Object.getPrototypeOf(thrown) === (cls as { prototype: unknown }).prototype;
      if (!exact) {
        if (isUnsupported(thrown) && ec.error !== 'UnsupportedError' && declaredLack(k, thrown) !== null) throw thrown;
        throw new CaseFailure(`threw ${describeError(thrown)}; expected ${ec.error} ${describeExpected(ec.message)}`);
      }
      const msg = (thrown as Error).message;
      if (!messageMatches(ec.message, msg)) throw new CaseFailure(`threw ${ec.error} with message "${msg}", which is not ${describeExpected(ec.message)}`);
      return 0;
    }),
  );
  return { ...outcome, errorCase: true };
}

/** Runs every case of `spec` on the active backend (`K.setBackend` first). */
export function runSpec(k: KApi, backend: string, spec: FunctionSpec): SpecOutcome {
  const runs: RunOutcome[] = [];
  currentSpec = spec.kerasName;
  for (const c of spec.cases) runs.push(...runValueCase(k, backend, c));
  for (const ec of spec.errorCases) runs.push(runErrorCase(k, ec));
  return { runs };
}

/** The class name and message an error case raises on the active backend (for cross-backend comparison). */
export function errorSignature(k: KApi, ec: ErrorCase): string {
  return withConfig(k, 'float32', () => {
    try {
      ec.run(unchecked(k));
    } catch (e) {
      return describeError(e);
    }
    return '(no error)';
  });
}
