/**
 * The engines as optional peer dependencies: the pinned versions the code checks
 * are the ones package.json declares, every engine package is optional, and the
 * repository's own install still gets all of them (devDependencies).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ENGINE_PACKAGES, installCommand, installedPackageVersion, isEngineInstalled } from '../src/backends/engine-packages';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  allowScripts: Record<string, boolean>;
};
const all = Object.values(ENGINE_PACKAGES).flat();

describe('engine packages', () => {
  it('are optional peer dependencies at the versions the code pins, and devDependencies of the repository', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(all.map((p) => p.name).sort());
    for (const p of all) {
      expect([p.name, pkg.peerDependencies[p.name]]).toEqual([p.name, p.version]);
      expect([p.name, pkg.peerDependenciesMeta[p.name]?.optional]).toEqual([p.name, true]);
      expect([p.name, pkg.devDependencies[p.name]]).toEqual([p.name, p.version]);
      expect(pkg.dependencies[p.name]).toBeUndefined();
    }
  });

  it("skip onnxruntime-node's install step (its CUDA download) in the repository's own install", () => {
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
    expect(fs.existsSync(path.join(__dirname, '..', '.npmrc'))).toBe(false);
  });

  it('are found with their versions here, and an absent package is absent', () => {
    for (const p of all) expect(installedPackageVersion(p.name)).toBe(p.version);
    expect(isEngineInstalled('tfjs')).toBe(true);
    expect(isEngineInstalled('onnx')).toBe(true);
    expect(installedPackageVersion('keras-backend-no-such-package')).toBeUndefined();
  });

  it('give the npm i line with pinned versions', () => {
    expect(installCommand(ENGINE_PACKAGES.tfjs)).toBe('npm i @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0');
    expect(installCommand(ENGINE_PACKAGES.onnx)).toBe('npm i onnxruntime-node@1.30.0 onnx-proto@8.0.1');
  });
});
