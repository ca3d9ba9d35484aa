// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The alert a meter raises when it refuses a command whose originator has no authority for it
 * (command-handler.ts): 0x8F30 "Source Does Not Have Authority for Command" in a Generic
 * Critical Alert (GCA, 0x1000) — DLMS from the ESME, GBZ from the GSME — signed by the meter, not
 * MAC-wrapped, no header date-time, to the supplier [I: RTDS GCA-DLMS_NA_8F30_ALERT and
 * GCA-ZigBee_NA_8F30_ALERT, both addressed to 90-B3-D5-1F-30-01-00-00]. The DCC relays it to the
 * Service User as a DUIS device alert. Its time stamp is the meter's own clock.
 */
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { gcaNoAuthorityDlms, gcaNoAuthorityGbz } from '../../harness/protocol/gbcs/payload/use-cases/no-authority-alert.ts';
import type { EmulatedDevice } from '../device.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { MessageProtection } from './emulated-use-case.ts';
import { buildDeviceAlert, type BuiltAlert } from './power-alerts.ts';

/** [I] RTDS GCA 0x8F30 alerts: signed, no MAC wrapper, no header date-time. */
export const GCA_ALERT_PROTECTION: MessageProtection = { mac: false, sign: true, dateTime: null };

/** The 0x8F30 alert of an ESME (DLMS) or a GSME (GBZ), raised at virtual time `at`. */
export function noAuthorityAlert(meter: EmulatedDevice, keys: KeyDirectory, at: number): BuiltAlert {
  const time = meter.timeAt(at);
  if (meter.deviceType === 'ESME') {
    return buildDeviceAlert(meter, keys, at, gcaNoAuthorityDlms, REMOTE_PARTY.supplier, GCA_ALERT_PROTECTION, { timeStamp: cosemDateTimeFromDate(new Date(time), { clockStatus: null }) });
  }
  if (meter.deviceType === 'GSME') {
    // GBZ alert time stamps are whole UTC seconds
    return buildDeviceAlert(meter, keys, at, gcaNoAuthorityGbz, REMOTE_PARTY.supplier, GCA_ALERT_PROTECTION, { timeStamp: new Date(Math.floor(time / 1000) * 1000) });
  }
  throw new RangeError(`only meters raise 0x8F30 here, not the ${meter.deviceType}`);
}
