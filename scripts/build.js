#!/usr/bin/env node
// `npm run build`: tsc, then the ES module entry points, then dist/.build-stamp
// dated when the build started (so a source saved during the build counts as newer).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const started = new Date();
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const run = (file, args) => {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status === null ? 1 : r.status);
};
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.build.json']);
run(path.join(__dirname, 'write-esm-entries.js'), []);
const stamp = path.join(root, 'dist', '.build-stamp');
fs.writeFileSync(stamp, `${started.toISOString()}\n`);
fs.utimesSync(stamp, started, started);
