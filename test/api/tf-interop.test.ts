/**
 * TF.js interop: tf.Tensors accepted by K functions on every backend (read once);
 * K.toTf / K.fromTf on the tfjs backend share data without copying (same data id),
 * with the ownership rules of their documentation, and free everything in the end.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../../src/index';
import { BUILTIN_BACKENDS } from '../../src/index';

const BACKENDS = BUILTIN_BACKENDS;

beforeAll(async () => {
  // TF.js's own engine (wasm) is started by the tfjs backend; the test's tensors live there.
  await K.setBackend('tfjs');
});

describe.each(BACKENDS)('tf.Tensor arguments on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('are accepted by ops, constant, variable and function feeds, with their dtype', () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    const i = tf.tensor1d([1, 0], 'int32');
    const b = tf.tensor1d([true, false], 'bool');
    try {
      expect(K.eval(K.add(t, 1)).toArray()).toEqual([[2, 3], [4, 5]]);
      expect(K.eval(K.sum(t)).item()).toBe(10);
      // An int32 tensor stays int32 (K.constant, as Keras, would make it floatx).
      expect(K.dtype(K.identity(i))).toBe('int32');
      expect(K.eval(K.gather(t, i)).toArray()).toEqual([[3, 4], [1, 2]]);
      expect(K.dtype(K.constant(i))).toBe(K.floatx());
      expect(K.eval(K.cast(b, 'float32')).toArray()).toEqual([1, 0]);
      const v = K.variable(t, { name: 'from_tf' });
      expect(K.getValue(v).toArray()).toEqual([[1, 2], [3, 4]]);
      K.setValue(v, tf.tensor2d([[0, 0], [0, 1]]));
      expect(K.getValue(v).toArray()).toEqual([[0, 0], [0, 1]]);
      const x = K.placeholder({ shape: [null, 2] });
      const f = K.function([x], [K.multiply(x, 2)]);
      expect(f([t])[0].toArray()).toEqual([[2, 4], [6, 8]]);
      f.dispose();
      // The caller's tensors are left alive and unchanged.
      expect(t.isDisposed).toBe(false);
      expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]);
    } finally {
      tf.dispose([t, i, b]);
    }
  });

  it('are refused when disposed or of a dtype without a counterpart', () => {
    const t = tf.tensor1d([1, 2]);
    t.dispose();
    expect(() => K.add(t, 1)).toThrow(K.KerasValueError);
    expect(() => K.add(t, 1)).toThrow(/add: argument 'x' is a TF.js tensor that was disposed/);
    const s = tf.tensor1d(['a', 'b'], 'string');
    try {
      expect(() => K.constant(s)).toThrow(K.KerasTypeError);
      expect(() => K.constant(s)).toThrow(/constant: argument 'value' is a TF.js tensor of dtype string/);
    } finally {
      s.dispose();
    }
  });

  it('fromTf gives a constant with the values (a copy off the tfjs backend)', () => {
    const t = tf.tensor2d([[1.5, -2], [0, 7]]);
    const k = K.fromTf(t, 'handed');
    t.dispose();
    expect(k.name).toBe('handed');
    expect(K.intShape(k)).toEqual([2, 2]);
    expect(K.eval(k).toArray()).toEqual([[1.5, -2], [0, 7]]);
    expect(() => K.fromTf([1, 2] as unknown as tf.Tensor)).toThrow(/fromTf: argument 't' must be a TF.js tensor/);
  });
});

describe('toTf and fromTf on the tfjs backend', () => {
  beforeAll(async () => {
    await K.setBackend('tfjs');
  });

  it('share the data: no copy in either direction', () => {
    const t = tf.tensor1d([1, 2, 3]);
    const k = K.fromTf(t);
    const back = K.toTf<tf.Tensor>(k);
    // The same data id: both handles read the one buffer.
    expect(back.dataId).toBe(t.dataId);
    expect(back).not.toBe(t);
    tf.dispose([t, back]);
    K.dispose(k);
  });

  it('follow the documented ownership: each handle is disposed on its own', () => {
    const before = tf.memory().numTensors;
    const t = tf.tensor1d([4, 5, 6]);
    const k = K.fromTf(t);
    t.dispose(); // the caller's handle; the KTensor keeps its own
    expect(K.tidy(() => K.eval(K.multiply(k, 2))).toArray()).toEqual([8, 10, 12]);
    const out = K.toTf<tf.Tensor>(k);
    K.dispose(k); // the library's handle; the caller's stays valid
    expect(Array.from(out.dataSync())).toEqual([4, 5, 6]);
    out.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('toTf of a variable is a snapshot; of a lazy tensor, its value', () => {
    const v = K.variable([1, 2], { name: 'snap' });
    const snap = K.toTf<tf.Tensor>(v);
    K.setValue(v, [9, 9]);
    expect(Array.from(snap.dataSync())).toEqual([1, 2]);
    const lazy = K.toTf<tf.Tensor>(K.add(v, K.constant([1, 1])));
    expect(lazy.shape).toEqual([2]);
    expect(Array.from(lazy.dataSync())).toEqual([10, 10]);
    tf.dispose([snap, lazy]);
    const x = K.placeholder({ shape: [2] });
    expect(() => K.toTf<tf.Tensor>(K.exp(x))).toThrow(/placeholder/);
  });

  it('a loop handing tensors back and forth does not grow memory', () => {
    const start = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      const t = tf.fill([64], i);
      const k = K.fromTf(t);
      // tidy frees the eager result (a KTensor); the handle toTf gave is the caller's.
      const r = K.tidy(() => K.toTf<tf.Tensor>(K.add(k, 1)));
      r.dispose();
      t.dispose();
      K.dispose(k);
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('toTf on backends whose tensors are not TF.js tensors', () => {
  it.each(['reference', 'onnx'])('%s refuses with UnsupportedError', async (name) => {
    await K.setBackend(name);
    expect(() => K.toTf<tf.Tensor>(K.constant([1, 2]))).toThrow(K.UnsupportedError);
    expect(() => K.toTf<tf.Tensor>(K.constant([1, 2]))).toThrow(/toTf: the '\w+' backend's tensors are not TF.js tensors/);
    expect(() => K.toTf<tf.Tensor>([1, 2] as unknown as K.KTensor)).toThrow(K.KerasTypeError);
  });
});
