// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The join service on the emulated meters: the meter joins (or unjoins) another HAN device in
 * its list of joined devices (meters/joined-devices.ts) and answers.
 *
 * Method B — CS03B (SRV 8.7.2) and CS04B (SRV 8.8.2) on the GSME: devices without certificates
 * (an IHD, a CAD). It answers, then tells the outcome in an alert [V: DOMAIN.md — 0x8F49 joined /
 * 0x8F48 join failed, 0x8F4B unjoined / 0x8F4A unjoin failed]. Response protection as RTDS
 * CS03B/CS04B_8.8.2_SUCCESS_RESPONSE: MAC, no signature, no header date-time. The result integer
 * [P, read off the RTDS ERROR pairs]: CS03B with an other-device type other than
 * METHOD_B_DEVICE_TYPE → 2 (not supported), no alert; CS04B of a device not joined → 1 (not
 * joined), no alert. Otherwise 0, then the alert from the GSME to the command's originator
 * (GNCA, GBZ, no components; power-alerts.ts shape): 0x8F49 when joined, 0x8F48 when the list is
 * full, 0x8F4B when unjoined. [P] 0x8F4A is never raised: an accepted unjoin of a joined device
 * cannot fail in the emulation.
 *
 * Methods A and C — critical (the command carries the user's signature, checked by
 * command-handler.ts): CS03A1 (SRV 8.7.1) on the ESME, Method A with the meter as initiator;
 * CS03C (SRV 8.7.1) on the GSME, Method C, the Type 1 device's certificate in the command;
 * CS04AC (SRV 8.8.1) on either. Response protection as RTDS CS03A1_8.7.1 / CS03CCritical_8.7.1 /
 * CS04ACCritical_8.8.1 SUCCESS_RESPONSE: signed by the meter, no MAC, no header date-time.
 * Results [I: JOIN_SERVICE_RESULT]: a join method other than the use case's, or another device
 * type than a PPMID or HCALCS → 2; CS03C without a readable P-256 certificate → 11; the device
 * already joined as another type → 3 (RTDS CS03A1 ERROR); the list full → 4; else 0, the device
 * recorded with its type, join method and (Method C) the key agreement public key of its
 * certificate. CS04AC of a device not joined → 1 (RTDS CS04ACCritical ERROR), else 0.
 * [P] The meter does not verify the certificate's issuer signature: the command carries the
 * device's certificate alone, not the Device CA certificate that path would need, and the command
 * is itself critical — signed by the Service User, whose signature command-handler.ts checks —
 * so the user's signature vouches for what it carries. A certificate that is not X.509 with a
 * P-256 key is refused (11); one a CA the meter does not know issued is taken.
 * [P] The Type 1 device's side of the key establishment is not emulated (the premises' PPMID and
 * HCALCS are entries of the DCC's inventory, not emulated radios): the join completes at once. [P] No alert follows a Method A / C join or
 * unjoin: the response is sent when the key establishment is over and carries its outcome (its
 * result codes include the key-agreement failures), where a Method B join completes later, when
 * the other device asks, hence its alert.
 * Refused (a firmware fault): nothing changes, the fault's result name (JOIN_SERVICE_RESULT), no alert.
 * Not emulated: the ESME as Method B target (its GNCA DLMS alerts would share message code
 * 0x1001 and the alert codes with the GSME's in the typed registry), CS03A2 (the Type 1 device
 * as target: the premises' Type 1 devices are inventory entries the DCC cannot send commands to).
 */
import {
  cs03a1,
  cs03b,
  cs03c,
  cs04ac,
  cs04b,
  gncaDeviceJoined,
  gncaDeviceJoinFailed,
  gncaDeviceUnjoined,
  JOIN_DEVICE_TYPE,
  JOIN_METHOD,
  JOIN_SERVICE_RESULT,
  METHOD_B_DEVICE_TYPE,
  type Cs03bCommand,
  type Cs04bCommand,
  type JoinCommand,
  type JoinServiceResponse,
  type UnjoinCommand,
} from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { publicKeyFromCertificate } from '../../harness/protocol/gbcs/keys.ts';
import type { AlertCodec } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { Esme } from '../meters/esme.ts';
import { Gsme } from '../meters/gsme.ts';
import { emulateUseCase, type ResponseContext } from './emulated-use-case.ts';
import { buildDeviceAlert, GNCA_ALERT_PROTECTION } from './power-alerts.ts';

type ResultName = keyof typeof JOIN_SERVICE_RESULT;

function refusal(first: Exclude<ResultName, 'success'>): [string, ...string[]] {
  return [first, ...(Object.keys(JOIN_SERVICE_RESULT) as ResultName[]).filter((n) => n !== 'success' && n !== first)];
}

const refuseWith = (_command: unknown, result: string): JoinServiceResponse => ({ result: JOIN_SERVICE_RESULT[result as ResultName] });

function gsmeOf(context: ResponseContext, useCase: string): Gsme {
  if (!(context.device instanceof Gsme)) throw new Error(`${useCase} reached a ${context.device.deviceType}`);
  return context.device;
}

/** The outcome alert from the GSME to the command's originator, sent after the response. */
function raiseOutcome(context: ResponseContext, gsme: Gsme, codec: AlertCodec<{ timeStamp: Date }>): void {
  const { premises, command } = context;
  const at = premises.clock.now();
  // GBZ alert time stamps are whole UTC seconds
  const built = buildDeviceAlert(gsme, premises.keys, at, codec, command.originator, GNCA_ALERT_PROTECTION, { timeStamp: new Date(Math.floor(at / 1000) * 1000) });
  premises.raiseMeterAlert(gsme, built, at + gsme.profile.responseLatencyMs);
}

export const cs03bOnGsme = emulateUseCase<Cs03bCommand, JoinServiceResponse>(cs03b, {
  targets: ['GSME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: refusal('deviceTypeNotSupported'),
  refuse: refuseWith,

  respond(command, context): JoinServiceResponse {
    const gsme = gsmeOf(context, 'CS03B');
    if (command.otherDeviceType !== METHOD_B_DEVICE_TYPE) return { result: JOIN_SERVICE_RESULT.deviceTypeNotSupported };
    const joined = gsme.joinedDevices.join(command.otherDeviceId, command.otherDeviceType, context.premises.clock.now());
    raiseOutcome(context, gsme, joined.ok ? gncaDeviceJoined : gncaDeviceJoinFailed);
    return { result: JOIN_SERVICE_RESULT.success };
  },
});

export const cs04bOnGsme = emulateUseCase<Cs04bCommand, JoinServiceResponse>(cs04b, {
  targets: ['GSME'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: refusal('notJoined'),
  refuse: refuseWith,

  respond(command, context): JoinServiceResponse {
    const gsme = gsmeOf(context, 'CS04B');
    if (!gsme.joinedDevices.unjoin(command.otherDeviceId)) return { result: JOIN_SERVICE_RESULT.notJoined };
    raiseOutcome(context, gsme, gncaDeviceUnjoined);
    return { result: JOIN_SERVICE_RESULT.success };
  },
});


/** Type 1 devices a meter joins by Method A or C [P: the RTDS joins are of an HCALCS and a PPMID]. */
const TYPE_1_DEVICES: readonly number[] = [JOIN_DEVICE_TYPE.HCALCS, JOIN_DEVICE_TYPE.PPMID];

function meterOf(context: ResponseContext, useCase: string): Esme | Gsme {
  if (!(context.device instanceof Esme || context.device instanceof Gsme)) throw new Error(`${useCase} reached a ${context.device.deviceType}`);
  return context.device;
}

/** A Method A / C join on a meter: checks, then the device recorded (see the file header). */
function joinType1Device(command: JoinCommand, context: ResponseContext, useCase: string, method: number): JoinServiceResponse {
  const meter = meterOf(context, useCase);
  if (command.joinMethod !== method || !TYPE_1_DEVICES.includes(command.otherDeviceType)) return { result: JOIN_SERVICE_RESULT.deviceTypeNotSupported };
  let kaPublicKey: Uint8Array | undefined;
  if (method === JOIN_METHOD.methodC) {
    if (!command.otherDeviceCertificate) return { result: JOIN_SERVICE_RESULT.invalidOrMissingCertificate };
    try {
      kaPublicKey = publicKeyFromCertificate(command.otherDeviceCertificate);
    } catch {
      return { result: JOIN_SERVICE_RESULT.invalidOrMissingCertificate };
    }
  }
  const existing = meter.joinedDevices.get(command.otherDeviceId);
  if (existing && existing.deviceType !== command.otherDeviceType) return { result: JOIN_SERVICE_RESULT.incompatibleWithExistingEntry };
  const joined = meter.joinedDevices.join(command.otherDeviceId, command.otherDeviceType, context.premises.clock.now(), { joinMethod: method, ...(kaPublicKey ? { kaPublicKey } : {}) });
  return { result: joined.ok ? JOIN_SERVICE_RESULT.success : JOIN_SERVICE_RESULT.deviceLogFull };
}

const CRITICAL = { command: { sign: true }, response: { mac: false, sign: true, dateTime: null }, innerEncryption: false } as const;

/** A Method A / C join use case on one meter type. */
function type1JoinOn(codec: typeof cs03a1, target: 'ESME' | 'GSME', method: number, firstRefusal: Exclude<ResultName, 'success'>) {
  return emulateUseCase<JoinCommand, JoinServiceResponse>(codec, {
    targets: [target],
    ...CRITICAL,
    refusalResults: refusal(firstRefusal),
    refuse: refuseWith,
    respond: (command, context) => joinType1Device(command, context, codec.name, method),
  });
}

export const cs03a1OnEsme = type1JoinOn(cs03a1, 'ESME', JOIN_METHOD.methodAInitiator, 'incompatibleWithExistingEntry');
export const cs03cOnGsme = type1JoinOn(cs03c, 'GSME', JOIN_METHOD.methodC, 'invalidOrMissingCertificate');

export const cs04acOnMeters = emulateUseCase<UnjoinCommand, JoinServiceResponse>(cs04ac, {
  targets: ['ESME', 'GSME'],
  ...CRITICAL,
  refusalResults: refusal('notJoined'),
  refuse: refuseWith,
  respond: (command, context) => ({ result: meterOf(context, 'CS04AC').joinedDevices.unjoin(command.otherDeviceId) ? JOIN_SERVICE_RESULT.success : JOIN_SERVICE_RESULT.notJoined }),
});
