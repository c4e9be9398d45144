/**
 * Reading one engine's settings object of keras.json (`onnx`, `tfjs`): an object
 * whose keys are all known, each field checked, errors naming the file and field.
 */
import { ConfigError } from '../errors';
import { show } from '../format';

/** The checked fields of one settings object. */
export interface EngineObject {
  /** Whether the field is present. */
  has(key: string): boolean;
  /** The field's value as written. */
  value(key: string): unknown;
  /** The ConfigError for a field that is not `expected`. */
  bad(key: string, expected: string): ConfigError;
  /** An integer field from `min` to `max` (inclusive), or `def` when absent. */
  count(key: string, min: number, max: number, def: number): number;
}

/**
 * Checks that keras.json's field `field` (`value`, read from `file`) is an
 * object whose keys are among `keys`; throws a `ConfigError` naming the file and
 * the field (`<field>.<key>` for an unknown key) otherwise.
 */
export function engineObject(value: unknown, file: string, field: string, keys: readonly string[]): EngineObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${file}: field '${field}' must be an object {${keys.join(', ')}}, got ${show(value)}`, file, field);
  }
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!keys.includes(k)) {
      throw new ConfigError(
        `${file}: field '${field}.${k}' is not a${/^[aeiou]/.test(field) ? 'n' : ''} ${field} setting (known: ${keys.join(', ')})`,
        file,
        `${field}.${k}`,
      );
    }
  }
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  const bad = (k: string, expected: string): ConfigError =>
    new ConfigError(`${file}: field '${field}.${k}' must be ${expected}, got ${show(o[k])}`, file, `${field}.${k}`);
  return {
    has,
    value: (k) => o[k],
    bad,
    count(k, min, max, def) {
      if (!has(k)) return def;
      const v = o[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw bad(k, `an integer from ${min} to ${max}`);
      return v;
    },
  };
}
