/**
 * The case format of the conformance suite.
 *
 * A function's spec lists value cases (inputs, a `run` built with the public
 * API, expected values from the oracle or a `check` predicate, tolerances, an
 * optional numeric gradient check) and error cases (a call that must throw a
 * given error class with a message naming the function and the argument).
 */
import type { K as KNamespace, KTensor, NDArray } from '../src/index';
import type { Nested, OArray, OracleDType } from './oracle';

/** The public API namespace (`K`), as cases receive it. */
export type KApi = typeof KNamespace;

/**
 * A function with every parameter `unknown` (the last overload's parameters), and any
 * number of extra arguments (a public function refuses them at run time).
 */
type Unchecked<F> = F extends (...args: infer A) => infer R ? (...args: [...{ [I in keyof A]: unknown }, ...unknown[]]) => R : F;

/**
 * The API as error cases receive it: the same object, with every argument left
 * unchecked by the compiler, because error cases pass wrong values on purpose
 * (a string for a tensor, null for a shape) to check the run-time errors.
 */
export type UncheckedKApi = KApi & { readonly [N in keyof KApi]: Unchecked<KApi[N]> };

/** `K` seen as `UncheckedKApi`, for error cases. */
export function unchecked(k: KApi): UncheckedKApi {
  return k as unknown as UncheckedKApi;
}

/** The float dtypes a case runs in: floatx is set to each in turn. */
export type FloatVariant = 'float32' | 'float64';

/** An input or output dtype; `'float'` stands for the variant's float dtype. */
export type CaseDType = 'float' | OracleDType;

/** The two execution modes. */
export type Mode = 'eager' | 'graph';

/** One input of a value case: a host value and how it becomes a tensor. */
export interface CaseInput {
  /** The host value (nested numbers, booleans for bool, bigints or whole numbers for int64). */
  readonly value: Nested;
  /** Its dtype; default `'float'` (the variant's float dtype). */
  readonly dtype?: CaseDType;
  /**
   * Differentiable: the gradient check differentiates with respect to it.
   * Such an input is a variable in the eager gradient check.
   */
  readonly diff?: boolean;
  /**
   * `'variable'`: a variable in both modes (the target of an update, say).
   * `'constant'`: a constant in both modes. `'lazy'`: a variable in eager mode, a
   * placeholder in graph mode (for cases that call `K.gradients` themselves).
   * Default (`'auto'`): a constant in eager mode, a placeholder in graph mode.
   */
  readonly kind?: 'auto' | 'variable' | 'constant' | 'lazy';
  /**
   * The placeholder's static shape in graph mode; default: the value's shape with
   * the first (batch) dimension unknown (`null`).
   */
  readonly placeholderShape?: readonly (number | null)[];
}

/** What a case is running as, available as `this` in `run`, `expected` and `check`. */
export interface CaseContext {
  /** The backend name. */
  readonly backend: string;
  /** Eager (constants) or graph (placeholders fed through `K.function`). */
  readonly mode: Mode;
  /** The float dtype of this run (floatx is set to it). */
  readonly floatx: FloatVariant;
}

/** What `run` may return: tensors, host values, plain JS values, or arrays of them. */
export type CaseOutput = KTensor | NDArray | number | bigint | string | boolean | null | undefined | readonly CaseOutput[];

/** What `run`'s output becomes once evaluated (tensors replaced by their NDArray values). */
export type Observed = NDArray | number | bigint | string | boolean | null | undefined | readonly Observed[];

/**
 * An expected value, structured like the output: an oracle array (or a nested JS
 * array / number, taken as one) where the output is a tensor; plain JS values elsewhere.
 */
export type Expected = OArray | Nested | string | null | undefined | readonly Expected[];

/** A comparison tolerance: |got - expected| <= atol + rtol * |expected|. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** Default value tolerances per float dtype (integers and bools compare exactly). */
export const DEFAULT_TOLERANCE: Readonly<Record<FloatVariant, Tolerance>> = {
  float32: { rtol: 1e-5, atol: 1e-6 },
  float64: { rtol: 1e-10, atol: 1e-12 },
};

/**
 * How many units of roundoff (of the float variant: 2^-24 for float32, 2^-53 for
 * float64) the gradient check allows, per source of error; the tolerance of each
 * element is derived from the case (see `gradientTolerance` in execute.ts):
 *
 * - `terms` times the size of the terms the backend adds up for the element,
 *   sum_j |W_j dy_j/dx_e| (rounding in the backward pass itself);
 * - `conditioning` times the gradient's sensitivity to rounding the element's
 *   input, |x_e| sum_j |W_j d2y_j/dx_e2| (the condition of the gradient at x);
 * - `forward` times its sensitivity to rounding the forward outputs the backward
 *   pass reads, sum_j |W_j| |y_j| |d2y_j/dx_e2| / |dy_j/dx_e| (tanh's 1 - y^2 near
 *   saturation);
 * - `floor` times the largest term size over the input (cancellation to a
 *   near-zero element).
 *
 * A 1e-4 relative error is about 1700 float32 units: these stay well below it
 * wherever the function is not ill-conditioned.
 */
export const GRADIENT_ULPS = { terms: 64, conditioning: 8, forward: 8, floor: 16 } as const;

/** A case that computes something and compares it with the oracle (or checks it). */
export interface ValueCase {
  /** Short description, unique within the function. */
  readonly name: string;
  /** The inputs, turned into tensors according to the mode (none for nullary cases). */
  readonly inputs?: readonly CaseInput[];
  /** Builds the result with the public API, one tensor per input. */
  run(this: CaseContext, K: KApi, ...xs: KTensor[]): CaseOutput;
  /**
   * The expected output, from the oracle; receives the inputs as oracle arrays
   * (float inputs rounded to the variant's dtype). Needed for `grad`.
   */
  expected?(this: CaseContext, ...xs: OArray[]): Expected;
  /** Instead of (or besides) `expected`: returns a description of what is wrong, or null. For random functions. */
  check?(this: CaseContext, result: Observed, ...xs: OArray[]): string | null | undefined;
  /**
   * The dtype of tensor outputs whose expected oracle array carries no dtype tag.
   * Default: `'float'` when an input is a float, else the inputs' common dtype, else unchecked.
   */
  readonly outDtype?: CaseDType;
  /** Value tolerances overriding `DEFAULT_TOLERANCE`. */
  readonly tol?: Partial<Record<FloatVariant, Tolerance>>;
  /** Numeric gradient check with respect to the `diff` inputs (needs `expected`, one tensor output). */
  readonly grad?: boolean;
  /** Explicit gradient tolerances replacing the derived ones (`GRADIENT_ULPS`); no case needs them. */
  readonly gradTol?: Partial<Record<FloatVariant, Tolerance>>;
  /** Modes to run in; default both. */
  readonly modes?: readonly Mode[];
  /**
   * Float dtypes to run in; default both when an input or `outDtype` is `'float'`,
   * else float32 only.
   */
  readonly floatVariants?: readonly FloatVariant[];
}

/** The error classes a case may expect (exported by the package). */
export type ErrorClassName =
  | 'KerasError'
  | 'KerasValueError'
  | 'KerasShapeError'
  | 'KerasTypeError'
  | 'UnsupportedError'
  | 'NotImplementedYetError'
  | 'ConfigError'
  | 'KerasRuntimeError';

/**
 * A call that must throw `error` with exactly the message `message`: a string is the
 * whole message; a RegExp (for parts that vary, such as generated tensor names) must
 * be anchored (`^...$`) so that it states the whole message too.
 */
export interface ErrorCase {
  /** Short description, unique within the function. */
  readonly name: string;
  /** The call that must throw (floatx is float32 while it runs); `K` takes arguments of any type. */
  run(K: UncheckedKApi): unknown;
  /** The expected error class, exactly (a subclass is a different error). */
  readonly error: ErrorClassName;
  /**
   * The whole expected message (a string, or an anchored RegExp): the function, the
   * argument, what was expected and what was given, as src/api/validate.ts words them.
   */
  readonly message: string | RegExp;
}

/** The cases of one function. */
export interface FunctionSpec {
  /** The Keras name (`batch_dot`), or the operator's name for the non-catalogue operators. */
  readonly kerasName: string;
  /** Value cases. */
  readonly cases: readonly ValueCase[];
  /** Error cases. */
  readonly errorCases: readonly ErrorCase[];
}

/** Identity helper that type-checks a spec (and lets `this` in methods be inferred). */
export function defineSpec(spec: FunctionSpec): FunctionSpec {
  return spec;
}
