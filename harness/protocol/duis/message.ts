// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A parsed DUIS message, as the harness sees it on either side of the DCC edge:
 *
 * | kind           | XML                                                        | who sees it   |
 * | -------------- | ---------------------------------------------------------- | ------------- |
 * | `request`      | `Request` (Header: RequestID, CommandVariant, SRV)         | the DCC       |
 * | `ack`          | `Response`, ResponseCode I99                               | the user      |
 * | `response`     | `Response`, I0 (or another I/W code): `ResponseMessage`    | the user      |
 * | `error`        | `Response`, an E code                                      | the user      |
 * | `device-alert` | `Response` with `DeviceAlertMessage` (AlertCode, GBCS)     | the user      |
 * | `dcc-alert`    | `Response` with `DCCAlertMessage` (DCCAlertCode, DCCAlert) | the user      |
 *
 * Every kind has the same fields (null where they do not apply), so a trace can print any of
 * them; the per-kind types narrow the ones that are always present.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import type { CommandVariantNumber } from './command-variant.ts';
import type { RequestId } from './request-id.ts';
import type { SrvInfo } from './srv-matrix.ts';

export type DuisMessageKind = 'request' | 'ack' | 'response' | 'error' | 'device-alert' | 'dcc-alert';

export interface DuisMessageBase {
  readonly kind: DuisMessageKind;
  /** The root's schemaVersion attribute, or null. */
  readonly schemaVersion: string | null;
  /** RequestID: on requests and on solicited responses (ack, response, error). */
  readonly requestId: RequestId | null;
  /** ResponseID: on device responses (device:user:counter) and on alerts. */
  readonly responseId: RequestId | null;
  /** Service Reference Variant (request header, or the response's ResponseMessage). */
  readonly srv: string | null;
  readonly serviceReference: string | null;
  readonly commandVariant: CommandVariantNumber | null;
  /** I0, I99, E…; null on requests. */
  readonly responseCode: string | null;
  readonly responseDateTime: string | null;
  /** The GBCS frame the message carries (decoded from base64), or null. */
  readonly gbcsPayload: Uint8Array | null;
  /** Where the payload was, e.g. `Body/ResponseMessage/GBCSPayload`, or null. */
  readonly gbcsPayloadElement: string | null;
  /** Device alert code (e.g. 8F12), future-dated alert code, or DCC alert code (e.g. AD1). */
  readonly alertCode: string | null;
  /** The Body without namespace prefixes (duis-parser's simplified form); {} when empty. */
  readonly body: XMLData;
}

export interface DuisRequestMessage extends DuisMessageBase {
  readonly kind: 'request';
  readonly requestId: RequestId;
  readonly srv: string;
  readonly srvInfo: SrvInfo;
  readonly serviceReference: string;
  readonly commandVariant: CommandVariantNumber;
}

export interface DuisResponseMessage extends DuisMessageBase {
  readonly kind: 'ack' | 'response' | 'error';
  readonly responseCode: string;
  readonly responseDateTime: string;
}

export interface DuisDeviceAlertMessage extends DuisMessageBase {
  readonly kind: 'device-alert';
  readonly responseId: RequestId;
  readonly responseCode: string;
  readonly responseDateTime: string;
  readonly alertCode: string;
  readonly gbcsPayload: Uint8Array;
}

export interface DuisDccAlertMessage extends DuisMessageBase {
  readonly kind: 'dcc-alert';
  readonly responseCode: string;
  readonly responseDateTime: string;
  readonly alertCode: string;
  /** The DCCAlert element's content (e.g. AD1's power outage details). */
  readonly dccAlert: XMLData;
}

export type DuisMessage = DuisRequestMessage | DuisResponseMessage | DuisDeviceAlertMessage | DuisDccAlertMessage;

/** Any message the DCC sends to a user (what a receiver / an inbox holds). */
export type DuisUserMessage = Exclude<DuisMessage, DuisRequestMessage>;
