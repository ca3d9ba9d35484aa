// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The 16-byte key material the CHF keeps for each Device Log entry and reports in CS14 0x8F12
 * and CCS07, and that CCS03 restores (device-log-security.ts). [P] For a device added with an
 * install code (CCS01) it is the first 16 bytes of SHA-256(install code): the link key derived
 * from an install code is not in the material at hand, and a hash keeps the install code out of
 * the alerts. A restored entry keeps the material the restore carried.
 */
import { createHash } from 'node:crypto';
import { bytesToHex, hexToBytes } from '../../harness/protocol/gbcs/hex.ts';

/** The key hash of an install code, both as 32 upper-case hex digits. */
export function deviceKeyHash(installCodeHex: string): string {
  return bytesToHex(createHash('sha256').update(hexToBytes(installCodeHex, 'install code')).digest().subarray(0, 16));
}
