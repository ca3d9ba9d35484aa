// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A ZigBee channel mask as the CHF reports its sub-GHz operating channel (DBCH01, 32-bit
 * bit-string): the top 5 bits are the channel page (11100b = 28 … 11111b = 31), the low 27 bits a
 * bitmap of channels in that page. RTDS E0000001 = page 28, bit 0 (DOMAIN.md [I]).
 *
 * Bit → channel number per page (DOMAIN.md [V]; the bit order inside a page is an assumption):
 * page 28: bit i → channel i (0–26); page 29: bits 0–7 → channels 27–34, bit 8 → 62;
 * page 30: bit i → channel 35 + i (35–61); page 31 and any other page: bit i → channel i.
 */
import { Axdr, axdrOffset, type AxdrData } from '../dlms/axdr-data.ts';
import { expectType } from '../dlms/axdr-match.ts';
import { PayloadDecodeError, PayloadEncodeError } from '../payload-errors.ts';

export interface SubGhzChannelMask {
  /** The 32-bit mask as carried (bit 31 first on the wire). */
  readonly mask: number;
  /** Channel page 0..31 (top 5 bits). */
  readonly page: number;
  /** Channel numbers selected in that page, ascending. */
  readonly channels: readonly number[];
}

function channelOf(page: number, bit: number): number {
  if (page === 29) return bit < 8 ? 27 + bit : bit === 8 ? 62 : 100 + bit;
  if (page === 30) return 35 + bit;
  return bit;
}

function bitOf(page: number, channel: number): number {
  if (page === 29) return channel === 62 ? 8 : channel >= 27 && channel <= 34 ? channel - 27 : -1;
  if (page === 30) return channel >= 35 && channel <= 61 ? channel - 35 : -1;
  return channel >= 0 && channel <= 26 ? channel : -1;
}

/** Reads a 32-bit mask. */
export function subGhzChannelMask(mask: number): SubGhzChannelMask {
  if (!Number.isInteger(mask) || mask < 0 || mask > 0xffffffff) throw new PayloadEncodeError('channel mask', 'a 32-bit unsigned mask', String(mask));
  const page = Math.floor(mask / 2 ** 27);
  const channels: number[] = [];
  for (let bit = 0; bit < 27; bit++) if (Math.floor(mask / 2 ** bit) % 2 === 1) channels.push(channelOf(page, bit));
  return { mask, page, channels: channels.sort((a, b) => a - b) };
}

/** Builds the mask of a page and channel list (e.g. page 28 channel 5 → 0xE0000020). */
export function subGhzChannelMaskFor(page: number, channels: readonly number[]): SubGhzChannelMask {
  if (!Number.isInteger(page) || page < 0 || page > 31) throw new PayloadEncodeError('channel page', '0..31', String(page));
  let mask = page * 2 ** 27;
  for (const c of channels) {
    const bit = bitOf(page, c);
    if (bit < 0) throw new PayloadEncodeError('channel', `a channel of page ${page}`, String(c));
    if (Math.floor(mask / 2 ** bit) % 2 === 0) mask += 2 ** bit;
  }
  return subGhzChannelMask(mask);
}

/** The mask as the 32-character bit-string DLMS carries (bit 31 first). */
export function channelMaskBits(m: SubGhzChannelMask): string {
  const derived = subGhzChannelMask(m.mask);
  if (derived.page !== m.page || derived.channels.join(',') !== [...m.channels].sort((a, b) => a - b).join(',')) {
    throw new PayloadEncodeError('channel mask', `page and channels matching mask 0x${m.mask.toString(16).toUpperCase()}`, `page ${m.page} channels ${m.channels.join(',')}`);
  }
  return m.mask.toString(2).padStart(32, '0');
}

/** The mask as DLMS carries it: a 32-bit bit-string. */
export function channelMaskData(m: SubGhzChannelMask): AxdrData {
  return Axdr.bitString(channelMaskBits(m));
}

/** Reads a 32-bit bit-string as a channel mask (field: the path for errors). */
export function expectChannelMask(d: AxdrData, field: string): SubGhzChannelMask {
  const bits = expectType(d, 'bit-string', field).bits;
  if (bits.length !== 32) throw new PayloadDecodeError(axdrOffset(d) ?? 0, field, 'a 32-bit bit-string', `${bits.length} bits`);
  return subGhzChannelMask(parseInt(bits, 2));
}
