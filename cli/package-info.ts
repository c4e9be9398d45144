/** This package's own package.json (name and version), found from the running file. */
import * as fs from 'fs';
import * as path from 'path';

/** The fields of package.json the command line uses. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** The package's folder. */
  readonly root: string;
}

let cached: PackageInfo | undefined;

/** keras-backend-ts's package.json, from dist/cli/ or cli/ upwards. */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    if (json.name === 'keras-backend-ts' && typeof json.version === 'string') {
      cached = { name: json.name, version: json.version, root: dir };
      return cached;
    }
  }
  throw new Error(`keras-backend: cannot find the package.json of keras-backend-ts above ${__dirname}`);
}

/** The folder compiled files live in: `<root>/dist` when running from dist, else the root (ts-node, jest). */
export function compiledRoot(): string {
  const { root } = packageInfo();
  return path.basename(path.dirname(__dirname)) === 'dist' ? path.join(root, 'dist') : root;
}
