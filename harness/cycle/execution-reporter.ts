// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A vitest reporter (main process) that turns each finished DIT test into an ExecutionRecord
 * and hands it to a sink — the ledger — as it arrives, so a crash loses nothing already run.
 * It also keeps the tallies the run summary prints.
 */
import type { Reporter, TestCase } from 'vitest/node';
import type { ExecutionRecord, Outcome } from './execution-record.ts';
import './execution-report.ts';
import { failureFrom } from './failure.ts';

export interface RunTally {
  passed: number;
  failed: number;
  skipped: number;
  /** Tests that ran without DIT metadata (not declared with ditCase): a harness error. */
  undeclared: string[];
}

export class ExecutionReporter implements Reporter {
  readonly tally: RunTally = { passed: 0, failed: 0, skipped: 0, undeclared: [] };

  constructor(
    private readonly runId: string,
    private readonly sink: (record: ExecutionRecord) => void,
    private readonly onRecorded: (record: ExecutionRecord) => void = () => {},
  ) {}

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const report = testCase.meta().dit;
    const outcome: Outcome = result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped';
    if (!report) {
      this.tally.undeclared.push(testCase.fullName);
      if (outcome === 'failed') this.tally.failed += 1;
      return;
    }
    this.tally[outcome] += 1;
    const errors = result.state === 'failed' ? result.errors.map((e) => e.message ?? String(e)) : [];
    const record: ExecutionRecord = {
      runId: this.runId,
      planItemId: report.planItemId,
      testCase: report.testCase.id,
      title: report.testCase.title,
      useCase: report.testCase.useCase,
      srv: report.testCase.srv,
      severity: report.testCase.severity,
      combination: report.combination,
      attempt: 1 + (testCase.diagnostic()?.retryCount ?? 0),
      outcome,
      skipReason: result.state === 'skipped' ? (result.note ?? null) : null,
      virtualDurationMs: report.virtualDurationMs,
      wallDurationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
      failure: outcome === 'failed' ? failureFrom(report.testCase.id, errors) : null,
      trace: report.trace,
      traceHash: report.traceHash,
      seed: report.seed,
    };
    this.sink(record);
    this.onRecorded(record);
  }
}
