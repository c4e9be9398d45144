/**
 * Gradient rules of the elementwise primitives (src/backends/primitives/elementwise.ts).
 */
import { ElementwiseAttrs, isFloatDType } from '../../backends/types';
import { binary, broadcastLike, cast, div, mul, neg, scalar, sub, unary, unbroadcast, where, zerosLikeOp } from '../primitives';
import { GradientRules, notDifferentiable as none } from './rule';
import { applyComposite } from '../composites';

/** Gradient rules of the elementwise primitives. */
export const ELEMENTWISE_GRADIENTS: GradientRules<ElementwiseAttrs> = {
  neg: (_i, _a, _y, g) => [neg(g)],
  abs: ([x], _a, _y, g) => [mul(g, unary('sign', x))],
  sign: ([x]) => [zerosLikeOp(x)],
  // |y|: the gradient at -0 is +Inf, as at +0, whatever sign of zero the engine's sqrt gives
  sqrt: (_i, _a, y, g) => [div(g, mul(scalar(2, y.dtype), unary('abs', y)))],
  exp: (_i, _a, y, g) => [mul(g, y)],
  log: ([x], _a, _y, g) => [div(g, x)],
  tanh: (_i, _a, y, g) => [mul(g, sub(scalar(1, y.dtype), mul(y, y)))],
  sigmoid: (_i, _a, y, g) => [mul(g, mul(y, sub(scalar(1, y.dtype), y)))],
  // one composite node, which an engine may run with its own kernel
  relu: ([x], _a, _y, g) => [isFloatDType(x.dtype) ? applyComposite('reluGrad', [x, g], {}) : where(binary('greater', x, scalar(0, x.dtype)), g, zerosLikeOp(g))],
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
  identity: (_i, _a, _y, g) => [g],
  cast: ([x], _a, y, g) => [isFloatDType(x.dtype) && isFloatDType(y.dtype) ? cast(g, x.dtype) : null],
  where: ([c, a, b], _at, _y, g) => {
    const z = zerosLikeOp(g);
    return [null, unbroadcast(where(c, g, z), a, [c.shape, b.shape]), unbroadcast(where(c, z, g), b, [c.shape, a.shape])];
  },
};
