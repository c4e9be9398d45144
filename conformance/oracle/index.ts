/**
 * The conformance oracle: an independent float64 host ndarray toolkit used to
 * compute expected values. It never imports the library under test.
 */
export * from './ndarray';
export * from './ops';
export * from './random';
export * from './statistics';
