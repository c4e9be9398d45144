/**
 * Small helpers for writing cases: input constructors and a cast for arguments
 * that are wrong on purpose in error cases.
 */
import type { CaseInput, KApi, Observed } from '../case';
import { roundedUniform, toNested, type Nested } from '../oracle';

/** Options of an input besides its value. */
export type InputOptions = Omit<CaseInput, 'value'>;

/** A float input (the variant's float dtype). */
export function fl(value: Nested, options: InputOptions = {}): CaseInput {
  return { value, ...options };
}

/** A differentiable float input (checked by the gradient check). */
export function df(value: Nested, options: InputOptions = {}): CaseInput {
  return { value, diff: true, ...options };
}

/** An int32 input. */
export function i32(value: Nested, options: InputOptions = {}): CaseInput {
  return { value, dtype: 'int32', ...options };
}

/** A bool input. */
export function bl(value: Nested, options: InputOptions = {}): CaseInput {
  return { value, dtype: 'bool', ...options };
}

/** A float variable input (a variable in both modes). */
export function vr(value: Nested, options: InputOptions = {}): CaseInput {
  return { value, kind: 'variable', ...options };
}

/**
 * A `check` comparing a tensor output's values with `want` exactly, the sign of a
 * zero included (Object.is): the signed-zero rules of docs/architecture.md.
 */
export function zeroSigns(want: readonly number[]): (result: Observed) => string | null {
  const show = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
  return (result) => {
    const data = (result as { data?: ArrayLike<number> } | null)?.data;
    if (data === undefined) return 'zeroSigns: the output is not a tensor';
    const got = Array.from(data);
    if (got.length !== want.length || got.some((v, i) => !Object.is(v, want[i]))) {
      return `signs of zeros: got [${got.map(show).join(', ')}], expected [${want.map(show).join(', ')}]`;
    }
    return null;
  };
}

/** An argument that is wrong on purpose (bypasses the type checker in error cases). */
export function bad<T = never>(value: unknown): T {
  return value as T;
}

/** A 2x3 float matrix with distinct values, used across groups. */
export const M23: Nested = [
  [0.5, -1.25, 2],
  [3.5, -0.75, 1.5],
];

/** A 2x3x4 float tensor with distinct values (no ties, away from 0). */
export const T234: Nested = [
  [
    [0.3, -1.2, 2.5, 0.9],
    [-0.7, 1.8, -2.1, 0.4],
    [1.1, -0.2, 0.6, -1.6],
  ],
  [
    [2.2, 0.15, -0.45, 1.35],
    [-1.9, 0.75, 1.45, -0.35],
    [0.55, -2.4, 0.05, 1.95],
  ],
];

/** A 2x3x4 float tensor drawn in [-3, 3] (the activation cases of nn, and switch in graph). */
export const X234 = toNested(roundedUniform([2, 3, 4], 'nnmore:X234', -3, 3));

/** Runs `f` with the image data format set to `format`, then restores it. */
export function withFormat<T>(K: KApi, format: 'channels_first' | 'channels_last', f: () => T): T {
  const old = K.imageDataFormat();
  K.setImageDataFormat(format);
  try {
    return f();
  } finally {
    K.setImageDataFormat(old);
  }
}
