// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS01a on the emulated GSME: set the import tariff (SRV 1.1.1, critical: the command must
 * carry the originating user's GBCS signature, checked by command-handler.ts). It waits in the
 * CHF's sleepy buffer and is acted on at the GSME's next wake. Response protection as RTDS
 * GCS01a_1.1.1_*_RESPONSE: signed by the GSME, no MAC, header date-time present (the meter's
 * clock, clock status not specified); one Default Response per published command, success.
 *
 * The GSME groups the published commands into its five tariff elements (meters/gsme-tariff.ts)
 * and acts on each element's start time:
 * - 0 (now): the element takes effect at once, no alert [I: RTDS has 8F66 alerts only for the
 *   future-dated command]; a pending future-dated one of the same element is dropped [P];
 * - 0xFFFFFFFE / 0xFFFFFFFF (RTDS CANCELLATION_BLOCK): the pending future-dated element is removed;
 * - a UTC time: the element takes effect when the meter's clock reaches it, and the GSME then
 *   sends 0x8F66 naming the cluster command (future-dated-alert.ts) at once, asleep or not
 *   (as its power alerts) [P].
 * Refused (a firmware fault): nothing published, every command answered `failure` (or the fault's status).
 */
import { gcs01a, gcs01aCommands, GCS01A_CANCEL_START, GCS01A_CANCEL_TARIFF_START, type Gcs01aCommand, type Gcs01aResponse } from '../../harness/protocol/gbcs/payload/use-cases/gcs01a.ts';
import { CALENDAR_CLUSTER_ID, CALENDAR_COMMAND } from '../../harness/protocol/gbcs/payload/zcl/zse-calendar.ts';
import { PRICE_CLUSTER_ID, PRICE_COMMAND } from '../../harness/protocol/gbcs/payload/zcl/zse-price.ts';
import { zclUtcToDate } from '../../harness/protocol/gbcs/payload/zcl/zcl-utc-time.ts';
import { ZclStatuses, type ZclStatus } from '../../harness/protocol/gbcs/payload/zcl/zcl-status.ts';
import { Gsme } from '../meters/gsme.ts';
import type { GsmeTariffElement, GsmeTariffElements } from '../meters/gsme-tariff.ts';
import { emulateUseCase, failureNames, type ResponseContext } from './emulated-use-case.ts';
import { raiseGsmeActioned } from './future-dated-alert.ts';

/** ZCL frame control of the publish commands (cluster specific, server to client), as the 8F66 alert repeats it [I]. */
const PUBLISH_FRAME_CONTROL = 0x09;

interface PublishedElement<K extends GsmeTariffElement = GsmeTariffElement> {
  readonly element: K;
  readonly value: GsmeTariffElements[K];
  readonly startTime: number;
  /** The cluster command the 8F66 alert names. */
  readonly clusterId: number;
  readonly commandId: number;
}

/** The elements of a command, in the order they are reported. */
function elementsOf(c: Gcs01aCommand): PublishedElement[] {
  const calendar = { calendar: c.calendar, dayProfiles: c.dayProfiles, weekProfiles: c.weekProfiles, seasons: c.seasons };
  const list: PublishedElement[] = [
    { element: 'calendar', value: calendar, startTime: c.calendar.startTime, clusterId: CALENDAR_CLUSTER_ID, commandId: CALENDAR_COMMAND.publishCalendar },
    { element: 'specialDays', value: c.specialDays, startTime: c.specialDays.startTime, clusterId: CALENDAR_CLUSTER_ID, commandId: CALENDAR_COMMAND.publishSpecialDays },
    { element: 'tariffInformation', value: c.tariffInformation, startTime: c.tariffInformation.startTime, clusterId: PRICE_CLUSTER_ID, commandId: PRICE_COMMAND.publishTariffInformation },
  ];
  if (c.blockThresholds) {
    list.push({ element: 'blockThresholds', value: c.blockThresholds, startTime: c.blockThresholds.startTime, clusterId: PRICE_CLUSTER_ID, commandId: PRICE_COMMAND.publishBlockThresholds });
  }
  list.push({ element: 'priceMatrix', value: c.priceMatrix, startTime: c.priceMatrix.startTime, clusterId: PRICE_CLUSTER_ID, commandId: PRICE_COMMAND.publishPriceMatrix });
  return list;
}

const allStatus = (command: Gcs01aCommand, status: ZclStatus): Gcs01aResponse => ({ results: gcs01aCommands(command).map((c) => ({ ...c, status })) });

function actOn(gsme: Gsme, p: PublishedElement, { premises, command: frame }: ResponseContext): void {
  const key = `GCS01a ${p.element}`;
  const apply = () => gsme.tariff.apply(gsme.attributes, p.element, p.value as never);
  if (p.startTime === GCS01A_CANCEL_START || p.startTime === GCS01A_CANCEL_TARIFF_START) {
    gsme.futureDated.cancel(key);
    return;
  }
  gsme.futureDated.cancel(key);
  if (p.startTime === 0) {
    apply();
    return;
  }
  const now = premises.clock.now();
  const by = { originator: frame.originator, messageCode: frame.messageCode, originatorCounter: frame.counter };
  gsme.futureDated.schedule(key, premises.clock, zclUtcToDate(p.startTime).getTime(), gsme.timeAt(now) - now, `GCS01a ${frame.counter} ${p.element} takes effect on ${gsme.eui}`, () => {
    apply();
    raiseGsmeActioned(premises, gsme, by, { clusterId: p.clusterId, frameControl: PUBLISH_FRAME_CONTROL, commandId: p.commandId });
  });
}

export const gcs01aOnGsme = emulateUseCase(gcs01a, {
  targets: ['GSME'],
  command: { sign: true },
  response: { mac: false, sign: true, dateTime: { clockStatus: null } },
  innerEncryption: false,

  refusalResults: failureNames(ZclStatuses.entries, 'failure'),
  refuse: (command, result) => allStatus(command, result as ZclStatus),

  respond(command, context) {
    const gsme = context.device;
    if (!(gsme instanceof Gsme)) throw new Error(`GCS01a reached a ${gsme.deviceType}`);
    for (const p of elementsOf(command)) actOn(gsme, p, context);
    return allStatus(command, 'success');
  },
});
