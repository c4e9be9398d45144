/**
 * The reference backend's kernel table: one kernel per primitive, each a thin
 * adapter from the `Kernel` calling convention to the implementations in
 * elementwise.ts, reduce.ts, matmul.ts, layout.ts and gather.ts.
 * Typed as `KernelTable<RefTensor>`, so a missing primitive does not compile.
 */
import type { BinaryPrimitive, Kernel, KernelTable, ReducePrimitive, UnaryPrimitive } from '../types';
import { binary, cast, unary, where } from './elementwise';
import { gather, scatterAdd } from './gather';
import { broadcastTo, concat, identity, pad, reshape, reverse, slice, tile, transpose } from './layout';
import { matMul } from './matmul';
import { argReduce, cumulative, reduce } from './reduce';
import { RefTensor } from './tensor';

/** Throws unless exactly `n` inputs were given. */
function arity(op: string, inputs: readonly RefTensor[], n: number): void {
  if (inputs.length !== n) throw new Error(`reference backend: ${op} takes ${n} input(s), got ${inputs.length}`);
}

function unaryKernel<P extends UnaryPrimitive>(op: P): Kernel<RefTensor, P> {
  return (inputs) => {
    arity(op, inputs, 1);
    return unary(op, inputs[0]);
  };
}

function binaryKernel<P extends BinaryPrimitive>(op: P): Kernel<RefTensor, P> {
  return (inputs) => {
    arity(op, inputs, 2);
    return binary(op, inputs[0], inputs[1]);
  };
}

function reduceKernel<P extends ReducePrimitive>(op: P): Kernel<RefTensor, P> {
  return (inputs, attrs) => {
    arity(op, inputs, 1);
    return reduce(op, inputs[0], attrs.axes, attrs.keepDims);
  };
}

/** The kernel table of the reference backend. */
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

  identity: (inputs) => {
    arity('identity', inputs, 1);
    return identity(inputs[0]);
  },
  cast: (inputs, attrs) => {
    arity('cast', inputs, 1);
    return cast(inputs[0], attrs.dtype);
  },
  where: (inputs) => {
    arity('where', inputs, 3);
    return where(inputs[0], inputs[1], inputs[2]);
  },
  argMax: (inputs, attrs) => {
    arity('argMax', inputs, 1);
    return argReduce(inputs[0], attrs.axis, true);
  },
  argMin: (inputs, attrs) => {
    arity('argMin', inputs, 1);
    return argReduce(inputs[0], attrs.axis, false);
  },
  cumsum: (inputs, attrs) => {
    arity('cumsum', inputs, 1);
    return cumulative(inputs[0], attrs.axis, attrs.exclusive, attrs.reverse, false);
  },
  cumprod: (inputs, attrs) => {
    arity('cumprod', inputs, 1);
    return cumulative(inputs[0], attrs.axis, attrs.exclusive, attrs.reverse, true);
  },
  matMul: (inputs, attrs) => {
    arity('matMul', inputs, 2);
    return matMul(inputs[0], inputs[1], attrs.transposeA, attrs.transposeB);
  },
  reshape: (inputs, attrs) => {
    arity('reshape', inputs, 1);
    return reshape(inputs[0], attrs.shape);
  },
  transpose: (inputs, attrs) => {
    arity('transpose', inputs, 1);
    return transpose(inputs[0], attrs.perm);
  },
  slice: (inputs, attrs) => {
    arity('slice', inputs, 1);
    return slice(inputs[0], attrs.begin, attrs.size);
  },
  concat: (inputs, attrs) => concat(inputs, attrs.axis),
  concatPart: (inputs, attrs) => {
    const [x, ...parts] = inputs;
    let offset = 0;
    for (let j = 0; j < attrs.index; j++) offset += parts[j].shape[attrs.axis];
    const begin = x.shape.map((_, i) => (i === attrs.axis ? offset : 0));
    const size = x.shape.map((_, i) => (i === attrs.axis ? parts[attrs.index].shape[attrs.axis] : -1));
    return slice(x, begin, size);
  },
  pad: (inputs, attrs) => {
    arity('pad', inputs, 1);
    return pad(inputs[0], attrs.pads, attrs.value);
  },
  tile: (inputs, attrs) => {
    arity('tile', inputs, 1);
    return tile(inputs[0], attrs.reps);
  },
  reverse: (inputs, attrs) => {
    arity('reverse', inputs, 1);
    return reverse(inputs[0], attrs.axes);
  },
  gather: (inputs, attrs) => {
    arity('gather', inputs, 2);
    return gather(inputs[0], inputs[1], attrs.axis);
  },
  scatterAdd: (inputs, attrs) => {
    if (inputs.length !== 3) arity('scatterAdd', inputs, 2);
    const size = inputs.length === 3 ? inputs[2].shape[attrs.axis] : attrs.size;
    return scatterAdd(inputs[0], inputs[1], attrs.axis, size);
  },
  broadcastTo: (inputs, attrs) => {
    arity('broadcastTo', inputs, 1);
    return broadcastTo(inputs[0], attrs.shape);
  },
  broadcastLike: (inputs) => {
    arity('broadcastLike', inputs, 2);
    return broadcastTo(inputs[0], inputs[1].shape);
  },
  sumLike: (inputs) => {
    arity('sumLike', inputs, 2);
    const [g, like] = inputs;
    const axes = like.shape.flatMap((d, i) => (d === 1 && g.shape[i] !== 1 ? [i] : []));
    return axes.length === 0 ? identity(g) : reduce('reduceSum', g, axes, true);
  },
  expandDims: (inputs, attrs) => {
    arity('expandDims', inputs, 1);
    const x = inputs[0];
    const shape: number[] = [];
    let k = 0;
    for (let i = 0; i < x.shape.length + attrs.axes.length; i++) shape.push(attrs.axes.includes(i) ? 1 : x.shape[k++]);
    return reshape(x, shape);
  },
  reshapeLike: (inputs) => {
    arity('reshapeLike', inputs, 2);
    return reshape(inputs[0], inputs[1].shape);
  },
  shapeOf: (inputs) => {
    arity('shapeOf', inputs, 1);
    const shape = inputs[0].shape;
    return { data: Int32Array.from(shape), shape: [shape.length], dtype: 'int32' };
  },
};
