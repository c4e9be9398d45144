/**
 * `npm run fuzz -- --cases N --seed S`: differential fuzzing over every backend (see
 * differential.ts). Prints each disagreement once per function and kind, and exits 1
 * when there is any.
 */
import { K } from '../../src/index';
import { describeCase, fuzz } from './differential';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`fuzz: --${name} takes a non-negative integer, got ${process.argv[i + 1]}\n`);
    process.exit(2);
  }
  return v;
}

async function main(): Promise<void> {
  const cases = arg('cases', 1000);
  const seed = arg('seed', Date.now() % 2 ** 31);
  const backends = ['reference', 'tfjs', 'onnx'];
  for (const b of backends) await K.setBackend(b);
  process.stdout.write(`fuzz: ${cases} cases, seed ${seed}, backends ${backends.join(', ')}\n`);
  const found = await fuzz(K, backends, cases, seed, (n) => process.stdout.write(`  ${n} cases\n`));
  const seen = new Set<string>();
  for (const d of found) {
    const key = `${d.case.fn} | ${d.between}`;
    if (seen.has(key)) continue;
    seen.add(key);
    process.stdout.write(`DISAGREE ${d.between}: ${d.detail}\n  ${describeCase(d.case)}\n`);
  }
  process.stdout.write(`fuzz: ${found.length} disagreement(s) in ${cases} cases (${seen.size} distinct function/kind pairs), seed ${seed}\n`);
  process.exitCode = found.length > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  process.stderr.write(`fuzz: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 2;
});
