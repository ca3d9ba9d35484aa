// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `npm test`: type checking, the layer-boundary check, the unit tests and the DIT suites, then
 * one plain closing line `dit: N passed, N failed, N skipped` (CI reads it). The two checks
 * count as one test each. Exit code 0 only when nothing failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayers } from './layer-rules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
let skipped = 0;

function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `\n${detail}` : ''}`);
}

const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], {
  cwd: root,
  encoding: 'utf8',
});
check('type check (tsc --noEmit, strict)', tsc.status === 0, tsc.status === 0 ? '' : `${tsc.stdout}${tsc.stderr}`);

const violations = checkLayers(root);
check(
  'layer boundaries (DESIGN.md)',
  violations.length === 0,
  violations.map((v) => `  ${v.file}:${v.line} imports ${v.specifier} (${v.target}); ${v.rule}`).join('\n'),
);

const outDir = join(root, 'out', 'test');
mkdirSync(outDir, { recursive: true });
const jsonFile = join(outDir, 'vitest.json');
rmSync(jsonFile, { force: true });
const vitest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'unit',
    '--project',
    'dit',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DIT_ALLURE_DIR: join(outDir, 'allure-results') } },
);

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}
try {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped += report.numPendingTests + report.numTodoTests;
} catch {
  failed += 1;
  console.log(`✗ vitest produced no report (exit ${vitest.status ?? vitest.signal})`);
}
if (vitest.status !== 0 && failed === 0) failed += 1;

console.log(`dit: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed === 0 ? 0 : 1;
