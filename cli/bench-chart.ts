/**
 * The benchmark chart: an SVG of milliseconds per step by model (one group each)
 * and backend (one bar each), on a log scale since the backends differ by orders
 * of magnitude. Standalone SVG, no script, readable in any browser.
 */
import type { StepRecord } from '../bench/record';
import { BUILTIN_BACKENDS } from '../src/config';

/** The built-in backends' bar colours, in BUILTIN_BACKENDS order. */
const BUILTIN_COLORS = ['#6b7280', '#f97316', '#2563eb'];
const COLORS: Readonly<Record<string, string>> = Object.fromEntries(BUILTIN_BACKENDS.map((b, i) => [b, BUILTIN_COLORS[i % BUILTIN_COLORS.length]]));
const BASELINE_COLORS = ['#16a34a', '#86efac', '#15803d'];
const OTHER_COLORS = ['#a855f7', '#db2777', '#0891b2', '#ca8a04'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A duration in ms as short text: 0.012 ms, 1.23 ms, 456 ms, 2.1 s. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toPrecision(3)} ms`;
}

/** The chart of `records` as an SVG document; `subtitle` is printed under the title. */
export function benchChartSvg(records: readonly StepRecord[], subtitle = ''): string {
  const valid = records.filter((r) => Number.isFinite(r.msPerStep) && r.msPerStep > 0);
  const models = [...new Set(valid.map((r) => r.model))];
  const backends = [...new Set(valid.map((r) => r.backend))];
  const baselines = backends.filter((b) => valid.some((r) => r.backend === b && r.baseline));
  const others = backends.filter((b) => !baselines.includes(b));
  const order = [...baselines, ...BUILTIN_BACKENDS.filter((b) => others.includes(b)), ...others.filter((b) => !(b in COLORS))];
  const color = (b: string): string => {
    if (b in COLORS) return COLORS[b];
    const bi = baselines.indexOf(b);
    if (bi >= 0) return BASELINE_COLORS[bi % BASELINE_COLORS.length];
    return OTHER_COLORS[others.indexOf(b) % OTHER_COLORS.length];
  };

  const width = 960;
  const left = 230;
  const right = 90;
  const barH = 16;
  const gap = 4;
  const top = 70;
  const plotW = width - left - right;
  const lo = valid.length > 0 ? Math.floor(Math.log10(Math.min(...valid.map((r) => r.msPerStep)))) : -1;
  const hi = valid.length > 0 ? Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...valid.map((r) => r.msPerStep))))) : 0;
  const x = (ms: number): number => left + ((Math.log10(ms) - lo) / (hi - lo)) * plotW;

  const parts: string[] = [];
  let y = top;
  for (const model of models) {
    parts.push(`<text x="10" y="${y + 12}" class="model">${esc(model)}</text>`);
    y += 20;
    for (const b of order) {
      const r = valid.find((v) => v.model === model && v.backend === b);
      if (!r) continue;
      const w = Math.max(1, x(r.msPerStep) - left);
      parts.push(
        `<text x="${left - 6}" y="${y + barH - 4}" class="label">${esc(b)}</text>`,
        `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${color(b)}"><title>${esc(`${model} on ${b}: ${formatMs(r.msPerStep)} per step`)}</title></rect>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 4}" class="value">${esc(formatMs(r.msPerStep))}</text>`,
      );
      y += barH + gap;
    }
    y += 12;
  }
  const bottom = y;
  const ticks: string[] = [];
  for (let e = lo; e <= hi; e++) {
    const tx = x(10 ** e).toFixed(1);
    ticks.push(`<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${bottom}" class="grid"/>`);
    ticks.push(`<text x="${tx}" y="${bottom + 16}" class="tick">${esc(formatMs(10 ** e))}</text>`);
  }
  const height = bottom + 40;
  const empty = valid.length === 0 ? `<text x="${left}" y="${top + 20}" class="label-left">no timings recorded</text>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">
<style>
.title { font-size: 16px; font-weight: bold; }
.subtitle { fill: #555; }
.model { font-weight: bold; }
.label { text-anchor: end; }
.tick { text-anchor: middle; fill: #555; font-size: 11px; }
.grid { stroke: #ddd; stroke-width: 1; }
.value { fill: #333; font-size: 11px; }
</style>
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="24" class="title">Milliseconds per step by model and backend (median, log scale; shorter is faster)</text>
<text x="10" y="44" class="subtitle">${esc(subtitle)}</text>
${ticks.join('\n')}
${parts.join('\n')}
${empty}
</svg>
`;
}
