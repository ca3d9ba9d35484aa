// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The one sub-GHz channel a dual-band comms hub operates on: a GB channel page (28–31) and a
 * channel of that page. GBCS carries it as a 32-bit mask (top 5 bits page, low 27 bits a bitmap
 * of channels); the payload codec's sub-ghz-channel-mask.ts owns that encoding, this file only
 * narrows it to a single channel on the GB pages.
 */
import {
  subGhzChannelMask as decodeMask,
  subGhzChannelMaskFor,
} from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';

export interface SubGhzChannel {
  readonly page: 28 | 29 | 30 | 31;
  readonly channel: number;
}

const GB_PAGES: readonly number[] = [28, 29, 30, 31];

/** The channels of each GB page, as a reader would write them [V: DOMAIN.md "The two HAN bands"]. */
export const GB_PAGE_CHANNELS: Readonly<Record<SubGhzChannel['page'], string>> = { 28: '0–26', 29: '27–34 and 62', 30: '35–61', 31: '0–26' };

/** The 32-bit mask of one channel, e.g. page 28 channel 5 → 0xE0000020. */
export function subGhzChannelMask({ page, channel }: SubGhzChannel): number {
  if (!GB_PAGES.includes(page)) throw new RangeError(`GB sub-GHz channel pages are 28–31, got ${page}`);
  const inPage = Number.isInteger(channel) && (page === 29 ? (channel >= 27 && channel <= 34) || channel === 62 : page === 30 ? channel >= 35 && channel <= 61 : channel >= 0 && channel <= 26);
  if (!inPage) throw new RangeError(`channel ${channel} is not on page ${page} (its channels are ${GB_PAGE_CHANNELS[page]})`);
  return subGhzChannelMaskFor(page, [channel]).mask;
}

/** The channel of a single-channel mask on pages 28–31. */
export function subGhzChannelFromMask(mask: number): SubGhzChannel {
  const m = decodeMask(mask);
  const channel = m.channels[0];
  if (!GB_PAGES.includes(m.page) || m.channels.length !== 1 || channel === undefined || channel > 62) {
    throw new RangeError(`0x${mask.toString(16).toUpperCase()} is not a single sub-GHz channel on pages 28–31`);
  }
  return { page: m.page as SubGhzChannel['page'], channel };
}

/** 2.4 GHz IEEE 802.15.4 channels 11–26. */
export function check24GhzChannel(channel: number): number {
  if (!Number.isInteger(channel) || channel < 11 || channel > 26) throw new RangeError(`2.4 GHz channels are 11..26, got ${channel}`);
  return channel;
}
