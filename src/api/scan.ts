/**
 * The loop primitive: `scan` builds a body graph from a traced function and applies
 * it along axis 0 of its sequences with loop-carried state (see `ScanAttrs` in
 * src/backends/types.ts). A scan is one multi-output op node (the "tuple"); its
 * outputs are `pick` nodes. Tensors the body uses without depending on the step's
 * values (weights, constants, the learning phase, ...) are captured: they become
 * inputs of the scan. Random tensors that depend on the step's values are drawn
 * for every step: they become one more sequence, drawn with the leading length.
 *
 * The gradient of a scan is a reverse scan over the per-step carries the forward
 * scan saved (hidden outputs), whose body is the forward body's vector-Jacobian
 * product, written with the same primitives: it runs on every engine and can be
 * differentiated again. Per-step input gradients are stacked by the backward scan.
 */
import type { Backend } from '../backends/backend';
import { runScan } from '../backends/interpret';
import { BodyGraph, BodyNode, isComposite, isFloatDType, ScanAttrs, Shape } from '../backends/types';
import { expansionOf } from './composites';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../errors';
import { activeBackend } from './engine';
import { fmt, inferPrimitive, StaticInfo } from './infer';
import { add, broadcastLike, expandDimsOp, scalar, where, zerosLikeOp } from './primitives';
import { checkBackendNode, constantTensor, constantValue, inputsOf, KTensor, RandomNode, topoSort, walkGraph } from './tensor';

/** What the API keeps about a scan beyond its attributes: the body as tensors. */
interface ScanInfo {
  /** The body's inputs as tensors: carry params, sequence params (hoisted randoms last), captured tensors. */
  readonly params: readonly KTensor[];
  /** The body's outputs: new carries, per-step outputs (the user's, then the saved carries). */
  readonly outputs: readonly KTensor[];
  /** Number of per-step outputs the caller asked for (the saved carries follow them). */
  readonly userOutputs: number;
  /** Static shape and dtype of each output of the scan. */
  readonly outInfo: readonly StaticInfo[];
}

const infos = new WeakMap<ScanAttrs, ScanInfo>();
/** The pick nodes already made for each scan tuple (one per output). */
const picks = new WeakMap<KTensor, KTensor[]>();

/** The body tensors of a scan's attributes (internal error when unknown). */
export function scanInfo(attrs: ScanAttrs): ScanInfo {
  const info = infos.get(attrs);
  if (info === undefined) throw new Error('internal error: a scan node whose body is unknown');
  return info;
}

/** Output `index` of scan tuple `tuple` (one pick node per output, reused). */
export function pickOutput(tuple: KTensor, index: number): KTensor {
  let made = picks.get(tuple);
  if (made === undefined) {
    made = [];
    picks.set(tuple, made);
  }
  const node = tuple.node;
  if (node.kind !== 'op' || node.op !== 'scan') throw new Error('internal error: pick of a tensor that is not a scan');
  const existing = made[index];
  if (existing !== undefined) return existing;
  const info = scanInfo(node.attrs).outInfo[index];
  const p = new KTensor({ kind: 'op', op: 'pick', attrs: { index, shape: info.shape, dtype: info.dtype }, inputs: [tuple], noGrad: false }, info.shape, info.dtype);
  made[index] = p;
  return p;
}

/** A fresh body parameter (a placeholder only the body can see). */
export function bodyParam(shape: Shape, dtype: KTensor['dtype'], name: string): KTensor {
  return new KTensor({ kind: 'placeholder', sparse: false }, shape, dtype, name);
}

/** Whether static shapes `a` and `b` can be the same at run time. */
function compatible(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/* ------------------------------------------------------------------------ */
/* Building the body                                                        */
/* ------------------------------------------------------------------------ */

interface BuiltBody {
  readonly graph: BodyGraph;
  /** Free tensors the body uses, in body-input order after the explicit params and the hoisted randoms. */
  readonly captured: KTensor[];
  /** Random tensors of the body drawn per step, in body-input order after the explicit params. */
  readonly randoms: KTensor[];
}

/**
 * The body graph of `outputs` over the explicit `params`: every tensor reached
 * from the outputs that does not depend on a param is captured (a body input).
 */
function buildBody(params: readonly KTensor[], outputs: readonly KTensor[]): BuiltBody {
  const paramIds = new Set(params.map((p) => p.id));
  const minId = Math.min(...params.map((p) => p.id));
  const depends = new Map<number, boolean>();
  const dep = (t: KTensor): boolean => {
    if (paramIds.has(t.id)) return true;
    if (t.id < minId) return false;
    walkGraph(
      [t],
      (x) => {
        if (!depends.has(x.id)) depends.set(x.id, inputsOf(x).some((c) => paramIds.has(c.id) || (c.id >= minId && depends.get(c.id) === true)));
      },
      (x) => (depends.has(x.id) ? [] : inputsOf(x).filter((c) => !paramIds.has(c.id) && c.id >= minId)),
    );
    return depends.get(t.id) as boolean;
  };

  const captured: KTensor[] = [];
  const randoms: KTensor[] = [];
  const ops: KTensor[] = [];
  const seen = new Set<number>();
  const leaf = (t: KTensor): boolean => paramIds.has(t.id) || !dep(t) || t.node.kind === 'random';
  const visit = (root: KTensor): void =>
    walkGraph(
      [root],
      (t) => {
        const n = t.node;
        if (paramIds.has(t.id)) return;
        if (!dep(t)) captured.push(t);
        else if (n.kind === 'random') randoms.push(t); // a random tensor depending on the step: drawn per step
        else if (n.kind === 'op' && isComposite(n.op)) {
          // Bodies are backend-independent: a composite runs as its decomposition there.
          const e = expansionOf(t);
          alias.set(t.id, e.id);
          visit(e);
        } else {
          ops.push(t);
        }
      },
      (t) => (leaf(t) ? [] : inputsOf(t)),
      seen,
    );
  const alias = new Map<number, number>();
  for (const o of outputs) visit(o);
  const at = (t: KTensor): number => index.get(alias.get(t.id) ?? t.id) as number;

  const inputsInOrder = [...params, ...randoms, ...captured];
  const index = new Map<number, number>();
  const nodes: BodyNode[] = [];
  for (const t of inputsInOrder) {
    index.set(t.id, nodes.length);
    nodes.push({ kind: 'input', shape: t.shape, dtype: t.dtype });
  }
  for (const t of ops) {
    const n = t.node;
    if (n.kind !== 'op') {
      // Placeholders, variables and constants never depend on a param: they are captured.
      throw new Error(`internal error: body node ${t.name} is not an op`);
    }
    index.set(t.id, nodes.length);
    nodes.push({
      kind: 'op',
      op: n.op,
      attrs: n.attrs,
      inputs: n.inputs.map(at),
      shape: t.shape,
      dtype: t.dtype,
    } as BodyNode);
  }
  const graph: BodyGraph = {
    nodes,
    inputs: inputsInOrder.map((t) => index.get(t.id) as number),
    outputs: outputs.map(at),
  };
  return { graph, captured, randoms };
}

/* ------------------------------------------------------------------------ */
/* The scan op                                                              */
/* ------------------------------------------------------------------------ */

/** A scan, described by its body as tensors. */
export interface ScanSpec {
  /** Initial carries. */
  readonly inits: readonly KTensor[];
  /** Sequences (scanned along axis 0; at least one). */
  readonly sequences: readonly KTensor[];
  /** Body params: one per carry, then one per sequence (its slice). */
  readonly params: readonly KTensor[];
  /** Body outputs: one new value per carry, then the per-step outputs. */
  readonly outputs: readonly KTensor[];
  /** Iterate from the last element to the first (outputs stay in sequence order). */
  readonly reverse: boolean;
  /** Names the caller in errors. */
  readonly fn: string;
}

/**
 * Applies a scan described by its body tensors; returns the final carries then the
 * stacked per-step outputs. Eager (run now) when every input is a constant.
 */
export function scanFromBody(spec: ScanSpec): KTensor[] {
  const { inits, sequences, params, outputs, reverse, fn } = spec;
  const nc = inits.length;
  if (sequences.length === 0) throw new Error('internal error: scan needs a sequence');
  if (params.length !== nc + sequences.length) throw new Error('internal error: scan params do not match carries and sequences');
  inits.forEach((c, j) => {
    const out = outputs[j];
    if (out.dtype !== c.dtype) {
      throw new KerasTypeError(`${fn}: the new value of loop state ${j} has dtype ${out.dtype}, but its initial value has dtype ${c.dtype}`);
    }
    if (!compatible(out.shape, c.shape)) {
      throw new KerasShapeError(`${fn}: the new value of loop state ${j} has shape [${fmt(out.shape)}], but its initial value has shape [${fmt(c.shape)}]`);
    }
  });
  let length: number | null = null;
  for (const s of sequences) {
    if (s.rank < 1) throw new Error('internal error: a scalar sequence');
    if (s.shape[0] !== null) {
      if (length !== null && length !== s.shape[0]) {
        throw new KerasShapeError(`${fn}: the sequences have different lengths (${length} and ${s.shape[0]})`);
      }
      length = s.shape[0];
    }
  }
  const userOutputs = outputs.length - nc;
  // The carries entering each step are saved as hidden per-step outputs (for the gradient).
  const allOutputs = [...outputs, ...params.slice(0, nc)];
  const body = buildBody(params, allOutputs);
  const backend = activeBackend();
  for (const n of body.graph.nodes) checkBackendNode(backend, n);

  // Random tensors of the body: one draw per step, as one more sequence.
  const randomSeqs = body.randoms.map((r) => {
    const n = r.node as RandomNode;
    const stepOf = {
      params: [...params, ...body.captured],
      outer: [...inits, ...sequences, ...body.captured],
      sliced: [...inits.map(() => false), ...sequences.map(() => true), ...body.captured.map(() => false)],
      like: n.inputs[0],
    };
    return new KTensor({ ...n, inputs: [...inits, ...sequences, ...body.captured], stepOf }, [length, ...r.shape], r.dtype);
  });
  const attrs: ScanAttrs = { body: body.graph, carries: nc, sequences: sequences.length + randomSeqs.length, reverse };
  const outInfo: StaticInfo[] = [
    ...inits.map((c) => ({ shape: c.shape, dtype: c.dtype })),
    ...allOutputs.slice(nc).map((y) => ({ shape: [length, ...y.shape], dtype: y.dtype })),
  ];
  infos.set(attrs, { params: [...params, ...body.randoms, ...body.captured], outputs: allOutputs, userOutputs, outInfo });
  const inputs = [...inits, ...sequences, ...randomSeqs, ...body.captured];
  const wanted = nc + userOutputs;
  if (inputs.every((t) => t.node.kind === 'constant')) return runEagerScan(backend, attrs, inputs, outInfo, wanted);
  const tuple = new KTensor({ kind: 'op', op: 'scan', attrs, inputs, noGrad: false }, outInfo[0].shape, outInfo[0].dtype);
  return Array.from({ length: wanted }, (_, k) => pickOutput(tuple, k));
}

function runEagerScan(backend: Backend, attrs: ScanAttrs, inputs: readonly KTensor[], outInfo: readonly StaticInfo[], wanted: number): KTensor[] {
  const natives = inputs.map((t) => constantValue(t, backend));
  const want = outInfo.map((_, k) => k < wanted);
  const res = runScan(backend, attrs, natives, want);
  return res.slice(0, wanted).map((v, k) => constantTensor(backend, v, backend.shapeOf(v), outInfo[k].dtype));
}

/** Options of `scan`. */
export interface ScanOptions {
  /** Iterate from the last element to the first (outputs stay in sequence order). */
  readonly reverse?: boolean;
  /**
   * A bool sequence (length on axis 0 like the others): where mask[t] is false, the
   * carries keep their previous values (the mask slice is broadcast against each
   * carry, aligned on the leading axes).
   */
  readonly mask?: KTensor | null;
}

/**
 * Scans `step(carries, slices)` along axis 0 of `sequences`: `step` returns
 * `[newCarries, perStepOutputs]`. Returns `[finalCarries, stackedOutputs]`.
 * `fn` names the caller in errors.
 */
export function scan(
  fn: string,
  step: (carries: KTensor[], slices: KTensor[]) => [readonly KTensor[], readonly KTensor[]],
  inits: readonly KTensor[],
  sequences: readonly KTensor[],
  options: ScanOptions = {},
): [KTensor[], KTensor[]] {
  const mask = options.mask ?? null;
  const seqs = mask === null ? [...sequences] : [...sequences, mask];
  const cParams = inits.map((c, j) => bodyParam(c.shape, c.dtype, `${fn}_carry${j}`));
  const sParams = seqs.map((s, j) => bodyParam(s.shape.slice(1), s.dtype, `${fn}_step${j}`));
  const [newCarries, ys] = step(cParams, sParams.slice(0, sequences.length));
  if (newCarries.length !== inits.length) throw new Error(`internal error: ${fn} step returned ${newCarries.length} carries for ${inits.length}`);
  let carriesOut = [...newCarries];
  if (mask !== null) {
    const m = sParams[sParams.length - 1];
    carriesOut = carriesOut.map((c, j) => {
      const old = cParams[j];
      if (c.rank < m.rank) throw new KerasShapeError(`${fn}: the mask has rank ${m.rank + 1}, more than loop state ${j} (rank ${c.rank}) plus one`);
      const axes = Array.from({ length: c.rank - m.rank }, (_, i) => m.rank + i);
      const mm = expandDimsOp(m, axes);
      return where(mm, c, old);
    });
  }
  const out = scanFromBody({ inits, sequences: seqs, params: [...cParams, ...sParams], outputs: [...carriesOut, ...ys], reverse: options.reverse ?? false, fn });
  return [out.slice(0, inits.length), out.slice(inits.length)];
}

/* ------------------------------------------------------------------------ */
/* Gradient                                                                 */
/* ------------------------------------------------------------------------ */

/** Vector-Jacobian product, supplied by gradients.ts (set at start-up: it imports this module). */
export type Vjp = (seeds: readonly (readonly [KTensor, KTensor])[], targets: readonly KTensor[], leaves: ReadonlySet<number>) => (KTensor | null)[];
let vjpImpl: Vjp | null = null;

/** Installs the vector-Jacobian product used by the scan gradient. */
export function installVjp(v: Vjp): void {
  vjpImpl = v;
}

/**
 * The gradients of a scan's inputs, given the gradients of its outputs (null where
 * none flows): a reverse scan over the saved carries, whose body is the VJP of the
 * forward body.
 */
export function scanGradient(tuple: KTensor, outGrads: readonly (KTensor | null)[]): (KTensor | null)[] {
  const node = tuple.node;
  if (node.kind !== 'op' || node.op !== 'scan') throw new Error('internal error: scanGradient of a non-scan');
  const vjp = vjpImpl as Vjp;
  const attrs = node.attrs;
  const info = scanInfo(attrs);
  const nc = attrs.carries;
  const ns = attrs.sequences;
  const inputs = node.inputs;
  const inits = inputs.slice(0, nc);
  const seqs = inputs.slice(nc, nc + ns);
  const captured = inputs.slice(nc + ns);
  const P = info.params;
  const pc = P.slice(0, nc);
  const px = P.slice(nc, nc + ns);
  const pk = P.slice(nc + ns); // the captured tensors themselves
  const ny = info.outputs.length - nc; // per-step outputs, saved carries included
  const saved = Array.from({ length: nc }, (_, j) => pickOutput(tuple, nc + info.userOutputs + j));

  const isDiff = (t: KTensor): boolean => isFloatDType(t.dtype) && t.node.kind !== 'constant' && t.node.kind !== 'random';
  const gc = inits.map((c, j) => (isFloatDType(c.dtype) ? j : -1)).filter((j) => j >= 0);
  const gk = captured.map((k, m) => (isDiff(k) ? m : -1)).filter((m) => m >= 0);
  const gx = seqs.map((s, i) => (isDiff(s) ? i : -1)).filter((i) => i >= 0);
  const gy = Array.from({ length: ny }, (_, i) => i).filter((i) => outGrads[nc + i] !== null && outGrads[nc + i] !== undefined);
  if (gc.every((j) => outGrads[j] === null || outGrads[j] === undefined) && gy.length === 0) return inputs.map(() => null);

  // Backward carries: the carries' cotangents, then the captured tensors' accumulated gradients.
  const bInits = [
    ...gc.map((j) => outGrads[j] ?? zerosLikeOp(inits[j])),
    ...gk.map((m) => zerosLikeOp(captured[m])),
  ];
  const gcP = gc.map((j) => bodyParam(pc[j].shape, pc[j].dtype, `grad_carry${j}`));
  const gkP = gk.map((m) => bodyParam(captured[m].shape, captured[m].dtype, `grad_captured${m}`));
  const yOut = info.outputs.slice(nc);
  const gyP = gy.map((i) => bodyParam(yOut[i].shape, yOut[i].dtype, `grad_step_output${i}`));
  const seeds: [KTensor, KTensor][] = [
    ...gc.map((j, q): [KTensor, KTensor] => [info.outputs[j], gcP[q]]),
    ...gy.map((i, q): [KTensor, KTensor] => [yOut[i], gyP[q]]),
  ];
  const targets = [...gc.map((j) => pc[j]), ...gx.map((i) => px[i]), ...gk.map((m) => pk[m])];
  const leaves = new Set(P.map((p) => p.id));
  const d = vjp(seeds, targets, leaves);
  const dc = gc.map((j, q) => d[q] ?? zerosLikeOp(pc[j]));
  const dx = gx.map((i, q) => d[gc.length + q] ?? zerosLikeOp(px[i]));
  const dk = gk.map((m, q) => {
    const g = d[gc.length + gx.length + q];
    return g === null ? gkP[q] : add(gkP[q], g);
  });
  // Params of the backward body: its carries, then the sequences it reads: the forward
  // body's carry and sequence params (bound to the saved carries and the sequences),
  // then the output cotangents.
  const back = scanFromBody({
    inits: bInits,
    sequences: [...saved, ...seqs, ...gy.map((i) => outGrads[nc + i] as KTensor)],
    params: [...gcP, ...gkP, ...pc, ...px, ...gyP],
    outputs: [...dc, ...dk, ...dx],
    reverse: !attrs.reverse,
    fn: 'gradients',
  });
  const nb = gc.length + gk.length;
  const result: (KTensor | null)[] = inputs.map(() => null);
  gc.forEach((j, q) => (result[j] = back[q]));
  gk.forEach((m, q) => (result[nc + ns + m] = back[gc.length + q]));
  gx.forEach((i, q) => (result[nc + i] = back[nb + q]));
  return result;
}

/* ------------------------------------------------------------------------ */
/* Run-time shapes                                                          */
/* ------------------------------------------------------------------------ */

/**
 * Fills `shapes` (tensor id -> concrete shape) for `targets` and what they need,
 * by shape inference from the shapes already there (placeholders fed, ...). Scan
 * outputs are inferred through their bodies; random tensors drawn per step from
 * theirs.
 */
export function inferRunTimeShapes(order: readonly KTensor[], shapes: Map<number, readonly number[]>): void {
  const tupleShapes = new Map<number, (readonly number[])[]>();
  const get = (t: KTensor): readonly number[] => {
    const s = shapes.get(t.id);
    if (s !== undefined) return s;
    if (t.shape.every((d) => d !== null)) return t.shape as number[];
    throw new KerasValueError(`internal error: no run-time shape for ${t.name}`);
  };
  for (const t of order) {
    if (shapes.has(t.id)) continue;
    const n = t.node;
    if (n.kind === 'op' && n.op === 'scan') {
      tupleShapes.set(t.id, scanShapes(n.attrs, n.inputs.map(get)));
      shapes.set(t.id, (tupleShapes.get(t.id) as number[][])[0]);
    } else if (n.kind === 'op' && n.op === 'pick') {
      const tuple = n.inputs[0];
      let ts = tupleShapes.get(tuple.id);
      if (ts === undefined) {
        const tn = tuple.node as { attrs: ScanAttrs; inputs: readonly KTensor[] };
        ts = scanShapes(tn.attrs, tn.inputs.map(get));
        tupleShapes.set(tuple.id, ts);
      }
      shapes.set(t.id, ts[n.attrs.index]);
    } else if (n.kind === 'op') {
      const info = n.inputs.map((c) => ({ shape: get(c), dtype: c.dtype }));
      shapes.set(t.id, inferPrimitive(n.op, info, n.attrs as never).shape as number[]);
    } else if (n.kind === 'random' && n.stepOf !== undefined) {
      // Drawn per step of a scan: [steps, ...the run-time shape of the body tensor it follows].
      const so = n.stepOf;
      const inner = new Map<number, readonly number[]>();
      so.params.forEach((p, k) => {
        const o = get(so.outer[k]);
        inner.set(p.id, so.sliced[k] ? o.slice(1) : o);
      });
      inferRunTimeShapes(topoSort([so.like], new Set(so.params.map((p) => p.id))), inner);
      const first = so.sliced.indexOf(true);
      shapes.set(t.id, [get(so.outer[first])[0], ...(inner.get(so.like.id) as number[])]);
    } else if (n.kind === 'random' && n.inputs.length > 0) {
      shapes.set(t.id, get(n.inputs[0]));
    } else {
      shapes.set(t.id, get(t));
    }
  }
}

/** Concrete output shapes of a scan, given its inputs' concrete shapes. */
function scanShapes(attrs: ScanAttrs, inputShapes: readonly (readonly number[])[]): number[][] {
  const info = scanInfo(attrs);
  const nc = attrs.carries;
  const ns = attrs.sequences;
  const n = inputShapes[nc][0];
  const inner = new Map<number, readonly number[]>();
  info.params.forEach((p, k) => inner.set(p.id, k >= nc && k < nc + ns ? inputShapes[k].slice(1) : inputShapes[k]));
  const order = topoSort(info.outputs, new Set(info.params.map((p) => p.id)));
  inferRunTimeShapes(order, inner);
  return [
    ...inputShapes.slice(0, nc).map((s) => [...s]),
    ...info.outputs.slice(nc).map((y) => [n, ...(inner.get(y.id) as number[])]),
  ];
}

/** Zeros shaped like `x` (re-exported for the loop ops). */
export function zerosLike(x: KTensor): KTensor {
  return broadcastLike(scalar(0, x.dtype), x);
}
