// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { environmentIncidents } from './environment-incident.ts';
import { combo, SyntheticLedger } from './testing/synthetic-ledger.ts';

const open: SyntheticLedger[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

describe('environment incidents', () => {
  it('lists environment and harness failures apart, and no product failure', () => {
    const l = new SyntheticLedger();
    open.push(l);
    const r1 = l.run('2019-04-01');
    l.fail(r1, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), ['HTTP 503 from the DCC edge']);
    l.fail(r1, 'READ-GSME-GCS13a', combo('TOSH 12.26', 'MM2 G100 2.0'), ['expected 5 to be 6']);
    const r2 = l.run('2019-04-03');
    l.fail(r2, 'READ-GSME-GCS13a', combo('TOSH 12.26', 'MM2 G100 2.0'), ["TypeError: cannot read properties of undefined (reading 'x')"]);
    const incidents = environmentIncidents(l.history(), { at: '2019-04-30' });
    expect(incidents.map((i) => [i.category, i.testCase, i.programmeDate, i.message])).toEqual([
      ['environment', 'READ-ESME-ECS17b', '2019-04-01', 'HTTP 503 from the DCC edge'],
      ['harness', 'READ-GSME-GCS13a', '2019-04-03', "TypeError: cannot read properties of undefined (reading 'x')"],
    ]);
    expect(incidents[0]).toMatchObject({ runId: r1, attempt: 1, combinationName: 'TOSH 12.26 × MM1 E470 1.4 @ 2.4GHz' });
    expect(environmentIncidents(l.history(), { at: '2019-04-02' })).toHaveLength(1);
  });
});
