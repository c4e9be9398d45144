/**
 * Oracle of the `graph` group: float64 central differences for the gradient
 * checks, the elementwise selection of `switch`, and the control flow (rnn, map_fn,
 * foldl, foldr) as plain float64 loops over host arrays, written from Keras 2's
 * TensorFlow backend semantics. Never calls the library under test.
 */
import { OArray, OLike, asArray, broadcastTo, sizeOf } from './ndarray';
import { reshape } from './shape';

/** The gradient of the scalar function `f` at `x`, by central differences in float64. */
export function numericGradient(f: (x: OArray) => number, xv: OLike, h = 1e-5): OArray {
  const x = asArray(xv);
  const data = x.data.map((_, i) => {
    const plus = [...x.data];
    const minus = [...x.data];
    plus[i] += h;
    minus[i] -= h;
    return (f({ data: plus, shape: x.shape }) - f({ data: minus, shape: x.shape })) / (2 * h);
  });
  return { data, shape: [...x.shape] };
}

/**
 * Keras switch with a condition of rank >= 1: the condition lines up with the
 * leading axes of the branches (padded with trailing 1s) and broadcasts.
 */
export function switchElementwise(cv: OLike, av: OLike, bv: OLike): OArray {
  const c = asArray(cv);
  const a = asArray(av);
  const b = asArray(bv);
  const padded = reshape(c, [...c.shape, ...new Array<number>(a.shape.length - c.shape.length).fill(1)]);
  const cb = broadcastTo(padded, a.shape);
  return { data: a.data.map((v, i) => (cb.data[i] !== 0 ? v : b.data[i])), shape: [...a.shape] };
}

/** Options of the simple-RNN oracle. */
export interface OSimpleRnnOptions {
  /** (samples, time), nonzero: the step counts. */
  readonly mask?: OLike | null;
  readonly goBackwards?: boolean;
}

/**
 * A simple RNN h_t = tanh(x_t W + h_{t-1} U) (output = new state) over x of shape
 * (samples, time, d), W (d, u), U (u, u), h0 (samples, u). Masked steps keep the
 * previous output (zeros at first) and the previous state, as Keras's unrolled loop;
 * goBackwards iterates from the last step and lists outputs in iteration order.
 * Returns [lastOutput (samples, u), outputs (samples, time, u), lastState (samples, u)].
 */
export function simpleRnn(xv: OLike, wv: OLike, uv: OLike, h0v: OLike, o: OSimpleRnnOptions = {}): [OArray, OArray, OArray] {
  const x = asArray(xv);
  const w = asArray(wv);
  const u = asArray(uv);
  const h0 = asArray(h0v);
  const [b, t, d] = x.shape;
  const n = w.shape[1];
  const mask = o.mask === undefined || o.mask === null ? null : asArray(o.mask);
  let h = [...h0.data]; // state, (b, n)
  let prevOut = new Array<number>(b * n).fill(0);
  const outs: number[][] = [];
  for (let k = 0; k < t; k++) {
    const step = o.goBackwards ? t - 1 - k : k;
    const newH = new Array<number>(b * n);
    for (let s = 0; s < b; s++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let i = 0; i < d; i++) acc += x.data[(s * t + step) * d + i] * w.data[i * n + j];
        for (let i = 0; i < n; i++) acc += h[s * n + i] * u.data[i * n + j];
        newH[s * n + j] = Math.tanh(acc);
      }
    }
    const out = new Array<number>(b * n);
    for (let s = 0; s < b; s++) {
      const keep = mask === null || mask.data[s * t + step] !== 0;
      for (let j = 0; j < n; j++) {
        out[s * n + j] = keep ? newH[s * n + j] : prevOut[s * n + j];
        newH[s * n + j] = keep ? newH[s * n + j] : h[s * n + j];
      }
    }
    h = newH;
    prevOut = out;
    outs.push(out);
  }
  const outputs = new Array<number>(b * t * n);
  for (let s = 0; s < b; s++) for (let k = 0; k < t; k++) for (let j = 0; j < n; j++) outputs[(s * t + k) * n + j] = outs[k][s * n + j];
  return [
    { data: prevOut, shape: [b, n] },
    { data: outputs, shape: [b, t, n] },
    { data: h, shape: [b, n] },
  ];
}

/** Slice `i` of `a` along axis 0. */
function row(a: OArray, i: number): number[] {
  const m = sizeOf(a.shape.slice(1));
  return a.data.slice(i * m, (i + 1) * m);
}

/**
 * An elementwise fold over axis 0: acc = f(acc, elems[i]) elementwise, from the left
 * (or the right), starting from `init` (null: the first (last) element).
 */
export function foldElementwise(elemsV: OLike, init: OLike | null, f: (acc: number, x: number) => number, fromRight: boolean): OArray {
  const e = asArray(elemsV);
  const n = e.shape[0];
  const order = Array.from({ length: n }, (_, i) => (fromRight ? n - 1 - i : i));
  let acc: number[];
  let rest: number[];
  if (init === null) {
    acc = row(e, order[0]);
    rest = order.slice(1);
  } else {
    acc = [...asArray(init).data];
    rest = order;
  }
  for (const i of rest) {
    const r = row(e, i);
    acc = acc.map((a, k) => f(a, r[k]));
  }
  return { data: acc, shape: init === null ? e.shape.slice(1) : [...asArray(init).shape] };
}

/** Applies `f` to each slice along axis 0 (each a flat array with its shape) and stacks the results. */
export function mapSlices(elemsV: OLike, f: (slice: OArray) => OArray): OArray {
  const e = asArray(elemsV);
  const outs = Array.from({ length: e.shape[0] }, (_, i) => f({ data: row(e, i), shape: e.shape.slice(1) }));
  return { data: outs.flatMap((o) => [...o.data]), shape: [e.shape[0], ...outs[0].shape] };
}
