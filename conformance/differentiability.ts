/**
 * The catalogue functions without a numeric gradient check (no case with
 * `grad: true`), each with the reason. Every other catalogue function has at least
 * one; test/conformance-differentiability.test.ts checks that the two sets cover
 * the catalogue exactly, and that the tensor functions listed here as giving no
 * gradient (integer, bool or shape-only outputs, stop_gradient) give none.
 */

/** Why a function has no numeric gradient check. */
export type NoGradientReason =
  /** Configuration, introspection or host values: no tensor output depending on a float input. */
  | 'no tensor of a float input'
  /** Creates a tensor from host values, a shape or a seed: nothing to differentiate with respect to. */
  | 'no differentiable input'
  /** Records an update (or sets a value): returns no tensor. */
  | 'an update, not a tensor'
  /** Its output is integer or bool, or depends only on the input's shape: the gradient is none or zero. */
  | 'no gradient by definition'
  /** Random: checked by a dedicated case (its gradient through the mask of the same evaluation). */
  | 'checked by a dedicated case';

/** The catalogue functions (Keras names) with no `grad: true` case. */
export const NOT_DIFFERENTIABLE: Readonly<Record<string, NoGradientReason>> = {
  backend: 'no tensor of a float input',
  epsilon: 'no tensor of a float input',
  set_epsilon: 'no tensor of a float input',
  floatx: 'no tensor of a float input',
  set_floatx: 'no tensor of a float input',
  cast_to_floatx: 'no tensor of a float input',
  image_data_format: 'no tensor of a float input',
  set_image_data_format: 'no tensor of a float input',
  set_learning_phase: 'no tensor of a float input',
  learning_phase: 'no tensor of a float input',
  get_uid: 'no tensor of a float input',
  reset_uids: 'no tensor of a float input',
  name_scope: 'no tensor of a float input',
  is_sparse: 'no tensor of a float input',
  is_keras_tensor: 'no tensor of a float input',
  is_placeholder: 'no tensor of a float input',
  int_shape: 'no tensor of a float input',
  ndim: 'no tensor of a float input',
  dtype: 'no tensor of a float input',
  eval: 'no tensor of a float input',
  count_params: 'no tensor of a float input',
  get_value: 'no tensor of a float input',
  batch_get_value: 'no tensor of a float input',
  get_variable_shape: 'no tensor of a float input',
  is_tensor: 'no tensor of a float input',
  is_variable: 'no tensor of a float input',
  manual_variable_initialization: 'no tensor of a float input',
  normalize_data_format: 'no tensor of a float input',
  variable: 'no differentiable input',
  constant: 'no differentiable input',
  placeholder: 'no differentiable input',
  zeros: 'no differentiable input',
  ones: 'no differentiable input',
  eye: 'no differentiable input',
  arange: 'no differentiable input',
  random_uniform_variable: 'no differentiable input',
  random_normal_variable: 'no differentiable input',
  random_uniform: 'no differentiable input',
  random_normal: 'no differentiable input',
  random_binomial: 'no differentiable input',
  truncated_normal: 'no differentiable input',
  update: 'an update, not a tensor',
  update_add: 'an update, not a tensor',
  update_sub: 'an update, not a tensor',
  moving_average_update: 'an update, not a tensor',
  set_value: 'an update, not a tensor',
  batch_set_value: 'an update, not a tensor',
  shape: 'no gradient by definition',
  size: 'no gradient by definition',
  ones_like: 'no gradient by definition',
  zeros_like: 'no gradient by definition',
  stop_gradient: 'no gradient by definition',
  any: 'no gradient by definition',
  all: 'no gradient by definition',
  argmax: 'no gradient by definition',
  argmin: 'no gradient by definition',
  equal: 'no gradient by definition',
  not_equal: 'no gradient by definition',
  greater: 'no gradient by definition',
  greater_equal: 'no gradient by definition',
  less: 'no gradient by definition',
  less_equal: 'no gradient by definition',
  in_top_k: 'no gradient by definition',
  one_hot: 'no gradient by definition',
  ctc_interleave_blanks: 'no gradient by definition',
  ctc_create_skip_idxs: 'no gradient by definition',
  ctc_decode: 'no gradient by definition',
  ctc_label_dense_to_sparse: 'no tensor of a float input',
  dropout: 'checked by a dedicated case',
  print_tensor: 'checked by a dedicated case',
};
