/**
 * The tfjs backend's kernels for the resize composites (../types.ts), on wasm's
 * ResizeBilinear and ResizeBilinearGrad with align_corners and half-pixel centres
 * off: TensorFlow's legacy resize, the composite's meaning.
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, CompositeKernelTable } from '../types';
import { tf } from './engine';

function resizeBilinear([x]: readonly Tensor[], a: CompositeAttrs['resizeBilinear']): Tensor {
  const [, h, w] = x.shape;
  return tf.image.resizeBilinear(x as Tensor4D, [h * a.factors[0], w * a.factors[1]], false, false);
}

function resizeBilinearGrad([dy]: readonly Tensor[], a: CompositeAttrs['resizeBilinearGrad']): Tensor {
  return tf.tidy(() => {
    // the kernel reads only the input's shape
    const like = tf.zeros([dy.shape[0], a.inputSpatial[0], a.inputSpatial[1], dy.shape[3] as number]);
    return tf.engine().runKernel('ResizeBilinearGrad', { images: like, dy }, { alignCorners: false } as never) as Tensor;
  });
}

/** The resize composites the tfjs backend runs on wasm kernels (float32). */
export const TFJS_RESIZE: CompositeKernelTable<Tensor> = { resizeBilinear, resizeBilinearGrad };
