/**
 * The textbook matrix product, the independent side of the matMul tests: for one pair
 * of matrices, c[i][j] = the sum over p in order, in double, from +0, of
 * op(a)[i][p] * op(b)[p][j] (op transposes when asked).
 */
export function textbookMatMul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number, ta: boolean, tb: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ta ? p * m + i : i * k + p] * b[tb ? j * k + p : p * n + j];
      c[i * n + j] = s;
    }
  }
  return c;
}
