// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DLMS/COSEM attribute values as the emulated ESME and CHF store them: the payload codec's
 * typed A-XDR `Data` (axdr-data.ts), so a value read from a table goes into a response as it
 * is. `cosem` adds the few builders the tables need on top of the codec's `Axdr`.
 */
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { Axdr, type AxdrData } from '../../harness/protocol/gbcs/payload/dlms/axdr-data.ts';
import { cosemDateTimeFromDate, encodeCosemDateTime } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { DlmsUnits, type DlmsUnit } from '../../harness/protocol/gbcs/payload/dlms/dlms-units.ts';

export type CosemData = AxdrData;

export const cosem = {
  ...Axdr,
  /** An octet string from bytes or hex text. */
  octets: (value: Uint8Array | string): CosemData => Axdr.octetString(typeof value === 'string' ? hexToBytes(value, 'octet string') : value),
  /** DLMS scaler_unit: structure { integer scaler, enum unit }. */
  scalerUnit: (scaler: number, unit: DlmsUnit): CosemData => Axdr.structure(Axdr.integer(scaler), Axdr.enum(DlmsUnits.codeOf(unit, 'scaler_unit.unit'))),
  /** A UTC instant as the 12-byte COSEM date-time octet string (clock status 00 = valid). */
  dateTime: (epochMs: number, clockStatus: number | null = 0x00): CosemData =>
    Axdr.octetString(encodeCosemDateTime(cosemDateTimeFromDate(new Date(epochMs), { clockStatus }))),
} as const;
