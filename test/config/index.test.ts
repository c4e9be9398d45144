import * as config from '../../src/config';

test('the config module re-exports its public pieces', () => {
  for (const name of [
    'loadKerasJson',
    'kerasDir',
    'initConfig',
    'resetConfigForTests',
    'configureBackendNames',
    'epsilon',
    'setEpsilon',
    'floatx',
    'setFloatx',
    'imageDataFormat',
    'setImageDataFormat',
    'learningPhase',
    'setLearningPhase',
    'configuredBackendName',
    'configPath',
    'getUid',
    'resetUids',
    'nameScope',
    'currentNameScope',
  ] as const) {
    expect(typeof config[name]).toBe('function');
  }
  expect(config.BUILTIN_BACKENDS).toEqual(['reference', 'tfjs', 'onnx']);
  expect(config.BACKEND_ALIASES).toEqual({ tensorflow: 'tfjs' });
});
