// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { SyntheticLedger } from '../defects/testing/synthetic-ledger.ts';
import type { ProgrammeDate } from '../programme/programme-date.ts';
import { assessControlPoint, type AssessmentInput } from './assessment.ts';
import { recordAssessment } from './audit-record.ts';
import { EMPTY_SNAPSHOT, snapshotAsOf } from './ledger-snapshot.ts';
import { CONFIDENCE_CASES, CONFIDENCE_CRITERION, COVERAGE_CRITERION, ESME_CRITERION, GSME_COMBINATION, smallProgramme } from './testing/small-programme.ts';

const at = '2020-02-01' as ProgrammeDate;
const ledgers: SyntheticLedger[] = [];
afterEach(() => {
  for (const l of ledgers.splice(0)) l.close();
});

function ledger(): SyntheticLedger {
  const l = new SyntheticLedger();
  ledgers.push(l);
  return l;
}

function input(criteria: unknown[], snapshot: AssessmentInput['snapshot'], date: ProgrammeDate = at): AssessmentInput {
  return { programme: smallProgramme(criteria), controlPointId: 'CP', at: date, cases: CONFIDENCE_CASES, snapshot, forecastTrials: 200 };
}

/** Both confidence cases passed on the GSME combination on 2020-01-10 (and 2020-01-20 when twice). */
function passingLedger(weeks = 2): SyntheticLedger {
  const l = ledger();
  for (let w = 0; w < weeks; w++) {
    const run = l.run(w === 0 ? '2020-01-10' : '2020-01-20');
    l.pass(run, 'READ-GSME', GSME_COMBINATION);
    l.pass(run, 'FW-GSME', GSME_COMBINATION);
  }
  return l;
}

describe('assessControlPoint', () => {
  it('an empty ledger fails sensibly, with "no executions" evidence and no forecast', () => {
    const a = assessControlPoint(input([CONFIDENCE_CRITERION, COVERAGE_CRITERION], EMPTY_SNAPSHOT));
    expect(a.decision).toBe('fail');
    expect(a.failed).toEqual(['C-CONF', 'C-COV']);
    const coverage = a.criteria.find((c) => c.id === 'C-COV');
    expect(coverage?.evidence.map((e) => e.text).join('\n')).toContain('no executions in the ledger as of 2020-02-01');
    expect(a.coverage.totals).toEqual({ required: 2, executed: 0, passed: 0 });
    expect(a.forecast.p50).toBeNull();
    expect(a.forecast.unavailable).toContain('no executions');
  });

  it('passes when the confidence pack passed and every required cell is covered; the formal-only case is not required', () => {
    const l = passingLedger();
    const a = assessControlPoint(input([CONFIDENCE_CRITERION, COVERAGE_CRITERION], snapshotAsOf(l.ledger, at)));
    expect(a.decision).toBe('pass');
    expect(a.coverage.testCases).toEqual(['FW-GSME', 'READ-GSME']);
    expect(a.coverage.gaps).toEqual([]);
    expect(a.options.filter((o) => o.viable).map((o) => o.id)).toEqual(['CP.continue']);
  });

  it('the coverage matrix shows the gaps: a failed cell and a cell not run', () => {
    const l = ledger();
    const run = l.run('2020-01-10');
    l.fail(run, 'FW-GSME', GSME_COMBINATION, ['expected firmware 2.0, got 1.9']);
    const a = assessControlPoint(input([COVERAGE_CRITERION], snapshotAsOf(l.ledger, at)));
    expect(a.decision).toBe('fail');
    expect(a.coverage.gaps.map((g) => `${g.testCase}:${g.status}`)).toEqual(['FW-GSME:failed', 'READ-GSME:not-run']);
    expect(a.coverage.totals).toEqual({ required: 2, executed: 1, passed: 0 });
  });

  it('reads the ledger as of the programme date: a later run does not count', () => {
    const l = passingLedger(1);
    const before = assessControlPoint(input([CONFIDENCE_CRITERION], snapshotAsOf(l.ledger, '2020-01-09'), '2020-01-09' as ProgrammeDate));
    expect(before.decision).toBe('fail');
    expect(assessControlPoint(input([CONFIDENCE_CRITERION], snapshotAsOf(l.ledger, at))).decision).toBe('pass');
  });

  it('an availability need not delivered fails with its evidence; a waiver makes it pass with waivers until it expires', () => {
    const l = passingLedger();
    const failing = assessControlPoint(input([CONFIDENCE_CRITERION, ESME_CRITERION], snapshotAsOf(l.ledger, at)));
    expect(failing.decision).toBe('fail');
    const esme = failing.criteria.find((c) => c.id === 'C-ESME');
    expect(esme?.result).toBe('fail');
    expect(esme?.evidence[0]?.text).toContain('0 of 2 needed delivered by 2020-01-15');
    expect(esme?.evidence[0]?.text).toContain('MX-E24');

    const waiver = { by: 'DIT board', at: '2020-01-30', why: 'emulated ESMEs until deliveries', until: '2020-02-10' };
    const waived = assessControlPoint(input([CONFIDENCE_CRITERION, { ...ESME_CRITERION, waiver }], snapshotAsOf(l.ledger, at)));
    expect(waived.decision).toBe('pass-with-waivers');
    expect(waived.waived).toEqual(['C-ESME']);
    expect(waived.criteria.find((c) => c.id === 'C-ESME')?.waiver).toMatchObject({ by: 'DIT board', why: 'emulated ESMEs until deliveries', until: '2020-02-10', inForce: true });

    const later = '2020-02-11' as ProgrammeDate;
    const expired = assessControlPoint(input([CONFIDENCE_CRITERION, { ...ESME_CRITERION, waiver }], snapshotAsOf(l.ledger, later), later));
    expect(expired.decision).toBe('fail');
    expect(expired.criteria.find((c) => c.id === 'C-ESME')).toMatchObject({ result: 'fail', waiver: { inForce: false } });
  });

  it('open defects by severity: a severity 1 failure over the limit fails', () => {
    const l = ledger();
    const run = l.run('2020-01-10');
    l.fail(run, 'FW-GSME', GSME_COMBINATION, ['expected firmware 2.0, got 1.9'], { severity: 1 });
    const criterion = { id: 'C-DEF', kind: 'test-evidence', test: 'open-defects', owner: 'o', title: 'no sev 1', maxOpen: { '1': 0 }, models: ['MX-G868'] };
    const a = assessControlPoint(input([criterion], snapshotAsOf(l.ledger, at)));
    expect(a.criteria[0]?.result).toBe('fail');
    expect(a.criteria[0]?.evidence[0]?.text).toMatch(/severity 1: 1 open, at most 0 allowed/);
  });

  it('capability needs an attestation dated on or before the assessment', () => {
    const base = { id: 'C-CAP', kind: 'capability', owner: 'o', title: 'MX can support DIT', party: 'MX' };
    const attestation = { by: 'MX CTO', at: '2020-01-20', statement: 'we can', evidence: ['support plan'] };
    expect(assessControlPoint(input([base], EMPTY_SNAPSHOT)).criteria[0]?.result).toBe('fail');
    expect(assessControlPoint(input([{ ...base, attestation }], EMPTY_SNAPSHOT)).criteria[0]).toMatchObject({ result: 'pass' });
    expect(assessControlPoint(input([{ ...base, attestation: { ...attestation, at: '2020-03-01' } }], EMPTY_SNAPSHOT)).criteria[0]?.result).toBe('fail');
  });

  it('the options: pause is not viable with no delivery expected, emulators list the missing parity', () => {
    const l = passingLedger();
    const a = assessControlPoint(input([CONFIDENCE_CRITERION, ESME_CRITERION], snapshotAsOf(l.ledger, at)));
    const option = (id: string) => a.options.find((o) => o.id === id);
    expect(option('CP.pause')).toMatchObject({ viable: false });
    expect(option('CP.pause')?.reasons.join(' ')).toContain('no delivery expected');
    expect(option('CP.declare')).toMatchObject({ viable: true });
    expect(option('CP.declare')?.reasons.join(' ')).toContain('MX-G868');
    expect(option('CP.emulators')?.viable).toBe(false);
    expect(option('CP.emulators')?.missing.join(' ')).toContain('parity');
    expect(option('CP.close')?.viable).toBe(true);
  });

  it('re-assessing the same inputs gives the same JSON bytes; the audit record keeps it apart from the inputs', () => {
    const l = passingLedger();
    const first = assessControlPoint(input([CONFIDENCE_CRITERION, COVERAGE_CRITERION, ESME_CRITERION], snapshotAsOf(l.ledger, at)));
    recordAssessment(l.ledger, first, '2025-01-02T00:00:00Z');
    const second = assessControlPoint(input([CONFIDENCE_CRITERION, COVERAGE_CRITERION, ESME_CRITERION], snapshotAsOf(l.ledger, at)));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    recordAssessment(l.ledger, second, '2025-01-03T00:00:00Z');
    const records = l.ledger.assessments('CP');
    expect(records).toHaveLength(2);
    expect(records[0]?.inputsHash).toBe(records[1]?.inputsHash);
    expect(JSON.stringify(records[0]?.result)).toBe(JSON.stringify(records[1]?.result));
    expect(records.map((r) => r.decision)).toEqual(['fail', 'fail']);
  });
});
