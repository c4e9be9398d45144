import type { Config } from 'jest';

// onnxruntime-node 1.30 collects telemetry on Linux unless ORT_DISABLE_TELEMETRY is set
// (or a CI variable): a SQLite database under ~/.cache/Microsoft/DeveloperTools, a
// /tmp/mat-debug-<pid>.log per process, and a flush with an upload attempt when the
// process ends. That flush made a jest worker that ran the conformance suite take
// ~0.9 s to exit (0.37 s without it; see docs/engine-notes.md), past jest's 0.5 s grace, so jest
// force-killed it ("A worker process has failed to exit gracefully"). Set here, in the
// jest process, so that the workers and every child process a test spawns inherit it
// (the engine reads the real environment, which a test file's process.env is not).
process.env.ORT_DISABLE_TELEMETRY ??= '1';

const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/conformance'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
};

export default config;
