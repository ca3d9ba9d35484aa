// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS06 — Read CHF Device Log, SRV 8.9, message code 0x010F (to the CHF, from the ACB), the
 * dual-band hub's device log read: per device, its link statistics and when the CHF last heard
 * from it [V: DOMAIN.md — last-communication time per device and a signal strength].
 *
 * Command: Access request, get ZigBee Network Control (class 104) 0-0:30.3.0.255 (CHF device
 * log) attribute 4, null-data. Response: an array with one structure of 14 elements per device,
 * and the get result [V: RTDS 8.9_CCS06; RTDS ERROR: null-data, hardware-fault]:
 *
 *   [0] device id octet-string(8)        RTDS …-A0, …-A1
 *   [1] bit-string(8)                    C8 for both                         → statusBits [P]
 *   [2..4] integer (signed, dBm)         -35 -50 -100 / -34 -54 -77          → RSSI max, average, min [P]
 *   [5] unsigned                         2 / 1                               → HAN band code [P]
 *   [6..7] unsigned                      39 247 / 96 205                     → LQI min, max [P]
 *   [8] octet-string(12) date-time       2014-12-31 23:50 / 23:40            → last communication [V: DOMAIN.md]
 *   [9..13] unsigned                     1 0 100 1 1 for both                → linkCounters [P]
 *
 * [P] The element names other than the device id and the last-communication time are the
 * project's reading of the RTDS values (the three signed values fall max ≥ average ≥ min; the
 * ESME …-A0 carries 2 and the GSME …-A1 on sub-GHz carries 1 in [5]); the GBCS table is not
 * in the public material at hand. The five trailing values are kept as numbers, unnamed.
 * RTDS 8.9_CCS05CCS04 (message code 0x0004, no loaded DUIS template) carries the same payloads:
 * `ccs05ccs04` decodes it with this layout, named CCS04 [I: 0x0004 sits between CCS03 0x0003
 * and CCS05; codec names are one use case each].
 */
import type { Eui64 } from '../../frame-types.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { Axdr, axdrOffset, type AxdrData } from '../dlms/axdr-data.ts';
import { expectArray, expectDateTimeOctetString, expectEui, expectNumber, expectStructure, expectType, item } from '../dlms/axdr-match.ts';
import { encodeCosemDateTime, type CosemDateTime } from '../dlms/cosem-date-time.ts';
import type { DataAccessResult } from '../dlms/dlms-results.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';
import { CHF_DEVICE_LOG, ZIGBEE_NETWORK_CONTROL_CLASS_ID } from './ccs01.ts';
import { decodeSingleResultResponse, encodeSingleResultResponse, nullDataCommand } from './dlms-exchange.ts';
import type { NoFields, UseCaseCodec } from './use-case-codec.ts';

/** [P] HAN band codes of element [5] (RTDS: 2 for the ESME …-A0, 1 for the sub-GHz GSME …-A1). */
export const CCS06_BAND_CODE = { subGhz: 1, band24GHz: 2 } as const;

/** One device of the CHF Device Log with its link statistics (see the header for the [P] names). */
export interface ChfDeviceLogLink {
  readonly deviceId: Eui64;
  /** 8 bits as "0"/"1" characters, first bit first (RTDS "11001000"). */
  readonly statusBits: string;
  readonly rssiMaxDbm: number;
  readonly rssiAverageDbm: number;
  readonly rssiMinDbm: number;
  /** CCS06_BAND_CODE. */
  readonly band: number;
  readonly lqiMin: number;
  readonly lqiMax: number;
  /** When the CHF last heard from the device; all fields null = not specified (never heard). */
  readonly lastCommunicationAt: CosemDateTime;
  /** Elements [9..13], five unsigned values (RTDS 1, 0, 100, 1, 1). */
  readonly linkCounters: readonly [number, number, number, number, number];
}

export type Ccs06Response =
  | { readonly ok: true; readonly devices: readonly ChfDeviceLogLink[] }
  | { readonly ok: false; readonly result: Exclude<DataAccessResult, 'success'> };

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'get', classId: ZIGBEE_NETWORK_CONTROL_CLASS_ID, instanceId: CHF_DEVICE_LOG, attributeId: 4 }];
const ENTRY_ELEMENTS = 14;
const FIELD = 'access-response.data[0].devices';

function entryData(d: ChfDeviceLogLink, field: string): AxdrData {
  if (!/^[01]{8}$/.test(d.statusBits)) throw new PayloadEncodeError(`${field}.statusBits`, '8 bits as 0/1 characters', JSON.stringify(d.statusBits));
  if (d.linkCounters.length !== 5) throw new PayloadEncodeError(`${field}.linkCounters`, '5 values', String(d.linkCounters.length));
  return Axdr.structure(
    Axdr.octetString(euiFieldBytes(d.deviceId, `${field}.deviceId`)),
    Axdr.bitString(d.statusBits),
    Axdr.integer(d.rssiMaxDbm),
    Axdr.integer(d.rssiAverageDbm),
    Axdr.integer(d.rssiMinDbm),
    Axdr.unsigned(d.band),
    Axdr.unsigned(d.lqiMin),
    Axdr.unsigned(d.lqiMax),
    Axdr.octetString(encodeCosemDateTime(d.lastCommunicationAt, `${field}.lastCommunicationAt`)),
    ...d.linkCounters.map((n) => Axdr.unsigned(n)),
  );
}

function expectEntry(d: AxdrData, field: string): ChfDeviceLogLink {
  const s = expectStructure(d, field, ENTRY_ELEMENTS);
  const unsigned = (i: number, name: string) => expectNumber(item(s, i), 'unsigned', `${field}.${name}`);
  const bitString = item(s, 1);
  const bits = expectType(bitString, 'bit-string', `${field}.status-bits`).bits;
  if (bits.length !== 8) throw new PayloadDecodeError(axdrOffset(bitString) ?? 0, `${field}.status-bits`, '8 bits', `${bits.length} bits`);
  return {
    deviceId: expectEui(item(s, 0), `${field}.device-id`),
    statusBits: bits,
    rssiMaxDbm: expectNumber(item(s, 2), 'integer', `${field}.rssi-max`),
    rssiAverageDbm: expectNumber(item(s, 3), 'integer', `${field}.rssi-average`),
    rssiMinDbm: expectNumber(item(s, 4), 'integer', `${field}.rssi-min`),
    band: unsigned(5, 'band'),
    lqiMin: unsigned(6, 'lqi-min'),
    lqiMax: unsigned(7, 'lqi-max'),
    lastCommunicationAt: expectDateTimeOctetString(item(s, 8), `${field}.last-communication`),
    linkCounters: [unsigned(9, 'link-counters[0]'), unsigned(10, 'link-counters[1]'), unsigned(11, 'link-counters[2]'), unsigned(12, 'link-counters[3]'), unsigned(13, 'link-counters[4]')],
  };
}

function readDeviceLogCodec(name: string, messageCode: number, title: string): UseCaseCodec<NoFields, Ccs06Response> {
  return {
    kind: 'command-response',
    name,
    messageCode,
    srv: '8.9',
    title,
    payloadKind: 'dlms',

    ...nullDataCommand(SPECS, name),

    encodeResponse(fields, ctx) {
      return encodeSingleResultResponse(ctx, 'get', name, fields, (f) => Axdr.array(...f.devices.map((d, i) => entryData(d, `${name} response.devices[${i}]`))));
    },

    decodeResponse(payload, ctx) {
      const r = decodeSingleResultResponse(payload, ctx, 'get', name);
      if (!r.ok) return r;
      return { ok: true, devices: expectArray(r.data, FIELD).map((e, i) => expectEntry(e, `${FIELD}[${i}]`)) };
    },
  };
}

export const ccs06 = readDeviceLogCodec('CCS06', 0x010f, 'Read CHF Device Log and Check HAN Communications');

/**
 * [I] RTDS 8.9_CCS05CCS04: message code 0x0004 with the CCS06 payloads byte for byte. Its DUIS
 * template (CCS05CCS04_8.9) is not one `loadTemplates` loads, so the emulated DCC never sends
 * it; the codec lets `dit gbcs decode` read the RTDS pair.
 */
export const ccs05ccs04 = readDeviceLogCodec('CCS04', 0x0004, 'Read CHF Device Log (RTDS CCS05CCS04)');
