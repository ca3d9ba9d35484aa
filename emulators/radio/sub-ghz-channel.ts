// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GB sub-GHz HAN channels (ZigBee channel pages 28–31) and the 32-bit channel mask GBCS carries
 * them in: top 5 bits = page (11100b = 28 … 11111b = 31), low 27 bits = a bitmap of channels
 * within the page. RTDS DBCH01 shows E0000001 = page 28 channel 0 (DOMAIN.md).
 * Assumption [P]: on pages 29 and 30 bit n stands for the page's n-th channel (page 29: 27–34
 * then 62; page 30: 35–61), as the mask has only 27 bits.
 */

export interface SubGhzChannel {
  readonly page: 28 | 29 | 30 | 31;
  readonly channel: number;
}

const PAGE_CHANNELS: Readonly<Record<SubGhzChannel['page'], readonly number[]>> = {
  28: Array.from({ length: 27 }, (_, i) => i),
  29: [...Array.from({ length: 8 }, (_, i) => 27 + i), 62],
  30: Array.from({ length: 27 }, (_, i) => 35 + i),
  31: Array.from({ length: 27 }, (_, i) => i),
};

/** The 32-bit mask of one channel, e.g. page 28 channel 5 → 0xE0000020. */
export function subGhzChannelMask({ page, channel }: SubGhzChannel): number {
  const bit = PAGE_CHANNELS[page]?.indexOf(channel) ?? -1;
  if (bit < 0) throw new RangeError(`channel ${channel} is not on sub-GHz page ${page}`);
  return ((page << 27) | (1 << bit)) >>> 0;
}

/** The channel of a single-channel mask. */
export function subGhzChannelFromMask(mask: number): SubGhzChannel {
  const page = mask >>> 27;
  const bits = mask & 0x07ffffff;
  const channels = PAGE_CHANNELS[page as SubGhzChannel['page']];
  if (!channels || bits === 0 || (bits & (bits - 1)) !== 0) {
    throw new RangeError(`0x${mask.toString(16).toUpperCase()} is not a single sub-GHz channel on pages 28–31`);
  }
  const channel = channels[31 - Math.clz32(bits)];
  if (channel === undefined) throw new RangeError(`0x${mask.toString(16).toUpperCase()} names no channel of page ${page}`);
  return { page: page as SubGhzChannel['page'], channel };
}

/** 2.4 GHz IEEE 802.15.4 channels 11–26. */
export function check24GhzChannel(channel: number): number {
  if (!Number.isInteger(channel) || channel < 11 || channel > 26) throw new RangeError(`2.4 GHz channels are 11..26, got ${channel}`);
  return channel;
}
