/**
 * Cases of the `config` group: backend, epsilon, floatx, image data format,
 * learning phase, uids, name scopes. Every case that changes a setting restores
 * it (the runner also restores floatx, epsilon, image data format and learning
 * phase after every run). `getUid`/`resetUids` cases reset the uid counters,
 * which the public API cannot save and restore.
 */
import { defineSpec, FunctionSpec } from '../case';
import { map } from '../oracle';
import { FLOATX_VALUES, IMAGE_DATA_FORMATS } from '../oracle/config';
import { bad, fl } from './helpers';

export const CONFIG_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'backend',
    cases: [
      { name: 'names the active backend', modes: ['eager'], run: (K) => K.backend(), expected() { return this.backend; } },
      { name: 'is stable across calls', modes: ['eager'], run: (K) => K.backend() === K.backend(), expected: () => true },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'epsilon',
    cases: [
      {
        name: 'is a positive finite number',
        modes: ['eager'],
        run: (K) => K.epsilon(),
        check: (r) => (typeof r === 'number' && Number.isFinite(r) && r > 0 ? null : `got ${String(r)}`),
      },
      {
        name: 'reflects setEpsilon',
        modes: ['eager'],
        run(K) {
          const old = K.epsilon();
          try {
            K.setEpsilon(1e-4);
            return K.epsilon();
          } finally {
            K.setEpsilon(old);
          }
        },
        expected: () => 1e-4,
      },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'set_epsilon',
    cases: [
      {
        name: 'sets the value, returns nothing',
        modes: ['eager'],
        run(K) {
          const old = K.epsilon();
          try {
            const r = K.setEpsilon(2.5e-5);
            return [r === undefined, K.epsilon()];
          } finally {
            K.setEpsilon(old);
          }
        },
        expected: () => [true, 2.5e-5],
      },
      {
        name: 'accepts a tiny and a large value',
        modes: ['eager'],
        run(K) {
          const old = K.epsilon();
          try {
            K.setEpsilon(1e-30);
            const a = K.epsilon();
            K.setEpsilon(0.5);
            return [a, K.epsilon()];
          } finally {
            K.setEpsilon(old);
          }
        },
        expected: () => [1e-30, 0.5],
      },
    ],
    errorCases: [
      { name: 'negative', run: (K) => K.setEpsilon(-1e-7), error: 'KerasValueError', message: "setEpsilon: argument 'e' must be a positive finite number, got -1e-7" },
      { name: 'zero', run: (K) => K.setEpsilon(0), error: 'KerasValueError', message: "setEpsilon: argument 'e' must be a positive finite number, got 0" },
      { name: 'NaN', run: (K) => K.setEpsilon(NaN), error: 'KerasValueError', message: "setEpsilon: argument 'e' must be a positive finite number, got NaN" },
      { name: 'Infinity', run: (K) => K.setEpsilon(Infinity), error: 'KerasValueError', message: "setEpsilon: argument 'e' must be a positive finite number, got Infinity" },
      { name: 'a string', run: (K) => K.setEpsilon(bad('1e-7')), error: 'KerasValueError', message: `setEpsilon: argument 'e' must be a positive finite number, got "1e-7"` },
    ],
  }),
  defineSpec({
    kerasName: 'floatx',
    cases: [
      {
        name: 'is a float dtype name',
        modes: ['eager'],
        run: (K) => K.floatx(),
        check: (r) => (typeof r === 'string' && FLOATX_VALUES.includes(r) ? null : `got ${String(r)}`),
      },
      {
        name: 'reflects setFloatx',
        modes: ['eager'],
        run(K) {
          const old = K.floatx();
          try {
            K.setFloatx('float64');
            const a = K.floatx();
            K.setFloatx('float32');
            return [a, K.floatx()];
          } finally {
            K.setFloatx(old);
          }
        },
        expected: () => ['float64', 'float32'],
      },
      {
        name: 'new constants, variables, placeholders and zeros take floatx',
        outDtype: 'float',
        modes: ['eager'],
        run: (K) => [K.dtype(K.constant(1)), K.dtype(K.variable([1, 2])), K.dtype(K.placeholder({ shape: [2] })), K.dtype(K.zeros([2]))],
        expected() {
          return [this.floatx, this.floatx, this.floatx, this.floatx];
        },
      },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'set_floatx',
    cases: [
      {
        name: 'sets each float dtype',
        modes: ['eager'],
        run(K) {
          const old = K.floatx();
          try {
            const seen: string[] = [];
            for (const f of ['float16', 'float64', 'float32'] as const) {
              K.setFloatx(f);
              seen.push(K.floatx());
            }
            return seen;
          } finally {
            K.setFloatx(old);
          }
        },
        expected: () => ['float16', 'float64', 'float32'],
      },
    ],
    errorCases: [
      { name: 'not a float dtype', run: (K) => K.setFloatx(bad('int32')), error: 'KerasValueError', message: `setFloatx: argument 'value' must be one of float16, float32, float64, got "int32"` },
      { name: 'unknown name', run: (K) => K.setFloatx(bad('float8')), error: 'KerasValueError', message: `setFloatx: argument 'value' must be one of float16, float32, float64, got "float8"` },
      { name: 'not a string', run: (K) => K.setFloatx(bad(32)), error: 'KerasValueError', message: "setFloatx: argument 'value' must be one of float16, float32, float64, got 32" },
    ],
  }),
  defineSpec({
    kerasName: 'cast_to_floatx',
    cases: [
      { name: 'nested integers', outDtype: 'float', modes: ['eager'], run: (K) => K.castToFloatx([[1, 2], [3, 4]]), expected: () => [[1, 2], [3, 4]] },
      { name: 'a scalar', outDtype: 'float', modes: ['eager'], run: (K) => K.castToFloatx(2.5), expected: () => 2.5 },
      { name: 'booleans become 0/1', outDtype: 'float', modes: ['eager'], run: (K) => K.castToFloatx([true, false, true]), expected: () => [1, 0, 1] },
      {
        name: 'a typed array keeps its values',
        outDtype: 'float',
        modes: ['eager'],
        run: (K) => K.castToFloatx(new Int32Array([5, -6, 7])),
        expected: () => [5, -6, 7],
      },
      {
        name: 'an NDArray',
        outDtype: 'float',
        modes: ['eager'],
        run: (K) => K.castToFloatx(K.eval(K.constant([[1, -2]], { dtype: 'int32' }))),
        expected: () => [[1, -2]],
      },
    ],
    errorCases: [
      { name: 'a tensor', run: (K) => K.castToFloatx(K.constant([1, 2])), error: 'KerasTypeError', message: "castToFloatx: argument 'x' must be a host array (use K.cast for tensors)" },
      { name: 'a string', run: (K) => K.castToFloatx('abc'), error: 'KerasTypeError', message: `castToFloatx: argument 'x' must be a tensor, a number, a boolean, a nested array, a typed array, an NDArray or a TF.js tensor, got string "abc"` },
      { name: 'a ragged array', run: (K) => K.castToFloatx([[1, 2], [3]]), error: 'KerasShapeError', message: "castToFloatx: argument 'x' is a ragged nested array (expected length 2 at depth 1, got 1)" },
    ],
  }),
  defineSpec({
    kerasName: 'image_data_format',
    cases: [
      {
        name: 'is channels_last or channels_first',
        modes: ['eager'],
        run: (K) => K.imageDataFormat(),
        check: (r) => (typeof r === 'string' && IMAGE_DATA_FORMATS.includes(r) ? null : `got ${String(r)}`),
      },
      {
        name: 'reflects setImageDataFormat',
        modes: ['eager'],
        run(K) {
          const old = K.imageDataFormat();
          try {
            K.setImageDataFormat('channels_first');
            const a = K.imageDataFormat();
            K.setImageDataFormat('channels_last');
            return [a, K.imageDataFormat()];
          } finally {
            K.setImageDataFormat(old);
          }
        },
        expected: () => ['channels_first', 'channels_last'],
      },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'set_image_data_format',
    cases: [
      {
        name: 'sets both formats, returns nothing',
        modes: ['eager'],
        run(K) {
          const old = K.imageDataFormat();
          try {
            const r = K.setImageDataFormat('channels_first');
            const a = K.imageDataFormat();
            K.setImageDataFormat('channels_last');
            return [r === undefined, a, K.imageDataFormat()];
          } finally {
            K.setImageDataFormat(old);
          }
        },
        expected: () => [true, 'channels_first', 'channels_last'],
      },
    ],
    errorCases: [
      {
        name: 'unknown format',
        run: (K) => K.setImageDataFormat(bad('channels_middle')),
        error: 'KerasValueError',
        message: `setImageDataFormat: argument 'dataFormat' must be one of channels_last, channels_first, got "channels_middle"`,
      },
      { name: 'NHWC', run: (K) => K.setImageDataFormat(bad('NHWC')), error: 'KerasValueError', message: `setImageDataFormat: argument 'dataFormat' must be one of channels_last, channels_first, got "NHWC"` },
      { name: 'null', run: (K) => K.setImageDataFormat(bad(null)), error: 'KerasValueError', message: "setImageDataFormat: argument 'dataFormat' must be one of channels_last, channels_first, got null" },
    ],
  }),
  defineSpec({
    kerasName: 'learning_phase',
    cases: [
      {
        name: 'unset: a scalar int32 placeholder, 0 unless fed',
        modes: ['eager'],
        run(K) {
          K.clearSession();
          const lp = K.learningPhase();
          if (typeof lp === 'number') return ['a number', lp];
          const x = K.placeholder({ shape: [2] });
          const picked = K.inTrainPhase(K.multiply(x, 10), x);
          const fed = K.function([x, lp], [picked]);
          const unfed = K.function([x], [picked]);
          return [K.isPlaceholder(lp), K.intShape(lp), K.dtype(lp), fed([[1, 2], 1])[0], fed([[1, 2], 0])[0], unfed([[1, 2]])[0], K.learningPhase() === lp];
        },
        expected: () => [true, [], 'int32', [10, 20], [1, 2], [1, 2], true],
      },
      {
        name: 'reflects setLearningPhase, and clearSession forgets it',
        modes: ['eager'],
        run(K) {
          K.setLearningPhase(1);
          const a = K.learningPhase();
          K.setLearningPhase(0);
          const b = K.learningPhase();
          K.clearSession();
          return [a, b, typeof K.learningPhase()];
        },
        expected: () => [1, 0, 'object'],
      },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'set_learning_phase',
    cases: [
      {
        name: 'sets 1 then 0, returns nothing',
        modes: ['eager'],
        run(K) {
          const r = K.setLearningPhase(1);
          const a = K.learningPhase();
          K.setLearningPhase(0);
          return [r === undefined, a, K.learningPhase()];
        },
        expected: () => [true, 1, 0],
      },
    ],
    errorCases: [
      { name: '2', run: (K) => K.setLearningPhase(bad(2)), error: 'KerasValueError', message: "setLearningPhase: argument 'value' must be 0 or 1, got 2" },
      { name: '-1', run: (K) => K.setLearningPhase(bad(-1)), error: 'KerasValueError', message: "setLearningPhase: argument 'value' must be 0 or 1, got -1" },
      { name: "'train'", run: (K) => K.setLearningPhase(bad('train')), error: 'KerasValueError', message: `setLearningPhase: argument 'value' must be 0 or 1, got "train"` },
      { name: 'true', run: (K) => K.setLearningPhase(bad(true)), error: 'KerasValueError', message: "setLearningPhase: argument 'value' must be 0 or 1, got true" },
    ],
  }),
  defineSpec({
    kerasName: 'get_uid',
    cases: [
      {
        name: 'counts from 1 per prefix',
        modes: ['eager'],
        run(K) {
          K.resetUids();
          return [K.getUid('dense'), K.getUid('dense'), K.getUid('conv'), K.getUid('dense'), K.getUid('conv')];
        },
        expected: () => [1, 2, 1, 3, 2],
      },
      {
        name: "the default prefix is ''",
        modes: ['eager'],
        run(K) {
          K.resetUids();
          return [K.getUid(), K.getUid(''), K.getUid('x'), K.getUid()];
        },
        expected: () => [1, 2, 1, 3],
      },
    ],
    errorCases: [
      { name: 'a number prefix', run: (K) => K.getUid(bad(3)), error: 'KerasValueError', message: "getUid: argument 'prefix' must be a string, got 3" },
      { name: 'a null prefix', run: (K) => K.getUid(bad(null)), error: 'KerasValueError', message: "getUid: argument 'prefix' must be a string, got null" },
    ],
  }),
  defineSpec({
    kerasName: 'reset_uids',
    cases: [
      {
        name: 'restarts every prefix at 1',
        modes: ['eager'],
        run(K) {
          K.getUid('a');
          K.getUid('a');
          K.getUid('b');
          const r = K.resetUids();
          return [r === undefined, K.getUid('a'), K.getUid('b'), K.getUid('a')];
        },
        expected: () => [true, 1, 1, 2],
      },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'name_scope',
    cases: [
      { name: 'returns the result of fn', modes: ['eager'], run: (K) => K.nameScope('outer', () => 42), expected: () => 42 },
      {
        name: 'nests',
        modes: ['eager'],
        run: (K) => K.nameScope('a', () => K.nameScope('b', () => K.nameScope('c', () => 'inner'))),
        expected: () => 'inner',
      },
      {
        name: 'rethrows and leaves the scope',
        modes: ['eager'],
        run(K) {
          let caught = '';
          try {
            K.nameScope('failing', () => {
              throw new RangeError('boom');
            });
          } catch (e) {
            caught = (e as Error).message;
          }
          return [caught, K.nameScope('next', () => 7)];
        },
        expected: () => ['boom', 7],
      },
      {
        name: 'tensors built inside a scope compute normally',
        inputs: [fl([[1, 2], [3, 4]])],
        run: (K, x) => K.nameScope('block', () => K.add(K.multiply(x, 2), 1)),
        expected: (x) => map(x, (v) => 2 * v + 1),
      },
    ],
    errorCases: [
      { name: 'empty name', run: (K) => K.nameScope('', () => 1), error: 'KerasValueError', message: `nameScope: argument 'name' must be a non-empty string without '/', got ""` },
      { name: "name with '/'", run: (K) => K.nameScope('a/b', () => 1), error: 'KerasValueError', message: `nameScope: argument 'name' must be a non-empty string without '/', got "a/b"` },
      { name: 'name not a string', run: (K) => K.nameScope(bad(3), () => 1), error: 'KerasValueError', message: "nameScope: argument 'name' must be a non-empty string without '/', got 3" },
      { name: 'fn not a function', run: (K) => K.nameScope('a', bad(3)), error: 'KerasValueError', message: "nameScope: argument 'fn' must be a function, got 3" },
    ],
  }),
  // Keras 2.3.1 additions.
  defineSpec({
    kerasName: 'normalize_data_format',
    cases: [
      {
        name: 'null gives the image data format',
        modes: ['eager'],
        run(K) {
          const old = K.imageDataFormat();
          try {
            K.setImageDataFormat('channels_first');
            const a = K.normalizeDataFormat(null);
            K.setImageDataFormat('channels_last');
            return [a, K.normalizeDataFormat(), K.normalizeDataFormat(undefined)];
          } finally {
            K.setImageDataFormat(old);
          }
        },
        expected: () => ['channels_first', 'channels_last', 'channels_last'],
      },
      { name: 'a value is lower-cased', modes: ['eager'], run: (K) => [K.normalizeDataFormat('Channels_First'), K.normalizeDataFormat('channels_last')], expected: () => ['channels_first', 'channels_last'] },
    ],
    errorCases: [
      { name: 'an unknown format', run: (K) => K.normalizeDataFormat('channels_middle'), error: 'KerasValueError', message: /^normalizeDataFormat: argument 'value' must be one of "channels_first", "channels_last", got "channels_middle"$/ },
      { name: 'a number', run: (K) => K.normalizeDataFormat(bad(1)), error: 'KerasValueError', message: /^normalizeDataFormat: argument 'value' must be one of "channels_first", "channels_last", got 1$/ },
    ],
  }),
  defineSpec({
    kerasName: 'manual_variable_initialization',
    cases: [
      {
        name: 'sets the flag; variables keep their values either way',
        modes: ['eager'],
        run(K) {
          const before = K.manualVariableInitializationEnabled();
          try {
            K.manualVariableInitialization(true);
            const on = K.manualVariableInitializationEnabled();
            const v = K.getValue(K.variable([1, 2]));
            K.manualVariableInitialization(false);
            return [before, on, K.manualVariableInitializationEnabled(), v];
          } finally {
            K.manualVariableInitialization(before);
          }
        },
        expected: () => [false, true, false, [1, 2]],
      },
    ],
    errorCases: [{ name: 'not a boolean', run: (K) => K.manualVariableInitialization(bad(1)), error: 'KerasValueError', message: /^manualVariableInitialization: argument 'value' must be a boolean, got 1$/ }],
  }),
];
