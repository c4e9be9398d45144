#!/usr/bin/env node
// Runs the keras.backend conformance suite on this backend with the runner
// published by keras-backend-ts, with its known failures marked; prints the
// totals and the verdict, writes conformance-report.md, and exits 1 when a
// function fails (or a marked one passes).
'use strict';
const fs = require('fs');
const { registerBackend } = require('keras-backend-ts/backend');
const { runConformanceVerdict, toMarkdown, totals } = require('keras-backend-ts/conformance');
const { createBackend } = require('./dist/index.js');

/** What this backend is known to get wrong: reported `xfail`, and `xpass` (a failure) once fixed. */
const KNOWN_FAILURES = [
  { function: 'round', backend: 'float32-example', reason: 'Math.round rounds halves up; the primitive rounds them to even' },
];

registerBackend('float32-example', createBackend);
runConformanceVerdict({ backends: ['float32-example'], knownFailures: KNOWN_FAILURES }).then(({ report, verdict }) => {
  const t = totals(report)['float32-example'];
  console.log(Object.entries(t).map(([status, n]) => `${status} ${n}`).join(', '));
  for (const r of verdict.failing) console.log(`FAILED ${r.function}: ${r.message}`);
  fs.writeFileSync('conformance-report.md', toMarkdown(report));
  console.log(verdict.summary);
  process.exitCode = verdict.exitCode;
});
