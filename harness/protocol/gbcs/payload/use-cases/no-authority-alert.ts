// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Alert 0x8F30 "Source Does Not Have Authority for Command" [V: GBCS alert table, as
 * alert-codes.ts names it]: a device refused a command whose originator its security credentials
 * do not authorise. Carried by the Generic Critical Alert message (GCA, 0x1000) with no
 * alert-specific content, signed by the device and not MAC-wrapped, no header date-time, to the
 * supplier [I: RTDS GCA-DLMS_NA_8F30_ALERT from the ESME, GCA-ZigBee_NA_8F30_ALERT from the GSME]:
 * a DLMS Data-Notification from an ESME, a GBZ alert from a GSME.
 */
import { GCA_CARRIER, gncaDlmsAlert, gncaGbzAlert } from './power-alerts.ts';

export const ALERT_SOURCE_NO_AUTHORITY = 0x8f30;

const TITLE = 'Source Does Not Have Authority for Command';

/** 0x8F30 from an ESME (GCA, DLMS). */
export const gcaNoAuthorityDlms = gncaDlmsAlert(ALERT_SOURCE_NO_AUTHORITY, TITLE, GCA_CARRIER);
/** 0x8F30 from a GSME (GCA, GBZ). */
export const gcaNoAuthorityGbz = gncaGbzAlert(ALERT_SOURCE_NO_AUTHORITY, TITLE, GCA_CARRIER);
