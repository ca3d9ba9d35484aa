// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit regression`: an End-of-Cycle regression run compared with the previous cycle's baseline
 * — new failures, fixed, still failing, newly covered, not re-run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareWithBaseline, type RegressionLine } from '../cycle/regression-compare.ts';
import { openLedger } from '../ledger/ledger.ts';
import type { LedgerRun } from '../ledger/records.ts';
import { toJson } from './json-output.ts';
import { EXIT, UserError } from './user-error.ts';

export async function regressionCommand(opts: { ledger: string; run?: string; baseline?: string; json?: boolean }): Promise<number> {
  const file = resolve(opts.ledger);
  if (!existsSync(file)) throw new UserError(`no ledger at ${file}: give --ledger FILE`);
  const ledger = openLedger(file);
  try {
    const finished = ledger.listRuns().filter((r) => r.finish !== null).sort((a, b) => (a.startedAtWall < b.startedAtWall ? -1 : 1));
    const pick = (id: string, what: string): LedgerRun => {
      const run = ledger.getRun(id);
      if (!run) throw new UserError(`--${what} ${id}: no such run in ${file}`);
      return run;
    };
    const current = opts.run ? pick(opts.run, 'run') : finished.at(-1);
    if (!current) throw new UserError(`no finished run in ${file} to compare`);
    const earlier = finished.filter((r) => r.startedAtWall < current.startedAtWall);
    const baseline = opts.baseline ? pick(opts.baseline, 'baseline') : ([...earlier].reverse().find((r) => r.cycle !== current.cycle) ?? earlier.at(-1));
    if (!baseline) throw new UserError(`run ${current.id} has no earlier finished run to compare with: give --baseline RUN_ID`);
    const result = compareWithBaseline(ledger.executionsForRun(current.id), ledger.executionsForRun(baseline.id));
    if (opts.json) {
      process.stdout.write(`${toJson({ run: current.id, baseline: baseline.id, ...result })}\n`);
    } else {
      const show = (title: string, lines: readonly RegressionLine[]) =>
        lines.length === 0
          ? []
          : [`${title} (${lines.length}):`, ...lines.map((l) => `  ${l.testCase.padEnd(28)} ${l.slot}   ${l.baselineFirmware ?? '—'} → ${l.currentFirmware ?? '—'}`)];
      const lines = [
        `run ${current.id} (${current.cycle ?? 'no cycle'}, at ${current.programmeDate}) against baseline ${baseline.id} (${baseline.cycle ?? 'no cycle'}, at ${baseline.programmeDate})`,
        ...show('new failures', result.newFailures),
        ...show('fixed', result.fixed),
        ...show('still failing', result.stillFailing),
        ...show('newly covered', result.newlyCovered),
        ...show('in the baseline, not re-run', result.notRerun),
        `${result.stillPassing} still passing`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return result.newFailures.length > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    ledger.close();
  }
}
