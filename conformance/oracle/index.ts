/**
 * The conformance oracle: an independent float64 host ndarray toolkit used to
 * compute expected values, one file per catalogue group (config, tensors, state, math,
 * reduce, shape, nn, graph, random, conv, ctc) beside the toolkit (ndarray.ts) and the
 * Python operators (operators.ts). It never imports the library under test.
 */
export * from './ndarray';
export * from './math';
export * from './operators';
export * from './nn';
export * from './reduce';
export * from './shape';
export * from './tensors';
export * from './state';
export * from './config';
export * from './graph';
export * from './random';
export * from './statistics';
export * from './dtypes';
export * from './int64';
