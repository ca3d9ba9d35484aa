// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { SoakTally } from './soak-tally.ts';

describe('the counts of a soak', () => {
  it('counts requests by SRV, answers and responses by code, alerts by hex code and errors by E-code, keys sorted', () => {
    const tally = new SoakTally();
    const none = { useCase: null, mac: null, signature: null };
    tally.add({ kind: 'request', at: 0, srv: '6.29', useCase: 'DBCH05', commandVariant: 1, requestId: 'a', target: 'X' });
    tally.add({ kind: 'request', at: 0, srv: '4.1.1', useCase: 'ECS17b', commandVariant: 1, requestId: 'b', target: 'X' });
    tally.add({ kind: 'request', at: 0, srv: '4.1.1', useCase: 'ECS17b', commandVariant: 1, requestId: 'c', target: 'X' });
    tally.add({ kind: 'answer', at: 0, srv: '4.1.1', requestId: 'b', code: 'I99' });
    tally.add({ kind: 'answer', at: 0, srv: '4.1.1', requestId: 'c', code: 'E9004' });
    tally.add({ kind: 'response', at: 1, srv: '4.1.1', requestId: 'b', code: 'I0', from: 'X', afterMs: 1, ...none });
    tally.add({ kind: 'response', at: 1, srv: '6.29', requestId: 'a', code: 'E21', from: null, afterMs: 1, ...none });
    tally.add({ kind: 'device-alert', at: 2, alert: '8f26', code: 'I0', from: 'X', ...none });
    tally.add({ kind: 'device-alert', at: 3, alert: '8F26', code: 'I0', from: 'X', ...none });
    tally.add({ kind: 'dcc-alert', at: 3, alert: 'AD1', code: 'I0', from: null, ...none });
    tally.add({ kind: 'bench', at: 3, action: 'power-off', device: 'X' });
    tally.add({ kind: 'finding', at: 4, text: 'something' });
    expect(tally.counts()).toEqual({
      requests: { total: 3, bySrv: { '4.1.1': 2, '6.29': 1 } },
      answers: { total: 2, byCode: { E9004: 1, I99: 1 } },
      responses: { total: 2, byCode: { E21: 1, I0: 1 } },
      alerts: { total: 3, byCode: { '8F26': 2, AD1: 1 } },
      errors: { total: 2, byCode: { E21: 1, E9004: 1 } },
      findings: 1,
    });
    expect(Object.keys(tally.counts().alerts.byCode)).toEqual(['8F26', 'AD1']);
    expect([tally.alertCount('8f26'), tally.alertCount('8F43')]).toEqual([2, 0]);
  });
});
