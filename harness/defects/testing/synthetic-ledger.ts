// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Synthetic ledgers for the defect tests: a real ledger file in a temp folder, filled through
 * the ledger's own API (startRun + recordExecution) with executions shaped as the execution
 * reporter records them (failures from `failureFrom`, severity and the rest as details).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureFrom, type FailureCategory } from '../../cycle/failure.ts';
import { openLedger, type Combination, type ExecutionInput, type Ledger } from '../../ledger/ledger.ts';
import { datedExecutions, type DatedExecution } from '../dated-execution.ts';

/** `combo('TOSH 12.26', 'MM1 E470 1.4')`, band 2.4GHz unless given. */
export function combo(commsHub: string, meter: string, band = '2.4GHz'): Combination {
  const [vendor = '', firmware = ''] = commsHub.split(' ');
  const [manufacturer = '', model = '', meterFirmware = ''] = meter.split(' ');
  return { commsHub: { vendor, firmware }, meter: { manufacturer, model, firmware: meterFirmware }, band };
}

export interface ExecutionExtras {
  readonly severity?: number;
  readonly attempt?: number;
  readonly deviceTypes?: readonly string[];
  /** Override the category failureFrom derives. */
  readonly category?: FailureCategory;
  readonly outcome?: 'failed' | 'error';
}

export class SyntheticLedger {
  readonly dir: string;
  readonly file: string;
  readonly ledger: Ledger;
  private runs = 0;
  private readonly attempts = new Map<string, number>();

  constructor(name = 'ledger.db') {
    this.dir = mkdtempSync(join(tmpdir(), 'dit-defects-'));
    this.file = join(this.dir, name);
    this.ledger = openLedger(this.file);
  }

  /** Starts a run on a programme date; its wall start follows the previous run's. */
  run(programmeDate: string): string {
    this.runs += 1;
    const id = `R${String(this.runs).padStart(3, '0')}`;
    const startedAtWall = new Date(Date.UTC(2025, 0, 1, 0, this.runs)).toISOString();
    return this.ledger.startRun({ id, seed: `seed-${id}`, programmeDate, target: 'emulated', options: {}, startedAtWall });
  }

  pass(runId: string, testCase: string, combination: Combination, extras: ExecutionExtras = {}): string {
    return this.record(runId, testCase, combination, 'passed', null, extras);
  }

  fail(runId: string, testCase: string, combination: Combination, messages: readonly string[], extras: ExecutionExtras = {}): string {
    const failure = failureFrom(testCase, messages);
    return this.record(runId, testCase, combination, extras.outcome ?? 'failed', extras.category === undefined ? failure : { ...failure, category: extras.category }, extras);
  }

  /** The ledger's executions with their runs' dates. */
  history(): DatedExecution[] {
    return datedExecutions(this.ledger);
  }

  close(): void {
    this.ledger.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private record(
    runId: string,
    testCase: string,
    combination: Combination,
    outcome: 'passed' | 'failed' | 'error',
    failure: ReturnType<typeof failureFrom> | null,
    extras: ExecutionExtras,
  ): string {
    const planItemId = `${testCase}@${combination.commsHub.vendor}-${combination.commsHub.firmware}/${combination.meter.manufacturer}-${combination.meter.model}-${combination.meter.firmware}/${combination.band}`;
    const key = `${runId}\n${planItemId}`;
    const attempt = extras.attempt ?? (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const execution: ExecutionInput & Record<string, unknown> = {
      runId,
      planItemId,
      testCase,
      combination,
      attempt,
      outcome,
      virtualDurationMs: 1000,
      wallDurationMs: 1,
      failure,
      trace: [],
      traceHash: 'none',
      seed: `seed-${planItemId}-${attempt}`,
      title: `${testCase} title`,
      useCase: 'ECS17b',
      srv: '4.1.1',
      severity: extras.severity ?? 2,
      skipReason: null,
      ...(extras.deviceTypes === undefined ? {} : { deviceTypes: extras.deviceTypes }),
    };
    return this.ledger.recordExecution(execution).id;
  }
}
