// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit ledger check` and `dit ledger runs`: read-only views of the SQLite ledger; `dit ledger
 * merge`: a union of other ledgers' records (runs, events, executions, defect annotations,
 * control-point assessments) into this one, refusing records that conflict under one id.
 */
import { resolve } from 'node:path';
import { openLedger, type Ledger } from '../ledger/ledger.ts';
import { EXIT } from './user-error.ts';

function withLedger<T>(file: string, use: (ledger: Ledger) => T): T {
  const ledger = openLedger(resolve(file), { readonly: true });
  try {
    return use(ledger);
  } finally {
    ledger.close();
  }
}

export async function ledgerCheckCommand(opts: { ledger: string; json?: boolean }): Promise<number> {
  const file = resolve(opts.ledger);
  const report = withLedger(file, (ledger) => ({ file, integrity: ledger.integrityCheck(), ...ledger.counts(), schemaVersion: ledger.schemaVersion }));
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    process.stdout.write(
      `ledger ${file} (schema ${report.schemaVersion})\n  integrity: ${report.integrity}\n  runs: ${report.runs}\n  executions: ${report.executions}\n  duplicates: ${report.duplicates}\n`,
    );
  }
  return report.integrity === 'ok' && report.duplicates === 0 ? EXIT.ok : EXIT.failed;
}

export async function ledgerRunsCommand(opts: { ledger: string; json?: boolean }): Promise<number> {
  const runs = withLedger(opts.ledger, (ledger) =>
    ledger.listRuns().map((run) => {
      const executions = ledger.executionsForRun(run.id);
      const count = (o: string) => executions.filter((e) => e.outcome === o).length;
      return {
        id: run.id,
        startedAtWall: run.startedAtWall,
        programmeDate: run.programmeDate,
        target: run.target,
        seed: run.seed,
        status: run.finish?.status ?? 'unfinished',
        executions: executions.length,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
      };
    }),
  );
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    return EXIT.ok;
  }
  if (runs.length === 0) process.stdout.write('no runs recorded\n');
  for (const r of runs) {
    process.stdout.write(
      `${r.id}  ${r.startedAtWall}  at ${r.programmeDate}  ${r.target.padEnd(8)} seed ${JSON.stringify(r.seed)}  ${r.status.padEnd(10)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped\n`,
    );
  }
  return EXIT.ok;
}

export async function ledgerMergeCommand(files: string[], opts: { ledger: string }): Promise<number> {
  const target = openLedger(resolve(opts.ledger));
  try {
    for (const file of files) {
      const merged = target.mergeFrom(resolve(file));
      process.stdout.write(
        `merged ${resolve(file)}: ${merged.runs.added} run(s), ${merged.runEvents.added} run event(s), ${merged.executions.added} execution(s) added (${merged.executions.skipped} already present), ${merged.defectAnnotations.added} defect annotation(s), ${merged.assessments.added} assessment(s) added (${merged.assessments.skipped} already present)\n`,
      );
    }
    const counts = target.counts();
    process.stdout.write(`ledger ${target.file}: ${counts.runs} run(s), ${counts.executions} execution(s), ${target.assessments().length} assessment(s), integrity ${target.integrityCheck()}\n`);
  } finally {
    target.close();
  }
  return EXIT.ok;
}
