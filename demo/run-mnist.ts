/**
 * `npm run demo [-- --backend NAME] [--epochs N] [--batch-size N] [--train N] [--test N] [--html FILE | --no-html] [--onnx FILE]`:
 * the MNIST demo (demo/mnist.ts) from the command line.
 */
import { DemoOptions, runDemo } from './mnist';

const USAGE = 'usage: npm run demo -- [--backend NAME] [--epochs N] [--batch-size N] [--train N] [--test N] [--html FILE | --no-html] [--onnx FILE]';

function parseArgs(argv: readonly string[]): DemoOptions {
  const o: { -readonly [K in keyof DemoOptions]: DemoOptions[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const int = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${flag} must be a whole number, got '${v}'\n${USAGE}`);
      return Number(v);
    };
    switch (flag) {
      case '--backend':
        o.backend = value();
        break;
      case '--epochs':
        o.epochs = int();
        break;
      case '--batch-size':
        o.batchSize = int();
        break;
      case '--train':
        o.trainSamples = int();
        break;
      case '--test':
        o.testSamples = int();
        break;
      case '--html':
        o.html = value();
        break;
      case '--no-html':
        o.html = null;
        break;
      case '--onnx':
        o.onnx = value();
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument '${flag}'\n${USAGE}`);
    }
  }
  return o;
}

runDemo(parseArgs(process.argv.slice(2))).catch((e: unknown) => {
  console.error(e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : e);
  process.exit(1);
});
