/**
 * The npm packages behind the built-in engines. They are optional peer
 * dependencies of keras-backend-ts: `npm i keras-backend-ts` installs none of them
 * (the `reference` backend needs nothing), and each engine is loaded on first use.
 * Choosing an engine whose packages are missing gives a `ConfigError` with the
 * exact `npm i ...` line to run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../errors';

/** An npm package an engine needs, with the version this library is built and tested against. */
export interface EnginePackage {
  readonly name: string;
  readonly version: string;
}

/** The built-in engines that need packages of their own. */
export type EngineName = 'tfjs' | 'onnx';

/**
 * The packages of each engine, pinned to the versions in package.json's
 * `peerDependencies` (a test checks they agree): the adapters use engine internals
 * (tfjs-backend-wasm's kernel registry, onnxruntime-node's synchronous binding).
 */
export const ENGINE_PACKAGES: Readonly<Record<EngineName, readonly EnginePackage[]>> = Object.freeze({
  tfjs: Object.freeze([
    { name: '@tensorflow/tfjs-core', version: '4.22.0' },
    { name: '@tensorflow/tfjs-backend-wasm', version: '4.22.0' },
  ]),
  onnx: Object.freeze([
    { name: 'onnxruntime-node', version: '1.30.0' },
    { name: 'onnx-proto', version: '8.0.1' },
  ]),
});

/** The folder of the installed package `name`, resolved as this library's own `require` would, or undefined. */
function packageFolder(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // a package whose "exports" hides package.json: walk up from its main file
  }
  let main: string;
  try {
    main = require.resolve(name);
  } catch {
    return undefined;
  }
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    try {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown };
      if (json.name === name) return dir;
    } catch {
      // no package.json here: keep walking up
    }
  }
  return undefined;
}

/** The version of the installed package `name` (as this library resolves it), or undefined when it is not installed. */
export function installedPackageVersion(name: string): string | undefined {
  const dir = packageFolder(name);
  if (dir === undefined) return undefined;
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}

/** One engine package as installed: its pinned version and the one found (undefined when absent). */
export interface EnginePackageStatus extends EnginePackage {
  readonly installed: string | undefined;
}

/** The packages of `engine`, each with the version installed (if any). */
export function enginePackageStatus(engine: EngineName): EnginePackageStatus[] {
  return ENGINE_PACKAGES[engine].map((p) => ({ ...p, installed: installedPackageVersion(p.name) }));
}

/** Whether every package of `engine` is installed at its pinned version. */
export function isEngineInstalled(engine: EngineName): boolean {
  return enginePackageStatus(engine).every((p) => p.installed === p.version);
}

/** The `npm i` line that installs `packages` at their pinned versions. */
export function installCommand(packages: readonly EnginePackage[]): string {
  return `npm i ${packages.map((p) => `${p.name}@${p.version}`).join(' ')}`;
}

/**
 * Throws a `ConfigError` naming the missing (or wrongly versioned) packages and
 * the `npm i ...` line to run, unless every package of `engine` is installed at
 * its pinned version. `purpose` says what needed them (default: the backend).
 */
export function requireEnginePackages(engine: EngineName, purpose = `The '${engine}' backend`): void {
  const status = enginePackageStatus(engine);
  const wrong = status.filter((p) => p.installed !== p.version);
  if (wrong.length === 0) return;
  const what = wrong
    .map((p) => (p.installed === undefined ? `${p.name} (not installed)` : `${p.name} (${p.installed} installed, ${p.version} needed)`))
    .join(', ');
  const ortNote = wrong.some((p) => p.name === 'onnxruntime-node')
    ? " (onnxruntime-node's install step downloads CUDA libraries on Linux x64; prefix ONNXRUNTIME_NODE_INSTALL=skip to skip it, see the README)"
    : '';
  throw new ConfigError(
    `${purpose} needs packages that are optional peer dependencies of keras-backend-ts: ${what}. Install them with: ${installCommand(wrong)}${ortNote}`,
    undefined,
    'backend',
  );
}
