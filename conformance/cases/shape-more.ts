/**
 * Cases of the catalogue functions added after the first set (file owned by the
 * engineer implementing them).
 */
import type { FunctionSpec } from '../case';

export const SHAPE_MORE_SPECS: FunctionSpec[] = [];
