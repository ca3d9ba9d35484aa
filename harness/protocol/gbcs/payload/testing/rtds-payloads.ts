// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: reads RTDS 4.5.0 messages and extracts the application payload and the grouping
 * header with a deliberately minimal frame parse (the frame codec is another module; these tests
 * must not depend on it). Folder: defaultRtdsDir() (env DIT_RTDS_DIR, default <project>/../shared/rtds).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CraFlag, GbcsHeader } from '../../frame-types.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { defaultRtdsDir } from '../../rtds.ts';

export function rtdsMessagesDir(): string {
  return join(defaultRtdsDir(), 'RTDS-4.5.0');
}

export const rtdsAbsent = !existsSync(rtdsMessagesDir());
export const RTDS_SKIP_REASON = `RTDS folder not found at ${rtdsMessagesDir()} (set DIT_RTDS_DIR)`;

export interface RtdsPayload {
  readonly file: string;
  readonly header: GbcsHeader;
  readonly payload: Uint8Array;
}

/** Minimal frame parse: [DD … 11 00 00 00 00] DF 09 cra counter 08 orig 08 recip dt other-info len payload. */
export function extractPayload(frame: Uint8Array, file = 'frame'): RtdsPayload {
  let o = 0;
  const byte = (): number => {
    const b = frame[o++];
    if (b === undefined) throw new Error(`${file}: frame truncated at ${o - 1}`);
    return b;
  };
  const len = (): number => {
    const l = byte();
    if (l === 0x81) return byte();
    if (l === 0x82) return byte() * 256 + byte();
    return l;
  };
  const take = (n: number): Uint8Array => {
    if (o + n > frame.length) throw new Error(`${file}: frame truncated at ${o}`);
    const out = frame.slice(o, o + n);
    o += n;
    return out;
  };
  if (frame[0] === 0xdd) {
    o = 7;
    len();
    o += 5;
  }
  if (byte() !== 0xdf || byte() !== 0x09) throw new Error(`${file}: no general signing header`);
  const cra = byte() as CraFlag;
  const counter = BigInt('0x' + bytesToHex(take(8)));
  if (byte() !== 8) throw new Error(`${file}: originator length`);
  const originator = bytesToHex(take(8));
  if (byte() !== 8) throw new Error(`${file}: recipient length`);
  const recipient = bytesToHex(take(8));
  let dateTime: Uint8Array | null = null;
  const dtLen = byte();
  if (dtLen === 0x0c) dateTime = take(12);
  else if (dtLen !== 0) throw new Error(`${file}: date-time`);
  const otherInfo = take(len());
  const messageCode = ((otherInfo[0] ?? 0) << 8) | (otherInfo[1] ?? 0);
  const supplementary =
    otherInfo.length >= 18
      ? { remotePartyId: bytesToHex(otherInfo.subarray(2, 10)), remotePartyCounter: BigInt('0x' + bytesToHex(otherInfo.subarray(10, 18))) }
      : null;
  const payload = take(len());
  return { file, header: { cra, counter, originator, recipient, dateTime, messageCode, supplementary }, payload };
}

/** One RTDS message by folder and file name (without _GBCS.HEX), e.g. ('4.1.1_ECS17b', 'ECS17b_4.1.1_SINGLE_SUCCESS_COMMAND'). */
export function rtdsPayload(folder: string, name: string): RtdsPayload {
  const file = join(rtdsMessagesDir(), folder, `${name}_GBCS.HEX`);
  return extractPayload(spacedHexToBytes(readFileSync(file, 'utf8').trim()), `${folder}/${name}`);
}

/** Every RTDS message (folder/file) with its payload; frames this minimal parser cannot read are skipped. */
export function allRtdsPayloads(): RtdsPayload[] {
  const out: RtdsPayload[] = [];
  for (const folder of readdirSync(rtdsMessagesDir()).sort()) {
    for (const f of readdirSync(join(rtdsMessagesDir(), folder)).sort()) {
      if (!f.endsWith('.HEX')) continue;
      const frame = spacedHexToBytes(readFileSync(join(rtdsMessagesDir(), folder, f), 'utf8').trim());
      out.push(extractPayload(frame, `${folder}/${f}`));
    }
  }
  return out;
}
