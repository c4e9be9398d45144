/**
 * Gradient rule of the matrix product (src/backends/primitives/linalg.ts).
 */
import { LinalgAttrs } from '../../backends/types';
import { matMul, unbroadcast } from '../primitives';
import { KTensor } from '../tensor';
import { GradientRules } from './rule';

/** Gradient rules of the linear algebra primitives. */
export const LINALG_GRADIENTS: GradientRules<LinalgAttrs> = {
  matMul: ([a, b], at, _y, g) => {
    let da: KTensor;
    let db: KTensor;
    const { transposeA: tA, transposeB: tB } = at;
    if (!tA && !tB) {
      da = matMul(g, b, false, true);
      db = matMul(a, g, true, false);
    } else if (tA && !tB) {
      da = matMul(b, g, false, true);
      db = matMul(a, g, false, false);
    } else if (!tA && tB) {
      da = matMul(g, b, false, false);
      db = matMul(g, a, true, false);
    } else {
      da = matMul(b, g, true, true);
      db = matMul(g, a, true, true);
    }
    // only the batch dims broadcast: the last two are matched, not broadcast
    const batchOf = (t: KTensor): (number | null)[] => [...t.shape.slice(0, -2), 1, 1];
    return [unbroadcast(da, a, [batchOf(b)]), unbroadcast(db, b, [batchOf(a)])];
  },
};
