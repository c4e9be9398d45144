/**
 * Functions that read tensor values on the host decode float16 (stored as half bits),
 * on the backends that have float16: a fractional float16 target is refused as a
 * float32 one is, and ctcDecode, arange and ctcLabelDenseToSparse see the values.
 */
import * as K from '../../src/index';

for (const backend of ['reference', 'onnx']) {
  describe(`float16 host reads on ${backend}`, () => {
    beforeAll(async () => {
      await K.setBackend(backend);
    });

    test('a fractional float16 sparse target is refused', () => {
      expect(() => K.sparseCategoricalCrossentropy(K.constant([0.5], { dtype: 'float16' }), K.constant([[0.5, 0.5]]))).toThrow(
        new K.KerasValueError("sparseCategoricalCrossentropy: argument 'target' must hold whole numbers, got 0.5 at flat index 0"),
      );
    });

    test('ctcDecode reads float16 probabilities', () => {
      // best path: classes 1, 0, blank -> [1, 0]; score -(log .9 + log .8 + log .8), in float16
      const y = K.constant([[[0.1, 0.9, 0.0], [0.8, 0.1, 0.1], [0.1, 0.1, 0.8]]], { dtype: 'float16' });
      const [[decoded], logProb] = K.ctcDecode(y, [3]);
      expect(K.eval(decoded).toArray()).toEqual([[1, 0]]);
      expect(K.dtype(logProb)).toBe('float16');
      expect(K.eval(logProb).item()).toBeCloseTo(-(Math.log(0.9) + 2 * Math.log(0.8)), 2);
    });

    test('arange and ctcLabelDenseToSparse read float16 scalars and labels', () => {
      expect(K.eval(K.arange(K.constant(3, { dtype: 'float16' }))).toArray()).toEqual([0, 1, 2]);
      const s = K.ctcLabelDenseToSparse(K.constant([[1.5, 2]], { dtype: 'float16' }), [1]);
      expect(K.eval(K.toDense(s)).toArray()).toEqual([[1.5, 0]]);
    });
  });
}
