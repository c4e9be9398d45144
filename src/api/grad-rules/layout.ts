/**
 * Gradient rules of the layout primitives (src/backends/primitives/layout.ts).
 */
import { LayoutAttrs } from '../../backends/types';
import { applyOp, constantFrom } from '../primitives';
import { broadcastLike, cast, inversePerm, reduceOp, reshapeLike, reshapeTo, transposeOp, unbroadcast, zerosLikeOp } from '../primitives';
import { KTensor } from '../tensor';
import { accumulate } from './accumulate';
import { GradientRules, notDifferentiable as none } from './rule';

/** A zero constant of rank `rank`, length `n` on `axis` and 1 elsewhere, of g's dtype (a length marker for concatPart). */
function zerosOfShape(rank: number, axis: number, n: number, g: KTensor): KTensor {
  const shape = Array.from({ length: rank }, (_, i) => (i === axis ? n : 1));
  return constantFrom({ data: new Array<number>(n).fill(0), shape }, 'gradients', 'pad', g.dtype);
}

/** Gradient rules of the layout primitives. */
export const LAYOUT_GRADIENTS: GradientRules<LayoutAttrs> = {
  reshape: ([x], _a, _y, g) => [reshapeLike(g, x)],
  reshapeLike: ([x], _a, _y, g) => [reshapeLike(g, x), null],
  expandDims: ([x], _a, _y, g) => [reshapeLike(g, x)],
  transpose: (_i, a, _y, g) => [transposeOp(g, inversePerm(a.perm))],
  slice: ([x], a, _y, g) => {
    let out = g;
    const pads = a.begin.map((b, i): [number, number] => {
      const s = a.size[i];
      if (s < 0) return [b, 0];
      const d = x.shape[i];
      if (d !== null) return [b, d - b - s];
      // Unknown length: place g's rows b..b+s-1 in a zero tensor as long as x's axis
      // (the adjoint of gathering those rows; scatterAdd reads the length from x).
      const rows = constantFrom({ data: Int32Array.from({ length: s }, (_, k) => b + k), shape: [s] }, 'gradients', 'slice', 'int32');
      out = applyOp('scatterAdd', [out, rows, x], { axis: i, size: -1 });
      return [0, 0];
    });
    return [pads.some(([p, q]) => p !== 0 || q !== 0) ? applyOp('pad', [out], { pads, value: 0 }) : out];
  },
  concat: (inputs, a, _y, g) => {
    if (inputs.some((t) => t.shape[a.axis] === null)) {
      // Lengths known only at run time: cut g by the parts' run-time lengths.
      return inputs.map((_, index) => applyOp('concatPart', [g, ...inputs], { axis: a.axis, index }));
    }
    let offset = 0;
    return inputs.map((t) => {
      const d = t.shape[a.axis] as number;
      const begin = t.shape.map((_, i) => (i === a.axis ? offset : 0));
      const size = t.shape.map((_, i) => (i === a.axis ? d : -1));
      offset += d;
      return applyOp('slice', [g], { begin, size });
    });
  },
  concatPart: ([, ...parts], a, _y, g) => {
    // The adjoint: g in its place, zeros for the other parts.
    const pieces = parts.map((p, j) => (j === a.index ? g : zerosLikeOp(cast(p, g.dtype))));
    return [applyOp('concat', pieces, { axis: a.axis }), ...parts.map(() => null)];
  },
  pad: ([x], a, _y, g) => {
    // Axes padded at the end whose length is unknown: cut g there as the middle
    // part of [before, x, after] (concatPart reads the lengths at run time).
    let cut = g;
    const begin = a.pads.map((p) => p[0]);
    const size = x.shape.map((d, i) => {
      const [before, after] = a.pads[i];
      if (after === 0) return -1;
      if (d !== null) return d;
      const edge = (n: number): KTensor => zerosOfShape(x.rank, i, n, g);
      cut = applyOp('concatPart', [cut, edge(before), x, edge(after)], { axis: i, index: 1 });
      begin[i] = 0;
      return -1;
    });
    return [applyOp('slice', [cut], { begin, size })];
  },
  tile: ([x], a, _y, g) => {
    if (x.shape.some((d) => d === null)) {
      // Unknown dims: along each repeated axis, add up the r copies, each cut out
      // by its run-time length (concatPart of r parts shaped like x).
      let acc = g;
      a.reps.forEach((r, axis) => {
        if (r === 1) return;
        const parts = new Array<KTensor>(r).fill(x);
        let sum: KTensor | undefined;
        for (let k = 0; k < r; k++) sum = accumulate(sum, applyOp('concatPart', [acc, ...parts], { axis, index: k }));
        acc = sum ?? acc;
      });
      return [acc];
    }
    // g has shape [r0*d0, r1*d1, ...]: view it as [r0, d0, r1, d1, ...] and sum the r axes.
    const split: number[] = [];
    x.shape.forEach((d, i) => split.push(a.reps[i], d as number));
    const view = reshapeTo(g, split, 'gradients');
    const axes = a.reps.map((_, i) => 2 * i);
    return [reduceOp('reduceSum', view, axes, false)];
  },
  reverse: (_i, a, _y, g) => [applyOp('reverse', [g], { axes: a.axes })],
  broadcastTo: ([x], a, _y, g) => [unbroadcast(g, x, [a.shape])],
  broadcastLike: ([x, like], _a, _y, g) => [unbroadcast(g, x, [like.shape]), null],
  sumLike: ([x], _a, _y, g) => [broadcastLike(g, x), null],
  shapeOf: none,
};
