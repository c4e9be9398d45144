/**
 * One gradient rule per primitive, written with primitives, so the same code
 * differentiates on every backend (and gradients of gradients work).
 */
import { PrimitiveAttrs, PrimitiveName, isFloatDType } from '../backends/types';
import { applyOp, constantFrom } from './op';
import {
  add,
  binary,
  broadcastLike,
  cast,
  div,
  expandDimsOp,
  inversePerm,
  matMul,
  mul,
  neg,
  reduceOp,
  reshapeLike,
  reshapeTo,
  scalar,
  sub,
  transposeOp,
  unary,
  unbroadcast,
  where,
  zerosLikeOp,
} from './prims';
import { KTensor } from './tensor';

/** A gradient rule: the op's inputs, attributes and output, and the output's gradient; one gradient (or null) per input. */
type Rule<P extends PrimitiveName> = (inputs: readonly KTensor[], attrs: PrimitiveAttrs[P], y: KTensor, g: KTensor) => (KTensor | null)[];

const none = (inputs: readonly KTensor[]): null[] => inputs.map(() => null);

/** A zero constant of rank `rank`, length `n` on `axis` and 1 elsewhere, of g's dtype (a length marker for concatPart). */
function zerosOfShape(rank: number, axis: number, n: number, g: KTensor): KTensor {
  const shape = Array.from({ length: rank }, (_, i) => (i === axis ? n : 1));
  return constantFrom({ data: new Array<number>(n).fill(0), shape }, 'gradients', 'pad', g.dtype);
}

/** `g` of a reduction's output, with the reduced axes back as length-1 dims. */
function keptGrad(g: KTensor, a: PrimitiveAttrs['reduceSum']): KTensor {
  return a.keepDims ? g : expandDimsOp(g, a.axes);
}

function gradThroughReduce(x: KTensor, a: PrimitiveAttrs['reduceSum'], g: KTensor): KTensor {
  return broadcastLike(keptGrad(g, a), x);
}

function maxMinRule(inputs: readonly KTensor[], a: PrimitiveAttrs['reduceMax'], y: KTensor, g: KTensor): (KTensor | null)[] {
  const x = inputs[0];
  const yk = keptGrad(y, a);
  const mask = cast(binary('equal', x, yk), x.dtype);
  // Ties share the gradient equally, as TensorFlow does.
  const count = reduceOp('reduceSum', mask, a.axes, true);
  return [mul(mask, div(keptGrad(g, a), count))];
}

const rules: { [P in PrimitiveName]: Rule<P> } = {
  neg: (_i, _a, _y, g) => [neg(g)],
  abs: ([x], _a, _y, g) => [mul(g, unary('sign', x))],
  sign: ([x]) => [zerosLikeOp(x)],
  // |y|: the gradient at -0 is +Inf, as at +0, whatever sign of zero the engine's sqrt gives
  sqrt: (_i, _a, y, g) => [div(g, mul(scalar(2, y.dtype), unary('abs', y)))],
  exp: (_i, _a, y, g) => [mul(g, y)],
  log: ([x], _a, _y, g) => [div(g, x)],
  tanh: (_i, _a, y, g) => [mul(g, sub(scalar(1, y.dtype), mul(y, y)))],
  sigmoid: (_i, _a, y, g) => [mul(g, mul(y, sub(scalar(1, y.dtype), y)))],
  relu: ([x], _a, _y, g) => [where(binary('greater', x, scalar(0, x.dtype)), g, zerosLikeOp(g))],
  sin: ([x], _a, _y, g) => [mul(g, unary('cos', x))],
  cos: ([x], _a, _y, g) => [neg(mul(g, unary('sin', x)))],
  round: ([x]) => [zerosLikeOp(x)],
  floor: ([x]) => [zerosLikeOp(x)],
  ceil: ([x]) => [zerosLikeOp(x)],
  logicalNot: none,
  add: ([a, b], _at, _y, g) => [unbroadcast(g, a, [b.shape]), unbroadcast(g, b, [a.shape])],
  sub: ([a, b], _at, _y, g) => [unbroadcast(g, a, [b.shape]), unbroadcast(neg(g), b, [a.shape])],
  mul: ([a, b], _at, _y, g) => [unbroadcast(mul(g, b), a, [b.shape]), unbroadcast(mul(g, a), b, [a.shape])],
  div: ([a, b], _at, _y, g) => [unbroadcast(div(g, b), a, [b.shape]), unbroadcast(neg(div(mul(g, a), mul(b, b))), b, [a.shape])],
  pow: ([a, b], _at, y, g) => {
    const one = scalar(1, a.dtype);
    const da = mul(g, mul(b, binary('pow', a, sub(b, one))));
    // d/db a^b = a^b log a, taken as 0 where a <= 0 (as TensorFlow does).
    const positive = binary('greater', a, scalar(0, a.dtype));
    const safeA = where(positive, a, broadcastLike(one, a));
    const db = where(positive, mul(g, mul(y, unary('log', safeA))), zerosLikeOp(g));
    return [unbroadcast(da, a, [b.shape]), unbroadcast(db, b, [a.shape])];
  },
  maximum: ([a, b], _at, _y, g) => {
    const pick = binary('greaterEqual', a, b);
    const z = zerosLikeOp(g);
    return [unbroadcast(where(pick, g, z), a, [b.shape]), unbroadcast(where(pick, z, g), b, [a.shape])];
  },
  minimum: ([a, b], _at, _y, g) => {
    const pick = binary('lessEqual', a, b);
    const z = zerosLikeOp(g);
    return [unbroadcast(where(pick, g, z), a, [b.shape]), unbroadcast(where(pick, z, g), b, [a.shape])];
  },
  equal: none,
  notEqual: none,
  greater: none,
  greaterEqual: none,
  less: none,
  lessEqual: none,
  logicalAnd: none,
  logicalOr: none,
  reduceSum: ([x], a, _y, g) => [gradThroughReduce(x, a, g)],
  reduceMax: maxMinRule,
  reduceMin: maxMinRule,
  reduceProd: ([x], a, _y, g) => {
    // Product of all the other elements, without dividing (exact with zeros): the
    // exclusive cumulative products from both ends, multiplied.
    if (a.axes.length === 1) {
      // One axis: along it directly (any dims may be unknown).
      const axis = a.axes[0];
      const left = applyOp('cumprod', [x], { axis, exclusive: true, reverse: false });
      const right = applyOp('cumprod', [x], { axis, exclusive: true, reverse: true });
      return [mul(mul(left, right), keptGrad(g, a))];
    }
    // Several axes: move them last and flatten them into one.
    const r = x.rank;
    const kept = Array.from({ length: r }, (_, i) => i).filter((i) => !a.axes.includes(i));
    const perm = [...kept, ...a.axes];
    const xt = transposeOp(x, perm);
    const n = a.axes.reduce<number | null>((p, i) => (p === null || x.shape[i] === null ? null : p * (x.shape[i] as number)), 1);
    if (n === null) {
      // Unknown lengths: as a product over the first axis, then over the others.
      const [first, ...rest] = a.axes;
      const y1 = applyOp('reduceProd', [x], { axes: [first], keepDims: true });
      const prodRule = rules.reduceProd as Rule<'reduceProd'>;
      const [g1] = prodRule([y1], { axes: rest, keepDims: true }, y1, keptGrad(g, a));
      return prodRule([x], { axes: [first], keepDims: true }, y1, g1 as KTensor);
    }
    const keptShape = kept.map((i) => x.shape[i]);
    const flat = reshapeTo(xt, [...keptShape, n], 'gradients');
    const axis = keptShape.length;
    const left = applyOp('cumprod', [flat], { axis, exclusive: true, reverse: false });
    const right = applyOp('cumprod', [flat], { axis, exclusive: true, reverse: true });
    const gk = a.keepDims ? reshapeTo(g, keptShape, 'gradients') : g;
    const gFlat = reshapeTo(gk, [...keptShape, 1], 'gradients');
    const dflat = mul(mul(left, right), gFlat);
    const dt = reshapeTo(dflat, perm.map((p) => x.shape[p]), 'gradients');
    return [transposeOp(dt, inversePerm(perm))];
  },
  reduceAny: none,
  reduceAll: none,
  identity: (_i, _a, _y, g) => [g],
  cast: ([x], _a, y, g) => [isFloatDType(x.dtype) && isFloatDType(y.dtype) ? cast(g, x.dtype) : null],
  where: ([c, a, b], _at, _y, g) => {
    const z = zerosLikeOp(g);
    return [null, unbroadcast(where(c, g, z), a, [c.shape, b.shape]), unbroadcast(where(c, z, g), b, [c.shape, a.shape])];
  },
  argMax: none,
  argMin: none,
  cumsum: (_i, a, _y, g) => [applyOp('cumsum', [g], { axis: a.axis, exclusive: a.exclusive, reverse: !a.reverse })],
  cumprod: ([x], a, y, g) => {
    // As TensorFlow: reverse cumulative sum of y*g, divided by x (undefined where x is 0, as there).
    const s = applyOp('cumsum', [mul(y, g)], { axis: a.axis, exclusive: a.exclusive, reverse: !a.reverse });
    return [div(s, x)];
  },
  matMul: ([a, b], at, _y, g) => {
    let da: KTensor;
    let db: KTensor;
    const { transposeA: tA, transposeB: tB } = at;
    if (!tA && !tB) {
      da = matMul(g, b, false, true);
      db = matMul(a, g, true, false);
    } else if (tA && !tB) {
      da = matMul(b, g, false, true);
      db = matMul(a, g, false, false);
    } else if (!tA && tB) {
      da = matMul(g, b, false, false);
      db = matMul(g, a, true, false);
    } else {
      da = matMul(b, g, true, true);
      db = matMul(g, a, true, true);
    }
    // only the batch dims broadcast: the last two are matched, not broadcast
    const batchOf = (t: KTensor): (number | null)[] => [...t.shape.slice(0, -2), 1, 1];
    return [unbroadcast(da, a, [batchOf(b)]), unbroadcast(db, b, [batchOf(a)])];
  },
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
  gather: ([x, idx], a, _y, g) => {
    const size = x.shape[a.axis];
    // An unknown length is read from x at run time.
    if (size === null) return [applyOp('scatterAdd', [g, idx, x], { axis: a.axis, size: -1 }), null];
    return [applyOp('scatterAdd', [g, idx], { axis: a.axis, size }), null];
  },
  scatterAdd: (inputs, a, _y, g) => [applyOp('gather', [g, inputs[1]], { axis: a.axis }), ...inputs.slice(1).map(() => null)],
  broadcastTo: ([x], a, _y, g) => [unbroadcast(g, x, [a.shape])],
  broadcastLike: ([x, like], _a, _y, g) => [unbroadcast(g, x, [like.shape]), null],
  sumLike: ([x], _a, _y, g) => [broadcastLike(g, x), null],
  shapeOf: none,
};

/** The gradients of op tensor `y`'s inputs, given the gradient `g` of `y`. */
export function inputGradients(y: KTensor, g: KTensor): (KTensor | null)[] {
  const node = y.node;
  if (node.kind !== 'op') return [];
  const rule = rules[node.op] as Rule<PrimitiveName>;
  return rule(node.inputs, node.attrs, y, g);
}

/** Adds two gradient contributions. */
export function accumulate(a: KTensor | undefined, b: KTensor): KTensor {
  return a === undefined ? b : add(a, b);
}
