// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated DCC's transform, as data: which GBCS use case a DUIS service request becomes,
 * by Service Reference Variant and the type of the target device (the RequestID's target), and
 * who originates the GBCS command [V: DOMAIN.md, PAYLOADS.md RTDS messages]:
 *
 * | SRV    | target type | use case | originator (counter)                                     |
 * | ------ | ----------- | -------- | -------------------------------------------------------- |
 * | 4.1.1  | ESME        | ECS17b   | the user (the RequestID counter)                         |
 * | 4.1.1  | GPF         | GCS13a   | the user (RTDS GCS13a_4.1.1_SUCCESS_RELIABLE_GPF)        |
 * | 4.1.1  | GSME        | GCS13a   | the user (RTDS GCS13a_4.1.1_SUCCESS_UNRELIABLE)          |
 * | 11.2   | ESME        | ECS52    | the user                                                 |
 * | 11.2   | CHF         | ECS52    | the ACB (its own counter), user + RequestID counter as   |
 * |        |             |          | supplementary remote party [P: RTDS has no CHF ECS52;    |
 * |        |             |          | commands to the CHF come from the ACB, DOMAIN.md]        |
 * | 11.2   | GSME        | GCS38    | the user                                                 |
 * | 8.11   | CHF         | CCS01    | the ACB, supplementary remote party = the user and the   |
 * |        |             |          | RequestID counter (RTDS CCS01_8.11_SUCCESS_COMMAND)      |
 * | 8.11   | CHF         | CCS02    | the ACB, as CCS01; the row for RequestType Remove (RTDS  |
 * |        |             |          | CCS02_8.11_SUCCESS_COMMAND)                              |
 * | 6.31   | CHF         | DBCH01   | the ACB, as CCS01 (RTDS DBCH01_6.31_SUCCESS_COMMAND)     |
 * | 8.7.2  | GSME        | CS03B    | the user (RTDS CS03B_8.7.2_SUCCESS_COMMAND: supplier,    |
 * |        |             |          | no remote party, MAC only)                               |
 * | 8.8.2  | GSME        | CS04B    | the user (RTDS CS04B_8.8.2_SUCCESS_COMMAND)              |
 * | 8.1.1  | ESME        | ECS70    | the user; critical: CV 4 answers the pre-command, the    |
 * |        |             |          | user signs it and sends it as CV 5 (RTDS                 |
 * |        |             |          | ECS70Commission_8.1.1: signed by the supplier + MAC)     |
 * | 8.1.1  | GSME        | GCS28    | the user; critical, as ECS70 (RTDS GCS28Commission_8.1.1)|
 * | 6.11   | ESME        | ECS70    | the user; critical, as 8.1.1 (RTDS ECS70_6.11: the same  |
 * |        |             |          | bytes as ECS70Commission_8.1.1); body SynchroniseClock   |
 * | 6.11   | GSME        | GCS28    | the user; critical, as 8.1.1 (RTDS GCS28_6.11)           |
 * | 8.7.1  | ESME        | CS03A1   | the user; critical (RTDS CS03A1_8.7.1: signed + MAC);    |
 * |        |             |          | the other device a PPMID / HCALCS of the inventory       |
 * | 8.7.1  | GSME        | CS03C    | the user; critical (RTDS CS03CCritical_8.7.1), with the  |
 * |        |             |          | other device's KA certificate from the inventory         |
 * | 8.8.1  | ESME        | CS04AC   | the user; critical (RTDS CS04ACCritical_8.8.1)           |
 * | 8.8.1  | GSME        | CS04AC   | the user; critical, as to the ESME [P: no RTDS message]  |
 * | 8.9    | CHF         | CCS06    | the ACB, as CCS01; body ReadDeviceLog (RTDS              |
 * |        |             |          | CCS06_8.9_SUCCESS_COMMAND)                               |
 * | 8.9    | CHF         | CCS07    | the ACB, as CCS01; the row for ReadDeviceLog with        |
 * |        |             |          | ReadSecurityDetails (RTDS CCS07_8.9_SUCCESS_COMMAND)     |
 * | 8.9    | GSME        | CS07     | the user (RTDS CS07_8.9_SUCCESS_COMMAND: supplier, MAC)  |
 * | 8.12.1 | CHF         | CCS03    | the ACB, as CCS01 (RTDS CCS03_8.12.1_SUCCESS_COMMAND);   |
 * |        |             |          | the log from the DCC's record of OldCHFID's hub          |
 * | 8.12.2 | GPF         | GCS59    | the user (RTDS GCS59_8.12.2: the template's originator,  |
 * |        |             |          | its RequestID counter, no remote party); the log from    |
 * |        |             |          | the DCC's record of OldGPFID's hub                       |
 * | 1.1.1  | ESME        | ECS01a   | the user; critical (RTDS ECS01a_1.1.1: signed + MAC);    |
 * |        |             |          | immediate, future dated or cancelled by ExecutionDateTime|
 * | 1.1.1  | GSME        | GCS01a   | the user; critical (RTDS GCS01a_1.1.1), answered at the  |
 * |        |             |          | GSME's next wake                                         |
 * | 6.28   | CHF         | DBCH04   | the ACB, as CCS01 (RTDS DBCH04_6.28_SUCCESS_COMMAND);    |
 * |        |             |          | the configuration from the body (sub-ghz-body.ts)        |
 * | 6.29   | CHF         | DBCH05   | the ACB, as CCS01 (RTDS DBCH05_6.29_SUCCESS_COMMAND)     |
 * | 6.30   | CHF         | DBCH03   | the ACB, as CCS01 (RTDS DBCH03_6.30_SUCCESS_COMMAND)     |
 * | 6.32   | CHF         | DBCH02   | the ACB, as CCS01 (RTDS DBCH02_6.32_SUCCESS_COMMAND);    |
 * |        |             |          | the body's ReadLogPeriod                                 |
 * | 11.3   | ESME, GSME, | CS06     | the user; critical (RTDS CS06_11.3: signed + MAC), the   |
 * |        | CHF         |          | payload repeats the RequestID counter; immediate, future |
 * |        |             |          | dated (0x00CA alert) or cancelled by ExecutionDateTime   |
 * |        |             |          | [P: RTDS has CS06 to the ESME only; the GSME acts at its |
 * |        |             |          | next wake; the CHF's own firmware is the user's to       |
 * |        |             |          | activate too]                                            |
 *
 * One SRV and target type can have several rows told apart by the body (`appliesTo`): 8.11 is
 * CCS01 for RequestType Add and CCS02 for Remove. A body no row applies to goes to the first
 * row, whose body reader refuses it.
 * Every command is protected as its RTDS counterpart: MAC only (General Ciphering wrapper,
 * signature length 00), MAC key from the ACB's KA private key and the device's KA public key
 * (command-sealing.ts). A request whose SRV and target type have no row is answered
 * E11 (srvNotForDeviceType): see emulated-dcc.ts.
 *
 * `commandFields` reads the command's fields from the DUIS request body; a body that does not
 * say what the command needs throws a RequestBodyError (answered E9001, or E19 for a device the
 * DCC does not know).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { ccs01, type Ccs01Command } from '../../harness/protocol/gbcs/payload/use-cases/ccs01.ts';
import { ccs02, type Ccs02Command } from '../../harness/protocol/gbcs/payload/use-cases/ccs02.ts';
import { ccs03, type Ccs03Command } from '../../harness/protocol/gbcs/payload/use-cases/ccs03.ts';
import { ccs06 } from '../../harness/protocol/gbcs/payload/use-cases/ccs06.ts';
import { ccs07 } from '../../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import { cs07 } from '../../harness/protocol/gbcs/payload/use-cases/cs07.ts';
import { gcs59, type Gcs59Command } from '../../harness/protocol/gbcs/payload/use-cases/gcs59.ts';
import { cs03a1, cs03b, cs03c, cs04ac, cs04b, type Cs03bCommand, type Cs04bCommand, type JoinCommand, type UnjoinCommand } from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { dbch01 } from '../../harness/protocol/gbcs/payload/use-cases/dbch01.ts';
import { cs06, type Cs06Command } from '../../harness/protocol/gbcs/payload/use-cases/cs06.ts';
import { dbch02 } from '../../harness/protocol/gbcs/payload/use-cases/dbch02.ts';
import { dbch03 } from '../../harness/protocol/gbcs/payload/use-cases/dbch03.ts';
import { dbch04 } from '../../harness/protocol/gbcs/payload/use-cases/dbch04.ts';
import { dbch05 } from '../../harness/protocol/gbcs/payload/use-cases/dbch05.ts';
import { ecs01a, type Ecs01aCommand } from '../../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import { gcs01a, type Gcs01aCommand } from '../../harness/protocol/gbcs/payload/use-cases/gcs01a.ts';
import { ECS17B_COMMAND_FIELDS, ecs17b } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs52 } from '../../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { ecs70, type Ecs70Command } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { gcs28, type Gcs28Command } from '../../harness/protocol/gbcs/payload/use-cases/gcs28.ts';
import { gcs13a } from '../../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { NO_FIELDS, type AnyUseCaseCodec } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import type { DeviceType } from '../device.ts';
import { ecs70CommandFromBody, gcs28CommandFromBody, SET_CLOCK_BODY } from './set-clock-body.ts';
import { cs03a1CommandFromBody, cs03bCommandFromBody, cs03cCommandFromBody, cs04acCommandFromBody, cs04bCommandFromBody } from './join-service-body.ts';
import { ccs01CommandFromBody, ccs02CommandFromBody, updateHanDeviceLogRequestType } from './update-han-device-log.ts';
import { ecs01aCommandFromBody, gcs01aCommandFromBody } from './update-import-tariff-body.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { DeviceLogRecord } from './device-log-records.ts';
import { readDeviceLogFromBody, readsSecurityDetails } from './read-device-log-body.ts';
import { ccs03CommandFromBody, gcs59CommandFromBody } from './restore-device-log-body.ts';
import { cs06CommandFromBody } from './firmware-request-bodies.ts';
import { dbch02CommandFromBody, dbch03CommandFromBody, dbch04CommandFromBody, dbch05CommandFromBody } from './sub-ghz-body.ts';

/** Who originates the GBCS command the DCC builds. */
export type CommandOriginator =
  /** The Service User: originator = the user's EUI, counter = the DUIS RequestID counter. */
  | 'service-user'
  /**
   * The DCC Access Control Broker: originator = the ACB, counter = the ACB's own counter,
   * supplementary remote party = the user and the RequestID counter.
   */
  | 'access-control-broker';

/**
 * A HAN device of the DCC's inventory that is no GBCS party the DCC talks to: a Type 1 device
 * (PPMID, HCALCS) a meter joins through SRV 8.7.1.
 */
export interface InventoryHanDevice {
  readonly eui: Eui64;
  readonly type: 'PPMID' | 'HCALCS';
  /** Its key agreement certificate (DER X.509), handed to a GSME in a Method C join; null when the DCC holds none. */
  readonly kaCertificate: Uint8Array | null;
}

/** What the transform may look up while reading a body: the DCC's device inventory. */
export interface TransformContext {
  /** The type of a device the DCC knows (its inventory), or undefined. */
  deviceTypeOf(eui: Eui64): DeviceType | undefined;
  /** A Type 1 device of the inventory (absent: the DCC knows none). */
  hanDeviceOf?(eui: Eui64): InventoryHanDevice | undefined;
  /** The DCC's record of the device logs of the comms hub this CHF or GPF belongs to (absent: the DCC keeps none). */
  deviceLogRecordOf?(hubFunction: Eui64): DeviceLogRecord | undefined;
  /** The DCC's time, epoch ms (absent: a body checked outside a running DCC). */
  now?(): number;
  /** The RequestID counter of the request being transformed (absent: a body checked outside a running DCC). */
  readonly requestCounter?: bigint;
}

export interface SrvTransform {
  readonly srv: string;
  /** Type of the request's target device. */
  readonly targetType: DeviceType;
  /** The typed codec of the GBCS use case (its name and message code come with it). */
  readonly codec: AnyUseCaseCodec;
  readonly originator: CommandOriginator;
  /**
   * A critical command: CV 4 is answered with the pre-command (command-sealing.ts), the user's
   * signed pre-command comes back as CV 5 and is MACed and delivered. Only user-originated.
   */
  readonly critical?: true;
  /** The command's fields from the DUIS body (simplified, prefix-free). */
  commandFields(body: XMLData, context: TransformContext): unknown;
  /** When several rows share SRV and target type: whether this one builds the body's command. */
  appliesTo?(body: XMLData): boolean;
}

/** ZCL sequence number of the GBZ commands the DCC builds (RTDS: 0) [P]. */
const GBZ_SEQUENCE_NUMBER = 0;

const gbzRead = () => ({ sequenceNumber: GBZ_SEQUENCE_NUMBER });

export const SRV_TRANSFORMS: readonly SrvTransform[] = [
  { srv: '4.1.1', targetType: 'ESME', codec: ecs17b, originator: 'service-user', commandFields: () => ECS17B_COMMAND_FIELDS },
  { srv: '4.1.1', targetType: 'GPF', codec: gcs13a, originator: 'service-user', commandFields: gbzRead },
  { srv: '4.1.1', targetType: 'GSME', codec: gcs13a, originator: 'service-user', commandFields: gbzRead },
  { srv: '11.2', targetType: 'ESME', codec: ecs52, originator: 'service-user', commandFields: () => NO_FIELDS },
  { srv: '11.2', targetType: 'CHF', codec: ecs52, originator: 'access-control-broker', commandFields: () => NO_FIELDS },
  { srv: '11.2', targetType: 'GSME', codec: gcs38, originator: 'service-user', commandFields: gbzRead },
  {
    srv: '8.11',
    targetType: 'CHF',
    codec: ccs01,
    originator: 'access-control-broker',
    commandFields: (body, context): Ccs01Command => ccs01CommandFromBody(body, context),
    appliesTo: (body) => updateHanDeviceLogRequestType(body) === 'Add',
  },
  { srv: '6.31', targetType: 'CHF', codec: dbch01, originator: 'access-control-broker', commandFields: () => NO_FIELDS },
  {
    srv: '8.11',
    targetType: 'CHF',
    codec: ccs02,
    originator: 'access-control-broker',
    commandFields: (body): Ccs02Command => ccs02CommandFromBody(body),
    appliesTo: (body) => updateHanDeviceLogRequestType(body) === 'Remove',
  },
  { srv: '8.7.2', targetType: 'GSME', codec: cs03b, originator: 'service-user', commandFields: (body, context): Cs03bCommand => cs03bCommandFromBody(body, context) },
  { srv: '8.8.2', targetType: 'GSME', codec: cs04b, originator: 'service-user', commandFields: (body): Cs04bCommand => cs04bCommandFromBody(body) },
  { srv: '8.1.1', targetType: 'ESME', codec: ecs70, originator: 'service-user', critical: true, commandFields: (body): Ecs70Command => ecs70CommandFromBody(body, SET_CLOCK_BODY.commission) },
  { srv: '8.1.1', targetType: 'GSME', codec: gcs28, originator: 'service-user', critical: true, commandFields: (body): Gcs28Command => gcs28CommandFromBody(body, SET_CLOCK_BODY.commission) },
  { srv: '6.11', targetType: 'ESME', codec: ecs70, originator: 'service-user', critical: true, commandFields: (body): Ecs70Command => ecs70CommandFromBody(body, SET_CLOCK_BODY.synchronise) },
  { srv: '6.11', targetType: 'GSME', codec: gcs28, originator: 'service-user', critical: true, commandFields: (body): Gcs28Command => gcs28CommandFromBody(body, SET_CLOCK_BODY.synchronise) },
  { srv: '8.7.1', targetType: 'ESME', codec: cs03a1, originator: 'service-user', critical: true, commandFields: (body, context): JoinCommand => cs03a1CommandFromBody(body, context) },
  { srv: '8.7.1', targetType: 'GSME', codec: cs03c, originator: 'service-user', critical: true, commandFields: (body, context): JoinCommand => cs03cCommandFromBody(body, context) },
  { srv: '8.8.1', targetType: 'ESME', codec: cs04ac, originator: 'service-user', critical: true, commandFields: (body): UnjoinCommand => cs04acCommandFromBody(body) },
  { srv: '8.8.1', targetType: 'GSME', codec: cs04ac, originator: 'service-user', critical: true, commandFields: (body): UnjoinCommand => cs04acCommandFromBody(body) },
  { srv: '8.9', targetType: 'CHF', codec: ccs06, originator: 'access-control-broker', commandFields: (body) => readDeviceLogFromBody(body, false), appliesTo: (body) => !readsSecurityDetails(body) },
  { srv: '8.9', targetType: 'CHF', codec: ccs07, originator: 'access-control-broker', commandFields: (body) => readDeviceLogFromBody(body, true), appliesTo: readsSecurityDetails },
  { srv: '8.9', targetType: 'GSME', codec: cs07, originator: 'service-user', commandFields: (body) => readDeviceLogFromBody(body, false) },
  { srv: '8.12.1', targetType: 'CHF', codec: ccs03, originator: 'access-control-broker', commandFields: (body, context): Ccs03Command => ccs03CommandFromBody(body, context) },
  { srv: '8.12.2', targetType: 'GPF', codec: gcs59, originator: 'service-user', commandFields: (body, context): Gcs59Command => gcs59CommandFromBody(body, context) },
  { srv: '1.1.1', targetType: 'ESME', codec: ecs01a, originator: 'service-user', critical: true, commandFields: (body): Ecs01aCommand => ecs01aCommandFromBody(body) },
  { srv: '1.1.1', targetType: 'GSME', codec: gcs01a, originator: 'service-user', critical: true, commandFields: (body, context): Gcs01aCommand => gcs01aCommandFromBody(body, context) },
  { srv: '6.28', targetType: 'CHF', codec: dbch04, originator: 'access-control-broker', commandFields: dbch04CommandFromBody },
  { srv: '6.29', targetType: 'CHF', codec: dbch05, originator: 'access-control-broker', commandFields: dbch05CommandFromBody },
  { srv: '6.30', targetType: 'CHF', codec: dbch03, originator: 'access-control-broker', commandFields: dbch03CommandFromBody },
  { srv: '6.32', targetType: 'CHF', codec: dbch02, originator: 'access-control-broker', commandFields: dbch02CommandFromBody },
  ...(['ESME', 'GSME', 'CHF'] as const).map((targetType): SrvTransform => ({
    srv: '11.3',
    targetType,
    codec: cs06,
    originator: 'service-user',
    critical: true,
    commandFields: (body, context): Cs06Command => cs06CommandFromBody(body, context.requestCounter ?? 0n),
  })),
];

/**
 * The transform of an SRV to a device type, or undefined when the emulated DCC has none. With a
 * body, the row that applies to it (else the first row, whose reader refuses the body).
 */
export function findSrvTransform(srv: string, targetType: DeviceType, body?: XMLData): SrvTransform | undefined {
  const rows = SRV_TRANSFORMS.filter((t) => t.srv === srv && t.targetType === targetType);
  return (body && rows.find((t) => t.appliesTo?.(body))) || rows[0];
}

/**
 * What the emulated DCC would refuse in a request body for this SRV and target type before any
 * device sees it (its reader's RequestBodyError: E9001, E19 or E11), or null when the body
 * reads. The `dit duis send --all` sweep asks it so that a template naming a device the premises
 * lacks (an 8.7.1 join of a PPMID that is not among the premises' Type 1 devices) is reported as
 * such, not as an emulation failure.
 */
export function bodyRefusal(srv: string, targetType: DeviceType, body: XMLData, context: TransformContext): RequestBodyError | null {
  const transform = findSrvTransform(srv, targetType, body);
  if (!transform) return null;
  try {
    transform.commandFields(body, context);
    return null;
  } catch (e) {
    if (e instanceof RequestBodyError) return e;
    throw e;
  }
}

/** The device types an SRV can target in the emulated DCC (for the rejection's explanation). */
export function transformTargetsOf(srv: string): DeviceType[] {
  return [...new Set(SRV_TRANSFORMS.filter((t) => t.srv === srv).map((t) => t.targetType))];
}

/** One row of what the emulated DCC implements: an SRV to a device type becomes a use case. */
export interface EmulatedUseCase {
  readonly srv: string;
  readonly targetType: DeviceType;
  /** GBCS use case name, as the codec (and the DUIS templates) write it, e.g. `ECS17b`. */
  readonly useCase: string;
  readonly messageCode: number;
  readonly originator: CommandOriginator;
  /** Critical: sent as CV 4 (pre-command) then CV 5 (signed pre-command). */
  readonly critical: boolean;
}

/**
 * The transform table as plain data, in table order, for the composition root (the
 * `dit duis send --all` sweep and the README's list of implemented use cases). Read-only view:
 * the DCC itself keeps using SRV_TRANSFORMS.
 */
export function emulatedUseCases(): readonly EmulatedUseCase[] {
  return SRV_TRANSFORMS.map((t) => ({ srv: t.srv, targetType: t.targetType, useCase: t.codec.name, messageCode: t.codec.messageCode, originator: t.originator, critical: t.critical === true }));
}
