// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it, vi } from 'vitest';
import { DuisError } from '../protocol/duis/duis-error.ts';
import { createInProcessTransport, DEFAULT_EMULATED_DCC_URL } from './in-process-transport.ts';
import { InboxClosedError } from './inbox.ts';
import { closeAfterEach, DEVICE_ALERT_XML } from './testing/transport-test-support.ts';

describe('in-process transport (msw)', () => {
  const keep = closeAfterEach();

  it('routes fetch on the emulated base URL to the handler and exposes an in-process receiver', async () => {
    const seen: string[] = [];
    const transport = keep(createInProcessTransport({
      handler: async (req) => {
        seen.push(`${req.method} ${req.url} ${req.headers.get('content-type')}`);
        return new Response('<ok/>', { headers: { 'content-type': 'application/xml' } });
      },
    }));
    expect(transport.kind).toBe('in-process');
    expect(transport.baseUrl).toBe(DEFAULT_EMULATED_DCC_URL);
    expect(transport.receiver.url).toBeNull();
    expect(await transport.send('/api/v1/serviceT', '<x/>')).toEqual({ status: 200, body: '<ok/>', contentType: 'application/xml' });
    expect(seen).toEqual([`POST ${DEFAULT_EMULATED_DCC_URL}/api/v1/serviceT application/xml`]);

    await transport.receiver.deliver(DEVICE_ALERT_XML);
    expect(transport.inbox.received.map((e) => e.message.alertCode)).toEqual(['8F35']);
    await expect(transport.receiver.deliver('<not-duis/>')).rejects.toBeInstanceOf(DuisError);
  });

  it('lets nothing else through: a request elsewhere fails instead of reaching a network', async () => {
    keep(createInProcessTransport({ handler: async () => new Response('') }));
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(fetch('http://example.invalid/x')).rejects.toThrow();
      expect(String(printed.mock.calls[0]?.[0])).toMatch(/intercepted a request without a matching request handler/);
    } finally {
      printed.mockRestore();
    }
  });

  it('allows one open transport per process, and a new one after close', async () => {
    const first = keep(createInProcessTransport({ handler: async () => new Response('') }));
    expect(() => createInProcessTransport({ handler: async () => new Response('') })).toThrow(/already open in this process; close it first/);
    await first.close();
    const second = keep(createInProcessTransport({ handler: async () => new Response(''), baseUrl: 'http://dcc2.emulated.invalid/' }));
    expect(second.baseUrl).toBe('http://dcc2.emulated.invalid');
  });

  it('rejects pending waits when closed, and refuses to send after', async () => {
    const t = keep(createInProcessTransport({ handler: async () => new Response(''), wait: (_ms, signal) => new Promise((r) => signal.addEventListener('abort', () => r())) }));
    const pending = t.awaitResponse({ originator: '90-B3-D5-1F-30-01-00-00', target: '00-DB-12-34-56-78-90-A0', counter: 1n }, { within: 1_000 });
    await t.close();
    await expect(pending).rejects.toBeInstanceOf(InboxClosedError);
    await expect(t.send('/api/v1/serviceS', '<x/>')).rejects.toThrow(/closed/);
  });
});
