// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { buildDccAlert, buildDeviceAlert, buildDeviceResponse, buildRejection, powerOutageAlertContent } from '../protocol/duis/build-response.ts';
import { DuisError } from '../protocol/duis/duis-error.ts';
import type { RequestId } from '../protocol/duis/request-id.ts';
import { DuisInbox, InboxClosedError, ResponseTimeoutError } from './inbox.ts';
import { ManualClock } from './testing/manual-clock.ts';
import { noTimeWait, virtualTimeWait } from './wait.ts';

const SUPPLIER = '90-B3-D5-1F-30-01-00-00';
const ESME = '00-DB-12-34-56-78-90-A0';
const T0 = Date.UTC(2024, 5, 1);
const rid = (counter: bigint): RequestId => ({ originator: SUPPLIER, target: ESME, counter });
const responseTo = (id: RequestId) => buildDeviceResponse({ requestId: id, srv: '11.2', at: T0, gbcsPayload: Uint8Array.of(1, 2, 3) });

describe('DuisInbox', () => {
  it('resolves awaitResponse when the DCC delivers inside the window, at the virtual time it delivered', async () => {
    const clock = new ManualClock(T0);
    const inbox = new DuisInbox(virtualTimeWait(clock));
    clock.schedule(2_000, () => void inbox.accept(responseTo(rid(1n))));
    const m = await inbox.awaitResponse(rid(1n), { within: 30_000 });
    expect(m).toMatchObject({ kind: 'response', responseCode: 'I0', requestId: rid(1n) });
    expect(clock.now).toBe(T0 + 2_000);
    expect(inbox.received).toHaveLength(1);
    expect(inbox.untaken).toHaveLength(0);
  });

  it('takes a message that arrived before the wait, and each message once', async () => {
    const inbox = new DuisInbox(noTimeWait);
    inbox.accept(responseTo(rid(1n)));
    inbox.accept(responseTo(rid(1n)));
    await inbox.awaitResponse(rid(1n), { within: 0 });
    await inbox.awaitResponse(rid(1n), { within: 0 });
    await expect(inbox.awaitResponse(rid(1n), { within: 0 })).rejects.toBeInstanceOf(ResponseTimeoutError);
  });

  it('times out after exactly the window, naming what was awaited and what arrived instead', async () => {
    const clock = new ManualClock(T0);
    const inbox = new DuisInbox(virtualTimeWait(clock));
    clock.schedule(100, () => void inbox.accept(responseTo(rid(2n))));
    const err = (await inbox.awaitResponse(rid(1n), { within: 5_000 }).catch((e: unknown) => e)) as ResponseTimeoutError;
    expect(err).toBeInstanceOf(ResponseTimeoutError);
    expect(clock.now).toBe(T0 + 5_000);
    expect(err.message).toBe(
      `no DUIS response to ${SUPPLIER}:${ESME}:1 within 5000 ms; untaken messages: response I0 SRV 11.2 (${SUPPLIER}:${ESME}:2)`,
    );
  });

  it('matches E-code outcomes as responses, and alerts by kind, code and originator', async () => {
    const inbox = new DuisInbox(noTimeWait);
    inbox.accept(buildDeviceAlert({ device: ESME, recipient: SUPPLIER, counter: 9n, alertCode: '8F35', gbcsPayload: Uint8Array.of(9), at: T0 }));
    inbox.accept(buildDccAlert({ recipient: SUPPLIER, counter: 10n, alertCode: 'AD1', content: powerOutageAlertContent({ commsHubId: '00-DB-12-34-56-78-90-A2', startedAt: T0, mpxns: ['1'] }), at: T0 }));
    inbox.accept(buildRejection({ requestId: rid(3n), srv: '11.2', at: T0, responseCode: 'E21' }));
    expect(await inbox.awaitResponse(rid(3n), { within: 0 })).toMatchObject({ kind: 'error', responseCode: 'E21' });
    expect(await inbox.awaitAlert({ kind: 'dcc-alert' }, { within: 0 })).toMatchObject({ alertCode: 'AD1' });
    await expect(inbox.awaitAlert({ alertCode: '8f35', from: '00-DB-12-34-56-78-90-A1' }, { within: 0 })).rejects.toThrow(/no DUIS alert 8f35 from 00-DB-12-34-56-78-90-A1 within 0 ms/);
    expect(await inbox.awaitAlert({ alertCode: '8f35', from: '00DB1234567890A0' }, { within: 0 })).toMatchObject({ kind: 'device-alert' });
  });

  it('refuses what is not a DUIS response or alert and does not file it', () => {
    const inbox = new DuisInbox(noTimeWait);
    expect(() => inbox.accept('<nope')).toThrow(DuisError);
    expect(inbox.received).toHaveLength(0);
  });

  it('tells every subscriber, and rejects pending waits on close', async () => {
    const inbox = new DuisInbox(async (_ms, signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())));
    const seen: number[] = [];
    inbox.subscribe((e) => seen.push(e.seq));
    inbox.accept(responseTo(rid(5n)));
    expect(seen).toEqual([1]);
    const pending = inbox.awaitResponse(rid(6n), { within: 60_000 });
    inbox.close();
    await expect(pending).rejects.toBeInstanceOf(InboxClosedError);
    expect(() => inbox.accept(responseTo(rid(7n)))).toThrow(/closed/);
  });
});
