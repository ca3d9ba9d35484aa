// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { buildDeviceAlert } from '../../harness/protocol/duis/build-response.ts';
import { routePosts } from '../../harness/protocol/duis/http-route.ts';
import { serveFetchHandler, type ServedHandler } from '../../harness/protocol/duis/http-serve.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { createReceiverClient, ReceiverRejectedError } from './receiver-client.ts';

const ALERT = buildDeviceAlert({
  device: '00-DB-12-34-56-78-90-A2',
  recipient: '90-B3-D5-1F-30-01-00-00',
  counter: 1n,
  alertCode: '8F12',
  gbcsPayload: Uint8Array.from([0xdf, 0x09, 0x03]),
  at: Date.UTC(2024, 5, 1),
});

describe('receiver client (DCC → user receiver over HTTP)', () => {
  let receiver: ServedHandler | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('POSTs application/xml and resolves on 204', async () => {
    const got: { type: string | null; xml: string }[] = [];
    receiver = await serveFetchHandler({
      handler: routePosts({
        paths: ['/rx'],
        handler: async (req) => {
          got.push({ type: req.headers.get('content-type'), xml: await req.text() });
          return new Response(null, { status: 204 });
        },
      }),
    });
    const client = createReceiverClient({ url: `${receiver.url}/rx` });
    expect(client.url).toBe(`${receiver.url}/rx`);
    await client.deliver(ALERT);
    expect(got).toHaveLength(1);
    expect(got[0]!.type).toBe('application/xml');
    expect(parseDuisUserMessage(got[0]!.xml)).toMatchObject({ kind: 'device-alert', alertCode: '8F12' });
  });

  it('rejects with the status and the explanation when the receiver answers 400', async () => {
    receiver = await serveFetchHandler({
      handler: routePosts({ paths: ['/rx'], handler: async () => new Response('DUIS not-well-formed: bad\n', { status: 400 }) }),
    });
    const err = await createReceiverClient({ url: `${receiver.url}/rx` })
      .deliver('<oops')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReceiverRejectedError);
    expect(err).toMatchObject({ status: 400 });
    expect((err as Error).message).toMatch(/refused the DUIS message with HTTP 400: DUIS not-well-formed: bad/);
  });

  it('names the URL when the receiver cannot be reached', async () => {
    const gone = await serveFetchHandler({ handler: async () => new Response(null, { status: 204 }) });
    await gone.close();
    await expect(createReceiverClient({ url: `${gone.url}/rx` }).deliver(ALERT)).rejects.toThrow(
      new RegExp(`could not deliver a DUIS message to the receiver ${gone.url.replace(/\./g, '\\.')}/rx`),
    );
  });
});
