// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A vitest reporter (main process) that turns each finished DIT test into execution records —
 * one per attempt — and hands them to a sink (the ledger) as they arrive, so a crash loses
 * nothing already run. It also keeps the tallies the run summary prints.
 */
import type { Reporter, TestCase } from 'vitest/node';
import type { ExecutionRecord } from './execution-record.ts';
import type { ExecutionReport } from './execution-report.ts';
import { failureFrom } from './failure.ts';
import { stripMarker } from './failure-marker.ts';
import { traceHash } from './trace.ts';

export interface RunTally {
  passed: number;
  failed: number;
  skipped: number;
  /** Executions that passed only after a failed attempt. */
  flaky: number;
  /** Tests that ran without DIT metadata (not declared with ditCase): a harness error. */
  undeclared: string[];
  /** Results the ledger refused, with why (a harness error; the run fails). */
  unrecorded: string[];
}

export class ExecutionReporter implements Reporter {
  readonly tally: RunTally = { passed: 0, failed: 0, skipped: 0, flaky: 0, undeclared: [], unrecorded: [] };

  constructor(
    private readonly runId: string,
    private readonly sink: (record: ExecutionRecord) => void,
    private readonly onRecorded: (record: ExecutionRecord) => void = () => {},
  ) {}

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const report = testCase.meta().dit;
    if (!report) {
      if (result.state === 'skipped') return; // a case with no plan item here, or a placeholder
      this.tally.undeclared.push(testCase.fullName);
      if (result.state === 'failed') this.tally.failed += 1;
      return;
    }
    const records = recordsOf(this.runId, report, result.state === 'failed' ? result.errors.map((e) => e.message ?? String(e)) : []);
    const last = records.at(-1);
    if (!last) {
      // the test failed before any attempt ran (e.g. the target could not be built)
      const messages = result.state === 'failed' ? result.errors.map((e) => e.message ?? String(e)) : ['no attempt ran'];
      const record = recordOf(
        this.runId,
        report,
        { attempt: 1, outcome: result.state === 'skipped' ? 'skipped' : 'failed', failureMessages: messages.map(stripMarker), virtualDurationMs: 0, wallDurationMs: 0, trace: [], traceHash: traceHash([]) },
        result.state === 'skipped' ? (result.note ?? null) : null,
      );
      records.push(record);
    }
    const final = records.at(-1)!;
    this.tally[final.outcome] += 1;
    if (final.outcome === 'passed' && records.length > 1) this.tally.flaky += 1;
    const note = result.state === 'skipped' ? (result.note ?? null) : null;
    for (const r of records) {
      const record = r.outcome === 'skipped' && note ? { ...r, skipReason: note } : r;
      try {
        this.sink(record);
      } catch (e) {
        // never lose a result silently: the run reports it as not recorded, with why
        this.tally.unrecorded.push(`${record.planItemId} attempt ${record.attempt}: ${(e as Error).message}`);
        continue;
      }
      this.onRecorded(record);
    }
  }
}

function recordsOf(runId: string, report: ExecutionReport, finalErrors: readonly string[]): ExecutionRecord[] {
  return report.attempts.map((a, i) => {
    // the worker's own record of the failure, before any report marker was put in front of it
    // (a marker must never change the failure's identity)
    const isLast = i === report.attempts.length - 1;
    const messages = a.failureMessages.length > 0 || !isLast ? a.failureMessages : finalErrors.map(stripMarker);
    return recordOf(runId, report, { ...a, failureMessages: messages }, null);
  });
}

function recordOf(runId: string, report: ExecutionReport, a: ExecutionReport['attempts'][number], skipReason: string | null): ExecutionRecord {
  return {
    runId,
    planItemId: report.planItemId,
    testCase: report.testCase.id,
    title: report.testCase.title,
    useCase: report.testCase.useCase,
    srv: report.testCase.srv,
    severity: report.testCase.severity,
    deviceTypes: report.testCase.deviceTypes,
    combination: report.combination,
    devices: report.devices,
    attempt: a.attempt,
    outcome: a.outcome,
    skipReason,
    virtualDurationMs: a.virtualDurationMs,
    wallDurationMs: a.wallDurationMs,
    failure: a.outcome === 'failed' ? failureFrom(report.testCase.id, a.failureMessages) : null,
    trace: a.trace,
    traceHash: a.traceHash,
    seed: report.seed,
    tags: report.testCase.tags,
    measurements: a.measurements ?? [],
  };
}
