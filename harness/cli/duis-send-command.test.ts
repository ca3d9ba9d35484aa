// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { runDit as dit } from './testing/run-dit.ts';

afterEach(() => {
  process.exitCode = undefined;
});

describe('dit duis send TEMPLATE: what a new user tries first', () => {
  it('shows an ineligible role refused by the DCC edge, with the code, its meaning and the reason', async () => {
    const { out } = await dit(['duis', 'send', 'ECS17a_4.2', '--json']);
    const ack = JSON.parse(out).acknowledgement;
    expect(ack).toMatchObject({ responseCode: 'E2', meaning: expect.stringMatching(/^E2 \(.*Role/) });
    expect(ack.reason).toMatch(/may not send SRV 4\.2/);
  });

  it('--replay sends the same request again: the first is acknowledged, the replay refused E9002', async () => {
    const { code, out } = await dit(['duis', 'send', 'ECS52_11.2', '--replay']);
    expect(out).toMatch(/^acknowledgement: HTTP 200 I99/m);
    expect(out).toMatch(/^replayed: HTTP 200 E9002 .*not above/m);
    expect(code).toBe(0);
  });

  it('--signature broken and none are refused E9004 before any device sees them', async () => {
    for (const how of ['broken', 'none']) {
      const { out } = await dit(['duis', 'send', 'ECS52_11.2', '--signature', how, '--json']);
      const result = JSON.parse(out);
      expect(result.acknowledgement.responseCode).toBe('E9004');
      expect(result.response).toBeNull();
    }
  });

  it("sends a critical template through the critical flow: the pre-command's I0, the signed pre-command's I99, the signed response", async () => {
    const { code, out } = await dit(['duis', 'send', 'CS03A1_8.7.1']);
    expect(out).toMatch(/^pre-command \(CV 4\): HTTP 200 I0/m);
    expect(out).toMatch(/^signed pre-command \(CV 5\): HTTP 200 I99/m);
    expect(code).toBe(0);
    const result = JSON.parse((await dit(['duis', 'send', 'CS03CCritical_8.7.1', '--json'])).out);
    expect([result.preCommand.responseCode, result.acknowledgement.responseCode]).toEqual(['I0', 'I99']);
    expect(result.response).toMatchObject({ responseCode: 'I0', gbcs: { messageCode: expect.stringMatching(/^0x00AF CS03C/), signature: 'valid' }, payload: { result: 0 } });
  });

  it('a local-delivery template (CV 2): I0 with the command, handed to the ESME through the Bench, its response decoded', async () => {
    const { code, out } = await dit(['duis', 'send', 'ECS17b_4.1.1']);
    expect(out).toMatch(/^acknowledgement: HTTP 200 I0/m);
    expect(out).toMatch(/^delivered locally, response after 2 s \(virtual\):/m);
    expect(code).toBe(0);
    const result = JSON.parse((await dit(['duis', 'send', 'ECS17b_4.1.1', '--json'])).out);
    expect(result.response).toMatchObject({ responseCode: null, gbcs: { messageCode: expect.stringMatching(/^0x0027 ECS17b/), mac: 'valid' }, payload: { ok: true } });
  });

  it('--set changes a body element: an impossible 6.28 threshold is refused at the edge (E9001) or by the CHF (hardware-fault), each saying so', async () => {
    const edge = JSON.parse((await dit(['duis', 'send', 'DBCH04_6.28', '--set', 'SetCHFSubGHzConfiguration/LimitedCriticalDutyCycleThreshold=100.50', '--json'])).out);
    expect(edge.acknowledgement).toMatchObject({ responseCode: 'E9001', reason: expect.stringMatching(/LimitedCriticalDutyCycleThreshold: expected a percentage from 0\.00 to 100\.00/) });
    const device = JSON.parse((await dit(['duis', 'send', 'DBCH04_6.28', '--set', 'SetCHFSubGHzConfiguration/LimitedCriticalDutyCycleThreshold=1.00', '--json'])).out);
    expect(device.acknowledgement.responseCode).toBe('I99');
    expect(device.response.payload).toEqual({ ok: false, result: 'hardware-fault' });
    const bad = await dit(['duis', 'send', 'DBCH04_6.28', '--set', 'GSMECurfew']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/--set takes PATH=VALUE/)]);
  });

  it('refuses an unknown --signature and --replay with --all as usage errors (exit 2)', async () => {
    const bad = await dit(['duis', 'send', 'ECS52_11.2', '--signature', 'bogus']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--signature must be one of signed, none, broken, got "bogus"/);
    const both = await dit(['duis', 'send', '--all', '--replay']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/apply to one template/);
  });
});
