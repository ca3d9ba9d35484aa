// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The alerts the CHF raises about sub-GHz duty cycle (typed codecs:
 * harness/protocol/gbcs/payload/use-cases/sub-ghz-device-alerts.ts, dbch10-message-discarded.ts,
 * sub-ghz-generic-alerts.ts), each from the CHF to the DCC Access Control Broker, MAC only, no
 * signature, no header date-time, with the CHF's own originator counter [I: RTDS DBCH06, DBCH10,
 * DBCH11 alerts; the GNCA ones have no RTDS message and go the same way, P]:
 *
 * | when                                   | alert  | use case | content                |
 * | -------------------------------------- | ------ | -------- | ---------------------- |
 * | a meter steps Normal → Limited         | 0x8F20 | DBCH06   | the device told to suspend |
 * | Limited → Critical / Critical → Suspended | 0x8F22 / 0x8F24 | GNCA | none       |
 * | Suspended → Critical / Critical → Limited / Limited → Normal | 0x8F25 / 0x8F23 / 0x8F21 | GNCA | none |
 * | a message discarded while Suspended    | 0x8F2C | DBCH10   | originator, target, CRA flag, counter of the message |
 * | no more sub-GHz device capacity        | 0x8F2D | DBCH11   | the device             |
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { dbch10MessageDiscarded, type DiscardedMessage } from '../../harness/protocol/gbcs/payload/use-cases/dbch10-message-discarded.ts';
import { dbch06LimitedDutyCycleActionTaken, dbch11NoMoreSubGhzDeviceCapacity } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-device-alerts.ts';
import {
  gncaDutyCycleBelowCritical,
  gncaDutyCycleBelowLimited,
  gncaDutyCycleBelowRegulated,
  gncaDutyCycleCriticalActionTaken,
  gncaDutyCycleRegulatedActionTaken,
} from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-generic-alerts.ts';
import type { Chf } from '../comms-hub/chf.ts';
import type { KeyDirectory } from '../key-directory.ts';
import type { DutyCycleStep } from '../radio/duty-cycle.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { MessageProtection } from './emulated-use-case.ts';
import { buildDeviceAlert, type BuiltAlert } from './power-alerts.ts';

/** [I] RTDS DBCH06 / DBCH10 / DBCH11: MAC, no signature, no header date-time. */
export const SUB_GHZ_ALERT_PROTECTION: MessageProtection = { mac: true, sign: false, dateTime: null };

const GNCA_BY_CODE = new Map(
  [gncaDutyCycleBelowLimited, gncaDutyCycleCriticalActionTaken, gncaDutyCycleBelowCritical, gncaDutyCycleRegulatedActionTaken, gncaDutyCycleBelowRegulated].map((c) => [c.alertCode, c]),
);

function stamp(at: number) {
  return cosemDateTimeFromDate(new Date(at), { clockStatus: null });
}

/** The alert of one duty-cycle step; `device`: the one told to suspend (0x8F20 names it). */
export function dutyCycleStepAlert(chf: Chf, keys: KeyDirectory, step: DutyCycleStep, device: Eui64): BuiltAlert {
  const { at, alertCode } = step;
  if (alertCode === dbch06LimitedDutyCycleActionTaken.alertCode) {
    return buildDeviceAlert(chf, keys, at, dbch06LimitedDutyCycleActionTaken, REMOTE_PARTY.accessControlBroker, SUB_GHZ_ALERT_PROTECTION, { timeStamp: stamp(at), deviceId: device });
  }
  const codec = GNCA_BY_CODE.get(alertCode);
  if (!codec) throw new RangeError(`0x${alertCode.toString(16).toUpperCase()} is no duty-cycle step alert`);
  return buildDeviceAlert(chf, keys, at, codec, REMOTE_PARTY.accessControlBroker, SUB_GHZ_ALERT_PROTECTION, { timeStamp: stamp(at) });
}

/** 0x8F2C: the CHF discarded this message while its duty cycle was Suspended. */
export function messageDiscardedAlert(chf: Chf, keys: KeyDirectory, at: number, discarded: DiscardedMessage): BuiltAlert {
  return buildDeviceAlert(chf, keys, at, dbch10MessageDiscarded, REMOTE_PARTY.accessControlBroker, SUB_GHZ_ALERT_PROTECTION, { timeStamp: stamp(at), discarded });
}

/** 0x8F2D: the CHF has no sub-GHz capacity left for this device. */
export function noSubGhzCapacityAlert(chf: Chf, keys: KeyDirectory, at: number, device: Eui64): BuiltAlert {
  return buildDeviceAlert(chf, keys, at, dbch11NoMoreSubGhzDeviceCapacity, REMOTE_PARTY.accessControlBroker, SUB_GHZ_ALERT_PROTECTION, { timeStamp: stamp(at), deviceId: device });
}
