#!/usr/bin/env node
// Builds dist/ only when a source is newer than the last build (dist/.build-stamp,
// written by scripts/build.js), so `npm run demo`, `bench` and `conformance` start
// at once on an up-to-date tree. A file added or removed changes its folder's time.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const SOURCES = ['src', 'conformance', 'bench', 'demo', 'cli', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const name of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, name)));
  return t;
}

let built = 0;
try {
  built = fs.statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
} catch {
  built = 0;
}
const latest = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (built > 0 && latest < built) process.exit(0);

process.stderr.write(built === 0 ? 'Building dist/ (first run)...\n' : 'Sources changed since the last build: rebuilding dist/...\n');
const r = spawnSync(process.execPath, [path.join(__dirname, 'build.js')], { cwd: root, stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
