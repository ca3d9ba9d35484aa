// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS14 alert 0x8F12 "CHF Device Log Changed", raised by the CHF to the DCC Access Control
 * Broker whenever its Device Log changes (a device added, joined or removed). The body lists
 * every Device Log entry with a 16-byte key hash. Protection as RTDS CS14_NA_8F12_ALERT: MAC,
 * no signature, no header date-time; the alert carries the CHF's own originator counter.
 * Assumptions [P]: the key hash is the entry's key material (comms-hub/device-key-hash.ts); the
 * body's 8-byte identifier (RTDS 00-01-02-03-04-05-06-07, meaning not public) is the CHF's EUI.
 */
import { CRA, type GbcsHeader } from '../../harness/protocol/gbcs/frame-types.ts';
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ALERT_CHF_DEVICE_LOG_CHANGED, cs14DeviceLogChanged, type DeviceLogChangedAlert } from '../../harness/protocol/gbcs/payload/use-cases/cs14-device-log-changed.ts';
import type { Chf } from '../comms-hub/chf.ts';
import { sealFromDevice } from '../device-sealing.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import type { OutgoingMessage } from '../firmware/fault-effects.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { MessageProtection } from './emulated-use-case.ts';

export const CS14_ALERT_PROTECTION: MessageProtection = { mac: true, sign: false, dateTime: null };

/** The alert about the CHF's Device Log as it is at `at`: typed fields, how to encode and seal them, trace metadata. */
export function deviceLogChangedAlert(
  chf: Chf,
  keys: KeyDirectory,
  at: number,
): { message: OutgoingMessage<DeviceLogChangedAlert>; info: Omit<DeviceMessageInfo, 'at'> } {
  const header: GbcsHeader = {
    cra: CRA.alert,
    counter: chf.nextOriginatorCounter(at),
    originator: chf.eui,
    recipient: REMOTE_PARTY.accessControlBroker,
    dateTime: null,
    messageCode: cs14DeviceLogChanged.messageCode,
    supplementary: null,
  };
  const stamp = cosemDateTimeFromDate(new Date(at), { clockStatus: null });
  return {
    message: {
      fields: {
        timeStamp: stamp,
        changedAt: stamp,
        logIdentifier: chf.eui,
        devices: chf.deviceLog.entries().map((e) => ({ deviceId: e.eui, keyHash: hexToBytes(e.keyHash, 'key hash') })),
      },
      encode: (fields) => cs14DeviceLogChanged.encodeAlert(fields, { header }),
      seal: (payload) => sealFromDevice(chf, header, payload, CS14_ALERT_PROTECTION, keys),
    },
    info: {
      kind: 'alert',
      useCase: cs14DeviceLogChanged.name,
      messageCode: header.messageCode,
      originator: header.originator,
      recipient: header.recipient,
      alertCode: ALERT_CHF_DEVICE_LOG_CHANGED,
    },
  };
}
