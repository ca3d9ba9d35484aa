// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit report`: renders Allure results (one folder, or one per shard, merged into one report)
 * into HTML with the real `allure` CLI, appending to a history file kept outside the report so
 * each test shows its results across runs.
 */
import { resolve } from 'node:path';
import { renderAllureReport } from './allure-report.ts';
import { EXIT, UserError } from './user-error.ts';

export async function reportCommand(results: string[], opts: { reportDir: string; history: string; name: string }): Promise<number> {
  const dirs = results.map((r) => resolve(r));
  const rendered = await renderAllureReport(dirs, resolve(opts.reportDir), opts.name, resolve(opts.history));
  if (!rendered.ok) throw new UserError(`dit report: ${rendered.reason}`);
  process.stdout.write(`HTML report: ${rendered.index}\nhistory: ${resolve(opts.history)}\n`);
  return EXIT.ok;
}
