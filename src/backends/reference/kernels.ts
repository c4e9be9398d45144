/**
 * The reference backend's kernel table: one kernel per primitive, each a thin
 * adapter from the `Kernel` calling convention to the implementations in
 * elementwise.ts, reduce.ts, matmul.ts, layout.ts and gather.ts.
 * Typed as `KernelTable<RefTensor>`, so a missing primitive does not compile; int64
 * calls go to the kernels of int64.ts (`withInt64` in index.ts).
 */
import type { BinaryPrimitive, DType, Kernel, KernelTable, ReducePrimitive, UnaryPrimitive } from '../types';
import { hostArrayFor } from '../types';
import { binary, cast, unary, where } from './elementwise';
import { gather, scatterAdd } from './gather';
import { broadcastTo, concat, concatPartWindow, identity, pad, reshape, reverse, slice, tile, transpose } from './layout';
import { matMul } from './matmul';
import { argReduce, cumulative, reduce } from './reduce';
import { RefTensor } from './tensor';

// The number of inputs is the primitive's arity: its definition checks it when the node is made.
const unaryKernel =
  <P extends UnaryPrimitive>(op: P): Kernel<RefTensor, P> =>
  ([x]) =>
    unary(op, x);

const binaryKernel =
  <P extends BinaryPrimitive>(op: P): Kernel<RefTensor, P> =>
  ([a, b]) =>
    binary(op, a, b);

const reduceKernel =
  <P extends ReducePrimitive>(op: P): Kernel<RefTensor, P> =>
  ([x], attrs) =>
    reduce(op, x, attrs.axes, attrs.keepDims);

/** The implementations behind the kernels of `castSelectScanKernels`, over tensors `T`. */
export interface CastSelectScan<T> {
  cast(x: T, dtype: DType): T;
  where(cond: T, a: T, b: T): T;
  argReduce(x: T, axis: number, max: boolean): T;
  cumulative(x: T, axis: number, exclusive: boolean, reverse: boolean, prod: boolean): T;
}

/**
 * The kernels of cast, where, argMax, argMin, cumsum and cumprod: the calling
 * convention's adapters over `impl` (this file's number implementations, int64.ts's bigint ones).
 */
export function castSelectScanKernels<T>(impl: CastSelectScan<T>): Pick<KernelTable<T>, 'cast' | 'where' | 'argMax' | 'argMin' | 'cumsum' | 'cumprod'> {
  return {
    cast: ([x], attrs) => impl.cast(x, attrs.dtype),
    where: ([c, a, b]) => impl.where(c, a, b),
    argMax: ([x], attrs) => impl.argReduce(x, attrs.axis, true),
    argMin: ([x], attrs) => impl.argReduce(x, attrs.axis, false),
    cumsum: ([x], attrs) => impl.cumulative(x, attrs.axis, attrs.exclusive, attrs.reverse, false),
    cumprod: ([x], attrs) => impl.cumulative(x, attrs.axis, attrs.exclusive, attrs.reverse, true),
  };
}

/**
 * The kernel table of the reference backend over number tensors (every dtype but
 * int64; the backend joins int64.ts's kernels to it, `withInt64`). Backends built on
 * the reference layout borrow these.
 */
export const REFERENCE_KERNELS: KernelTable<RefTensor> = {
  neg: unaryKernel('neg'),
  abs: unaryKernel('abs'),
  sign: unaryKernel('sign'),
  sqrt: unaryKernel('sqrt'),
  exp: unaryKernel('exp'),
  log: unaryKernel('log'),
  tanh: unaryKernel('tanh'),
  sigmoid: unaryKernel('sigmoid'),
  relu: unaryKernel('relu'),
  sin: unaryKernel('sin'),
  cos: unaryKernel('cos'),
  round: unaryKernel('round'),
  floor: unaryKernel('floor'),
  ceil: unaryKernel('ceil'),
  logicalNot: unaryKernel('logicalNot'),

  add: binaryKernel('add'),
  sub: binaryKernel('sub'),
  mul: binaryKernel('mul'),
  div: binaryKernel('div'),
  pow: binaryKernel('pow'),
  maximum: binaryKernel('maximum'),
  minimum: binaryKernel('minimum'),
  equal: binaryKernel('equal'),
  notEqual: binaryKernel('notEqual'),
  greater: binaryKernel('greater'),
  greaterEqual: binaryKernel('greaterEqual'),
  less: binaryKernel('less'),
  lessEqual: binaryKernel('lessEqual'),
  logicalAnd: binaryKernel('logicalAnd'),
  logicalOr: binaryKernel('logicalOr'),

  reduceSum: reduceKernel('reduceSum'),
  reduceMax: reduceKernel('reduceMax'),
  reduceMin: reduceKernel('reduceMin'),
  reduceProd: reduceKernel('reduceProd'),
  reduceAny: reduceKernel('reduceAny'),
  reduceAll: reduceKernel('reduceAll'),

  identity: ([x]) => identity(x),
  ...castSelectScanKernels({ cast, where, argReduce, cumulative }),
  matMul: ([a, b], attrs) => matMul(a, b, attrs.transposeA, attrs.transposeB),
  reshape: ([x], attrs) => reshape(x, attrs.shape),
  transpose: ([x], attrs) => transpose(x, attrs.perm),
  slice: ([x], attrs) => slice(x, attrs.begin, attrs.size),
  concat: (inputs, attrs) => concat(inputs, attrs.axis),
  concatPart: ([x, ...parts], attrs) => {
    const { begin, size } = concatPartWindow(x.shape, parts.map((p) => p.shape), attrs.axis, attrs.index);
    return slice(x, begin, size);
  },
  pad: ([x], attrs) => pad(x, attrs.pads, attrs.value),
  tile: ([x], attrs) => tile(x, attrs.reps),
  reverse: ([x], attrs) => reverse(x, attrs.axes),
  gather: ([x, indices], attrs) => gather(x, indices, attrs.axis, attrs.what),
  scatterAdd: (inputs, attrs) => {
    const size = inputs.length === 3 ? inputs[2].shape[attrs.axis] : attrs.size;
    return scatterAdd(inputs[0], inputs[1], attrs.axis, size);
  },
  broadcastTo: ([x], attrs) => broadcastTo(x, attrs.shape),
  broadcastLike: ([x, like]) => broadcastTo(x, like.shape),
  sumLike: (inputs) => {
    const [g, like] = inputs;
    const axes = like.shape.flatMap((d, i) => (d === 1 && g.shape[i] !== 1 ? [i] : []));
    if (axes.length > 0) return reduce('reduceSum', g, axes, true);
    // nothing to add up: each element is a sum of one term, which starts from +0 (so -0 becomes +0)
    if (g.dtype !== 'float32' && g.dtype !== 'float64') return identity(g);
    const data = hostArrayFor(g.dtype, g.data.length);
    for (let i = 0; i < data.length; i++) data[i] = g.data[i] + 0;
    return { data, shape: g.shape.slice(), dtype: g.dtype };
  },
  expandDims: (inputs, attrs) => {
    const x = inputs[0];
    const shape: number[] = [];
    let k = 0;
    for (let i = 0; i < x.shape.length + attrs.axes.length; i++) shape.push(attrs.axes.includes(i) ? 1 : x.shape[k++]);
    return reshape(x, shape);
  },
  reshapeLike: ([x, like]) => reshape(x, like.shape),
  shapeOf: (inputs) => {
    const shape = inputs[0].shape;
    return { data: Int32Array.from(shape), shape: [shape.length], dtype: 'int32' };
  },
};
