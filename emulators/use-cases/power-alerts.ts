// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The power alerts the meters raise (typed codecs: harness/protocol/gbcs/payload/use-cases/power-alerts.ts),
 * each built, protected and addressed as its RTDS counterpart:
 *
 * - ESME supply restored after an outage of at least SUPPLY_OUTAGE_ALERT_THRESHOLD_MS: two alerts
 *   at the restoration —
 *   0x8F36 ECS80 (0x0067) to the network operator 90-B3-D5-1F-30-02-00-00, signed, not MAC-wrapped,
 *   no header date-time, content [outage start, restoration] [I: RTDS ECS80_NA_8F36_ALERT];
 *   0x8F35 GNCA (0x1001) to the supplier, MAC only, no content [P: the same event for the
 *   supplier as a non-critical alert, shaped as RTDS GNCA-DLMS_NA_810E_ALERT].
 *   Nothing is raised at the loss itself (the meter has no power to send it) nor for a shorter
 *   outage [P: DOMAIN.md names only the "supply restored (≥ 3 min outage)" alerts].
 * - GSME 0x8F1D power supply loss and 0x8F1F low battery: GNCA (0x1001) GBZ alerts with no
 *   components, to the supplier, MAC only, no header date-time [P: shaped as RTDS
 *   GNCA-ZigBee_NA_810E_ALERT]; when they are raised: meters/gsme.ts (GsmePowerEvent).
 *
 * Alert time stamps are the device's virtual time; counters are the device's own originator counter.
 */
import { CRA, type GbcsHeader } from '../../harness/protocol/gbcs/frame-types.ts';
import { cosemDateTimeFromDate, type CosemDateTime } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import {
  ecs80SupplyOutageRestored,
  gncaGsmePowerSupplyLoss,
  gncaLowBattery,
  gncaSupplyRestored,
} from '../../harness/protocol/gbcs/payload/use-cases/power-alerts.ts';
import type { AlertCodec } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { sealFromDevice } from '../device-sealing.ts';
import type { EmulatedDevice } from '../device.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import type { OutgoingMessage } from '../firmware/fault-effects.ts';
import type { KeyDirectory } from '../key-directory.ts';
import type { EsmeSupplyOutage } from '../meters/esme.ts';
import type { GsmePowerEvent } from '../meters/gsme.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import type { MessageProtection } from './emulated-use-case.ts';

/** [V: DOMAIN.md "supply restored (≥ 3 min outage)"] An outage shorter than this raises no alert. */
export const SUPPLY_OUTAGE_ALERT_THRESHOLD_MS = 3 * 60_000;

/** [I] RTDS ECS80_NA_8F36_ALERT: signed, no MAC wrapper, no header date-time. */
export const ECS80_ALERT_PROTECTION: MessageProtection = { mac: false, sign: true, dateTime: null };
/** [I] RTDS GNCA-DLMS / GNCA-ZigBee 0x810E alerts: MAC, no signature, no header date-time. */
export const GNCA_ALERT_PROTECTION: MessageProtection = { mac: true, sign: false, dateTime: null };

export interface BuiltAlert {
  readonly message: OutgoingMessage<unknown>;
  readonly info: Omit<DeviceMessageInfo, 'at'>;
}

/** An alert from `device` to `recipient`, with its own originator counter, encoded by `codec` and sealed with `protection`. */
export function buildDeviceAlert<F>(device: EmulatedDevice, keys: KeyDirectory, at: number, codec: AlertCodec<F>, recipient: string, protection: MessageProtection, fields: F): BuiltAlert {
  const header: GbcsHeader = {
    cra: CRA.alert,
    counter: device.nextOriginatorCounter(at),
    originator: device.eui,
    recipient,
    dateTime: null,
    messageCode: codec.messageCode,
    supplementary: null,
  };
  const message: OutgoingMessage<F> = {
    fields,
    encode: (f) => codec.encodeAlert(f, { header }),
    seal: (payload) => sealFromDevice(device, header, payload, protection, keys),
  };
  return {
    message: message as OutgoingMessage<unknown>,
    info: { kind: 'alert', useCase: codec.name, messageCode: codec.messageCode, originator: device.eui, recipient, alertCode: codec.alertCode },
  };
}

function stamp(ms: number): CosemDateTime {
  return cosemDateTimeFromDate(new Date(ms), { clockStatus: null });
}

/** The alerts an ESME raises when its supply comes back after `outage` (none for a short outage). */
export function supplyRestoredAlerts(esme: EmulatedDevice, keys: KeyDirectory, outage: EsmeSupplyOutage): BuiltAlert[] {
  if (outage.restoredAt - outage.lostAt < SUPPLY_OUTAGE_ALERT_THRESHOLD_MS) return [];
  const at = outage.restoredAt;
  return [
    buildDeviceAlert(esme, keys, at, gncaSupplyRestored, REMOTE_PARTY.supplier, GNCA_ALERT_PROTECTION, { timeStamp: stamp(at) }),
    buildDeviceAlert(esme, keys, at, ecs80SupplyOutageRestored, REMOTE_PARTY.networkOperator, ECS80_ALERT_PROTECTION, {
      timeStamp: stamp(at),
      supplyLostAt: stamp(outage.lostAt),
      supplyRestoredAt: stamp(outage.restoredAt),
    }),
  ];
}

/** The alert a GSME raises for a power event (0x8F1D or 0x8F1F). */
export function gsmePowerAlert(gsme: EmulatedDevice, keys: KeyDirectory, event: GsmePowerEvent & { readonly kind: 'power-supply-loss' | 'low-battery' }): BuiltAlert {
  const codec = event.kind === 'power-supply-loss' ? gncaGsmePowerSupplyLoss : gncaLowBattery;
  // GBZ alert time stamps are whole UTC seconds
  return buildDeviceAlert(gsme, keys, event.at, codec, REMOTE_PARTY.supplier, GNCA_ALERT_PROTECTION, { timeStamp: new Date(Math.floor(event.at / 1000) * 1000) });
}
