// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit report`: renders Allure results (one folder, or one per shard, merged into one report)
 * into HTML with the real `allure` CLI, appending to a history file kept outside the report so
 * each test shows its results across runs — and builds the control-point report beside it, the
 * two linked: the control-point HTML links to the Allure report's index, and the Allure report
 * carries the control-point report as a global attachment and its path and decision in its
 * summary's variables.
 *
 * Which assessment: `--control-point` (default: the programme's control point dated on or after
 * the programme date, else its latest) as of `--at` (default: the latest programme date a run of
 * this programme recorded in the ledger — what the Allure results are from — else the programme's
 * today).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { dueControlPoint } from '../control-point/due-control-point.ts';
import { openLedger } from '../ledger/ledger.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import { parseProgrammeDate, programmeToday, type ProgrammeDate } from '../programme/programme-date.ts';
import type { Programme } from '../programme/programme.ts';
import { renderAllureReport } from './allure-report.ts';
import { assessAndWrite, type WrittenReport } from './control-point-command.ts';
import { DECISION_TEXT } from '../../reports/control-point/decision-text.ts';
import { EXIT, UserError } from './user-error.ts';

export interface ReportOptions {
  reportDir: string;
  history: string;
  name: string;
  /** false: `--no-control-point`, the Allure report only. */
  controlPoint?: string | boolean;
  programme: string;
  at?: string;
  ledger: string;
  controlPointDir: string;
  premises: string;
}

/** The latest programme date a run of this programme recorded in the ledger, if any. */
function latestRunDate(programme: Programme, ledgerFile: string): ProgrammeDate | undefined {
  if (!existsSync(ledgerFile)) return undefined;
  const ledger = openLedger(ledgerFile, { readonly: true });
  try {
    const dates = ledger
      .listRuns()
      .filter((r) => r.programme === undefined || r.programme === null || r.programme === programme.name)
      .map((r) => r.programmeDate)
      .sort();
    const latest = dates.at(-1);
    return latest === undefined ? undefined : parseProgrammeDate(latest, `${ledgerFile}: a run's programme date`);
  } finally {
    ledger.close();
  }
}

/** The programme date and control point `dit report` assesses (see the file comment). */
export function reportAssessmentChoice(programme: Programme, opts: Pick<ReportOptions, 'at' | 'controlPoint' | 'ledger'>): { at: ProgrammeDate; controlPoint: string } {
  let at: ProgrammeDate;
  try {
    at = opts.at !== undefined ? parseProgrammeDate(opts.at, '--at') : (latestRunDate(programme, resolve(opts.ledger)) ?? programmeToday(programme));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError((e as Error).message);
  }
  const controlPoint = typeof opts.controlPoint === 'string' ? opts.controlPoint : dueControlPoint(programme, at)?.id;
  if (controlPoint === undefined) throw new UserError(`--programme ${programme.name}: it has no control point to assess (control-points.json is empty); pass --no-control-point`);
  return { at, controlPoint };
}

export async function reportCommand(results: string[], opts: ReportOptions): Promise<number> {
  const dirs = results.map((r) => resolve(r));
  const reportDir = resolve(opts.reportDir);
  const allureIndex = join(reportDir, 'index.html');
  let written: WrittenReport | undefined;
  if (opts.controlPoint !== false) {
    const programme = loadProgramme(opts.programme);
    const choice = reportAssessmentChoice(programme, opts);
    written = await assessAndWrite({
      programme: opts.programme,
      at: choice.at,
      controlPoint: choice.controlPoint,
      ledger: opts.ledger,
      out: opts.controlPointDir,
      premises: opts.premises,
      // an assessment is recorded in the ledger it read; none is created just to hold one
      record: existsSync(resolve(opts.ledger)),
      allureIndex,
    });
  }
  const extras =
    written === undefined
      ? {}
      : {
          variables: {
            'control point': `${written.assessment.controlPoint.id} as of ${written.assessment.at}: ${DECISION_TEXT[written.assessment.decision]}`,
            'control point report': relative(dirname(allureIndex), written.files.html),
          },
          globalAttachments: [written.files.html],
        };
  const rendered = await renderAllureReport(dirs, reportDir, opts.name, resolve(opts.history), extras);
  if (!rendered.ok) throw new UserError(`dit report: ${rendered.reason}`);
  process.stdout.write(`HTML report: ${rendered.index}\nhistory: ${resolve(opts.history)}\n`);
  if (written !== undefined) {
    const a = written.assessment;
    process.stdout.write(`control point report: ${written.files.html} (${a.controlPoint.id} as of ${a.at}: ${DECISION_TEXT[a.decision]})\n                      ${written.files.md}\n                      ${written.files.json}\n`);
  }
  return EXIT.ok;
}
