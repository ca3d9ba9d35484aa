// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The 0x8F66 "Future Dated Command Actioned" alert a meter sends when an element of a
 * future-dated command takes effect (typed codecs: payload/use-cases/future-dated-execution-alert.ts):
 * from the ESME as 0x00CC (DLMS), naming the activation attribute that fired; from the GSME as
 * 0x00CD (GBZ), naming the cluster command that took effect. To the command's originator,
 * signed by the meter, not MAC-wrapped, no header date-time, one alert per element in the
 * command's element order [I: RTDS 1.1.1_ECS01a / 1.1.1_GCS01a 8F66 alerts, addressed to the
 * supplier that sent the command, counters in element order]. The time stamp is the meter's
 * own clock (GBZ: whole UTC seconds). It leaves through the premises' alert path (lost when the
 * meter cannot reach the hub then, premises.ts).
 */
import { cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import type { CosemAttributeDescriptor } from '../../harness/protocol/gbcs/payload/dlms/cosem-descriptor.ts';
import { futureDatedActionedDlms, futureDatedActionedGbz, type ActionedCommand } from '../../harness/protocol/gbcs/payload/use-cases/future-dated-execution-alert.ts';
import type { Esme } from '../meters/esme.ts';
import type { Gsme } from '../meters/gsme.ts';
import type { Premises } from '../premises.ts';
import type { MessageProtection } from './emulated-use-case.ts';
import { buildDeviceAlert } from './power-alerts.ts';

/** [I] RTDS 8F66 alerts: signed, no MAC wrapper, no header date-time. */
export const FUTURE_DATED_ALERT_PROTECTION: MessageProtection = { mac: false, sign: true, dateTime: null };

/** The command an alert is about, and who gets it (the command's originator). */
export interface ActionedBy extends ActionedCommand {
  readonly originator: string;
}

/** The ESME tells `command.originator` that the element whose activation attribute is `attribute` took effect now. */
export function raiseEsmeActioned(premises: Premises, esme: Esme, command: ActionedBy, attribute: CosemAttributeDescriptor): void {
  const at = premises.clock.now();
  const timeStamp = cosemDateTimeFromDate(new Date(esme.timeAt(at)), { clockStatus: null });
  const fields = { timeStamp, messageCode: command.messageCode, originatorCounter: command.originatorCounter, attribute };
  premises.raiseMeterAlert(esme, buildDeviceAlert(esme, premises.keys, at, futureDatedActionedDlms, command.originator, FUTURE_DATED_ALERT_PROTECTION, fields), at);
}

/** The GSME tells `command.originator` that the cluster command (clusterId, frame control, command id) took effect now. */
export function raiseGsmeActioned(premises: Premises, gsme: Gsme, command: ActionedBy, published: { clusterId: number; frameControl: number; commandId: number }): void {
  const at = premises.clock.now();
  const timeStamp = new Date(Math.floor(gsme.timeAt(at) / 1000) * 1000);
  const fields = { timeStamp, messageCode: command.messageCode, originatorCounter: command.originatorCounter, ...published };
  premises.raiseMeterAlert(gsme, buildDeviceAlert(gsme, premises.keys, at, futureDatedActionedGbz, command.originator, FUTURE_DATED_ALERT_PROTECTION, fields), at);
}
