// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS01a on the emulated ESME: set the import tariff (SRV 1.1.1, critical: the command must
 * carry the originating user's GBCS signature, checked by command-handler.ts). Response
 * protection as RTDS ECS01a_1.1.1_*_RESPONSE: signed by the ESME, no MAC, header date-time
 * present (the meter's clock, clock status not specified).
 *
 * The ESME writes the 21 passive attributes and activation date-times of its tariff objects
 * (meters/esme-tariff.ts) — each set answering its data-access result — and then, per tariff
 * element, acts on the element's activation date-time:
 * - immediate (all 00): the element takes effect at once (passive → active), no alert [I: RTDS
 *   has 8F66 alerts only for the future-dated command]; a pending future-dated one of the same
 *   element is dropped [P];
 * - a date-time: the element takes effect when the meter's clock reaches it, and the ESME then
 *   sends 0x8F66 naming the element's activation attribute (future-dated-alert.ts), in element
 *   order; a date-time that is no instant (wildcards) is refused: that activation set answers
 *   other-reason and nothing is scheduled [P];
 * - not specified (cancellation, DUIS ExecutionDateTime 3000-12-31): the pending future-dated
 *   element is removed; the passive attributes stay written but never take effect.
 * [P] When any set fails, no element takes effect and nothing is scheduled.
 * Refused (a firmware fault): nothing written, every set answers other-reason (or the fault's result).
 */
import { cosemDateTimeToDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { DataAccessResults, type DataAccessResult } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import {
  ECS01A_ACTIVATION_ATTRIBUTE,
  ECS01A_ELEMENTS,
  ECS01A_SETS,
  ECS01A_TARGETS,
  ecs01a,
  ecs01aSetData,
  type Ecs01aCommand,
  type Ecs01aElement,
  type Ecs01aResponse,
  type Ecs01aSet,
} from '../../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import type { CosemData } from '../meters/cosem-data.ts';
import { Esme } from '../meters/esme.ts';
import { activateTariffElement } from '../meters/esme-tariff.ts';
import { emulateUseCase, failureNames, type ResponseContext } from './emulated-use-case.ts';
import { raiseEsmeActioned } from './future-dated-alert.ts';

const allResults = (result: DataAccessResult): Ecs01aResponse => ({ results: Object.fromEntries(ECS01A_SETS.map((n) => [n, result])) as Record<Ecs01aSet, DataAccessResult> });

const pendingKey = (e: Ecs01aElement): string => `ECS01a ${e}`;

/** Acts on each element's activation; returns the activation sets refused. */
function actOnActivations(command: Ecs01aCommand, { device, premises, command: frame }: ResponseContext, esme: Esme): Ecs01aSet[] {
  const refused: Ecs01aSet[] = [];
  const by = { originator: frame.originator, messageCode: frame.messageCode, originatorCounter: frame.counter };
  for (const element of ECS01A_ELEMENTS) {
    const activation = command.activation[element];
    const key = pendingKey(element);
    if (activation.kind === 'cancel') {
      esme.futureDated.cancel(key);
    } else if (activation.kind === 'immediate') {
      esme.futureDated.cancel(key);
      activateTariffElement(esme.objects, element);
    } else {
      const executesAt = cosemDateTimeToDate(activation.dateTime)?.getTime();
      if (executesAt === undefined) {
        refused.push(`${element}Activation`);
        continue;
      }
      const now = premises.clock.now();
      esme.futureDated.schedule(key, premises.clock, executesAt, device.timeAt(now) - now, `ECS01a ${frame.counter} ${element} takes effect on ${esme.eui}`, () => {
        activateTariffElement(esme.objects, element);
        raiseEsmeActioned(premises, esme, by, ECS01A_ACTIVATION_ATTRIBUTE[element]);
      });
    }
  }
  return refused;
}

export const ecs01aOnEsme = emulateUseCase(ecs01a, {
  targets: ['ESME'],
  command: { sign: true },
  response: { mac: false, sign: true, dateTime: { clockStatus: null } },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'other-reason'),
  refuse: (_command, result) => allResults(result as DataAccessResult),

  respond(command, context) {
    const esme = context.device;
    if (!(esme instanceof Esme)) throw new Error(`ECS01a reached a ${esme.deviceType}`);
    const data = ecs01aSetData(command);
    const written = ECS01A_TARGETS.map((t, i) => esme.objects.write(t.classId, t.instanceId, t.attributeId, data[i] as CosemData));
    const results = Object.fromEntries(ECS01A_SETS.map((n, i) => [n, written[i] as DataAccessResult])) as Record<Ecs01aSet, DataAccessResult>;
    if (written.some((r) => r !== 'success')) return { results };
    for (const set of actOnActivations(command, context, esme)) results[set] = 'other-reason';
    return { results };
  },
});
