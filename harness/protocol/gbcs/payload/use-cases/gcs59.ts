// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS59 — Restore GPF Device Log, SRV 8.12.2, message code 0x008C (to the GPF, MAC only)
 * [V: RTDS 8.12.2_GCS59]. ASN.1 DER payloads:
 *
 *   command   SEQUENCE { SEQUENCE OF entry }                      RTDS: 00-11-…-77 PPMID (5),
 *                                                                 88-99-…-FF Type 2 (6)
 *   response  SEQUENCE { SEQUENCE OF SEQUENCE { entry, INTEGER result } }   RTDS: both 0
 *
 * entry: device-type-entry.ts. [P] Result 0 is success; GCS59_RESULT names the non-zero results
 * the emulated GPF gives (RTDS has no GCS59 ERROR pair).
 */
import type { DerNode } from '../asn1-der.ts';
import { derSequence, derSmallInteger, expectDerSequence, oneDerValue, readDerSmallInteger } from '../der-fields.ts';
import { deviceTypeEntryDer, readDeviceTypeEntry, type DeviceTypeEntry } from './device-type-entry.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

/** [P] Per-entry results of GCS59 (0 as RTDS; the rest the project's). */
export const GCS59_RESULT = {
  success: 0,
  /** The GPF Device Log has no room for the entry. */
  deviceLogFull: 1,
} as const;

export interface Gcs59Command {
  readonly devices: readonly DeviceTypeEntry[];
}

export interface Gcs59EntryResult {
  readonly device: DeviceTypeEntry;
  /** GCS59_RESULT. */
  readonly result: number;
}

export interface Gcs59Response {
  readonly results: readonly Gcs59EntryResult[];
}

export const gcs59: UseCaseCodec<Gcs59Command, Gcs59Response> = {
  kind: 'command-response',
  name: 'GCS59',
  messageCode: 0x008c,
  srv: '8.12.2',
  title: 'Restore GPF Device Log',
  payloadKind: 'der',

  encodeCommand(f) {
    const list = derSequence(
      f.devices.map((d, i) => deviceTypeEntryDer(d, `GCS59 command.devices[${i}]`)),
      'GCS59 command.devices',
    );
    return derSequence([list], 'GCS59 command');
  },

  decodeCommand(payload) {
    const [list] = expectDerSequence(oneDerValue(payload, 'command'), 'command', 1, 'the device list');
    return { devices: expectDerSequence(list as DerNode, 'command.devices').map((e, i) => readDeviceTypeEntry(e, `command.devices[${i}]`)) };
  },

  encodeResponse(f) {
    const list = derSequence(
      f.results.map((r, i) => derSequence([deviceTypeEntryDer(r.device, `GCS59 response.results[${i}].device`), derSmallInteger(r.result, `GCS59 response.results[${i}].result`)], `GCS59 response.results[${i}]`)),
      'GCS59 response.results',
    );
    return derSequence([list], 'GCS59 response');
  },

  decodeResponse(payload) {
    const [list] = expectDerSequence(oneDerValue(payload, 'response'), 'response', 1, 'the result list');
    return {
      results: expectDerSequence(list as DerNode, 'response.results').map((n, i) => {
        const [device, result] = expectDerSequence(n, `response.results[${i}]`, 2, 'device, result');
        return { device: readDeviceTypeEntry(device as DerNode, `response.results[${i}].device`), result: readDerSmallInteger(result as DerNode, `response.results[${i}].result`) };
      }),
    };
  },
};
