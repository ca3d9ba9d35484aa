// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { SyntheticLedger } from '../defects/testing/synthetic-ledger.ts';
import { snapshotAsOf } from './ledger-snapshot.ts';
import { parityOf } from './parity.ts';
import { GSME_COMBINATION } from './testing/small-programme.ts';

const ledgers: SyntheticLedger[] = [];
afterEach(() => {
  for (const l of ledgers.splice(0)) l.close();
});

describe('parityOf', () => {
  it('compares the latest lab result with the latest emulated one per test case × combination', () => {
    const l = new SyntheticLedger();
    ledgers.push(l);
    const emulated = l.run('2020-01-10');
    l.pass(emulated, 'READ-GSME', GSME_COMBINATION);
    l.pass(emulated, 'FW-GSME', GSME_COMBINATION);
    l.pass(emulated, 'ONLY-EMULATED', GSME_COMBINATION);
    const lab = l.ledger.startRun({ id: 'LAB1', seed: 's', programmeDate: '2020-01-12', target: 'lab', options: {}, startedAtWall: '2025-01-01T01:00:00Z' });
    l.pass(lab, 'READ-GSME', GSME_COMBINATION);
    l.fail(lab, 'FW-GSME', GSME_COMBINATION, ['expected firmware 2.0, got 1.9']);
    const parity = parityOf(snapshotAsOf(l.ledger, '2020-02-01'));
    expect(parity).toMatchObject({ compared: 2, agreed: 1, labOnly: 0, emulatedOnly: 1 });
    expect(parity.lines.map((x) => `${x.testCase}:${x.lab}/${x.emulated}:${x.agree}`)).toEqual(['FW-GSME:failed/passed:false', 'READ-GSME:passed/passed:true']);
  });
});
