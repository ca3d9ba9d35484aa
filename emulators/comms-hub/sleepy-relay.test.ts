// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { DeliveryFailure } from '../device-message.ts';
import { createPremises } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { endPartyCipher } from '../testing/dcc-side.ts';
import { duisWorld } from '../testing/duis-world.ts';
import { FUNCTIONAL_NOTIFICATION_FLAG, functionalNotificationFlagNames } from './functional-notification-flags.ts';

const START = Date.UTC(2019, 3, 8);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PENDING = FUNCTIONAL_NOTIFICATION_FLAG.tunnelMessagePending;

function premises(firstWakeAfterMs = 10 * MINUTE, commissioned = true) {
  const clock = new VirtualClock(START);
  const p = createPremises({ seed: 'sleepy-relay', clock, commissioned, devices: { gsme: { firstWakeAfterMs } } });
  const failures: DeliveryFailure[] = [];
  p.onDeliveryFailure((f) => void failures.push(f));
  let counter = BigInt(START);
  const command = (useCase = 'GCS38') => ({ originator: REMOTE_PARTY.supplier, counter: (counter += 1n), useCase });
  return { clock, p, relay: p.commsHub.sleepyRelay, gsme: p.gsme.eui, failures, command };
}

describe('the sleepy relay: functional notification flags', () => {
  it('sets TunnelMessagePending on the GPF mirror while commands wait; the GSME collects them at its wake, oldest first, and the flag clears', async () => {
    const { clock, p, relay, gsme, command } = premises();
    expect(p.gpf.functionalNotificationFlags).toBe(0);
    const delivered: string[] = [];
    for (const label of ['first', 'second']) relay.queue(gsme, command(label), () => void delivered.push(label));
    expect(p.gpf.functionalNotificationFlags).toBe(PENDING);
    expect(p.gpf.functionalNotificationFlagNames()).toEqual(['tunnelMessagePending']);
    await clock.advance(10 * MINUTE);
    expect(delivered).toEqual(['first', 'second']);
    expect(p.gpf.functionalNotificationFlags).toBe(0);
    expect(p.chf.sleepyBuffer.pendingFor(gsme)).toHaveLength(0);
  });

  it('names flags by bit: the energy scan and channel change flags of DOMAIN.md are there', () => {
    expect(functionalNotificationFlagNames(0x0620_0000)).toEqual(['tunnelMessagePending', 'energyScanPending', 'channelChangePending']);
  });

  it('keeps other flags when it clears its own', async () => {
    const { clock, p, relay, gsme, command } = premises();
    p.gpf.updateFunctionalNotificationFlags(FUNCTIONAL_NOTIFICATION_FLAG.energyScanPending);
    relay.queue(gsme, command(), () => undefined);
    await clock.advance(10 * MINUTE);
    expect(p.gpf.functionalNotificationFlags).toBe(FUNCTIONAL_NOTIFICATION_FLAG.energyScanPending);
  });
});

describe('the sleepy relay: delivery failures', () => {
  it('no mirror: before the GSME has reported since it joined there is nowhere to flag a command', async () => {
    const { p, relay, gsme } = premises(10 * MINUTE, false);
    expect(p.gpf.hasMirror).toBe(false);
    expect(p.gpf.functionalNotificationFlags).toBeNull();
    expect(relay.cannotQueue(gsme)).toMatchObject({ status: 'no-mirror' });
  });

  it('the GPF drops its mirror when the GSME leaves the Device Log; the first report after it rejoins makes a new one', async () => {
    const { clock, p, relay, gsme } = premises(10 * MINUTE);
    p.chf.removeDevice(gsme);
    expect(p.gpf.hasMirror).toBe(false);
    p.chf.addDevice({ eui: gsme, deviceType: 'GSME', installCode: p.installCodeOf(gsme)!, joinTimeoutMs: 90_000 });
    await clock.advance(2 * MINUTE); // the GSME joins after its join delay
    expect(p.chf.isJoined(gsme)).toBe(true);
    expect(relay.cannotQueue(gsme)).toMatchObject({ status: 'no-mirror' });
    await clock.advance(10 * MINUTE);
    expect(p.gpf.hasMirror).toBe(true);
    expect(relay.cannotQueue(gsme)).toBeNull();
  });

  it('too many pending: the queue refuses past its limit', () => {
    const { p, relay, gsme, command } = premises();
    for (let i = 0; i < p.chf.sleepyBuffer.limitPerDevice; i++) relay.queue(gsme, command(), () => undefined);
    expect(relay.cannotQueue(gsme)).toMatchObject({ status: 'too-many-pending', detail: `8 commands already wait for ${gsme}` });
    expect(() => relay.queue(gsme, command(), () => undefined)).toThrow(/too many|already wait/);
  });

  it('send timeout: a command the GSME does not collect in time is discarded and reported after the CHF latency; a later wake brings nothing', async () => {
    const { clock, p, relay, gsme, failures, command } = premises();
    p.gsme.linkUp = false;
    const delivered: string[] = [];
    const queued = command();
    relay.queue(gsme, queued, () => void delivered.push('late'));
    const timeout = p.chf.profile.sleepySendTimeoutMs!;
    expect(timeout).toBe(24 * HOUR);
    await clock.advance(timeout);
    expect(p.chf.sleepyBuffer.pendingFor(gsme)).toHaveLength(0);
    expect(p.gpf.functionalNotificationFlags).toBe(0);
    expect(failures).toEqual([]);
    await clock.advance(p.chf.profile.responseLatencyMs);
    expect(failures).toEqual([
      expect.objectContaining({ status: 'send-timeout', device: gsme, commandOriginator: queued.originator, commandCounter: queued.counter, useCase: 'GCS38', at: START + timeout + 500 }),
    ]);
    p.gsme.linkUp = true;
    await clock.advance(HOUR);
    expect(delivered).toEqual([]);
  });

  it('a command collected before its timeout is not reported', async () => {
    const { clock, relay, gsme, failures, command } = premises();
    relay.queue(gsme, command(), () => undefined);
    await clock.advance(25 * HOUR);
    expect(failures).toEqual([]);
  });

  it('lost (a lose-queued fault): the flag clears and nothing is delivered or reported', async () => {
    const { p, relay, gsme, failures, command } = premises();
    const delivered: string[] = [];
    relay.queue(gsme, command(), () => void delivered.push('x'));
    await relay.handOver(p.gsme, true);
    expect(delivered).toEqual([]);
    expect(p.gpf.functionalNotificationFlags).toBe(0);
    expect(failures).toEqual([]);
  });
});

describe('what a DUIS user sees of each delivery failure (I99, then an error response)', () => {
  it('too many pending: E20 at once for the command past the limit; the queued ones are answered at the next wake', async () => {
    const s = await duisWorld();
    const limit = s.w.premises.chf.sleepyBuffer.limitPerDevice;
    const sent = [];
    for (let i = 0; i <= limit; i++) {
      const { request, answer } = await s.send('GCS38_11.2', s.w.premises.gsme.eui);
      expect(answer.responseCode).toBe('I99');
      sent.push(request);
    }
    await s.w.clock.advance(MINUTE);
    const refused = s.answerTo(sent.at(-1)!);
    expect(refused).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.cannotCommunicate, srv: '11.2' });
    expect(s.received.at(-1)).toMatch(/E20 the comms hub could not deliver GCS38 to 00DB1234567890A1 \(too-many-pending\)/);
    await s.nextGsmeWake();
    for (const request of sent.slice(0, limit)) expect(s.answerTo(request)).toMatchObject({ kind: 'response', responseCode: 'I0' });
  });

  it('no mirror: E20 for a GSME command; a read through the GPF answers I0 with every attribute unsupported', async () => {
    const s = await duisWorld();
    const { gsme, gpf, chf } = s.w.premises;
    chf.removeDevice(gsme.eui);
    chf.addDevice({ eui: gsme.eui, deviceType: 'GSME', installCode: s.w.premises.installCodeOf(gsme.eui)!, joinTimeoutMs: 90_000 });
    await s.w.clock.advance(2 * MINUTE);
    expect(chf.isJoined(gsme.eui)).toBe(true);
    expect(gpf.hasMirror, 'no wake yet since the rejoin').toBe(false);
    const command = await s.send('GCS38_11.2', gsme.eui);
    const read = await s.send('GCS13a_4.1.1_RELIABLE_GPF', gpf.eui);
    await s.w.clock.advance(MINUTE);
    expect(s.answerTo(command.request)).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.cannotCommunicate });
    const opened = s.open(s.answerTo(read.request)!);
    expect(opened.mac).toBe('valid');
    const fields = gcs13a.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(s.w.keys, opened.frame) });
    expect(fields.currentSummationDelivered).toEqual({ status: 'unsupported-cluster' });
    // the next wake reports: the mirror is back and the GSME takes commands again
    await s.nextGsmeWake();
    expect((await s.send('GCS38_11.2', gsme.eui)).answer.responseCode).toBe('I99');
    await s.nextGsmeWake();
    expect(s.messages().filter((m) => m.kind === 'response' && m.gbcsPayload && s.open(m).frame.messageCode === gcs38.messageCode)).toHaveLength(1);
  });

  it('send timeout: E21 when the timeout passes, and no late response when the GSME wakes again', async () => {
    const s = await duisWorld();
    const { gsme, chf } = s.w.premises;
    gsme.linkUp = false;
    const { request } = await s.send('GCS38_11.2', gsme.eui);
    await s.w.clock.advance(chf.profile.sleepySendTimeoutMs! + chf.profile.responseLatencyMs);
    expect(s.answerTo(request)).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.noResponseFromDevice });
    gsme.linkUp = true;
    await s.nextGsmeWake();
    expect(s.messages().filter((m) => m.kind === 'response')).toEqual([]);
  });
});
