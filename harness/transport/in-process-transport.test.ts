// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeviceAlert } from '../protocol/duis/build-response.ts';
import { DuisError } from '../protocol/duis/duis-error.ts';
import { createInProcessTransport, DEFAULT_EMULATED_DCC_URL } from './in-process-transport.ts';
import { InboxClosedError } from './inbox.ts';
import type { Transport } from './transport.ts';

const ALERT = buildDeviceAlert({
  device: '00-DB-12-34-56-78-90-A0',
  recipient: '90-B3-D5-1F-30-01-00-00',
  counter: 3n,
  alertCode: '8F35',
  gbcsPayload: Uint8Array.of(0xdf),
  at: Date.UTC(2024, 0, 1),
});

describe('in-process transport (msw)', () => {
  let transport: Transport | undefined;
  afterEach(async () => {
    await transport?.close();
    transport = undefined;
  });

  it('routes fetch on the emulated base URL to the handler and exposes an in-process receiver', async () => {
    const seen: string[] = [];
    transport = createInProcessTransport({
      handler: async (req) => {
        seen.push(`${req.method} ${req.url} ${req.headers.get('content-type')}`);
        return new Response('<ok/>', { headers: { 'content-type': 'application/xml' } });
      },
    });
    expect(transport.kind).toBe('in-process');
    expect(transport.baseUrl).toBe(DEFAULT_EMULATED_DCC_URL);
    expect(transport.receiver.url).toBeNull();
    expect(await transport.send('/api/v1/serviceT', '<x/>')).toEqual({ status: 200, body: '<ok/>', contentType: 'application/xml' });
    expect(seen).toEqual([`POST ${DEFAULT_EMULATED_DCC_URL}/api/v1/serviceT application/xml`]);

    await transport.receiver.deliver(ALERT);
    expect(transport.inbox.received.map((e) => e.message.alertCode)).toEqual(['8F35']);
    await expect(transport.receiver.deliver('<not-duis/>')).rejects.toBeInstanceOf(DuisError);
  });

  it('lets nothing else through: a request elsewhere fails instead of reaching a network', async () => {
    transport = createInProcessTransport({ handler: async () => new Response('') });
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(fetch('http://example.invalid/x')).rejects.toThrow();
      expect(String(printed.mock.calls[0]?.[0])).toMatch(/intercepted a request without a matching request handler/);
    } finally {
      printed.mockRestore();
    }
  });

  it('allows one open transport per process, and a new one after close', async () => {
    transport = createInProcessTransport({ handler: async () => new Response('') });
    expect(() => createInProcessTransport({ handler: async () => new Response('') })).toThrow(/already open in this process; close it first/);
    await transport.close();
    transport = createInProcessTransport({ handler: async () => new Response(''), baseUrl: 'http://dcc2.emulated.invalid/' });
    expect(transport.baseUrl).toBe('http://dcc2.emulated.invalid');
  });

  it('rejects pending waits when closed, and refuses to send after', async () => {
    const t = createInProcessTransport({ handler: async () => new Response(''), wait: (_ms, signal) => new Promise((r) => signal.addEventListener('abort', () => r())) });
    const pending = t.awaitResponse({ originator: '90-B3-D5-1F-30-01-00-00', target: '00-DB-12-34-56-78-90-A0', counter: 1n }, { within: 1_000 });
    await t.close();
    await expect(pending).rejects.toBeInstanceOf(InboxClosedError);
    await expect(t.send('/api/v1/serviceS', '<x/>')).rejects.toThrow(/closed/);
  });
});
