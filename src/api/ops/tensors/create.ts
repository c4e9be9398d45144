/**
 * Making tensors (the tensors group): variables, constants, placeholders, zeros,
 * ones, eye, the `*Like` constructors, identity, random variables and cast.
 */
import { DType, HostData, hostDataFor } from '../../../backends/types';
import { floatx } from '../../../config';
import { KerasValueError } from '../../../errors';
import { activeBackend, fromHostChecked } from '../../engine';
import { applyOp, constantFrom } from '../../primitives';
import { broadcastLike, cast as castOp, scalar } from '../../primitives';
import { HostRandom, nextSeed } from '../../host-random';
import { checkBackendDType, KTensor, variableTensor } from '../../tensor';
import { allocHostArray, checkAllocation, convertHostData, fillHost, hostElement, toHostValue } from '../../values';
import { evaluate } from './inspect';
import { checkConcreteShape, checkDType, checkNumber, requireTensorLike, show } from '../../validate';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

/** Options of `variable`. */
export interface VariableOptions {
  dtype?: DType;
  name?: string;
  /** Projection applied after an optimizer update (kept for Keras compatibility). */
  constraint?: (x: KTensor) => KTensor;
}

/**
 * A variable over host data: data already in `dtype`'s layout is handed over as it is
 * (no copy); other numbers (random draws in float64) are converted by the cast rule.
 */
function makeVariable(data: HostData | Float64Array, shape: readonly number[], dtype: DType, fn: string, name?: string, constraint?: VariableOptions['constraint']): KTensor {
  const backend = activeBackend();
  checkBackendDType(backend, dtype);
  checkAllocation(data.length, dtype, fn, backend); // before a converted copy is made
  const host = isLayoutOf(data, dtype) ? data : convertHostData(data, dtype, 'float64', fn, 'value');
  const native = fromHostChecked(fn, backend, host.length, host.byteLength, dtype, () => backend.fromHost(host, shape, dtype));
  return variableTensor(backend, native, shape, dtype, checkName(name, fn), constraint);
}

/** Whether `a` is the host layout of `dtype`. */
function isLayoutOf(a: HostData, dtype: DType): boolean {
  return hostDataFor(dtype, 0).constructor === a.constructor;
}

/** `n` elements of `dtype`, all `value` (one typed array, checked before it is made). */
function filledHost(n: number, value: number, dtype: DType, fn: string): HostData {
  const a = allocHostArray(dtype, n, fn, activeBackend());
  if (value === 0) return a;
  return a instanceof BigInt64Array ? a.fill(BigInt(value)) : a.fill(hostElement(value, dtype));
}

function checkName(name: unknown, fn: string): string | undefined {
  if (name === undefined || name === null) return undefined;
  if (typeof name !== 'string') throw new KerasValueError(`${fn}: argument 'name' must be a string, got ${show(name)}`);
  return name;
}

function optDType(dtype: unknown, fn: string): DType {
  return dtype === undefined || dtype === null ? floatx() : checkDType(dtype, fn, 'dtype');
}

/**
 * Instantiates a variable holding `value` (floatx unless `dtype` is given).
 *
 * Mirrors `keras.backend.variable(value, dtype=None, name=None, constraint=None)`.
 */
export function variable(value: TensorInput, options: VariableOptions = {}, ...extra: []): KTensor {
  checkArity('variable', 2, extra);
  options = optionsArg(options, ['dtype', 'name', 'constraint'], 'variable');
  const dtype = optDType(options.dtype, 'variable');
  if (options.constraint !== undefined && typeof options.constraint !== 'function') {
    throw new KerasValueError(`variable: option 'constraint' must be a function, got ${typeof options.constraint}`);
  }
  // a tensor's value converts from its own dtype (an NDArray knows it)
  const host = toHostValue(value instanceof KTensor ? evaluate(value) : value, 'variable', 'value', dtype, floatx());
  return makeVariable(host.data, host.shape, dtype, 'variable', options.name, options.constraint);
}

/** Options of `constant`. */
export interface ConstantOptions {
  dtype?: DType;
  /** Shape to fill with a scalar `value`, or to reshape `value` to. */
  shape?: readonly number[];
  name?: string;
}

/**
 * Creates a constant tensor (floatx unless `dtype` is given). With `shape`, a scalar
 * value fills it and any other value must have that many elements.
 *
 * Mirrors `keras.backend.constant(value, dtype=None, shape=None, name=None)`.
 */
export function constant(value: TensorInput, options: ConstantOptions = {}, ...extra: []): KTensor {
  checkArity('constant', 2, extra);
  options = optionsArg(options, ['dtype', 'shape', 'name'], 'constant');
  const dtype = optDType(options.dtype, 'constant');
  const name = checkName(options.name, 'constant');
  if (value instanceof KTensor) value = evaluate(value);
  const host = toHostValue(value, 'constant', 'value', dtype, floatx());
  if (options.shape === undefined || options.shape === null) return constantFrom(host, 'constant', 'value', dtype, name);
  const shape = checkConcreteShape(options.shape, 'constant', 'shape');
  const n = shape.reduce((p, d) => p * d, 1);
  let data = host.data;
  if (host.data.length === 1 && n !== 1) {
    checkAllocation(n, host.dtype, 'constant', activeBackend());
    data = fillHost(host.dtype, n, host.data); // already in the layout
  } else if (host.data.length !== n) {
    throw new KerasValueError(`constant: argument 'value' has ${host.data.length} elements, which cannot fill shape [${shape.join(', ')}]`);
  }
  return constantFrom({ data, shape, dtype }, 'constant', 'value', dtype, name);
}

/** Options of `placeholder`. */
export interface PlaceholderOptions {
  /** Static shape; `null` entries accept any size. */
  shape?: readonly (number | null)[];
  /** Rank, when `shape` is not given (every dim unknown). */
  ndim?: number;
  dtype?: DType;
  /** Sparse placeholders are not supported. */
  sparse?: boolean;
  name?: string;
}

/**
 * Instantiates a placeholder, fed when a `function` is called.
 *
 * Mirrors `keras.backend.placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None)`.
 */
export function placeholder(options: PlaceholderOptions = {}, ...extra: []): KTensor {
  checkArity('placeholder', 1, extra);
  options = optionsArg(options, ['shape', 'ndim', 'dtype', 'sparse', 'name'], 'placeholder');
  const dtype = optDType(options.dtype, 'placeholder');
  checkBackendDType(activeBackend(), dtype);
  if (options.sparse) throw new KerasValueError(`placeholder: option 'sparse' is not supported (sparse tensors are not implemented)`);
  let shape: (number | null)[];
  if (options.shape !== undefined && options.shape !== null) {
    if (!Array.isArray(options.shape) || options.shape.some((d) => d !== null && (!Number.isInteger(d) || (d as number) < 0))) {
      throw new KerasValueError(`placeholder: option 'shape' must be an array of non-negative integers or null, got ${show(options.shape)}`);
    }
    shape = [...options.shape];
    if (options.ndim !== undefined && options.ndim !== null && options.ndim !== shape.length) {
      throw new KerasValueError(`placeholder: options 'shape' (rank ${shape.length}) and 'ndim' (${options.ndim}) disagree`);
    }
  } else if (options.ndim !== undefined && options.ndim !== null) {
    if (!Number.isInteger(options.ndim) || options.ndim < 0) {
      throw new KerasValueError(`placeholder: option 'ndim' must be a non-negative integer, got ${show(options.ndim)}`);
    }
    shape = new Array<null>(options.ndim).fill(null);
  } else {
    throw new KerasValueError(`placeholder: give option 'shape' or option 'ndim'`);
  }
  return new KTensor({ kind: 'placeholder', sparse: false }, shape, dtype, checkName(options.name, 'placeholder'));
}

function filled(shapeArg: unknown, value: number, dtypeArg: unknown, name: unknown, fn: string): KTensor {
  const s = checkConcreteShape(shapeArg, fn, 'shape');
  const dt = optDType(dtypeArg, fn);
  const n = s.reduce((p, d) => p * d, 1);
  return makeVariable(filledHost(n, value, dt, fn), s, dt, fn, checkName(name, fn));
}

/**
 * Instantiates an all-zeros variable.
 *
 * Mirrors `keras.backend.zeros(shape, dtype=None, name=None)`.
 */
export function zeros(shape: readonly number[] | number, dtype?: DType | null, name?: string, ...extra: []): KTensor {
  checkArity('zeros', 3, extra);
  return filled(shape, 0, dtype, name, 'zeros');
}

/**
 * Instantiates an all-ones variable.
 *
 * Mirrors `keras.backend.ones(shape, dtype=None, name=None)`.
 */
export function ones(shape: readonly number[] | number, dtype?: DType | null, name?: string, ...extra: []): KTensor {
  checkArity('ones', 3, extra);
  return filled(shape, 1, dtype, name, 'ones');
}

/**
 * Instantiates an identity-matrix variable; `size` is n (n x n) or [rows, cols].
 *
 * Mirrors `keras.backend.eye(size, dtype=None, name=None)`.
 */
export function eye(size: number | readonly [number, number], dtype?: DType | null, name?: string, ...extra: []): KTensor {
  checkArity('eye', 3, extra);
  const s = checkConcreteShape(size, 'eye', 'size');
  if (s.length === 1) s.push(s[0]);
  if (s.length !== 2) throw new KerasValueError(`eye: argument 'size' must be an integer or [rows, cols], got ${show(size)}`);
  const [r, c] = s;
  const dt = optDType(dtype, 'eye');
  const data = allocHostArray(dt, r * c, 'eye', activeBackend());
  if (data instanceof BigInt64Array) for (let i = 0; i < Math.min(r, c); i++) data[i * c + i] = 1n;
  else {
    const one = hostElement(1, dt);
    for (let i = 0; i < Math.min(r, c); i++) data[i * c + i] = one;
  }
  return makeVariable(data, [r, c], dt, 'eye', checkName(name, 'eye'));
}

function filledLike(x: unknown, value: number, dtypeArg: unknown, fn: string): KTensor {
  const t = requireTensorLike(x, fn);
  const dt = dtypeArg === undefined || dtypeArg === null ? t.dtype : checkDType(dtypeArg, fn, 'dtype');
  return broadcastLike(scalar(value, dt), t);
}

/**
 * A tensor of ones with the (run-time) shape of `x`; dtype of `x` unless given.
 *
 * Mirrors `keras.backend.ones_like(x, dtype=None, name=None)`.
 */
export function onesLike(x: TensorInput, dtype?: DType | null, name?: string, ...extra: []): KTensor {
  checkArity('onesLike', 3, extra);
  checkName(name, 'onesLike');
  return filledLike(x, 1, dtype, 'onesLike');
}

/**
 * A tensor of zeros with the (run-time) shape of `x`; dtype of `x` unless given.
 *
 * Mirrors `keras.backend.zeros_like(x, dtype=None, name=None)`.
 */
export function zerosLike(x: TensorInput, dtype?: DType | null, name?: string, ...extra: []): KTensor {
  checkArity('zerosLike', 3, extra);
  checkName(name, 'zerosLike');
  return filledLike(x, 0, dtype, 'zerosLike');
}

/**
 * A tensor with the same content as `x`.
 *
 * Mirrors `keras.backend.identity(x, name=None)`.
 */
export function identity(x: TensorInput, name?: string, ...extra: []): KTensor {
  checkArity('identity', 2, extra);
  checkName(name, 'identity');
  return applyOp('identity', [requireTensorLike(x, 'identity')], {});
}

/** Options of the random variable makers. */
export interface RandomVariableOptions {
  dtype?: DType;
  name?: string;
  /** Seed: the same seed gives the same values on every backend. */
  seed?: number;
}

function randomVariable(fn: string, shapeArg: unknown, a: number, b: number, kind: 'uniform' | 'normal', options: RandomVariableOptions): KTensor {
  options = optionsArg(options, ['dtype', 'name', 'seed'], fn);
  const s = checkConcreteShape(shapeArg, fn, 'shape');
  const dt = optDType(options.dtype, fn);
  const n = s.reduce((p, d) => p * d, 1);
  const seed = options.seed === undefined || options.seed === null ? nextSeed() : options.seed;
  if (!Number.isInteger(seed)) throw new KerasValueError(`${fn}: option 'seed' must be an integer, got ${show(options.seed)}`);
  checkAllocation(n, 'float64', fn); // drawn in float64
  checkAllocation(n, dt, fn, activeBackend()); // held by the engine in dt
  const rng = new HostRandom(seed);
  const data = kind === 'uniform' ? rng.uniform(n, a, b) : rng.normal(n, a, b);
  return makeVariable(data, s, dt, fn, checkName(options.name, fn));
}

/**
 * A variable of values drawn uniformly from [low, high).
 *
 * Mirrors `keras.backend.random_uniform_variable(shape, low, high, dtype=None, name=None, seed=None)`.
 */
export function randomUniformVariable(shape: readonly number[], low: number, high: number, options: RandomVariableOptions = {}, ...extra: []): KTensor {
  checkArity('randomUniformVariable', 4, extra);
  const lo = checkNumber(low, 'randomUniformVariable', 'low');
  const hi = checkNumber(high, 'randomUniformVariable', 'high');
  if (hi < lo) throw new KerasValueError(`randomUniformVariable: argument 'high' (${hi}) must be >= 'low' (${lo})`);
  return randomVariable('randomUniformVariable', shape, lo, hi, 'uniform', options);
}

/**
 * A variable of values drawn from a normal distribution.
 *
 * Mirrors `keras.backend.random_normal_variable(shape, mean, scale, dtype=None, name=None, seed=None)`.
 */
export function randomNormalVariable(shape: readonly number[], mean: number, scale: number, options: RandomVariableOptions = {}, ...extra: []): KTensor {
  checkArity('randomNormalVariable', 4, extra);
  const m = checkNumber(mean, 'randomNormalVariable', 'mean');
  const sd = checkNumber(scale, 'randomNormalVariable', 'scale');
  if (sd < 0) throw new KerasValueError(`randomNormalVariable: argument 'scale' must be >= 0, got ${sd}`);
  return randomVariable('randomNormalVariable', shape, m, sd, 'normal', options);
}

/**
 * Casts `x` to `dtype` (float -> int truncates toward zero; x -> bool is x != 0).
 *
 * Mirrors `keras.backend.cast(x, dtype)`.
 */
export function cast(x: TensorInput, dtype: DType, ...extra: []): KTensor {
  checkArity('cast', 2, extra);
  const t = requireTensorLike(x, 'cast');
  const dt = checkDType(dtype, 'cast', 'dtype');
  return castOp(t, dt);
}
