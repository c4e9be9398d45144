/**
 * The library's sparse tensor, as TensorFlow's SparseTensor which Keras 2.3.1's
 * `ctc_label_dense_to_sparse` returns: the coordinates and values of the cells that
 * are set, and the dense shape. The engines compute only dense tensors: a sparse tensor
 * is three dense ones, and `K.toDense` makes it dense (unset cells 0).
 */
import { KTensor } from './tensor';

/** A sparse tensor: `values[i]` stands at coordinates `indices[i]` of a tensor of shape `denseShape`. */
export class KSparseTensor {
  constructor(
    /** int32, shape (n, rank): the coordinates of the set cells, row-major order. */
    readonly indices: KTensor,
    /** shape (n): their values. */
    readonly values: KTensor,
    /** int32, shape (rank): the shape of the dense tensor. */
    readonly denseShape: KTensor,
  ) {}

  /** The dtype of the values. */
  get dtype(): KTensor['dtype'] {
    return this.values.dtype;
  }
}
