/**
 * The library's error-message wording, written down once for the error cases (the
 * spec of src/api/validate.ts's messages, not imported from it): every message is
 * `fn: argument 'arg' <what was expected>, got <what was given>`.
 */

/** `[2, 3]`: a shape as messages write it (unknown dims as None). */
export const shapeText = (shape: readonly (number | null)[]): string => `[${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}]`;

/** An axis out of range for a tensor of rank `rank`. */
export const axisOutOfRange = (fn: string, arg: string, axis: number, rank: number): string =>
  `${fn}: argument '${arg}' is ${axis}, out of range for a tensor of rank ${rank} (expected ${-rank} to ${rank - 1})`;

/** An argument that must be an integer (`given` as the message shows it). */
export const notAnInteger = (fn: string, arg: string, given: string): string => `${fn}: argument '${arg}' must be an integer, got ${given}`;

/** An integer argument below its minimum. */
export const intBelow = (fn: string, arg: string, min: number, given: number): string => `${fn}: argument '${arg}' must be an integer >= ${min}, got ${given}`;

/** An argument that must be a boolean. */
export const notABoolean = (fn: string, arg: string, given: string): string => `${fn}: argument '${arg}' must be a boolean, got ${given}`;

/** A list of axes naming one axis twice. */
export const repeatsAxis = (fn: string, arg: string, given: string): string => `${fn}: argument '${arg}' repeats an axis: ${given}`;

/** A value that is not a tensor (`type` is its JS type). */
export const notATensor = (fn: string, arg: string, type: string): string => `${fn}: argument '${arg}' must be a tensor or a tensor-like value, got ${type}`;

/** A bool tensor where a number is needed. */
export const notNumeric = (fn: string, arg = 'x'): string => `${fn}: argument '${arg}' must be a numeric tensor, got dtype bool (use K.cast)`;

/** Two bool operands where numbers are needed. */
export const operandsNotNumeric = (fn: string, x = 'x', y = 'y'): string => `${fn}: arguments '${x}' and '${y}' must be numeric tensors, got dtype bool (use K.cast)`;

/** A non-float tensor where a float is needed. */
export const notFloat = (fn: string, arg: string, dtype: string): string => `${fn}: argument '${arg}' must be a float tensor, got dtype ${dtype}`;

/** Two operands of different dtypes. */
export const dtypesDiffer = (fn: string, a: string, b: string, x = 'x', y = 'y'): string =>
  `${fn}: arguments '${x}' and '${y}' must have the same dtype, got ${a} and ${b} (use K.cast)`;

/** Two operands whose static shapes do not broadcast. */
export const noBroadcast = (fn: string, a: readonly number[], b: readonly number[], x = 'x', y = 'y'): string =>
  `${fn}: arguments '${x}' (shape ${shapeText(a)}) and '${y}' (shape ${shapeText(b)}) do not broadcast together`;

/** Fractional numbers given for an integer tensor. */
export const notWhole = (fn: string, arg: string, dtype = 'int32'): string =>
  `${fn}: argument '${arg}' has values that are not whole numbers, for an ${dtype} tensor (use K.cast)`;

/** A tensor of too low a rank: a scalar is "a scalar", else its shape. */
export const rankBelow = (fn: string, arg: string, min: number, shape: readonly number[]): string =>
  `${fn}: argument '${arg}' must have rank >= ${min}, got ${shape.length === 0 ? 'a scalar' : `shape ${shapeText(shape)}`}`;

/** A tensor of the wrong rank where exactly `rank` is needed. */
export const wrongRank = (fn: string, arg: string, rank: number, shape: readonly number[]): string =>
  `${fn}: argument '${arg}' must be a ${rank}D tensor, got shape ${shapeText(shape)}`;

/** A bad `dataFormat` (`given` as shown). */
export const badDataFormat = (fn: string, given: string): string =>
  `${fn}: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got ${given}`;

/** An options object with a key the function does not take. */
export const unknownOption = (fn: string, key: string, expected: readonly string[]): string =>
  `${fn}: argument 'options' has an unknown key '${key}' (expected ${expected.join(', ')})`;
