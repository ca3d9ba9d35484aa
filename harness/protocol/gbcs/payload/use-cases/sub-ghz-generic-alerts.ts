// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF's sub-GHz alerts that have no use case (and message code) of their own, as Generic Non
 * Critical Alerts (GNCA 0x1001, DLMS, no content):
 *
 * | alert  | meaning                                          |
 * | ------ | ------------------------------------------------ |
 * | 0x8F21 | duty cycle fallen below the Limited threshold    |
 * | 0x8F22 | Critical duty cycle action taken                 |
 * | 0x8F23 | duty cycle fallen below the Critical threshold   |
 * | 0x8F24 | Regulated duty cycle action taken                |
 * | 0x8F25 | duty cycle fallen below the Regulated threshold  |
 * | 0x8F27 | sub-GHz energy scan initiated                    |
 * | 0x8F29 | three lost-GSME searches failed                  |
 * | 0x8F2B | sub-GHz channel not changed (agility limits)     |
 *
 * [P] RTDS holds none of them and GBCS's message codes for sub-GHz alerts stop at DBCH06–DBCH11,
 * which name 0x8F20, 0x8F26, 0x8F28, 0x8F2A, 0x8F2C and 0x8F2D only. They are taken to travel
 * like 0x8F35 does (power-alerts.ts): GNCA, no alert-specific content. In particular 0x8F22 /
 * 0x8F24 follow a broadcast SuspendZCLMessages, so no single device is named, unlike 0x8F20.
 */
import { alertCodeName } from '../alert-codes.ts';
import { gncaDlmsAlert } from './power-alerts.ts';

const gnca = (code: number) => gncaDlmsAlert(code, alertCodeName(code) ?? 'Sub GHz alert');

export const gncaDutyCycleBelowLimited = gnca(0x8f21);
export const gncaDutyCycleCriticalActionTaken = gnca(0x8f22);
export const gncaDutyCycleBelowCritical = gnca(0x8f23);
export const gncaDutyCycleRegulatedActionTaken = gnca(0x8f24);
export const gncaDutyCycleBelowRegulated = gnca(0x8f25);
export const gncaSubGhzEnergyScanInitiated = gnca(0x8f27);
export const gncaThreeLostGsmeSearchesFailed = gnca(0x8f29);
export const gncaSubGhzChannelNotChanged = gnca(0x8f2b);

/** Every codec of this file, in alert-code order. */
export const SUB_GHZ_GNCA_ALERTS = [
  gncaDutyCycleBelowLimited,
  gncaDutyCycleCriticalActionTaken,
  gncaDutyCycleBelowCritical,
  gncaDutyCycleRegulatedActionTaken,
  gncaDutyCycleBelowRegulated,
  gncaSubGhzEnergyScanInitiated,
  gncaThreeLostGsmeSearchesFailed,
  gncaSubGhzChannelNotChanged,
] as const;
