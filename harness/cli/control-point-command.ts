// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit control-point assess --programme P --at DATE [--format html|md|json] [--out DIR]
 * [--ledger FILE] [--control-point ID]`: assesses a control point as of a programme date from
 * the programme, the suites' test case catalogue and the ledger; writes the report (HTML, Markdown,
 * JSON) into DIR, prints the chosen format, and appends the assessment's audit record to the
 * ledger. Exit 0 for pass or pass with waivers, 1 for fail, 2 for bad input.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { assessControlPoint, ControlPointError, findControlPoint, type Assessment } from '../control-point/assessment.ts';
import { recordAssessment } from '../control-point/audit-record.ts';
import { EMPTY_SNAPSHOT, snapshotAsOf } from '../control-point/ledger-snapshot.ts';
import { collectTestCases } from '../cycle/collect-test-cases.ts';
import { openLedger } from '../ledger/ledger.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import { htmlReport } from '../../reports/control-point/html-report.ts';
import { markdownReport } from '../../reports/control-point/markdown-report.ts';
import { programmeDateOf } from './cycle-plan.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { EXIT, UserError } from './user-error.ts';

export interface ControlPointOptions {
  programme: string;
  at?: string;
  ledger: string;
  out: string;
  format?: string;
  controlPoint?: string;
  premises: string;
  /** Do not append the audit record (tests). */
  record?: boolean;
  /** The Allure report's index.html (`dit report`): the HTML report links to it. */
  allureIndex?: string;
}

export const CONTROL_POINT_FORMATS = ['html', 'md', 'json'] as const;

export interface WrittenReport {
  readonly assessment: Assessment;
  readonly files: { readonly html: string; readonly md: string; readonly json: string };
}

/** Assesses and writes the three report files; what `dit report` also calls. */
export async function assessAndWrite(opts: ControlPointOptions): Promise<WrittenReport> {
  const programme = loadProgramme(opts.programme);
  const at = programmeDateOf(programme, opts.at);
  let controlPointId: string;
  try {
    controlPointId = findControlPoint(programme, opts.controlPoint).id;
  } catch (e) {
    if (e instanceof ControlPointError) throw new UserError(`--control-point: ${e.message}`);
    throw e;
  }
  const cases = await collectTestCases(PROJECT_ROOT, join(PROJECT_ROOT, 'vitest.config.ts'), {
    runId: 'control-point',
    runSeed: 'control-point',
    target: 'emulated',
    programmeDate: at,
    premisesFile: resolve(opts.premises),
  });
  const ledgerFile = resolve(opts.ledger);
  const ledger = existsSync(ledgerFile) || opts.record !== false ? openLedger(ledgerFile) : undefined;
  try {
    const snapshot = ledger === undefined ? EMPTY_SNAPSHOT : snapshotAsOf(ledger, at);
    const assessment = assessControlPoint({ programme, controlPointId, at, cases, snapshot });
    if (ledger !== undefined && opts.record !== false) recordAssessment(ledger, assessment, new Date().toISOString());
    const out = resolve(opts.out);
    mkdirSync(out, { recursive: true });
    const base = join(out, `${assessment.controlPoint.id}-${assessment.at}`);
    const files = { html: `${base}.html`, md: `${base}.md`, json: `${base}.json` };
    const allure = opts.allureIndex === undefined ? undefined : relative(dirname(files.html), resolve(opts.allureIndex)).split('\\').join('/');
    writeFileSync(files.html, htmlReport(assessment, allure === undefined ? {} : { allure }));
    writeFileSync(files.md, markdownReport(assessment));
    writeFileSync(files.json, `${JSON.stringify(assessment, null, 2)}\n`);
    return { assessment, files };
  } finally {
    ledger?.close();
  }
}

export async function controlPointAssessCommand(opts: ControlPointOptions): Promise<number> {
  const format = opts.format ?? 'md';
  if (!(CONTROL_POINT_FORMATS as readonly string[]).includes(format)) throw new UserError(`--format must be html, md or json, got "${format}"`);
  const { assessment, files } = await assessAndWrite(opts);
  if (format === 'json') process.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
  else if (format === 'html') process.stdout.write(`${files.html}\n`);
  else process.stdout.write(`${markdownReport(assessment)}\nreport: ${files.html}\n        ${files.md}\n        ${files.json}\n`);
  return assessment.decision === 'fail' ? EXIT.failed : EXIT.ok;
}
