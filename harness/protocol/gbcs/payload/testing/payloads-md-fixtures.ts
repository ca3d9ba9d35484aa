// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test fixtures: the application payloads of the RTDS 4.5.0 messages annotated in
 * shared/PAYLOADS.md, typed in from that annotation (so the unit tests run without the RTDS
 * folder), with the grouping-header fields a payload codec needs. The RTDS round-trip tests
 * check these strings against the RTDS files when the folder is present.
 */
import type { GbcsHeader } from '../../frame-types.ts';
import { spacedHexToBytes } from '../../hex.ts';

export const SUPPLIER = '90B3D51F30010000';
export const ACB = '90B3D51F30000002';
export const ESME = '00DB1234567890A0';
export const GSME = '00DB1234567890A1';
export const CHF = '00DB1234567890A2';
export const GPF = '00DB1234567890A3';

export interface Fixture {
  /** RTDS folder and file stem. */
  readonly folder: string;
  readonly name: string;
  readonly header: GbcsHeader;
  readonly payload: Uint8Array;
}

function header(cra: 1 | 2 | 3, counter: bigint, originator: string, recipient: string, messageCode: number, supplementary: GbcsHeader['supplementary'] = null): GbcsHeader {
  return { cra, counter, originator, recipient, dateTime: null, messageCode, supplementary };
}

function fx(folder: string, name: string, h: GbcsHeader, hex: string): Fixture {
  return { folder, name, header: h, payload: spacedHexToBytes(hex) };
}

const ACB_SUPPLEMENTARY = (counter: bigint) => ({ remotePartyId: SUPPLIER, remotePartyCounter: counter });

export const ECS17B_COMMAND = fx(
  '4.1.1_ECS17b',
  'ECS17b_4.1.1_SINGLE_SUCCESS_COMMAND',
  header(1, 1000n, SUPPLIER, ESME, 0x0027),
  'D9 200003E8 00 01 03 001E 00002B0208FF 01 01' +
    '0202 0101 0205 120001 0906 00005E2C220A 0F02 120000 0202 1600 00' +
    '0101 0202 1602 0205 0909 0400000000000003E8 0908 90B3D51F30010000 0908 00DB1234567890A0 0900' +
    '0202 1602 0202 090102 0900',
);

/** ECS17b response: protected attributes sealed block as RTDS carries it. */
export const ECS17B_SEALED =
  '3100000000 E3035372DDD0648ADEDB866DFF001F09450DEBD034C36C6101DC 1D3CB50D35311B344436F883';
/** The decrypted protected attributes, as PAYLOADS.md shows them ("Decrypted Payload 0"). */
export const ECS17B_PLAIN = '0201 0204 060000000A 0202 0F00 161E 060000000A 0202 0F00 1620';

export const ECS17B_RESPONSE = fx(
  '4.1.1_ECS17b',
  'ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE',
  header(2, 1000n, ESME, SUPPLIER, 0x0027),
  'DA 200003E8 00 00 01 0202' +
    '0101 0202 1602 0205 0909 0400000000000003E8 0908 00DB1234567890A0 0908 90B3D51F30010000 0900 0202 1602 0202 090102 0900' +
    '092B' + ECS17B_SEALED + ' 01 0300',
);

export const GCS13A_COMMAND = fx(
  '4.1.1_GCS13a',
  'GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_COMMAND',
  header(1, 1001n, SUPPLIER, GPF, 0x0074),
  '0109 01 01 0702 000B 00 00 00 0203 0103 0003 0000',
);

export const GCS13A_SEALED =
  '3100000000 91901C6BCFE6CEB6DCE66F5ED7E43326950EADA69EA8A4B33BF60ECF4B 419FE4B34B5296381D9C7CE1';
/** The decrypted ZCL payload, as PAYLOADS.md shows it. */
export const GCS13A_PLAIN = '0203 00 22 E80300  0103 00 22 010000  0003 00 30 01  0000 00 25 393000000000';

export const GCS13A_RESPONSE = fx(
  '4.1.1_GCS13a',
  'GCS13a_4.1.1_SUCCESS_RELIABLE_GPF_RESPONSE',
  header(2, 1001n, GPF, SUPPLIER, 0x0074),
  '0109 01 03 0702 0035 00 00 18 00 01 002E' + GCS13A_SEALED,
);

export const ECS52_COMMAND = fx(
  '11.2_ECS52',
  'ECS52_11.2_SUCCESS_COMMAND',
  header(1, 1000n, SUPPLIER, ESME, 0x0059),
  'D9 200003E8 00 01 01 0001 00000002 01FF 02 01 00',
);

export const ECS52_RESPONSE = fx(
  '11.2_ECS52',
  'ECS52_11.2_SUCCESS_RESPONSE',
  header(2, 1000n, ESME, SUPPLIER, 0x0059),
  'DA 200003E8 00 00 01 0904 0123ABCD 01 0100',
);

export const GCS38_COMMAND = fx(
  '11.2_GCS38',
  'GCS38_11.2_SUCCESS_COMMAND',
  header(1, 1000n, SUPPLIER, GSME, 0x0084),
  '0109 01 01 0702 0005 00 00 00 0602',
);

export const GCS38_RESPONSE = fx(
  '11.2_GCS38',
  'GCS38_11.2_SUCCESS_RESPONSE',
  header(2, 1000n, GSME, SUPPLIER, 0x0084),
  '0109 01 01 0702 000C 08 00 01 0602 00 41 04 0123ABCD',
);

export const CCS01_COMMAND = fx(
  '8.11_CCS01',
  'CCS01_8.11_SUCCESS_COMMAND',
  header(1, 1302n, ACB, CHF, 0x0001, ACB_SUPPLEMENTARY(1002n)),
  'D9 20000516 00 03' +
    '03 0068 00001E0300FF 01' +
    '02 0068 00001E0300FF 03' +
    '02 0068 00001E0300FF 02' +
    '03 0204 0908 00DB1234567890A0 1601 0910 30313233343536373839414243444546 1600' +
    '12005A 03FF',
);

export const CCS01_RESPONSE = fx(
  '8.11_CCS01',
  'CCS01_8.11_SUCCESS_RESPONSE',
  header(2, 1302n, CHF, ACB, 0x0001, ACB_SUPPLEMENTARY(1002n)),
  'DA 20000516 00 00 03 00 00 00 03 0300 0200 0200',
);

export const CS14_8F12_ALERT = fx(
  'NA_CS14',
  'CS14_NA_8F12_ALERT',
  header(3, 4000n, CHF, ACB, 0x0018),
  '0F 20000FA0 00 0203 128F12 090C 07DF0101FF000000008000FF' +
    '0203 090C 07DF0101FF000000008000FF 0908 0001020304050607 0102' +
    '0202 0908 00DB1234567890A0 0910 83FED3407A939723A5C639B26916D506' +
    '0202 0908 00DB1234567890A1 0910 83FED3407A939723A5C639B26916D505',
);

export const DBCH01_COMMAND = fx(
  '6.31_DBCH01',
  'DBCH01_6.31_SUCCESS_COMMAND',
  header(1, 1300n, ACB, CHF, 0x010a, ACB_SUPPLEMENTARY(1000n)),
  'D9 20000514 00 01 01 0001 00005E2C0A02 02 01 00',
);

export const DBCH01_RESPONSE = fx(
  '6.31_DBCH01',
  'DBCH01_6.31_SUCCESS_RESPONSE',
  header(2, 1300n, CHF, ACB, 0x010a, ACB_SUPPLEMENTARY(1000n)),
  'DA 20000514 00 00 01 0420E0000001 01 0100',
);

export const ALL_FIXTURES: readonly Fixture[] = [
  ECS17B_COMMAND,
  ECS17B_RESPONSE,
  GCS13A_COMMAND,
  GCS13A_RESPONSE,
  ECS52_COMMAND,
  ECS52_RESPONSE,
  GCS38_COMMAND,
  GCS38_RESPONSE,
  CCS01_COMMAND,
  CCS01_RESPONSE,
  CS14_8F12_ALERT,
  DBCH01_COMMAND,
  DBCH01_RESPONSE,
];
