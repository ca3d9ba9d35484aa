// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CS03B Method B Join (SRV 8.7.2) and CS04B Method B Unjoin (SRV 8.8.2) on the emulated GSME:
 * the meter joins (or unjoins) another HAN device without certificates (an IHD, a CAD) in its
 * list of joined devices (meters/joined-devices.ts), answers, and then tells the outcome in an
 * alert [V: DOMAIN.md — 0x8F49 joined / 0x8F48 join failed, 0x8F4B unjoined / 0x8F4A unjoin failed].
 *
 * Response protection as RTDS CS03B/CS04B_8.8.2_SUCCESS_RESPONSE: MAC, no signature, no header
 * date-time. The result integer [P, read off the RTDS ERROR pairs]: CS03B with an other-device
 * type other than METHOD_B_DEVICE_TYPE → 2 (not supported), no alert; CS04B of a device not
 * joined → 1 (not joined), no alert. Otherwise 0, then the alert from the GSME to the command's
 * originator (GNCA, GBZ, no components; power-alerts.ts shape): 0x8F49 when joined, 0x8F48 when
 * the list is full, 0x8F4B when unjoined. [P] 0x8F4A is never raised: an accepted unjoin of a
 * joined device cannot fail in the emulation.
 * Refused (a firmware fault): nothing changes, the fault's result name (JOIN_SERVICE_RESULT), no alert.
 * Not emulated: the ESME as target (its GNCA DLMS alerts would share message code 0x1001 and the
 * alert codes with the GSME's in the typed registry), Method A / C (CS03A1/A2, CS03C, CS04AC:
 * signed, critical or to a PPMID the premises does not have).
 */
import {
  cs03b,
  cs04b,
  gncaDeviceJoined,
  gncaDeviceJoinFailed,
  gncaDeviceUnjoined,
  JOIN_SERVICE_RESULT,
  METHOD_B_DEVICE_TYPE,
  type Cs03bCommand,
  type Cs04bCommand,
  type JoinServiceResponse,
} from '../../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import type { AlertCodec } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
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

