/**
 * Higher-order primitives: a primitive whose attributes hold a graph. `scan` runs
 * its body once per step of a run-time length; `pick` reads one of its outputs.
 */
import { KerasValueError } from '../../errors';
import type { DType, Shape } from '../dtypes';
import type { OpNode } from '../types';
import type { PrimitiveDefs, StaticInfo } from './definition';

/**
 * A graph held in a primitive's attributes. It has no constants and no variables
 * of its own: whatever the body closes over becomes an explicit input of the
 * primitive that holds it (as JAX's scan passes its consts), so a body is plain
 * data that every backend and every pass can read, compare and serialise.
 * Nodes are in topological order; an op node's inputs are earlier node indices.
 */
export interface BodyGraph {
  readonly nodes: readonly BodyNode[];
  /** Node indices of the `input` nodes, in the order the holder binds them. */
  readonly inputs: readonly number[];
  /** Node indices of the body's results, in order. */
  readonly outputs: readonly number[];
}

/** A node of a body graph: an input bound by the holding primitive, or a primitive applied to earlier nodes. */
export type BodyNode = { readonly kind: 'input'; readonly shape: Shape; readonly dtype: DType } | OpNode;

/**
 * The attributes of `scan`. With c carries, s sequences (all of the same run-time
 * length n on axis 0) and the invariants k, the body maps its inputs [...c, ...one
 * slice x_t of each sequence (axis 0 removed), ...k] to its outputs [...new c, ...y_t].
 * Steps run for t = 0..n-1 (`reverse`: t = n-1..0), each feeding the previous step's
 * new carries. Outputs: the final carries (the initial ones when n = 0), then each y
 * stacked on a new axis 0 in sequence order (y[t] comes from x_t, also when
 * `reverse`). The number of steps is read at run time; `sequences` >= 1. With zero
 * steps the stacked outputs are empty, their per-step dims unknown before a step
 * runs being 0.
 */
export interface ScanAttrs {
  readonly body: BodyGraph;
  readonly carries: number;
  readonly sequences: number;
  readonly reverse: boolean;
}

/**
 * Attributes of the higher-order primitives. They are run by the graph runner
 * (src/backends/interpret.ts, and the ONNX lowering), not by a kernel of each
 * backend, and differentiated by src/api/scan.ts: a scan has several outputs.
 */
export type HigherOrderAttrs = {
  /**
   * A loop (see `ScanAttrs`). inputs [...initial carries, ...sequences, ...invariants];
   * a multi-output node whose outputs are read with `pick`: [...final carries,
   * ...stacked per-step outputs]. Its own shape and dtype are those of output 0.
   */
  readonly scan: ScanAttrs;
  /** inputs [a scan]: its output number `index`, of static `shape` and `dtype`. */
  readonly pick: { readonly index: number; readonly shape: Shape; readonly dtype: DType };
};

/** The static shape and dtype of each output of a scan, from its inputs'. */
export function scanOutputInfo(attrs: ScanAttrs, inputs: readonly StaticInfo[]): StaticInfo[] {
  const { body, carries: nc, sequences: ns } = attrs;
  const seqs = inputs.slice(nc, nc + ns);
  const length = seqs.map((s) => s.shape[0]).find((d) => d !== null && d !== undefined) ?? null;
  return [
    ...inputs.slice(0, nc).map((c) => ({ shape: c.shape, dtype: c.dtype })),
    ...body.outputs.slice(nc).map((o) => ({ shape: [length, ...body.nodes[o].shape], dtype: body.nodes[o].dtype })),
  ];
}

/** Definitions of the higher-order primitives. */
export const HIGHER_ORDER_PRIMITIVES: PrimitiveDefs<HigherOrderAttrs> = {
  scan: {
    arity: { min: 1 },
    infer: (inputs, attrs) => {
      const { body, carries: nc, sequences: ns } = attrs;
      if (ns < 1 || nc + ns > inputs.length || body.inputs.length !== inputs.length || body.outputs.length < nc) {
        throw new KerasValueError(`scan: ${inputs.length} inputs do not fit a body of ${body.inputs.length} inputs with ${nc} carries and ${ns} sequences`);
      }
      inputs.forEach((x, k) => {
        const b = body.nodes[body.inputs[k]];
        const shape = k >= nc && k < nc + ns ? x.shape.slice(1) : x.shape;
        if (x.dtype !== b.dtype || shape.length !== b.shape.length) {
          throw new KerasValueError(`scan: input ${k} (${x.dtype} of rank ${x.shape.length}) does not fit body input ${k} (${b.dtype} of rank ${b.shape.length}${k >= nc && k < nc + ns ? ', plus the scanned axis' : ''})`);
        }
      });
      const out = scanOutputInfo(attrs, inputs);
      if (out.length === 0) throw new KerasValueError('scan: a loop with no outputs');
      return out[0];
    },
    bodies: (attrs) => [attrs.body],
  },
  pick: {
    arity: 1,
    infer: (_inputs, { shape, dtype }) => ({ shape, dtype }),
  },
};
