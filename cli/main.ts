#!/usr/bin/env node
/**
 * The `keras-backend` command (the package's bin):
 *
 *   keras-backend info                 the backend in use and why, the settings, the engines installed
 *   keras-backend conformance [...]    the conformance matrix; reports as JSON, Markdown, HTML, JUnit XML
 *   keras-backend bench [...]          the benchmarks' tables and an SVG chart
 *   keras-backend demo [name]          a demo on the configured backend
 *
 * Exit status: 0 success; 1 failures (a conformance failure or regression, a
 * benchmark or demo that failed, a backend that does not start); 2 a usage error
 * (unknown option or name, unreadable baseline, a keras.json the library refuses);
 * 3 the command itself crashed.
 */
import { Command, CommanderError, Option } from 'commander';
import { benchCommand, BENCHMARKS } from './bench';
import { conformanceCommand, ConformanceCommandOptions } from './conformance';
import { demoCommand, DEMOS } from './demo';
import { gatherInfo, infoText } from './info';
import { BUILTIN_BACKENDS } from '../src/config';
import { packageInfo } from './package-info';
import { UsageError } from './usage-error';
import { ConfigError } from '../src/errors';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The program, with an action per command setting `status.code`. */
export function buildProgram(status: { code: number }): Command {
  const program = new Command();
  program
    .name('keras-backend')
    .description('keras.backend in TypeScript: configuration, conformance, benchmarks and demos')
    .version(packageInfo().version, '-V, --version', 'print the version of keras-backend-ts')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  program
    .command('info')
    .description('the backend in use and why (keras.json or KERAS_BACKEND), floatx, epsilon, image data format, and the engines installed with their versions and dtypes')
    .option('--json', 'print the information as JSON')
    .option('--no-start', 'do not start the backend in use (by default it is started, to check it works)')
    .action(async (o: { json?: boolean; start: boolean }) => {
      const info = await gatherInfo(o.start);
      process.stdout.write(o.json ? `${JSON.stringify(info, null, 2)}\n` : `${infoText(info)}\n`);
      status.code = info.backend.started === false ? 1 : 0;
    });

  program
    .command('conformance')
    .description('run every catalogue function on each backend against the oracle; exit status 1 on any failure or regression')
    .option('-b, --backend <name>', `a backend to run (repeatable or comma-separated; default: those of ${BUILTIN_BACKENDS.join(', ')} whose engine is installed)`, collect, [])
    .option('-f, --function <name>', 'a function to run, Keras or TypeScript name (repeatable or comma-separated; default: all); the others are left out of the report', collect, [])
    .option('--json <file>', 'write the report as JSON (the input of --baseline)')
    .option('--md <file>', 'write the report as Markdown')
    .option('--html <file>', 'write the report as an HTML page')
    .option('--junit <file>', 'write the report as JUnit XML, one test case per function and backend')
    .option('--baseline <file>', 'compare with an earlier --json report: print what changed, fail on any regression')
    .option('--no-matrix', 'do not print the matrix (totals, failures and regressions only)')
    .option('--no-progress', 'no progress bar')
    .action(async (o: ConformanceCommandOptions) => {
      status.code = await conformanceCommand(o);
    });

  program
    .command('bench')
    .description('time training steps and ops on each backend against hand-written programs on the same engine; print tables and draw an SVG chart')
    .option('-b, --backend <name>', 'a backend to time (repeatable or comma-separated; default: every installed one)', collect, [])
    .addOption(new Option('--only <benchmark>', 'run only this benchmark (repeatable or comma-separated)').choices(BENCHMARKS.map((b) => b.name)).argParser(collect).default([]))
    .option('--svg <file>', 'where to write the chart', 'bench.svg')
    .option('--no-svg', 'do not write the chart')
    .option('--json <file>', 'write the timings as JSON')
    .option('--no-progress', 'no progress bar')
    .action(async (o: { backend: string[]; only: string[]; svg: string | false; json?: string; progress: boolean }) => {
      status.code = await benchCommand(o);
    });

  program
    .command('demo')
    .description(`run a demo on the configured backend (${Object.entries(DEMOS).map(([n, d]) => `${n}: ${d.about}`).join('; ')})`)
    .argument('[name]', `which demo (${Object.keys(DEMOS).join(', ')})`, 'mlp')
    .option('-b, --backend <name>', 'the backend to use (default: keras.json or KERAS_BACKEND)')
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', '\nOther options and arguments after the name go to the demo itself, e.g. keras-backend demo mnist --epochs 1')
    .action(async (name: string, o: { backend?: string }, cmd: Command) => {
      // cmd.args: the name (when given) then whatever the demo itself parses.
      const rest = cmd.args[0] === name ? cmd.args.slice(1) : cmd.args;
      status.code = await demoCommand(name, o, rest);
    });

  return program;
}

/** Parses `argv` (without node and the script) and runs the command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const status = { code: 0 };
  const program = buildProgram(status);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`keras-backend: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      // a mistake in the user's keras.json or environment, whose message names the file and field: not a crash
      process.stderr.write(`keras-backend: ${e.name}: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`keras-backend crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}

if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
