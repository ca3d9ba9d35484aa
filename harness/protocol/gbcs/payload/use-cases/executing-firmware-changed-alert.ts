// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Alert 0x8F43 "Executing Firmware Changed": a device (ESME, GSME or the comms hub) tells its
 * supplier that it now runs another firmware image — after an SRV 11.3 activation (CS06), once
 * it has restarted on the new version [V: DOMAIN.md alert subset].
 * [P] RTDS holds no 0x8F43 message and GBCS gives it no use case of its own: it is taken to travel
 * as a Generic Non Critical Alert (GNCA 0x1001) with no alert-specific content, like 0x8F35
 * (power-alerts.ts) — DLMS from the ESME and the comms hub, GBZ from the GSME. The new version is
 * not in the alert; the user reads it with SRV 11.2 (ECS52 / GCS38).
 */
import { alertCodeName } from '../alert-codes.ts';
import { gncaDlmsAlert, gncaGbzAlert } from './power-alerts.ts';

export const ALERT_EXECUTING_FIRMWARE_CHANGED = 0x8f43;

const TITLE = alertCodeName(ALERT_EXECUTING_FIRMWARE_CHANGED) ?? 'Executing Firmware Changed';

/** 0x8F43 from an ESME or the comms hub (GNCA, DLMS). */
export const gncaExecutingFirmwareChangedDlms = gncaDlmsAlert(ALERT_EXECUTING_FIRMWARE_CHANGED, TITLE);
/** 0x8F43 from a GSME (GNCA, GBZ). */
export const gncaExecutingFirmwareChangedGbz = gncaGbzAlert(ALERT_EXECUTING_FIRMWARE_CHANGED, TITLE);
