// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { defectIdOf } from './defect-id.ts';
import { projectDefects } from './project-defects.ts';
import type { DefectRelease } from './release-catalogue.ts';
import { combo, SyntheticLedger } from './testing/synthetic-ledger.ts';

const open: SyntheticLedger[] = [];
function ledger(): SyntheticLedger {
  const l = new SyntheticLedger();
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

const ch = (version: string, date: string, claimsToFix: DefectRelease['claimsToFix'] = [], status?: string): DefectRelease => ({
  id: `TOSH-${version}`,
  target: { kind: 'comms-hub', vendor: 'TOSH' },
  version,
  date,
  claimsToFix,
  ...(status === undefined ? {} : { status }),
});
const mm1 = (version: string, date: string, claimsToFix: DefectRelease['claimsToFix'] = []): DefectRelease => ({
  id: `MM1-E470-${version}`,
  target: { kind: 'meter', model: 'E470' },
  version,
  date,
  claimsToFix,
});
const mm2 = (version: string, date: string): DefectRelease => ({
  id: `MM2-G100-${version}`,
  target: { kind: 'meter', model: 'G100' },
  version,
  date,
  claimsToFix: [],
});

const REGISTER = 'ECS17b: import register expected 5003 to be 5004 (device 00DB1234567890A0, counter 1555059600000)';
const REGISTER_OTHER_DEVICE = 'ECS17b: import register expected 5003 to be 5004 (device 00DB1234567890B7, counter 1555059612345)';
const MAC = 'ECS17b response: MAC expected valid, got invalid';

describe('projectDefects: identity', () => {
  it('makes the same fault on three combinations one defect', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4', '868MHz'), [REGISTER_OTHER_DEVICE]);
    l.fail(r, 'READ-ESME-ECS17b', combo('WNC 1.9', 'MM1 E470 1.4'), [REGISTER]);
    const defects = projectDefects(l.history(), [], { at: '2019-04-01' });
    expect(defects).toHaveLength(1);
    const [d] = defects;
    expect(d?.id).toMatch(/^DEF-[0-9a-f]{8}$/);
    expect(d?.id).toBe(defectIdOf(d?.signature ?? ''));
    expect(d?.occurrences).toBe(3);
    expect(d?.combinations).toEqual([
      'TOSH 12.26 × MM1 E470 1.4 @ 2.4GHz',
      'TOSH 12.26 × MM1 E470 1.4 @ 868MHz',
      'WNC 1.9 × MM1 E470 1.4 @ 2.4GHz',
    ]);
    expect(d?.title).toBe('ECS17b: import register expected 5003 to be 5004 (device <eui>, counter <n>)');
    expect(d?.testCase).toBe('READ-ESME-ECS17b');
    expect(d?.state).toBe('open');
  });

  it('makes two faults in one test two defects, and the same fault in another test case another defect', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER, MAC]);
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4', '868MHz'), [MAC]);
    l.fail(r, 'READ-GSME-GCS13a', combo('TOSH 12.26', 'MM2 G100 2.0'), [MAC]);
    const defects = projectDefects(l.history(), [], { at: '2019-04-01' });
    expect(defects.map((d) => [d.testCase, d.title, d.occurrences])).toEqual([
      ['READ-ESME-ECS17b', 'ECS17b: import register expected 5003 to be 5004 (device <eui>, counter <n>)', 1],
      ['READ-ESME-ECS17b', MAC, 2],
      ['READ-GSME-GCS13a', MAC, 1],
    ]);
    expect(new Set(defects.map((d) => d.id)).size).toBe(3);
  });

  it('takes the severity from the test case metadata of the failures (the most severe), else the default', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER], { severity: 3 });
    l.fail(r, 'READ-ESME-ECS17b', combo('WNC 1.9', 'MM1 E470 1.4'), [REGISTER], { severity: 1 });
    l.fail(r, 'JOIN-1', combo('TOSH 12.26', 'MM1 E470 1.4'), ['no join'], { severity: 9 });
    const defects = projectDefects(l.history(), [], { at: '2019-04-01', defaultSeverity: 4 });
    const register = defects.find((d) => d.testCase === 'READ-ESME-ECS17b');
    const join = defects.find((d) => d.testCase === 'JOIN-1');
    expect(register?.severity).toBe(1);
    expect(register?.testCaseSeverity).toBe(1);
    expect(join?.severity).toBe(4);
  });

  it('still reads failures recorded with one signature and no `signatures` list', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.ledger.recordExecution({
      runId: r,
      planItemId: 'PI-1',
      testCase: 'READ-1',
      combination: combo('TOSH 12.26', 'MM1 E470 1.4'),
      attempt: 1,
      outcome: 'failed',
      virtualDurationMs: 1,
      wallDurationMs: 1,
      failure: { message: 'no response within 30 s', signature: 'sig-timeout', category: 'product' },
      trace: [],
      traceHash: 'h',
      seed: 's',
    });
    const [d] = projectDefects(l.history(), [], { at: '2019-04-01' });
    expect(d?.signature).toBe('sig-timeout');
    expect(d?.title).toBe('no response within 30 s');
  });
});

describe('projectDefects: environment and harness failures', () => {
  it('never makes an HTTP 5xx from the DCC edge, a transport error or a harness error a device defect', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), ['HTTP 503 from the DCC edge']);
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4', '868MHz'), ['could not reach the DCC at http://127.0.0.1:8079/api/v1/serviceS: fetch failed (ECONNREFUSED)']);
    l.fail(r, 'READ-ESME-ECS17b', combo('WNC 1.9', 'MM1 E470 1.4'), ['canary CCS06 to the DCC failed before the test']);
    l.fail(r, 'READ-GSME-GCS13a', combo('WNC 1.9', 'MM2 G100 2.0'), ["TypeError: cannot read properties of undefined (reading 'x')"]);
    l.fail(r, 'READ-GSME-GCS13a', combo('TOSH 12.26', 'MM2 G100 2.0'), [MAC], { outcome: 'error' });
    expect(projectDefects(l.history(), [], { at: '2019-04-01' })).toEqual([]);
  });

  it('does not count an environment failure against a plan item that then passes (not intermittent, no defect)', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    const c = combo('TOSH 12.26', 'MM1 E470 1.4');
    l.fail(r, 'READ-ESME-ECS17b', c, ['expected I99, got HTTP 500']);
    l.pass(r, 'READ-ESME-ECS17b', c);
    l.fail(r, 'READ-GSME-GCS13a', c, [MAC]);
    const defects = projectDefects(l.history(), [], { at: '2019-04-01' });
    expect(defects.map((d) => [d.testCase, d.intermittent])).toEqual([['READ-GSME-GCS13a', false]]);
  });
});

describe('projectDefects: lifecycle across releases', () => {
  // MM1 E470 firmware: 1.4 → 1.4.1 → 1.5 (claims the fix) → 1.6; the comms hub stays TOSH 12.26
  function programme(claim: DefectRelease['claimsToFix']): DefectRelease[] {
    return [ch('12.26', '2019-02-01'), mm1('1.4', '2019-02-01'), mm1('1.4.1', '2019-03-15'), mm1('1.5', '2019-04-01', claim), mm1('1.6', '2019-04-20'), mm2('2.0', '2019-02-01')];
  }

  function history(l: SyntheticLedger): void {
    const tc = 'READ-ESME-ECS17b';
    const r1 = l.run('2019-03-10');
    l.fail(r1, tc, combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    l.pass(r1, tc, combo('TOSH 12.26', 'MM2 G100 2.0'));
    const r2 = l.run('2019-03-20');
    l.fail(r2, tc, combo('TOSH 12.26', 'MM1 E470 1.4.1'), [REGISTER_OTHER_DEVICE]);
    const r3 = l.run('2019-04-05');
    l.pass(r3, tc, combo('TOSH 12.26', 'MM1 E470 1.5'));
    l.fail(r3, tc, combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]); // old firmware still in a combination: no reopen
    const r4 = l.run('2019-04-25');
    l.fail(r4, tc, combo('TOSH 12.26', 'MM1 E470 1.6'), [REGISTER]);
  }

  it('is found in, seen again in, claimed fixed in, verified by a passing retest, then reopened', () => {
    const l = ledger();
    history(l);
    const signature = projectDefects(l.history(), programme([]), { at: '2019-03-10' })[0]?.signature ?? '';
    const releases = programme([{ defectSignature: signature }]);
    const at = (date: string) => projectDefects(l.history(), releases, { at: date })[0];

    const found = at('2019-03-10');
    expect(found).toMatchObject({ state: 'open', foundIn: 'MM1-E470-1.4', seenAgainIn: [], claimedFixedIn: [], component: 'meter', blocking: true });
    expect(found?.attribution).toMatchObject({ component: 'meter', reason: 'evidence' });

    expect(at('2019-03-31')).toMatchObject({ state: 'open', seenAgainIn: ['MM1-E470-1.4.1'], occurrences: 2 });
    expect(at('2019-04-01')).toMatchObject({ state: 'claimed-fixed', claimedFixedIn: ['MM1-E470-1.5'], verifiedIn: [], blocking: true });

    const verified = at('2019-04-05');
    expect(verified).toMatchObject({ state: 'verified', verifiedIn: ['MM1-E470-1.5'], reopenedIn: [], blocking: false, occurrences: 3 });

    const reopened = at('2019-04-30');
    expect(reopened).toMatchObject({
      state: 'reopened',
      foundIn: 'MM1-E470-1.4',
      seenAgainIn: ['MM1-E470-1.4.1', 'MM1-E470-1.6'],
      claimedFixedIn: ['MM1-E470-1.5'],
      verifiedIn: ['MM1-E470-1.5'],
      reopenedIn: ['MM1-E470-1.6'],
      blocking: true,
      intermittent: false,
    });
    expect(reopened?.firstSeen).toMatchObject({ programmeDate: '2019-03-10', release: 'MM1-E470-1.4', combination: 'TOSH 12.26 × MM1 E470 1.4 @ 2.4GHz' });
    expect(reopened?.lastSeen).toMatchObject({ programmeDate: '2019-04-25', release: 'MM1-E470-1.6' });
    expect(reopened?.history.map((e) => [e.kind, e.programmeDate, e.release, e.state])).toEqual([
      ['found', '2019-03-10', 'MM1-E470-1.4', 'open'],
      ['seen-again', '2019-03-20', 'MM1-E470-1.4.1', 'open'],
      ['claimed-fixed', '2019-04-01', 'MM1-E470-1.5', 'claimed-fixed'],
      ['verified', '2019-04-05', 'MM1-E470-1.5', 'verified'],
      ['seen-again', '2019-04-25', 'MM1-E470-1.6', 'verified'],
      ['reopened', '2019-04-25', 'MM1-E470-1.6', 'reopened'],
    ]);
  });

  it('keeps a verified defect verified when it fails on an older release of the line or on another meter model', () => {
    const l = ledger();
    history(l); // run 3 already fails on the older 1.4 after 1.5 verified the fix
    const r5 = l.run('2019-04-06');
    l.fail(r5, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM2 G100 2.0'), [REGISTER]);
    const signature = projectDefects(l.history(), programme([]), { at: '2019-03-10' })[0]?.signature ?? '';
    const d = projectDefects(l.history(), programme([{ defectSignature: signature }]), { at: '2019-04-06' })[0];
    expect(d).toMatchObject({ state: 'verified', reopenedIn: [], seenAgainIn: ['MM1-E470-1.4.1', 'MM2-G100-2.0'] });
    expect(d?.lastSeen.release).toBe('MM2-G100-2.0');
  });

  it('accepts a claim by the defect id, and ignores claims of withdrawn releases and of releases after the date', () => {
    const l = ledger();
    history(l);
    const id = projectDefects(l.history(), programme([]), { at: '2019-03-10' })[0]?.id ?? '';
    expect(projectDefects(l.history(), programme([{ defectSignature: id }]), { at: '2019-04-05' })[0]?.state).toBe('verified');
    const withdrawn = programme([]).map((r) => (r.id === 'MM1-E470-1.5' ? { ...r, status: 'withdrawn', claimsToFix: [{ defectSignature: id }] } : r));
    expect(projectDefects(l.history(), withdrawn, { at: '2019-04-05' })[0]).toMatchObject({ state: 'open', claimedFixedIn: [] });
  });

  it('claims a fix by the external ticket an annotation gave the defect', () => {
    const l = ledger();
    history(l);
    const id = projectDefects(l.history(), programme([]), { at: '2019-03-10' })[0]?.id ?? '';
    l.ledger.annotateDefect({ defectId: id, atWall: '2025-01-02T00:00:00Z', author: 'ana', data: { ticket: 'DIT-42' } });
    const d = projectDefects(l.history(), programme([{ ticket: 'DIT-42' }]), { at: '2019-04-01', annotations: l.ledger.defectAnnotations() })[0];
    expect(d).toMatchObject({ ticket: 'DIT-42', state: 'claimed-fixed', claimedFixedIn: ['MM1-E470-1.5'] });
    expect(projectDefects(l.history(), programme([{ ticket: 'DIT-42' }]), { at: '2019-04-01' })[0]?.state).toBe('open');
  });

  it('drops a claim that a retest on the claimed release refutes, and does not verify with a pass before the claim', () => {
    const l = ledger();
    const tc = 'READ-ESME-ECS17b';
    const r1 = l.run('2019-03-10');
    l.fail(r1, tc, combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    const early = l.run('2019-03-25'); // a pre-release drop of 1.5 passes before 1.5 claims anything
    l.pass(early, tc, combo('TOSH 12.26', 'MM1 E470 1.5'));
    const r2 = l.run('2019-04-05');
    l.fail(r2, tc, combo('TOSH 12.26', 'MM1 E470 1.5'), [REGISTER]);
    const signature = projectDefects(l.history(), [], { at: '2019-04-30' })[0]?.signature ?? '';
    const releases = programme([{ defectSignature: signature }]);
    expect(projectDefects(l.history(), releases, { at: '2019-04-01' })[0]).toMatchObject({ state: 'claimed-fixed', verifiedIn: [] });
    const refuted = projectDefects(l.history(), releases, { at: '2019-04-05' })[0];
    expect(refuted).toMatchObject({ state: 'open', claimedFixedIn: ['MM1-E470-1.5'], verifiedIn: [], intermittent: true });
    expect(refuted?.history.map((e) => e.kind)).toEqual(['found', 'claimed-fixed', 'seen-again', 'claim-refuted']);
  });

  it('takes a claim dated before the first failure as pending from the start', () => {
    const l = ledger();
    const r = l.run('2019-04-10');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    const signature = projectDefects(l.history(), [], { at: '2019-04-10' })[0]?.signature ?? '';
    const d = projectDefects(l.history(), programme([{ defectSignature: signature }]), { at: '2019-04-10' })[0];
    expect(d).toMatchObject({ state: 'claimed-fixed', foundIn: 'MM1-E470-1.4', claimedFixedIn: ['MM1-E470-1.5'] });
  });

  it('names releases the programme does not list after the combination', () => {
    const l = ledger();
    const r = l.run('2019-04-10');
    l.fail(r, 'READ-ESME-ECS17b', combo('EDMI 3.1', 'MM9 X1 0.9'), [REGISTER]);
    expect(projectDefects(l.history(), [], { at: '2019-04-10' })[0]).toMatchObject({ foundIn: 'MM9 X1 0.9', seenOn: ['EDMI 3.1', 'MM9 X1 0.9'] });
  });

  it('leaves out runs dated after the projection date', () => {
    const l = ledger();
    const r = l.run('2019-04-10');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    expect(projectDefects(l.history(), [], { at: '2019-04-09' })).toEqual([]);
  });
});

describe('projectDefects: attribution to the comms hub or the meter', () => {
  it('attributes to the comms hub when only the comms hub firmware differs between failing and passing', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'DBCH-ALERT', combo('TOSH 12.25', 'MM1 E470 1.4'), ['alert 0x8F12 missing']);
    l.pass(r, 'DBCH-ALERT', combo('TOSH 12.26', 'MM1 E470 1.4'));
    const releases = [ch('12.25', '2019-02-01'), ch('12.26', '2019-03-01'), mm1('1.4', '2019-02-01')];
    const [d] = projectDefects(l.history(), releases, { at: '2019-04-01' });
    expect(d).toMatchObject({ component: 'comms-hub', foundIn: 'TOSH-12.25', attribution: { reason: 'evidence' } });
    expect(d?.attribution.explanation).toContain('only the comms hub differs');
  });

  it('attributes a CHF/GPF-only test case to the comms hub without evidence, from options or from the record', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'CCS06-READ', combo('TOSH 12.26', 'MM1 E470 1.4'), ['no CCS06 response']);
    l.fail(r, 'CCS07-READ', combo('TOSH 12.26', 'MM1 E470 1.4'), ['no CCS07 response'], { deviceTypes: ['CHF', 'GPF'] });
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    const defects = projectDefects(l.history(), [ch('12.26', '2019-02-01'), mm1('1.4', '2019-02-01')], {
      at: '2019-04-01',
      testCases: new Map([['CCS06-READ', { deviceTypes: ['CHF'] }]]),
    });
    expect(defects.map((d) => [d.testCase, d.component, d.attribution.reason, d.foundIn])).toEqual([
      ['CCS06-READ', 'comms-hub', 'device-types', 'TOSH-12.26'],
      ['CCS07-READ', 'comms-hub', 'device-types', 'TOSH-12.26'],
      ['READ-ESME-ECS17b', 'meter', 'default', 'MM1-E470-1.4'],
    ]);
  });
});

describe('projectDefects: intermittent', () => {
  it('flags a plan item that fails and passes across attempts with no release change', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    const c = combo('TOSH 12.26', 'MM1 E470 1.4');
    l.fail(r, 'READ-ESME-ECS17b', c, [REGISTER]);
    l.pass(r, 'READ-ESME-ECS17b', c);
    l.fail(r, 'READ-ESME-ECS17b', combo('WNC 1.9', 'MM1 E470 1.4'), [REGISTER]);
    const [d] = projectDefects(l.history(), [], { at: '2019-04-01' });
    expect(d).toMatchObject({ intermittent: true, intermittentOn: ['TOSH 12.26 × MM1 E470 1.4 @ 2.4GHz'], state: 'open' });
  });

  it('flags a failure and a pass of the same plan item across runs', () => {
    const l = ledger();
    const c = combo('TOSH 12.26', 'MM1 E470 1.4');
    l.pass(l.run('2019-04-01'), 'READ-ESME-ECS17b', c);
    l.fail(l.run('2019-04-02'), 'READ-ESME-ECS17b', c, [REGISTER]);
    expect(projectDefects(l.history(), [], { at: '2019-04-02' })[0]?.intermittent).toBe(true);
  });

  it('does not flag a fault that fails on one combination and passes on another', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    l.pass(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.5'));
    expect(projectDefects(l.history(), [], { at: '2019-04-01' })[0]?.intermittent).toBe(false);
  });
});

describe('projectDefects: quarantine', () => {
  it('flags quarantined defects as not blocking until the entry expires, and keeps recording them', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-GSME-GCS13a', combo('TOSH 12.26', 'MM2 G100 2.0'), ['GSME did not wake']);
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER]);
    l.fail(r, 'JOIN-ESME', combo('TOSH 12.26', 'MM1 E470 1.4'), ['join failed']);
    const join = projectDefects(l.history(), [], { at: '2019-04-01' }).find((d) => d.testCase === 'JOIN-ESME');
    const quarantine = {
      entries: [
        { testCase: 'READ-GSME-GCS13a', reason: 'GSME wake drift under investigation', expires: '2019-04-10' },
        { signature: join?.id ?? '', reason: 'known join race', expires: '2019-05-01', addedBy: 'ana' },
      ],
    };
    const before = projectDefects(l.history(), [], { at: '2019-04-09', quarantine });
    // (one run: executions in plan item order)
    expect(before.map((d) => [d.testCase, d.quarantined, d.blocking])).toEqual([
      ['JOIN-ESME', true, false],
      ['READ-ESME-ECS17b', false, true],
      ['READ-GSME-GCS13a', true, false],
    ]);
    expect(before[2]?.quarantine).toEqual({ match: 'testCase', reason: 'GSME wake drift under investigation', expires: '2019-04-10', addedBy: null, active: true });
    expect(before[0]?.quarantine).toMatchObject({ match: 'signature', addedBy: 'ana', active: true });
    expect(before[2]?.occurrences).toBe(1);

    const expired = projectDefects(l.history(), [], { at: '2019-04-10', quarantine });
    expect(expired.map((d) => [d.testCase, d.quarantined, d.blocking])).toEqual([
      ['JOIN-ESME', true, false],
      ['READ-ESME-ECS17b', false, true],
      ['READ-GSME-GCS13a', false, true],
    ]);
    expect(expired[2]?.quarantine?.active).toBe(false);
  });
});

describe('projectDefects: annotations', () => {
  it('applies a defect’s annotations in wall-time order: ticket, notes, severity override', () => {
    const l = ledger();
    const r = l.run('2019-04-01');
    l.fail(r, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), [REGISTER], { severity: 3 });
    const id = projectDefects(l.history(), [], { at: '2019-04-01' })[0]?.id ?? '';
    // recorded out of order: the projection orders by wall time
    l.ledger.annotateDefect({ defectId: id, atWall: '2025-01-03T00:00:00Z', author: 'bo', data: { severity: 1, notes: 'blocks billing' } });
    l.ledger.annotateDefect({ defectId: id, atWall: '2025-01-02T00:00:00Z', author: 'ana', data: { ticket: 'DIT-7', severity: 2 } });
    l.ledger.annotateDefect({ defectId: id, atWall: '2025-01-04T00:00:00Z', author: 'cy', data: { severity: 'high' } });
    l.ledger.annotateDefect({ defectId: 'DEF-00000000', atWall: '2025-01-04T00:00:00Z', author: 'cy', data: { ticket: 'elsewhere' } });
    const [d] = projectDefects(l.history(), [], { at: '2019-04-01', annotations: l.ledger.defectAnnotations() });
    expect(d).toMatchObject({ ticket: 'DIT-7', severity: 1, testCaseSeverity: 3 });
    expect(d?.notes).toEqual([{ atWall: '2025-01-03T00:00:00.000Z', author: 'bo', text: 'blocks billing' }]);
    expect(d?.annotationWarnings).toHaveLength(1);
    expect(d?.annotationWarnings[0]).toMatch(/by cy .* skipped: severity: expected a severity 1, 2, 3 or 4/);

    l.ledger.annotateDefect({ defectId: id, atWall: '2025-01-05T00:00:00Z', author: 'ana', data: { ticket: null, severity: null } });
    const [cleared] = projectDefects(l.history(), [], { at: '2019-04-01', annotations: l.ledger.defectAnnotations() });
    expect(cleared).toMatchObject({ ticket: null, severity: 3 });
  });
});
