/**
 * How values are written out, the one formatter of the library (src/config, src/api
 * and the backends use it): argument values in error messages (`show`), static
 * shapes (`formatShape`), and tensors as `printTensor` writes them (`formatPrinted`).
 */

/** A static shape as messages show it, without brackets: dims joined by ', ', an unknown dim (`null`) as None. */
export function formatShape(shape: readonly (number | null)[]): string {
  return shape.map((d) => (d === null ? 'None' : String(d))).join(', ');
}

/** Element type names a described tensor may carry. */
interface ShapedValue {
  readonly shape: readonly (number | null)[];
  readonly dtype: string;
}

function isShapedValue(v: object): v is ShapedValue {
  const o = v as { shape?: unknown; dtype?: unknown };
  return Array.isArray(o.shape) && typeof o.dtype === 'string';
}

const MAX_SHOWN = 200;

/**
 * What a value that is not plain data is, for a message: a tensor (anything with a
 * shape and a dtype) by its kind, shape and dtype; a typed array by its type and
 * length; a function as such; any other class instance by its class name. Null for
 * plain data (numbers, strings, booleans, null, arrays and plain objects).
 */
function describeNonData(v: unknown): string | null {
  const a = (name: string): string => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return String(v);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  if (ArrayBuffer.isView(v)) return `${a(v.constructor.name)} of length ${(v as unknown as { length: number }).length}`;
  const proto = Object.getPrototypeOf(v) as object | null;
  const plain = proto === null || proto === Object.prototype;
  if (isShapedValue(v)) {
    const name = plain ? 'tensor' : (v.constructor as { name?: string }).name || 'tensor';
    return `${a(name)} of shape [${formatShape(v.shape)}] and dtype ${v.dtype}`;
  }
  if (plain) return null;
  const name = (v.constructor as { name?: string } | undefined)?.name;
  return name ? a(name) : 'an object';
}

/**
 * A value as error messages show it: numbers (NaN and Infinity included, unlike JSON)
 * and plain data as JSON, cut at 200 characters; a tensor by its kind, shape and dtype,
 * a typed array by its type and length, a function or another class instance by what it
 * is (also inside arrays and plain objects), never by its internals.
 */
export function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v === undefined) return 'undefined';
  const described = describeNonData(v);
  if (described !== null) return described;
  let text: string;
  try {
    text =
      JSON.stringify(v, (_k, x: unknown) => {
        if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
        if (typeof x === 'bigint') return String(x);
        if (x === undefined) return 'undefined';
        return describeNonData(x) ?? x;
      }) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
}

/** One element as TensorFlow's print writes it: C's %g with 6 significant digits; inf, -inf, nan. */
function printedNumber(v: number | bigint, dtype: string): string {
  if (typeof v === 'bigint') return String(v);
  if (dtype === 'bool') return v ? '1' : '0';
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (dtype !== 'float16' && dtype !== 'float32' && dtype !== 'float64') return String(v);
  const [mantissa, exp] = v.toExponential(5).split('e');
  const x = Number(exp);
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (x < -4 || x >= 6) return `${strip(mantissa)}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  return strip(v.toFixed(5 - x));
}

/** Elements kept at each end of an axis longer than twice this (TensorFlow's default `summarize`). */
const SUMMARIZE = 3;

function printedArray(data: ArrayLike<number | bigint>, shape: readonly number[], dtype: string, offset: number, axis: number): string {
  if (axis === shape.length) return printedNumber(data[offset], dtype);
  const n = shape[axis];
  const stride = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const indices = n > 2 * SUMMARIZE ? [...Array.from({ length: SUMMARIZE }, (_, i) => i), -1, ...Array.from({ length: SUMMARIZE }, (_, i) => n - SUMMARIZE + i)] : Array.from({ length: n }, (_, i) => i);
  const parts = indices.map((i) => (i < 0 ? '...' : printedArray(data, shape, dtype, offset + i * stride, axis + 1)));
  const sep = axis === shape.length - 1 ? ' ' : `\n${' '.repeat(axis + 1)}`;
  return `[${parts.join(sep)}]`;
}

/**
 * What `printTensor` writes: the message, a space, then the values as TensorFlow's
 * `tf.print` (which Keras 2.3.1 calls) writes them: nested brackets, elements separated
 * by spaces, rows on new lines, at most 3 elements at each end of a long axis.
 */
export function formatPrinted(message: string, data: ArrayLike<number | bigint>, shape: readonly number[], dtype: string): string {
  return `${message} ${printedArray(data, shape, dtype, 0, 0)}\n`;
}
