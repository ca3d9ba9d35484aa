// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The checks every DIT test makes on what came back, written once: a device response is an I0
 * DUIS response carrying a GBCS response frame of the expected use case, from the expected
 * device, protected as expected, whose payload decodes to typed fields; and nothing arrived
 * that nobody asked for. Each failure message names what was expected and what came.
 */
import { expect } from 'vitest';
import { describeMessage } from '../transport/inbox.ts';
import { formatMessageCode } from '../protocol/gbcs/message-codes.ts';
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';
import type { MacStatus } from '../protocol/gbcs/secure-frame.ts';
import type { UseCaseCodec } from '../protocol/gbcs/payload/use-cases/use-case-codec.ts';
import type { DeviceResponse, DuisClient } from './duis-client.ts';

export interface ResponseExpectation {
  /** The device the response must come from. */
  readonly from: Eui64;
  /** MAC status the user must see (default 'valid'). */
  readonly mac?: MacStatus;
  /** The response window the response must arrive in (world time, ms). */
  readonly within?: number;
}

/** Asserts a device response and returns its payload decoded by the use case's codec. */
export function expectDeviceResponse<R>(
  response: DeviceResponse,
  codec: UseCaseCodec<unknown, R>,
  expected: ResponseExpectation,
): R {
  const what = `${codec.name} response from ${expected.from}`;
  expect(response.message.responseCode, `${what}: DUIS response code`).toBe('I0');
  const frame = response.frame;
  if (!frame) throw new Error(`${what}: the DUIS response carries no GBCS payload`);
  expect(formatMessageCode(frame.messageCode), `${what}: message code`).toBe(formatMessageCode(codec.messageCode));
  expect(frame.cra, `${what}: CRA flag`).toBe(2);
  expect(frame.originator, `${what}: originator`).toBe(expected.from);
  expect(response.mac, `${what}: MAC`).toBe(expected.mac ?? 'valid');
  if (expected.within !== undefined) {
    expect(response.elapsedMs, `${what}: response time (ms) within the window`).toBeLessThanOrEqual(expected.within);
  }
  return codec.decodeResponse(frame.payload, { header: frame, ...(response.cipher ? { cipher: response.cipher } : {}) });
}

/** Asserts that no DUIS message arrived that the test did not take (alerts included). */
export function expectNoUnexpectedMessages(duis: DuisClient, allowedAlertCodes: readonly string[] = []): void {
  const allowed = new Set(allowedAlertCodes.map((c) => c.toUpperCase()));
  const unexpected = duis.untaken().filter((m) => !(m.alertCode && allowed.has(m.alertCode.toUpperCase())));
  expect(unexpected.map(describeMessage), 'messages nobody asked for').toEqual([]);
}
