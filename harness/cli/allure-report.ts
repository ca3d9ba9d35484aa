// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Renders Allure results into an HTML report with the real `allure` CLI (Allure Report 3).
 * The report folder is emptied first: Allure 3 writes into a sub-folder of a non-empty output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type RenderResult = { ok: true; index: string } | { ok: false; reason: string };

/**
 * What else the report carries (Allure 3 config): `variables` are shown as key/value pairs in
 * the report's summary header; `globalAttachments` are files attached to the whole report (the
 * awesome report lists them under "Global attachments"), e.g. the control-point report.
 */
export interface AllureReportExtras {
  readonly variables?: Readonly<Record<string, string>>;
  readonly globalAttachments?: readonly string[];
}

/** The `allure` CLI script of the installed package (its package.json is not exported). */
function allureCli(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'node_modules', 'allure', 'package.json');
    if (existsSync(pkg)) {
      const bin = (JSON.parse(readFileSync(pkg, 'utf8')) as { bin?: string | Record<string, string> }).bin;
      return join(dirname(pkg), typeof bin === 'string' ? bin : (bin?.allure ?? 'cli.js'));
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the allure CLI is not installed (npm ci installs it)');
    dir = parent;
  }
}

/**
 * Renders results into `reportDir`. With `historyPath`, the report shows each test's history
 * across the runs rendered before (the history file is appended to; keep it outside the report
 * folder, which is emptied first).
 */
export async function renderAllureReport(
  resultsDir: string | readonly string[],
  reportDir: string,
  name: string,
  historyPath?: string,
  extras: AllureReportExtras = {},
): Promise<RenderResult> {
  const dirs = typeof resultsDir === 'string' ? [resultsDir] : [...resultsDir];
  const empty = dirs.filter((d) => !existsSync(d) || readdirSync(d).length === 0);
  if (empty.length === dirs.length) return { ok: false, reason: `no Allure results in ${dirs.join(', ')}` };
  rmSync(reportDir, { recursive: true, force: true });
  const args = [allureCli(), 'generate', ...dirs.filter((d) => !empty.includes(d)), '--output', reportDir, '--report-name', name];
  if (historyPath) {
    mkdirSync(dirname(historyPath), { recursive: true });
    const config = join(dirname(historyPath), 'allurerc.json');
    // one self-contained HTML file: it opens from disk or from a CI artifact, no server needed
    const plugins = { awesome: { options: { singleFile: true, reportName: name } } };
    const { variables, globalAttachments } = extras;
    writeFileSync(config, `${JSON.stringify({ name, historyPath, plugins, ...(variables ? { variables } : {}), ...(globalAttachments ? { globalAttachments } : {}) }, null, 2)}\n`);
    args.push('--config', config);
  }
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolveRun) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (c) => resolveRun({ code: c, output }));
    child.on('error', (e) => resolveRun({ code: -1, output: e.message }));
  });
  const index = join(reportDir, 'index.html');
  if (code !== 0 || !existsSync(index)) return { ok: false, reason: `allure generate exited ${code}: ${output.trim().split('\n').slice(-3).join(' ')}` };
  return { ok: true, index };
}
