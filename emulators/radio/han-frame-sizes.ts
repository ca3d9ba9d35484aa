// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Application payload sizes of the HAN frames that are not GBCS messages, for their airtime
 * (airtime.ts adds the headers and PHY overhead of every PHY frame). GBCS messages count their
 * own frame length.
 *
 * | frame                                   | bytes | source |
 * | --------------------------------------- | ----- | ------ |
 * | SuspendZCLMessages (Sub-GHz cluster 0x070B, command 0x00) | 4 | ZCL header 3 (frame control, sequence, command) + period 1 (uint8, minutes) [V: ZCL frame format; the Sub-GHz cluster's command carries one byte, the period] |
 * | GSME wake: its attribute report to the GPF mirror | 64 | [P] |
 * | GSME wake: its read of the Functional Notification Flags | 5 | ZCL read attributes of one attribute [P] |
 * | hub's answer to that read                | 10 | ZCL read attributes response, one 32-bit bitmap [P] |
 */

export const SUSPEND_ZCL_MESSAGES_BYTES = 4;
export const GSME_WAKE_REPORT_BYTES = 64;
export const GSME_FLAGS_READ_BYTES = 5;
export const HUB_FLAGS_ANSWER_BYTES = 10;
