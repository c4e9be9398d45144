/**
 * Error messages describe a value of the wrong kind by kind, shape and dtype (tensors),
 * type and length (typed arrays) or class name, also inside plain data, never by its
 * internals.
 */
import { show } from '../src/format';
import * as K from '../src/index';

class Holder {
  readonly secret = { backendObject: 42 };
}

beforeAll(async () => {
  await K.setBackend('reference');
});

test('a tensor by kind, shape and dtype, also inside an options object', () => {
  expect(show(K.constant([[1, 2, 3]]))).toBe('a KTensor of shape [1, 3] and dtype float32');
  expect(show({ dtype: K.placeholder({ shape: [null, 2] }) })).toBe('{"dtype":"a KTensor of shape [None, 2] and dtype float32"}');
});

test('class instances, functions and typed arrays by what they are', () => {
  expect(show(new Holder())).toBe('a Holder');
  expect(show([new Map(), K.update(K.variable([1]), [2])])).toBe('["a Map","a KUpdate"]');
  expect(show(() => 1)).toBe('a function');
  expect(show({ f: () => 1 })).toBe('{"f":"a function"}');
  expect(show(new Int32Array(4))).toBe('an Int32Array of length 4');
});

test('plain data as JSON, numbers JSON cannot write included', () => {
  expect(show([1, NaN, -Infinity])).toBe('[1,"NaN","-Infinity"]');
  expect(show({ a: 'x', b: null })).toBe('{"a":"x","b":null}');
  expect(show('s')).toBe('"s"');
  expect(show(undefined)).toBe('undefined');
});
