/** `keras-backend demo`: runs a demo under demo/ on the configured backend (or the one given). */
import { compiledScript, runScript } from './run-script';
import { UsageError } from './usage-error';

/** The demos: name -> file under demo/ and what it shows. */
export const DEMOS: Readonly<Record<string, { readonly file: string; readonly about: string }>> = {
  mlp: { file: 'mlp', about: 'trains a small MLP on synthetic data and prints the loss falling' },
  mnist: { file: 'run-mnist', about: 'trains a small CNN on handwritten digits, prints the test accuracy and writes reports/mnist-demo.html' },
};

/** Options of the `demo` command. */
export interface DemoCommandOptions {
  readonly backend?: string;
}

/** Runs demo `name` in a child process (output passes through); returns its exit status. */
export async function demoCommand(name: string, opts: DemoCommandOptions, args: readonly string[] = []): Promise<number> {
  const demo = DEMOS[name];
  if (!demo) throw new UsageError(`unknown demo '${name}' (known: ${Object.keys(DEMOS).join(', ')})`);
  const file = compiledScript('demo', demo.file);
  const env: NodeJS.ProcessEnv = opts.backend ? { KERAS_BACKEND: opts.backend } : {};
  const r = await runScript(file, args, env, false);
  return r.code;
}
