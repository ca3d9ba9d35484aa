// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the emulated DCC reads from the bodies of the firmware service requests:
 *
 * - SRV 11.3 Activate Firmware (critical; RTDS templates CS06_11.3_*) [V]:
 *   `ActivateFirmware { [ExecutionDateTime], FirmwareHash }` → the CS06 command: the hash (32
 *   bytes, 64 hex digits), the command's own originator counter (the RequestID counter: the user
 *   originates CS06, RTDS CS06_11.3_* carry 1000 … 1005 both in the header and in the payload),
 *   and the execution date-time — absent: now; 3000-12-31: a cancellation, which GBCS writes
 *   9999-12-31 23:59:59 [I: RTDS CS06_11.3_CANCELLATION]; else the time to the second.
 * - SRV 11.1 Update Firmware (non-device, CV 8; no RTDS template) [P]: `UpdateFirmware {
 *   FirmwareVersion }` — the firmware version octet string, hex, of an image of the DCC's firmware
 *   catalogue, as SRV 11.2 reads it once the device runs it; the device is the RequestID's target.
 *   DUIS's own 11.1 body (the image, or a reference to it) is not in the public material at hand.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { CS06_CANCELLATION_DATE_TIME, type Cs06Command } from '../../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import { gcs28Time } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { RequestBodyError } from './request-body-error.ts';

/** DUIS ExecutionDateTime that cancels a pending future-dated command (RTDS CANCELLATION templates) [I]. */
const CANCELLATION_DATE = '3000-12-31';

function element(body: XMLData, name: string): XMLData {
  const e = body[name];
  if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new RequestBodyError('malformed', name, `expected the ${name} element with its children`);
  return e as XMLData;
}

function valueOf(n: unknown): string | null {
  if (typeof n === 'string' || typeof n === 'number') return String(n).trim();
  if (typeof n === 'object' && n !== null && '#text' in n) return valueOf((n as { '#text': unknown })['#text']);
  return null;
}

/** The CS06 command of an SRV 11.3 body; `requestCounter` is the RequestID counter (the command's originator counter). */
export function cs06CommandFromBody(body: XMLData, requestCounter: bigint): Cs06Command {
  const root = element(body, 'ActivateFirmware');
  const hash = valueOf(root['FirmwareHash']);
  if (hash === null || !/^[0-9A-Fa-f]{64}$/.test(hash)) throw new RequestBodyError('malformed', 'ActivateFirmware/FirmwareHash', `expected 32 bytes as 64 hex digits, found ${JSON.stringify(hash)}`);
  let executionDateTime: string | null = null;
  if (root['ExecutionDateTime'] !== undefined) {
    const t = valueOf(root['ExecutionDateTime']) ?? '';
    const ms = Date.parse(t);
    if (t.startsWith(CANCELLATION_DATE)) executionDateTime = CS06_CANCELLATION_DATE_TIME;
    else if (Number.isFinite(ms)) executionDateTime = gcs28Time(ms);
    else throw new RequestBodyError('malformed', 'ActivateFirmware/ExecutionDateTime', `expected an xs:dateTime, found ${JSON.stringify(t)}`);
  }
  return { manufacturerImageHash: hash.toUpperCase(), originatorCounter: requestCounter, executionDateTime };
}

/** The firmware version (hex) an SRV 11.1 body asks the DCC to distribute. */
export function updateFirmwareVersionFromBody(body: XMLData): string {
  const version = valueOf(element(body, 'UpdateFirmware')['FirmwareVersion']);
  if (version === null || !/^([0-9A-Fa-f]{2})+$/.test(version)) {
    throw new RequestBodyError('malformed', 'UpdateFirmware/FirmwareVersion', `expected the firmware version octet string as hex (as SRV 11.2 reads it), found ${JSON.stringify(version)}`);
  }
  return version.toUpperCase();
}
