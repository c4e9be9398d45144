/**
 * Statistical tests for the random functions: distribution functions, and tests
 * whose false-alarm rate (the chance that a correct generator fails them) is a
 * stated `alpha`. Kolmogorov-Smirnov and mean tests use distribution-free bounds
 * (Dvoretzky-Kiefer-Wolfowitz-Massart, Hoeffding), so their rate is at most
 * alpha for every sample size; correlation and chi-square use the usual normal
 * and Wilson-Hilferty approximations.
 */

/** erf, by its Taylor series near 0 and its continued fraction beyond (|error| < 1e-14). */
export function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x < 2.5) {
    // erf x = 2/sqrt(pi) sum_n (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  return 1 - erfc(x);
}

/** erfc for x >= 2.5, by the continued fraction erfc x = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))). */
function erfc(x: number): number {
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

/** The standard normal distribution function. */
export function normalCdf(z: number): number {
  return z < -2.5 ? 0.5 * erfc(-z / Math.SQRT2) : 0.5 * (1 + erf(z / Math.SQRT2));
}

/** The standard normal quantile (bisection on `normalCdf`). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile: p must be in (0, 1), got ${p}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The distribution function of a normal(mean, stddev) truncated to [mean - 2 stddev, mean + 2 stddev]. */
export function truncatedNormalCdf(x: number, mean: number, stddev: number): number {
  const z = (x - mean) / stddev;
  if (z <= -2) return 0;
  if (z >= 2) return 1;
  const lo = normalCdf(-2);
  return (normalCdf(z) - lo) / (normalCdf(2) - lo);
}

/** The Kolmogorov-Smirnov statistic sup |F_n - F| of `sample` against the distribution function `cdf`. */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const s = Float64Array.from(sample).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** The KS threshold with false-alarm rate at most alpha: P(D > eps) <= 2 exp(-2 n eps^2) (DKW, Massart). */
export function ksThreshold(n: number, alpha: number): number {
  return Math.sqrt(Math.log(2 / alpha) / (2 * n));
}

/** The deviation of a mean of n draws in [0, 1] exceeded with probability at most alpha (Hoeffding). */
export function meanThreshold(n: number, alpha: number): number {
  return Math.sqrt(Math.log(2 / alpha) / (2 * n));
}

/** The Pearson correlation of x[i] and y[i]. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** The |correlation| of n independent pairs exceeded with probability about alpha (sqrt(n) r is about standard normal). */
export function correlationThreshold(n: number, alpha: number): number {
  return normalQuantile(1 - alpha / 2) / Math.sqrt(n);
}

/** The upper alpha quantile of the chi-square distribution with k degrees of freedom (Wilson-Hilferty). */
export function chiSquareThreshold(k: number, alpha: number): number {
  const z = normalQuantile(1 - alpha);
  const c = 2 / (9 * k);
  return k * (1 - c + z * Math.sqrt(c)) ** 3;
}

/**
 * Pearson's chi-square statistic of the pairs (u[2i], u[2i+1]) of values uniform on
 * [0, 1) over a `bins` x `bins` grid: large when a draw depends on the one before.
 * Returns the statistic and its degrees of freedom (bins^2 - 1).
 */
export function pairChiSquare(u: ArrayLike<number>, bins: number): { stat: number; df: number } {
  const pairs = Math.floor(u.length / 2);
  const counts = new Array<number>(bins * bins).fill(0);
  const bin = (v: number): number => Math.min(bins - 1, Math.max(0, Math.floor(v * bins)));
  for (let i = 0; i < pairs; i++) counts[bin(u[2 * i]) * bins + bin(u[2 * i + 1])]++;
  const want = pairs / (bins * bins);
  const stat = counts.reduce((s, c) => s + (c - want) ** 2 / want, 0);
  return { stat, df: bins * bins - 1 };
}
