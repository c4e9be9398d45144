/**
 * The conformance suite as jest tests, on the three built-in backends. A backend
 * author does the same for theirs:
 *   registerBackend('mine', factory); describeConformance('mine');
 */
import { BUILTIN_BACKENDS } from '../src/index';
import { describeConformance } from './runner';

for (const name of BUILTIN_BACKENDS) describeConformance(name);
