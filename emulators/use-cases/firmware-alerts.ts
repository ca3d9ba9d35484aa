// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The alerts of a firmware update, built and protected as their RTDS counterparts (typed codecs
 * in harness/protocol/gbcs/payload/use-cases):
 *
 * | alert                      | from          | to                       | carrier                    | protection [I: RTDS] |
 * | -------------------------- | ------------- | ------------------------ | -------------------------- | -------------------- |
 * | 0x8F72 / 0x8F1C image verified / not | ESME, CHF | the user who asked for the distribution | FDRA 0x00CE (DLMS) | signed, no MAC, no date-time (NA_FDRA-DLMS) |
 * | 0x8F72 / 0x8F1C            | GSME          | the same                 | FDRA 0x00CF (GBZ)          | as NA_FDRA-ZigBee    |
 * | 0x8F8A / 0x8F89 transfer succeeded / failed | CHF | the DCC Access Control Broker | CCS08 0x0128 | signed, no MAC, no date-time (NA_CCS08) |
 * | 0x8F66 / 0x8F67 future-dated activation done / not | ESME, GSME, CHF | the CS06 command's originator | 0x00CA | signed, no MAC (11.3_CS06 alerts) |
 * | 0x8F43 executing firmware changed | ESME, GSME, CHF | the CS06 command's originator [P] | GNCA 0x1001 | MAC only [P: as GNCA] |
 *
 * Time stamps are the device's own clock (GBZ and GeneralizedTime: whole UTC seconds). Each
 * alert carries the device's own originator counter.
 */
import type { FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ccs08TransferFailed, ccs08TransferSucceeded, type FirmwareTransferResult } from '../../harness/protocol/gbcs/payload/use-cases/ccs08.ts';
import { cs06FutureDatedActioned, cs06FutureDatedNotActioned, type ActivateFirmwareOutcome } from '../../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import { gcs28Time } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { gncaExecutingFirmwareChangedDlms, gncaExecutingFirmwareChangedGbz } from '../../harness/protocol/gbcs/payload/use-cases/executing-firmware-changed-alert.ts';
import {
  fdraVerificationFailedDlms,
  fdraVerificationFailedGbz,
  fdraVerifiedDlms,
  fdraVerifiedGbz,
} from '../../harness/protocol/gbcs/payload/use-cases/firmware-distribution-receipt-alert.ts';
import type { EmulatedDevice } from '../device.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { MessageProtection } from './emulated-use-case.ts';
import { buildDeviceAlert, GNCA_ALERT_PROTECTION, type BuiltAlert } from './power-alerts.ts';

/** [I] RTDS FDRA, CCS08 and 0x00CA alerts: signed, not MAC-wrapped, no header date-time. */
export const SIGNED_ALERT_PROTECTION: MessageProtection = { mac: false, sign: true, dateTime: null };

function wholeSeconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** FDRA: the device verified (or not) the image it received; `calculatedImageHash` is what it calculated. */
export function firmwareReceiptAlert(device: EmulatedDevice, keys: KeyDirectory, at: number, recipient: Eui64, verified: boolean, calculatedImageHash: string): BuiltAlert {
  const time = device.timeAt(at);
  if (device.deviceType === 'GSME') {
    return buildDeviceAlert(device, keys, at, verified ? fdraVerifiedGbz : fdraVerificationFailedGbz, recipient, SIGNED_ALERT_PROTECTION, { timeStamp: wholeSeconds(time), calculatedImageHash });
  }
  const timeStamp = cosemDateTimeFromDate(new Date(time), { clockStatus: null });
  return buildDeviceAlert(device, keys, at, verified ? fdraVerifiedDlms : fdraVerificationFailedDlms, recipient, SIGNED_ALERT_PROTECTION, { timeStamp, calculatedImageHash });
}

/** CCS08: the CHF tells the ACB how the transfer of `image` to `target` ended. */
export function firmwareTransferAlert(chf: EmulatedDevice, keys: KeyDirectory, at: number, target: Eui64, image: FirmwareImage, result: FirmwareTransferResult): BuiltAlert {
  const codec = result === 'success' ? ccs08TransferSucceeded : ccs08TransferFailed;
  const fields = { executionDateTime: gcs28Time(chf.timeAt(at)), entityId: target, firmwareVersion: image.versionOctets, result };
  return buildDeviceAlert(chf, keys, at, codec, REMOTE_PARTY.accessControlBroker, SIGNED_ALERT_PROTECTION, fields);
}

/** 0x00CA: the outcome of a future-dated activation due at `dueAt`, to the command's originator. */
export function futureDatedActivationAlert(
  device: EmulatedDevice,
  keys: KeyDirectory,
  at: number,
  command: { readonly originator: Eui64; readonly originatorCounter: bigint; readonly dueAt: number },
  outcome: ActivateFirmwareOutcome,
): BuiltAlert {
  const codec = outcome.result === 'success' ? cs06FutureDatedActioned : cs06FutureDatedNotActioned;
  const fields = { executionDateTime: gcs28Time(command.dueAt), originatorCounter: command.originatorCounter, outcome };
  return buildDeviceAlert(device, keys, at, codec, command.originator, SIGNED_ALERT_PROTECTION, fields);
}

/** 0x8F43: the device runs another firmware image now. */
export function executingFirmwareChangedAlert(device: EmulatedDevice, keys: KeyDirectory, at: number, recipient: Eui64): BuiltAlert {
  const time = device.timeAt(at);
  if (device.deviceType === 'GSME') return buildDeviceAlert(device, keys, at, gncaExecutingFirmwareChangedGbz, recipient, GNCA_ALERT_PROTECTION, { timeStamp: wholeSeconds(time) });
  return buildDeviceAlert(device, keys, at, gncaExecutingFirmwareChangedDlms, recipient, GNCA_ALERT_PROTECTION, { timeStamp: cosemDateTimeFromDate(new Date(time), { clockStatus: null }) });
}
