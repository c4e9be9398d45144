/**
 * Reverse-mode differentiation: the vector-Jacobian product over the tensor graph,
 * one rule per primitive (src/api/grad-rules), and a reverse loop for each scan
 * (src/api/scan.ts). `gradients` (src/api/ops/graph/gradients.ts) is built on it.
 */
import { isFloatDType } from '../backends/types';
import { accumulate, inputGradients } from './grad-rules';
import { cast } from './primitives';
import { installVjp, scanGradient } from './scan';
import { KTensor, topoSort } from './tensor';

/**
 * The vector-Jacobian product: the gradients of `targets` when each seed's tensor
 * receives its cotangent (null where none flows). The walk does not go past
 * `leaves` (a loop body's inputs, captured tensors included).
 */
export function vjp(
  seeds: readonly (readonly [KTensor, KTensor])[],
  targets: readonly KTensor[],
  leaves: ReadonlySet<number> = new Set(),
): (KTensor | null)[] {
  const targetIds = new Set(targets.map((t) => t.id));
  const stop = leaves;
  const order = topoSort(
    seeds.map((s) => s[0]),
    stop,
  );
  // Which tensors lie on a path from a target (gradients flow only there).
  const reaches = new Set<number>();
  for (const t of order) {
    if (targetIds.has(t.id)) reaches.add(t.id);
    else if (t.node.kind === 'op' && !t.node.noGrad && !stop.has(t.id) && t.node.inputs.some((c) => reaches.has(c.id))) reaches.add(t.id);
  }
  const grads = new Map<number, KTensor>();
  for (const [t, g] of seeds) if (reaches.has(t.id)) grads.set(t.id, accumulate(grads.get(t.id), g));
  // Gradients of each loop's outputs, gathered from its picks.
  const tupleGrads = new Map<number, (KTensor | null)[]>();
  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k];
    if (stop.has(t.id) || t.node.kind !== 'op' || t.node.noGrad) continue;
    const node = t.node;
    const inputs = node.inputs;
    if (!inputs.some((c) => reaches.has(c.id))) continue;
    let gi: (KTensor | null)[];
    if (node.op === 'pick') {
      const g = grads.get(t.id);
      if (g === undefined) continue;
      const tuple = inputs[0];
      let tg = tupleGrads.get(tuple.id);
      if (tg === undefined) {
        tg = [];
        tupleGrads.set(tuple.id, tg);
      }
      const prev = tg[node.attrs.index];
      tg[node.attrs.index] = prev === undefined || prev === null ? g : accumulate(prev, g);
      continue;
    } else if (node.op === 'scan') {
      const tg = tupleGrads.get(t.id);
      if (tg === undefined) continue;
      gi = scanGradient(t, tg);
    } else {
      const g = grads.get(t.id);
      if (g === undefined) continue;
      gi = inputGradients(t, g);
    }
    inputs.forEach((c, i) => {
      const d = gi[i];
      if (d === null || d === undefined || !reaches.has(c.id) || !isFloatDType(c.dtype)) return;
      grads.set(c.id, accumulate(grads.get(c.id), cast(d, c.dtype)));
    });
  }
  return targets.map((t) => grads.get(t.id) ?? null);
}

installVjp(vjp);
