/**
 * The project's error classes. Every backend raises the same class with the same
 * message for the same mistake, because argument checks live in `src/api`.
 */

/** Base class of every error this library raises on purpose. */
export class KerasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad argument value (Keras's `ValueError`): names the function, the argument and what was expected. */
export class KerasValueError extends KerasError {}

/** A shape that does not fit (incompatible ranks or dims, a wrong feed shape). */
export class KerasShapeError extends KerasValueError {}

/** A wrong type or dtype for an argument (Keras's `TypeError`). */
export class KerasTypeError extends KerasError {}

/** The active backend cannot do this (a dtype or feature it declares it lacks). */
export class UnsupportedError extends KerasError {
  constructor(
    message: string,
    /** The backend that lacks it. */
    readonly backend: string,
    /** What it lacks, e.g. `dtype float64`. */
    readonly feature: string,
  ) {
    super(message);
  }
}

/**
 * An engine failed while computing: a condition only the run could reveal (a run-time
 * shape that does not fit, memory). The message names the library function and
 * carries the engine's own message.
 */
export class KerasRuntimeError extends KerasError {}

/** A catalogue function that has no implementation yet. */
export class NotImplementedYetError extends KerasError {}

/** Bad configuration: a keras.json field, an environment variable or a backend module. */
export class ConfigError extends KerasError {
  constructor(
    message: string,
    /** The file or variable at fault, when there is one. */
    readonly source?: string,
    /** The field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}
