// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The checks every DIT test makes on what came back, written once: a device response is an I0
 * DUIS response carrying a GBCS response frame of the expected use case, from the expected
 * device, protected as expected, whose payload decodes to typed fields (a response delivered
 * locally, the same checks on the frame the Bench gave back); a device alert (or a
 * DCC alert) arrives inside its window, carrying the expected alert; and nothing arrived that
 * nobody asked for. Each failure message names what was expected and what came.
 */
import { expect } from 'vitest';
import { describeMessage } from '../transport/inbox.ts';
import { formatMessageCode } from '../protocol/gbcs/message-codes.ts';
import type { DuisDccAlertMessage, DuisDeviceAlertMessage } from '../protocol/duis/message.ts';
import type { Eui64, GbcsFrame } from '../protocol/gbcs/frame-types.ts';
import type { MacStatus, SignatureStatus } from '../protocol/gbcs/secure-frame.ts';
import type { AlertCodec, UseCaseCodec } from '../protocol/gbcs/payload/use-cases/use-case-codec.ts';
import type { DeviceResponse, DuisClient, LocalDeviceResponse } from './duis-client.ts';
import { recordMeasurement } from './measurement-log.ts';

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
  return expectResponseFrame(what, { ...response, frame }, codec, expected);
}

/**
 * Asserts a response the device gave back to local delivery (no DUIS message: the frame came
 * back from the Bench's terminal) as `expectDeviceResponse` does, and returns its payload.
 */
export function expectLocalResponse<R>(response: LocalDeviceResponse, codec: UseCaseCodec<unknown, R>, expected: ResponseExpectation): R {
  return expectResponseFrame(`${codec.name} response from ${expected.from}, delivered locally`, response, codec, expected);
}

/** The checks on a device response's GBCS frame, however it came back. */
function expectResponseFrame<R>(
  what: string,
  response: Pick<DeviceResponse, 'mac' | 'cipher' | 'elapsedMs'> & { readonly frame: GbcsFrame },
  codec: UseCaseCodec<unknown, R>,
  expected: ResponseExpectation,
): R {
  const frame = response.frame;
  expect(formatMessageCode(frame.messageCode), `${what}: message code`).toBe(formatMessageCode(codec.messageCode));
  expect(frame.cra, `${what}: CRA flag`).toBe(2);
  expect(frame.originator, `${what}: originator`).toBe(expected.from);
  expect(response.mac, `${what}: MAC`).toBe(expected.mac ?? 'valid');
  if (expected.within !== undefined) {
    recordMeasurement(`${codec.name} response time from ${expected.from}`, response.elapsedMs, { max: expected.within, unit: 'ms' });
    expect(response.elapsedMs, `${what}: response time (ms) within the window`).toBeLessThanOrEqual(expected.within);
  }
  return codec.decodeResponse(frame.payload, { header: frame, ...(response.cipher ? { cipher: response.cipher } : {}) });
}

/** Asserts that no DUIS message arrived that the test did not take (alerts included). */
export function expectNoUnexpectedMessages(duis: DuisClient, allowedAlertCodes: readonly string[] = []): void {
  const allowed = new Set(allowedAlertCodes.map((c) => c.toUpperCase()));
  const unexpected = duis.untaken().filter((m) => !(m.alertCode && allowed.has(m.alertCode.toUpperCase())));
  recordMeasurement('messages nobody asked for', unexpected.length, { equals: 0 });
  expect(unexpected.map(describeMessage), 'messages nobody asked for').toEqual([]);
}

export interface AlertExpectation {
  /** The device the alert must come from (the ResponseID's originator and the frame's). */
  readonly from: Eui64;
  /** The window the alert must arrive in, from now (world time, ms): waiting moves virtual time. */
  readonly within: number;
  /** MAC status the user must see (default 'valid'; 'absent' for an alert sent signed only). */
  readonly mac?: MacStatus;
  /** Signature status the user must see (default 'absent'; 'valid' for a signed alert). */
  readonly signature?: SignatureStatus;
}

/** A device alert as the user reads it: the DUIS message, its GBCS frame and the typed fields. */
export interface ReceivedDeviceAlert<A> {
  readonly message: DuisDeviceAlertMessage;
  readonly frame: GbcsFrame;
  readonly fields: A;
  /** World time it arrived. */
  readonly arrivedAt: number;
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Waits (in the inbox, virtual time when emulated) for a DUIS device alert with the codec's
 * alert code from `from`, and asserts the GBCS frame it carries: CRA 3, the codec's message
 * code and alert code, the originator, the protection the user sees; returns its typed fields.
 */
export async function expectDeviceAlert<A>(duis: DuisClient, codec: AlertCodec<A>, expected: AlertExpectation): Promise<ReceivedDeviceAlert<A>> {
  const code = hex4(codec.alertCode);
  const what = `${codec.name} alert ${code} from ${expected.from}`;
  const waitFrom = duis.now();
  const message = (await duis.transport.inbox.awaitAlert({ kind: 'device-alert', alertCode: code, from: expected.from }, { within: expected.within })) as DuisDeviceAlertMessage;
  const arrivedAt = duis.now();
  recordMeasurement(`${codec.name} alert ${code} arrival from ${expected.from}`, arrivedAt - waitFrom, { max: expected.within, unit: 'ms' });
  expect(message.responseCode, `${what}: DUIS response code`).toBe('I0');
  const opened = duis.openGbcs(message.gbcsPayload);
  if (!opened) throw new Error(`${what}: the DUIS alert carries no GBCS payload`);
  const { frame } = opened;
  expect(frame.cra, `${what}: CRA flag`).toBe(3);
  expect(formatMessageCode(frame.messageCode), `${what}: message code`).toBe(formatMessageCode(codec.messageCode));
  expect(frame.originator, `${what}: originator`).toBe(expected.from);
  expect(opened.mac, `${what}: MAC`).toBe(expected.mac ?? 'valid');
  expect(opened.signature, `${what}: signature`).toBe(expected.signature ?? 'absent');
  const fields = codec.decodeAlert(frame.payload, { header: frame, ...(opened.cipher ? { cipher: opened.cipher } : {}) });
  return { message, frame, fields, arrivedAt };
}

/** Waits for a DUIS DCC alert (e.g. AD1) within the window and asserts it is an I0 DCC alert. */
export async function expectDccAlert(duis: DuisClient, alertCode: string, options: { readonly within: number }): Promise<DuisDccAlertMessage> {
  const waitFrom = duis.now();
  const message = (await duis.transport.inbox.awaitAlert({ kind: 'dcc-alert', alertCode }, { within: options.within })) as DuisDccAlertMessage;
  recordMeasurement(`DCC alert ${alertCode} arrival`, duis.now() - waitFrom, { max: options.within, unit: 'ms' });
  expect(message.responseCode, `DCC alert ${alertCode}: DUIS response code`).toBe('I0');
  return message;
}

/** Lets `ms` of world time pass and asserts that no DUIS message arrived nobody asked for. */
export async function expectQuietFor(duis: DuisClient, bench: { advance(ms: number): Promise<void> }, ms: number): Promise<void> {
  await bench.advance(ms);
  expectNoUnexpectedMessages(duis);
}
