/**
 * The conformance suite as jest tests, on the three built-in backends. A backend
 * author does the same for theirs:
 *   registerBackend('mine', factory); describeConformance('mine');
 */
import { describeConformance } from './runner';

describeConformance('reference');
describeConformance('tfjs');
describeConformance('onnx');
