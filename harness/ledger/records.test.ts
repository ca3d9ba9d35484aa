// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { LedgerError } from './ledger-error.ts';
import {
  fromExecutionRow,
  fromRunRow,
  sameExecution,
  toExecutionRow,
  toFinishEventRow,
  toRunRow,
  type ExecutionInput,
  type RunStart,
} from './records.ts';

const FILE = '/ledgers/test.db';
const noId = (): string => {
  throw new Error('no id expected');
};

const run: RunStart = {
  id: 'R1',
  seed: 'seed-1',
  programmeDate: '2025-03-01',
  target: 'emulated',
  options: { shard: '1/2', flags: ['a'] },
  startedAtWall: '2025-03-01T10:00:00+01:00',
};

const execution: ExecutionInput = {
  id: 'E1',
  runId: 'R1',
  planItemId: 'PI-000000000001',
  testCase: 'READ-ESME-ECS17b',
  combination: { commsHub: { vendor: 'TOSH', firmware: '12.26' }, meter: { manufacturer: 'MM1', model: 'E470', firmware: '1.4' }, band: '2.4GHz' },
  attempt: 1,
  outcome: 'failed',
  virtualDurationMs: 1500,
  wallDurationMs: 12.5,
  failure: { message: 'no response', signature: 'abc123', category: 'product' },
  trace: [{ at: 1_700_000_000_000, direction: 'user→dcc', protocol: 'duis', summary: 'ECS17b request', body: '<sr:Request/>' }],
  traceHash: 'f00d',
  seed: 'e-seed',
};

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('expected a LedgerError');
}

describe('runs', () => {
  it('normalise the wall time to UTC milliseconds and round trip', () => {
    const row = toRunRow(FILE, run, noId);
    expect(row).toMatchObject({ id: 'R1', started_at_wall: '2025-03-01T09:00:00.000Z', options: '{"flags":["a"],"shard":"1/2"}', programme: null, cycle: null });
    expect(fromRunRow(row, [])).toEqual({
      ...run,
      startedAtWall: '2025-03-01T09:00:00.000Z',
      programme: null,
      cycle: null,
      finish: null,
      finishes: [],
    });
  });

  it('get an id timed by their start when they have none', () => {
    let asked = -1;
    const row = toRunRow(FILE, { ...run, id: undefined }, (ms) => {
      asked = ms;
      return 'GENERATED';
    });
    expect(row.id).toBe('GENERATED');
    expect(asked).toBe(Date.parse('2025-03-01T09:00:00Z'));
  });

  it('are refused with every wrong field named', () => {
    const error = refusal(() =>
      toRunRow(FILE, { ...run, programmeDate: '2025-02-30', startedAtWall: 'yesterday', seed: '', extra: 1 } as unknown as RunStart, noId),
    );
    expect(error.code).toBe('invalid-record');
    expect(error.message).toMatch(/^\/ledgers\/test\.db: run R1 is not a valid ledger record: /);
    expect(error.message).toContain('seed: Too small');
    expect(error.message).toContain('programmeDate: Invalid ISO date');
    expect(error.message).toContain('startedAtWall: Invalid ISO datetime');
    expect(error.message).toContain('Unrecognized key: "extra"');
    expect(error.message).toMatch(/Nothing was recorded\.$/);
  });

  it('refuse options that are not JSON', () => {
    expect(refusal(() => toRunRow(FILE, { ...run, options: { at: new Date(0) } }, noId)).message).toContain('options.at: expected a plain object, got Date');
  });

  it('finish as an event carrying status and summary', () => {
    const row = toFinishEventRow(FILE, 'R1', { status: 'passed', summary: { passed: 3 }, finishedAtWall: '2025-03-01T11:00:00Z' }, () => 'EV1');
    expect(row).toEqual({ id: 'EV1', run_id: 'R1', kind: 'finished', at_wall: '2025-03-01T11:00:00.000Z', data: '{"status":"passed","summary":{"passed":3}}' });
    expect(refusal(() => toFinishEventRow(FILE, 'R1', { status: 'done' as 'passed', summary: null, finishedAtWall: '2025-03-01T11:00:00Z' }, noId)).message).toContain(
      'finish of run R1 is not a valid ledger record: status: Invalid option',
    );
  });
});

describe('executions', () => {
  it('round trip, keeping fields the ledger does not model', () => {
    const withExtras = { ...execution, title: 'Read instantaneous import', severity: 2, skipReason: null, srv: '4.1.1' };
    const row = toExecutionRow(FILE, withExtras, noId);
    expect(row.details).toBe('{"severity":2,"skipReason":null,"srv":"4.1.1","title":"Read instantaneous import"}');
    expect(row.failure).toBe('{"category":"product","message":"no response","signature":"abc123"}');
    expect(fromExecutionRow(row)).toEqual(withExtras);
  });

  it('name every wrong field with its path', () => {
    const bad = {
      ...execution,
      attempt: 0,
      outcome: 'broken',
      combination: { ...execution.combination, meter: { manufacturer: 'MM1', model: 'E470' } },
      trace: [{ ...execution.trace[0], protocol: 'zigbee' }],
    } as unknown as ExecutionInput;
    const error = refusal(() => toExecutionRow(FILE, bad, noId));
    expect(error.message).toContain('execution E1 (run R1, plan item PI-000000000001, attempt 0) is not a valid ledger record');
    expect(error.message).toContain('combination.meter.firmware: Invalid input: expected string, received undefined');
    expect(error.message).toContain('attempt: Too small');
    expect(error.message).toContain('outcome: Invalid option');
    expect(error.message).toContain('trace[0].protocol: Invalid option');
  });

  it('need a failure when failed or error, and none when passed', () => {
    expect(refusal(() => toExecutionRow(FILE, { ...execution, failure: null }, noId)).message).toContain('expected a failure (message, signature, category) for outcome "failed"');
    expect(refusal(() => toExecutionRow(FILE, { ...execution, outcome: 'passed' }, noId)).message).toContain('failure: expected null for outcome "passed"');
    expect(toExecutionRow(FILE, { ...execution, outcome: 'skipped' }, noId).outcome).toBe('skipped');
  });

  it('refuse extra fields that are not JSON', () => {
    const bad = { ...execution, when: new Date(0) } as ExecutionInput;
    expect(refusal(() => toExecutionRow(FILE, bad, noId)).message).toContain('when: expected a plain object, got Date');
  });

  it('are the same execution when only the id and the wall duration differ', () => {
    const a = toExecutionRow(FILE, execution, noId);
    expect(sameExecution(a, toExecutionRow(FILE, { ...execution, id: 'E2', wallDurationMs: 99 }, noId))).toBe(true);
    expect(sameExecution(a, toExecutionRow(FILE, { ...execution, traceHash: 'beef' }, noId))).toBe(false);
    // key order does not matter: JSON is stored canonically
    const reordered = { ...execution, combination: { band: '2.4GHz', meter: execution.combination.meter, commsHub: execution.combination.commsHub } };
    expect(sameExecution(a, toExecutionRow(FILE, reordered, noId))).toBe(true);
  });
});
