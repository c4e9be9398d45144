/**
 * What a backend author writes: register a backend of their own and run the whole
 * conformance suite on it, here the tiny third-party backend of test/fixtures
 * (float32/int32/bool only, so float64 cases show as unsupported).
 */
import * as path from 'path';
import { Backend, registerBackend } from '../../src/index';
import { describeConformance } from '../../conformance';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tiny = require(path.join(__dirname, '..', 'fixtures', 'node_modules', 'keras-backend-tiny')) as { createBackend(): Backend };
registerBackend('tiny', () => tiny.createBackend());
describeConformance('tiny');
