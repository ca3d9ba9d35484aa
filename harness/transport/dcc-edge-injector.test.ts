// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { buildDccAlert, powerOutageAlertContent } from '../protocol/duis/build-response.ts';
import { DccEdgeInjector } from './dcc-edge-injector.ts';
import { parseDccEdgeSchedule, type DccEdgeSchedule } from './dcc-edge-schedule.ts';
import { createInProcessTransport } from './in-process-transport.ts';
import { closeAfterEach, DEVICE_ALERT_XML } from './testing/transport-test-support.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function schedule(...incidents: unknown[]): DccEdgeSchedule {
  return parseDccEdgeSchedule({ incidents }, 'test');
}

const AD1_XML = buildDccAlert({
  recipient: '90-B3-D5-1F-30-01-00-00',
  counter: 5n,
  alertCode: 'AD1',
  content: powerOutageAlertContent({ commsHubId: '00-DB-12-34-56-78-90-A1', startedAt: Date.UTC(2024, 0, 1), mpxns: ['1234567890'] }),
  at: Date.UTC(2024, 0, 1),
});

function statuses(injector: DccEdgeInjector, n: number): Array<number | null> {
  return Array.from({ length: n }, () => injector.onRequest()?.status ?? null);
}

describe('DCC edge injector', () => {
  it('http-error: every N-th request inside a request-count window', () => {
    const injector = new DccEdgeInjector(schedule({ id: 'lb', kind: 'http-error', status: 500, every: 2, requests: { fromRequest: 2, untilRequest: 6 }, description: 'lb' }), clock().now);
    expect(statuses(injector, 7)).toEqual([null, null, 500, null, 500, null, null]);
    expect(injector.strikes.map((s) => s.detail)).toEqual(['request 3 answered HTTP 500', 'request 5 answered HTTP 500']);
  });

  it('http-error: inside a window of virtual time after the world start', () => {
    const c = clock();
    const injector = new DccEdgeInjector(schedule({ id: 'lb', kind: 'http-error', status: 502, window: { fromMs: 1_000, untilMs: 2_000 }, description: 'lb' }), c.now);
    const seen: Array<number | null> = [];
    for (const step of [0, 1_000, 999, 1]) {
      c.advance(step);
      seen.push(injector.onRequest()?.status ?? null);
    }
    expect(seen).toEqual([null, 502, 502, null]);
  });

  it('service-stopped: every request answered 503 from the stop until the restart', () => {
    const c = clock();
    const injector = new DccEdgeInjector(schedule({ id: 'svc', kind: 'service-stopped', fromMs: 100, restartAfterMs: 50, description: 'svc' }), c.now);
    const seen: Array<number | null> = [];
    for (const step of [0, 100, 0, 49, 1]) {
      c.advance(step);
      seen.push(injector.onRequest()?.status ?? null);
    }
    expect(seen).toEqual([null, 503, 503, 503, null]);
    expect(injector.strikes[0]?.detail).toMatch(/the service stopped at \+100 ms, restart at \+150 ms/);
  });

  it('lost alerts: drops matching device and DCC alerts in their window, hands on the rest', () => {
    const c = clock();
    const injector = new DccEdgeInjector(
      schedule(
        { id: 'birth', kind: 'lost-device-alerts', alertCodes: ['8F12'], description: 'birth events' },
        { id: 'outage', kind: 'lost-dcc-alerts', alertCodes: 'all', window: { fromMs: 0, untilMs: 10 }, description: 'AD1' },
      ),
      c.now,
    );
    expect(injector.dropping(DEVICE_ALERT_XML)).toBeNull(); // 8F35 is not a birth event
    expect(injector.dropping(AD1_XML)?.id).toBe('outage');
    c.advance(10);
    expect(injector.dropping(AD1_XML)).toBeNull(); // after the window
    expect(injector.dropping('<not-duis/>')).toBeNull();
    expect(injector.strikes).toEqual([{ incident: 'outage', kind: 'lost-dcc-alerts', atMs: 0, detail: 'DCC alert AD1 dropped before it reached the Service User' }]);
    expect(injector.explanation()).toMatch(/^injected DCC edge fault \(--dcc-faults schedule\) during this execution: outage at \+0 ms: DCC alert AD1 dropped/);
  });

  it('says nothing when nothing struck', () => {
    expect(new DccEdgeInjector(schedule({ id: 'lb', kind: 'http-error', status: 500, description: 'lb' }), clock().now).explanation()).toBeNull();
  });

  describe('in front of the DCC, in process (msw)', () => {
    const keep = closeAfterEach();

    it('answers the injected status before the DCC sees the request, and the receiver loses the alert', async () => {
      const c = clock();
      let reached = 0;
      const injector = new DccEdgeInjector(
        schedule(
          { id: 'svc', kind: 'service-stopped', fromMs: 0, restartAfterMs: 60_000, description: 'a stopped CSP service' },
          { id: 'lost', kind: 'lost-device-alerts', alertCodes: ['8F35'], window: { fromMs: 0, untilMs: 60_000 }, description: 'lost alerts' },
        ),
        c.now,
      );
      const transport = keep(createInProcessTransport({ handler: async () => (reached++, new Response('<ok/>')), edgeFaults: injector }));
      const stopped = await transport.send('/api/v1/serviceS', '<x/>');
      expect(stopped.status).toBe(503);
      expect(stopped.body).toMatch(/injected DCC edge failure \(HTTP 503\): svc — a stopped CSP service/);
      await transport.receiver.deliver(DEVICE_ALERT_XML);
      expect(transport.inbox.received).toHaveLength(0);
      expect(reached).toBe(0);

      c.advance(60_000); // restarted, and the lost-alerts window is over
      expect((await transport.send('/api/v1/serviceS', '<x/>')).status).toBe(200);
      await transport.receiver.deliver(DEVICE_ALERT_XML);
      expect(transport.inbox.received.map((e) => e.message.alertCode)).toEqual(['8F35']);
      expect(reached).toBe(1);
    });

    it('keeps the --inject-dcc-error shorthand: every N-th request', async () => {
      const transport = keep(createInProcessTransport({ handler: async () => new Response('<ok/>'), edgeFault: { status: 503, every: 2 } }));
      const got = [];
      for (let i = 0; i < 4; i++) got.push((await transport.send('/api/v1/serviceS', '<x/>')).status);
      expect(got).toEqual([200, 503, 200, 503]);
    });
  });
});
