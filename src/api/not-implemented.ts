/**
 * Catalogue functions that have no implementation yet. Each is exported under its
 * TypeScript name and throws a NotImplementedYetError naming itself, so the whole
 * catalogue is importable and the conformance report lists them as missing.
 */
import { NotImplementedYetError } from '../errors';

/** The type of a function that is not implemented yet. */
export type NotImplemented = ((...args: unknown[]) => never) & { readonly notImplemented: true };

function notImplemented(kerasName: string, tsName: string): NotImplemented {
  const f = (): never => {
    throw new NotImplementedYetError(`${tsName} (keras.backend.${kerasName}) is not implemented yet`);
  };
  return Object.assign(f, { notImplemented: true as const });
}

/** Not implemented yet: mirrors `keras.backend.batch_dot`. Throws NotImplementedYetError. */
export const batchDot: NotImplemented = notImplemented('batch_dot', 'batchDot');
/** Not implemented yet: mirrors `keras.backend.gather`. Throws NotImplementedYetError. */
export const gather: NotImplemented = notImplemented('gather', 'gather');
/** Not implemented yet: mirrors `keras.backend.min`. Throws NotImplementedYetError. */
export const min: NotImplemented = notImplemented('min', 'min');
/** Not implemented yet: mirrors `keras.backend.prod`. Throws NotImplementedYetError. */
export const prod: NotImplemented = notImplemented('prod', 'prod');
/** Not implemented yet: mirrors `keras.backend.cumsum`. Throws NotImplementedYetError. */
export const cumsum: NotImplemented = notImplemented('cumsum', 'cumsum');
/** Not implemented yet: mirrors `keras.backend.cumprod`. Throws NotImplementedYetError. */
export const cumprod: NotImplemented = notImplemented('cumprod', 'cumprod');
/** Not implemented yet: mirrors `keras.backend.std`. Throws NotImplementedYetError. */
export const std: NotImplemented = notImplemented('std', 'std');
/** Not implemented yet: mirrors `keras.backend.var`. Throws NotImplementedYetError. */
const varStub: NotImplemented = notImplemented('var', 'var');
export { varStub as var };
/** Not implemented yet: mirrors `keras.backend.any`. Throws NotImplementedYetError. */
export const any: NotImplemented = notImplemented('any', 'any');
/** Not implemented yet: mirrors `keras.backend.all`. Throws NotImplementedYetError. */
export const all: NotImplemented = notImplemented('all', 'all');
/** Not implemented yet: mirrors `keras.backend.argmax`. Throws NotImplementedYetError. */
export const argmax: NotImplemented = notImplemented('argmax', 'argmax');
/** Not implemented yet: mirrors `keras.backend.argmin`. Throws NotImplementedYetError. */
export const argmin: NotImplemented = notImplemented('argmin', 'argmin');
/** Not implemented yet: mirrors `keras.backend.logsumexp`. Throws NotImplementedYetError. */
export const logsumexp: NotImplemented = notImplemented('logsumexp', 'logsumexp');
/** Not implemented yet: mirrors `keras.backend.round`. Throws NotImplementedYetError. */
export const round: NotImplemented = notImplemented('round', 'round');
/** Not implemented yet: mirrors `keras.backend.sign`. Throws NotImplementedYetError. */
export const sign: NotImplemented = notImplemented('sign', 'sign');
/** Not implemented yet: mirrors `keras.backend.pow`. Throws NotImplementedYetError. */
export const pow: NotImplemented = notImplemented('pow', 'pow');
/** Not implemented yet: mirrors `keras.backend.clip`. Throws NotImplementedYetError. */
export const clip: NotImplemented = notImplemented('clip', 'clip');
/** Not implemented yet: mirrors `keras.backend.equal`. Throws NotImplementedYetError. */
export const equal: NotImplemented = notImplemented('equal', 'equal');
/** Not implemented yet: mirrors `keras.backend.not_equal`. Throws NotImplementedYetError. */
export const notEqual: NotImplemented = notImplemented('not_equal', 'notEqual');
/** Not implemented yet: mirrors `keras.backend.greater`. Throws NotImplementedYetError. */
export const greater: NotImplemented = notImplemented('greater', 'greater');
/** Not implemented yet: mirrors `keras.backend.greater_equal`. Throws NotImplementedYetError. */
export const greaterEqual: NotImplemented = notImplemented('greater_equal', 'greaterEqual');
/** Not implemented yet: mirrors `keras.backend.less`. Throws NotImplementedYetError. */
export const less: NotImplemented = notImplemented('less', 'less');
/** Not implemented yet: mirrors `keras.backend.less_equal`. Throws NotImplementedYetError. */
export const lessEqual: NotImplemented = notImplemented('less_equal', 'lessEqual');
/** Not implemented yet: mirrors `keras.backend.maximum`. Throws NotImplementedYetError. */
export const maximum: NotImplemented = notImplemented('maximum', 'maximum');
/** Not implemented yet: mirrors `keras.backend.minimum`. Throws NotImplementedYetError. */
export const minimum: NotImplemented = notImplemented('minimum', 'minimum');
/** Not implemented yet: mirrors `keras.backend.sin`. Throws NotImplementedYetError. */
export const sin: NotImplemented = notImplemented('sin', 'sin');
/** Not implemented yet: mirrors `keras.backend.cos`. Throws NotImplementedYetError. */
export const cos: NotImplemented = notImplemented('cos', 'cos');
/** Not implemented yet: mirrors `keras.backend.normalize_batch_in_training`. Throws NotImplementedYetError. */
export const normalizeBatchInTraining: NotImplemented = notImplemented('normalize_batch_in_training', 'normalizeBatchInTraining');
/** Not implemented yet: mirrors `keras.backend.batch_normalization`. Throws NotImplementedYetError. */
export const batchNormalization: NotImplemented = notImplemented('batch_normalization', 'batchNormalization');
/** Not implemented yet: mirrors `keras.backend.permute_dimensions`. Throws NotImplementedYetError. */
export const permuteDimensions: NotImplemented = notImplemented('permute_dimensions', 'permuteDimensions');
/** Not implemented yet: mirrors `keras.backend.repeat_elements`. Throws NotImplementedYetError. */
export const repeatElements: NotImplemented = notImplemented('repeat_elements', 'repeatElements');
/** Not implemented yet: mirrors `keras.backend.resize_images`. Throws NotImplementedYetError. */
export const resizeImages: NotImplemented = notImplemented('resize_images', 'resizeImages');
/** Not implemented yet: mirrors `keras.backend.resize_volumes`. Throws NotImplementedYetError. */
export const resizeVolumes: NotImplemented = notImplemented('resize_volumes', 'resizeVolumes');
/** Not implemented yet: mirrors `keras.backend.repeat`. Throws NotImplementedYetError. */
export const repeat: NotImplemented = notImplemented('repeat', 'repeat');
/** Not implemented yet: mirrors `keras.backend.arange`. Throws NotImplementedYetError. */
export const arange: NotImplemented = notImplemented('arange', 'arange');
/** Not implemented yet: mirrors `keras.backend.tile`. Throws NotImplementedYetError. */
export const tile: NotImplemented = notImplemented('tile', 'tile');
/** Not implemented yet: mirrors `keras.backend.flatten`. Throws NotImplementedYetError. */
export const flatten: NotImplemented = notImplemented('flatten', 'flatten');
/** Not implemented yet: mirrors `keras.backend.batch_flatten`. Throws NotImplementedYetError. */
export const batchFlatten: NotImplemented = notImplemented('batch_flatten', 'batchFlatten');
/** Not implemented yet: mirrors `keras.backend.expand_dims`. Throws NotImplementedYetError. */
export const expandDims: NotImplemented = notImplemented('expand_dims', 'expandDims');
/** Not implemented yet: mirrors `keras.backend.squeeze`. Throws NotImplementedYetError. */
export const squeeze: NotImplemented = notImplemented('squeeze', 'squeeze');
/** Not implemented yet: mirrors `keras.backend.temporal_padding`. Throws NotImplementedYetError. */
export const temporalPadding: NotImplemented = notImplemented('temporal_padding', 'temporalPadding');
/** Not implemented yet: mirrors `keras.backend.spatial_2d_padding`. Throws NotImplementedYetError. */
export const spatial2dPadding: NotImplemented = notImplemented('spatial_2d_padding', 'spatial2dPadding');
/** Not implemented yet: mirrors `keras.backend.spatial_3d_padding`. Throws NotImplementedYetError. */
export const spatial3dPadding: NotImplemented = notImplemented('spatial_3d_padding', 'spatial3dPadding');
/** Not implemented yet: mirrors `keras.backend.stack`. Throws NotImplementedYetError. */
export const stack: NotImplemented = notImplemented('stack', 'stack');
/** Not implemented yet: mirrors `keras.backend.one_hot`. Throws NotImplementedYetError. */
export const oneHot: NotImplemented = notImplemented('one_hot', 'oneHot');
/** Not implemented yet: mirrors `keras.backend.reverse`. Throws NotImplementedYetError. */
export const reverse: NotImplemented = notImplemented('reverse', 'reverse');
/** Not implemented yet: mirrors `keras.backend.pattern_broadcast`. Throws NotImplementedYetError. */
export const patternBroadcast: NotImplemented = notImplemented('pattern_broadcast', 'patternBroadcast');
/** Not implemented yet: mirrors `keras.backend.print_tensor`. Throws NotImplementedYetError. */
export const printTensor: NotImplemented = notImplemented('print_tensor', 'printTensor');
/** Not implemented yet: mirrors `keras.backend.rnn`. Throws NotImplementedYetError. */
export const rnn: NotImplemented = notImplemented('rnn', 'rnn');
/** Not implemented yet: mirrors `keras.backend.switch`. Throws NotImplementedYetError. */
const switchStub: NotImplemented = notImplemented('switch', 'switch');
export { switchStub as switch };
/** Not implemented yet: mirrors `keras.backend.in_train_phase`. Throws NotImplementedYetError. */
export const inTrainPhase: NotImplemented = notImplemented('in_train_phase', 'inTrainPhase');
/** Not implemented yet: mirrors `keras.backend.in_test_phase`. Throws NotImplementedYetError. */
export const inTestPhase: NotImplemented = notImplemented('in_test_phase', 'inTestPhase');
/** Not implemented yet: mirrors `keras.backend.elu`. Throws NotImplementedYetError. */
export const elu: NotImplemented = notImplemented('elu', 'elu');
/** Not implemented yet: mirrors `keras.backend.softplus`. Throws NotImplementedYetError. */
export const softplus: NotImplemented = notImplemented('softplus', 'softplus');
/** Not implemented yet: mirrors `keras.backend.softsign`. Throws NotImplementedYetError. */
export const softsign: NotImplemented = notImplemented('softsign', 'softsign');
/** Not implemented yet: mirrors `keras.backend.categorical_crossentropy`. Throws NotImplementedYetError. */
export const categoricalCrossentropy: NotImplemented = notImplemented('categorical_crossentropy', 'categoricalCrossentropy');
/** Not implemented yet: mirrors `keras.backend.sparse_categorical_crossentropy`. Throws NotImplementedYetError. */
export const sparseCategoricalCrossentropy: NotImplemented = notImplemented('sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy');
/** Not implemented yet: mirrors `keras.backend.binary_crossentropy`. Throws NotImplementedYetError. */
export const binaryCrossentropy: NotImplemented = notImplemented('binary_crossentropy', 'binaryCrossentropy');
/** Not implemented yet: mirrors `keras.backend.hard_sigmoid`. Throws NotImplementedYetError. */
export const hardSigmoid: NotImplemented = notImplemented('hard_sigmoid', 'hardSigmoid');
/** Not implemented yet: mirrors `keras.backend.dropout`. Throws NotImplementedYetError. */
export const dropout: NotImplemented = notImplemented('dropout', 'dropout');
/** Not implemented yet: mirrors `keras.backend.l2_normalize`. Throws NotImplementedYetError. */
export const l2Normalize: NotImplemented = notImplemented('l2_normalize', 'l2Normalize');
/** Not implemented yet: mirrors `keras.backend.in_top_k`. Throws NotImplementedYetError. */
export const inTopK: NotImplemented = notImplemented('in_top_k', 'inTopK');
/** Not implemented yet: mirrors `keras.backend.conv1d`. Throws NotImplementedYetError. */
export const conv1d: NotImplemented = notImplemented('conv1d', 'conv1d');
/** Not implemented yet: mirrors `keras.backend.conv2d`. Throws NotImplementedYetError. */
export const conv2d: NotImplemented = notImplemented('conv2d', 'conv2d');
/** Not implemented yet: mirrors `keras.backend.conv2d_transpose`. Throws NotImplementedYetError. */
export const conv2dTranspose: NotImplemented = notImplemented('conv2d_transpose', 'conv2dTranspose');
/** Not implemented yet: mirrors `keras.backend.separable_conv1d`. Throws NotImplementedYetError. */
export const separableConv1d: NotImplemented = notImplemented('separable_conv1d', 'separableConv1d');
/** Not implemented yet: mirrors `keras.backend.separable_conv2d`. Throws NotImplementedYetError. */
export const separableConv2d: NotImplemented = notImplemented('separable_conv2d', 'separableConv2d');
/** Not implemented yet: mirrors `keras.backend.depthwise_conv2d`. Throws NotImplementedYetError. */
export const depthwiseConv2d: NotImplemented = notImplemented('depthwise_conv2d', 'depthwiseConv2d');
/** Not implemented yet: mirrors `keras.backend.conv3d`. Throws NotImplementedYetError. */
export const conv3d: NotImplemented = notImplemented('conv3d', 'conv3d');
/** Not implemented yet: mirrors `keras.backend.conv3d_transpose`. Throws NotImplementedYetError. */
export const conv3dTranspose: NotImplemented = notImplemented('conv3d_transpose', 'conv3dTranspose');
/** Not implemented yet: mirrors `keras.backend.pool2d`. Throws NotImplementedYetError. */
export const pool2d: NotImplemented = notImplemented('pool2d', 'pool2d');
/** Not implemented yet: mirrors `keras.backend.pool3d`. Throws NotImplementedYetError. */
export const pool3d: NotImplemented = notImplemented('pool3d', 'pool3d');
/** Not implemented yet: mirrors `keras.backend.bias_add`. Throws NotImplementedYetError. */
export const biasAdd: NotImplemented = notImplemented('bias_add', 'biasAdd');
/** Not implemented yet: mirrors `keras.backend.random_normal`. Throws NotImplementedYetError. */
export const randomNormal: NotImplemented = notImplemented('random_normal', 'randomNormal');
/** Not implemented yet: mirrors `keras.backend.random_uniform`. Throws NotImplementedYetError. */
export const randomUniform: NotImplemented = notImplemented('random_uniform', 'randomUniform');
/** Not implemented yet: mirrors `keras.backend.random_binomial`. Throws NotImplementedYetError. */
export const randomBinomial: NotImplemented = notImplemented('random_binomial', 'randomBinomial');
/** Not implemented yet: mirrors `keras.backend.truncated_normal`. Throws NotImplementedYetError. */
export const truncatedNormal: NotImplemented = notImplemented('truncated_normal', 'truncatedNormal');
/** Not implemented yet: mirrors `keras.backend.ctc_interleave_blanks`. Throws NotImplementedYetError. */
export const ctcInterleaveBlanks: NotImplemented = notImplemented('ctc_interleave_blanks', 'ctcInterleaveBlanks');
/** Not implemented yet: mirrors `keras.backend.ctc_create_skip_idxs`. Throws NotImplementedYetError. */
export const ctcCreateSkipIdxs: NotImplemented = notImplemented('ctc_create_skip_idxs', 'ctcCreateSkipIdxs');
/** Not implemented yet: mirrors `keras.backend.ctc_update_log_p`. Throws NotImplementedYetError. */
export const ctcUpdateLogP: NotImplemented = notImplemented('ctc_update_log_p', 'ctcUpdateLogP');
/** Not implemented yet: mirrors `keras.backend.ctc_path_probs`. Throws NotImplementedYetError. */
export const ctcPathProbs: NotImplemented = notImplemented('ctc_path_probs', 'ctcPathProbs');
/** Not implemented yet: mirrors `keras.backend.ctc_cost`. Throws NotImplementedYetError. */
export const ctcCost: NotImplemented = notImplemented('ctc_cost', 'ctcCost');
/** Not implemented yet: mirrors `keras.backend.ctc_batch_cost`. Throws NotImplementedYetError. */
export const ctcBatchCost: NotImplemented = notImplemented('ctc_batch_cost', 'ctcBatchCost');
/** Not implemented yet: mirrors `keras.backend.map_fn`. Throws NotImplementedYetError. */
export const mapFn: NotImplemented = notImplemented('map_fn', 'mapFn');
/** Not implemented yet: mirrors `keras.backend.foldl`. Throws NotImplementedYetError. */
export const foldl: NotImplemented = notImplemented('foldl', 'foldl');
/** Not implemented yet: mirrors `keras.backend.foldr`. Throws NotImplementedYetError. */
export const foldr: NotImplemented = notImplemented('foldr', 'foldr');
/** Not implemented yet: mirrors `keras.backend.local_conv1d`. Throws NotImplementedYetError. */
export const localConv1d: NotImplemented = notImplemented('local_conv1d', 'localConv1d');
/** Not implemented yet: mirrors `keras.backend.local_conv2d`. Throws NotImplementedYetError. */
export const localConv2d: NotImplemented = notImplemented('local_conv2d', 'localConv2d');
