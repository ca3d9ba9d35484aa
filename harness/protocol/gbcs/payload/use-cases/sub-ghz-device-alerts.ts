// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF's sub-GHz alerts that name one device: their content is that device's EUI-64 as an
 * octet-string(8) [I: RTDS, GSME 00-DB-12-34-56-78-90-A1 in both].
 *
 * | use case | message code | alert  | meaning                              | RTDS model              |
 * | -------- | ------------ | ------ | ------------------------------------ | ----------------------- |
 * | DBCH06   | 0x0110       | 0x8F20 | Limited duty cycle action taken      | DBCH06_NA_8F20_ALERT    |
 * | DBCH11   | 0x0115       | 0x8F2D | No more sub-GHz device capacity      | DBCH11_NA_8F2D_ALERT    |
 *
 * At Limited the CHF unicasts SuspendZCLMessages to one device (DOMAIN.md [V]): the device named
 * in 0x8F20 is read as that device [I]. The other duty-cycle alerts (0x8F21–0x8F25) have no use
 * case of their own and no RTDS message: see sub-ghz-generic-alerts.ts.
 */
import type { Eui64 } from '../../frame-types.ts';
import { Axdr } from '../dlms/axdr-data.ts';
import { expectEui, item } from '../dlms/axdr-match.ts';
import { euiFieldBytes } from '../field-bytes.ts';
import { dlmsAlertCodec } from './dlms-alert.ts';

export const ALERT_LIMITED_DUTY_CYCLE_ACTION_TAKEN = 0x8f20;
export const ALERT_NO_MORE_SUB_GHZ_DEVICE_CAPACITY = 0x8f2d;

export interface SubGhzDeviceAlertContent {
  /** The device the alert is about. */
  readonly deviceId: Eui64;
}

function deviceAlert(name: string, messageCode: number, alertCode: number, useCaseTitle: string, alertName: string) {
  return dlmsAlertCodec<SubGhzDeviceAlertContent>({
    name,
    messageCode,
    alertCode,
    useCaseTitle,
    alertName,
    contentCount: 1,
    encodeContent: (f) => [Axdr.octetString(euiFieldBytes(f.deviceId, `${name} alert.deviceId`))],
    decodeContent: (content) => ({ deviceId: expectEui(item(content, 0), 'data-notification.body.content[0].device-id') }),
  });
}

/** DBCH06, alert 0x8F20: the CHF told this device to suspend ZCL messages (Limited duty cycle). */
export const dbch06LimitedDutyCycleActionTaken = deviceAlert(
  'DBCH06',
  0x0110,
  ALERT_LIMITED_DUTY_CYCLE_ACTION_TAKEN,
  'Limited Duty Cycle Action Taken Sub GHz Alert',
  'Duty Cycle: Limited Action Taken',
);

/** DBCH11, alert 0x8F2D: the CHF has no sub-GHz capacity left for this device. */
export const dbch11NoMoreSubGhzDeviceCapacity = deviceAlert(
  'DBCH11',
  0x0115,
  ALERT_NO_MORE_SUB_GHZ_DEVICE_CAPACITY,
  'No More Sub GHz Device Capacity Sub GHz Alert',
  'No More Sub GHz Device Capacity',
);
