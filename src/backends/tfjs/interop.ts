/**
 * Sharing tensors with TF.js without copying (`K.toTf`, `K.fromTf`): a new
 * tf.Tensor handle on the same data id, with the engine's reference count raised,
 * as tfjs does for its own variables. Each handle is then disposed on its own; the
 * data is freed with the last one.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { NativeInterop } from '../backend';
import { TFJS_DTYPES } from './dtypes';
import { tf } from './engine';

/** Whether `v` is a live tf.Tensor whose data lives on tfjs's active (wasm) backend, of a dtype this backend computes in. */
function accepts(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const t = v as Partial<Tensor>;
  if (typeof t.dataId !== 'object' || t.dataId === null || t.isDisposed !== false || typeof t.dtype !== 'string') return false;
  if (!TFJS_DTYPES.has(t.dtype as never)) return false;
  const engine = tf.engine();
  const info = engine.state.tensorInfo.get(t.dataId);
  return info !== undefined && info.backend === engine.backend;
}

/** A new handle on `x`'s data (no copy); the caller owns it. */
function share(x: Tensor): Tensor {
  const engine = tf.engine();
  const t = engine.makeTensorFromTensorInfo({ dataId: x.dataId, shape: [...x.shape], dtype: x.dtype });
  engine.backend.incRef(x.dataId);
  return t;
}

/** The tfjs backend's interop with TF.js. */
export const TFJS_INTEROP: NativeInterop<Tensor> = { library: 'tfjs', accepts, share };
