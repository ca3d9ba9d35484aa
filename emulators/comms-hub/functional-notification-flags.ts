// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Functional Notification Flags of a sleepy GSME: a 32-bit bitmap that the GPF keeps on its
 * mirror of the GSME (Metering cluster, client attribute FunctionalNotificationFlags 0x0000) and
 * that the GSME reads at each wake to learn what the comms hub holds for it. The CHF sets
 * `tunnelMessagePending` while commands wait for the GSME in its sleepy buffer; the GSME then
 * collects them (GBCS GET / GET_RESPONSE over the tunnel) and the flag is cleared.
 * DOMAIN.md's channel change uses `energyScanPending` and `channelChangePending` the same way.
 *
 * Bit values [V: the ZigBee Smart Energy Metering cluster's Functional Notification Flags as the
 * Silicon Labs EmberZNet metering definitions and the Wireshark ZCL dissector carry them]. Only
 * the flags the emulators use are listed; the rest of the bitmap is theirs to add.
 */

export const FUNCTIONAL_NOTIFICATION_FLAG = {
  newOtaFirmware: 0x0000_0001,
  timeSync: 0x0000_0004,
  stayAwakeRequestHan: 0x0000_0010,
  stayAwakeRequestWan: 0x0000_0020,
  tunnelMessagePending: 0x0020_0000,
  newSubGhzChannelMasksAvailable: 0x0100_0000,
  energyScanPending: 0x0200_0000,
  channelChangePending: 0x0400_0000,
} as const;

export type FunctionalNotificationFlag = keyof typeof FUNCTIONAL_NOTIFICATION_FLAG;

/** The names of the flags set in `flags`, in bit order (for traces and test messages). */
export function functionalNotificationFlagNames(flags: number): FunctionalNotificationFlag[] {
  return (Object.entries(FUNCTIONAL_NOTIFICATION_FLAG) as Array<[FunctionalNotificationFlag, number]>)
    .filter(([, bit]) => (flags & bit) !== 0)
    .sort(([, a], [, b]) => a - b)
    .map(([name]) => name);
}
