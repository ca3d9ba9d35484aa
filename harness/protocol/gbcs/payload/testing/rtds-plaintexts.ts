// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test fixtures: the sealed blocks of the RTDS 4.5.0 responses with protected content and the
 * plaintext inside each. ECS17b SINGLE and GCS13a GPF are the "Decrypted Payload" of
 * shared/PAYLOADS.md; the others were decrypted once, outside this code base, with the RTDS test
 * keys and the GBCS KDF (they hold the same plaintext as GCS13a GPF, or the structures noted).
 */
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import type { PayloadCipher } from '../payload-cipher.ts';
import { ECS17B_PLAIN, ECS17B_SEALED, GCS13A_PLAIN, GCS13A_SEALED } from './payloads-md-fixtures.ts';
import { fixtureCipher } from './fake-payload-cipher.ts';

const GCS13A_READING = GCS13A_PLAIN;

export const RTDS_SEALED_PLAINTEXTS: ReadonlyArray<{ readonly sealed: string; readonly plain: string }> = [
  { sealed: ECS17B_SEALED, plain: ECS17B_PLAIN },
  {
    // ECS17b TWIN: a third value without scaler_unit
    sealed: '3100000000690AF3A36A8001FB52EE7A5F4BB7DDB0BD67CAF55AD76A0DFAD5DA6B40141EFDB429F29EC7238DBC4046C5',
    plain: '02010205060000000A02020F00161E060000000A02020F001620060000000A',
  },
  { sealed: GCS13A_SEALED, plain: GCS13A_READING },
  { sealed: '31000000004F09E4C663039DBC1AC6E41687ACF517E94A67906E819BAEADE786602FC6BE7509E30300A9CCBA6CDA', plain: GCS13A_READING },
  { sealed: '310000000077D473AF9D425FEE0FAF8A2D83471492B3D5E6FB1C38C2E48D0C60CA546A3462D798034AF9E30BAEEE', plain: GCS13A_READING },
  {
    // GCS13a ERROR: the divisor record carries status C0 (hardware failure)
    sealed: '31000000004B711A713941AFCD706623D5612F7115956EF8966230013AAEC45DBF90313AE26FCE17334E',
    plain: '0203C001030022010000000300300100000025393000000000',
  },
];

/** A cipher that opens and re-seals exactly the sealed blocks found in this payload. */
export function rtdsCipherFor(payload: Uint8Array): PayloadCipher {
  const hex = bytesToHex(payload);
  const pairs = RTDS_SEALED_PLAINTEXTS.filter((p) => hex.includes(bytesToHex(spacedHexToBytes(p.sealed)))).map((p) => ({ sealed: spacedHexToBytes(p.sealed), plain: spacedHexToBytes(p.plain) }));
  return fixtureCipher(pairs);
}
