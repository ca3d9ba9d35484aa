// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The typed use-case codecs by GBCS message code, and a one-call typed decode of a frame's
 * payload (null when no typed codec exists for the message: use describePayload then).
 */
import type { GbcsHeader } from '../frame-types.ts';
import { decodeDer } from './asn1-der.ts';
import type { PayloadCipher } from './payload-cipher.ts';
import type { PayloadContext } from './payload-context.ts';
import { ccs01 } from './use-cases/ccs01.ts';
import { ccs02 } from './use-cases/ccs02.ts';
import { ccs03 } from './use-cases/ccs03.ts';
import { ccs05ccs04, ccs06 } from './use-cases/ccs06.ts';
import { ccs07 } from './use-cases/ccs07.ts';
import { cs07 } from './use-cases/cs07.ts';
import { gcs59 } from './use-cases/gcs59.ts';
import { cs14DeviceLogChanged } from './use-cases/cs14-device-log-changed.ts';
import { dbch01 } from './use-cases/dbch01.ts';
import { dbch02 } from './use-cases/dbch02.ts';
import { dbch03 } from './use-cases/dbch03.ts';
import { dbch04 } from './use-cases/dbch04.ts';
import { dbch05 } from './use-cases/dbch05.ts';
import { dbch07SubGhzChannelChanged } from './use-cases/dbch07-channel-changed.ts';
import { dbch08SubGhzScanOutcome } from './use-cases/dbch08-scan-outcome.ts';
import { dbch09SubGhzConfigurationChanged } from './use-cases/dbch09-configuration-changed.ts';
import { dbch10MessageDiscarded } from './use-cases/dbch10-message-discarded.ts';
import { dbch06LimitedDutyCycleActionTaken, dbch11NoMoreSubGhzDeviceCapacity } from './use-cases/sub-ghz-device-alerts.ts';
import { SUB_GHZ_GNCA_ALERTS } from './use-cases/sub-ghz-generic-alerts.ts';
import { ecs01a } from './use-cases/ecs01a.ts';
import { ecs17b } from './use-cases/ecs17b.ts';
import { ecs52 } from './use-cases/ecs52.ts';
import { ecs70 } from './use-cases/ecs70.ts';
import { futureDatedActionedDlms, futureDatedActionedGbz } from './use-cases/future-dated-execution-alert.ts';
import { gcs01a } from './use-cases/gcs01a.ts';
import { gcs28 } from './use-cases/gcs28.ts';
import { gcs13a } from './use-cases/gcs13a.ts';
import { gcs38 } from './use-cases/gcs38.ts';
import { cs03a1, cs03b, cs03c, cs04ac, cs04b, gncaDeviceJoined, gncaDeviceJoinFailed, gncaDeviceUnjoined, gncaDeviceUnjoinFailed } from './use-cases/join-service.ts';
import { ecs80SupplyOutageRestored, gncaGsmePowerSupplyLoss, gncaLowBattery, gncaSupplyRestored } from './use-cases/power-alerts.ts';
import { gcaNoAuthorityDlms, gcaNoAuthorityGbz } from './use-cases/no-authority-alert.ts';
import { cs06, cs06FutureDatedActioned, cs06FutureDatedNotActioned } from './use-cases/cs06.ts';
import { ccs08TransferFailed, ccs08TransferSucceeded } from './use-cases/ccs08.ts';
import { fdraVerificationFailedDlms, fdraVerificationFailedGbz, fdraVerifiedDlms, fdraVerifiedGbz } from './use-cases/firmware-distribution-receipt-alert.ts';
import { gncaExecutingFirmwareChangedDlms, gncaExecutingFirmwareChangedGbz } from './use-cases/executing-firmware-changed-alert.ts';
import type { AnyAlertCodec, AnyCodec, AnyUseCaseCodec } from './use-cases/use-case-codec.ts';

export const USE_CASE_CODECS: readonly AnyCodec[] = [
  ecs17b,
  gcs13a,
  ecs52,
  gcs38,
  ccs01,
  cs14DeviceLogChanged,
  dbch01,
  ecs80SupplyOutageRestored,
  gncaSupplyRestored,
  gncaGsmePowerSupplyLoss,
  gncaLowBattery,
  ccs02,
  cs03b,
  cs04b,
  cs03a1,
  cs03c,
  cs04ac,
  ecs70,
  gcs28,
  gncaDeviceJoined,
  gncaDeviceJoinFailed,
  gncaDeviceUnjoined,
  gncaDeviceUnjoinFailed,
  dbch02,
  dbch03,
  dbch04,
  dbch05,
  dbch06LimitedDutyCycleActionTaken,
  dbch07SubGhzChannelChanged,
  dbch08SubGhzScanOutcome,
  dbch09SubGhzConfigurationChanged,
  dbch10MessageDiscarded,
  dbch11NoMoreSubGhzDeviceCapacity,
  ...SUB_GHZ_GNCA_ALERTS,
  ccs06,
  ccs05ccs04,
  ccs07,
  cs07,
  ccs03,
  gcs59,
  ecs01a,
  gcs01a,
  futureDatedActionedDlms,
  futureDatedActionedGbz,
  gcaNoAuthorityDlms,
  gcaNoAuthorityGbz,
  cs06,
  cs06FutureDatedActioned,
  cs06FutureDatedNotActioned,
  ccs08TransferSucceeded,
  ccs08TransferFailed,
  fdraVerifiedDlms,
  fdraVerificationFailedDlms,
  fdraVerifiedGbz,
  fdraVerificationFailedGbz,
  gncaExecutingFirmwareChangedDlms,
  gncaExecutingFirmwareChangedGbz,
];

const BY_CODE = new Map<number, AnyCodec[]>();
for (const c of USE_CASE_CODECS) BY_CODE.set(c.messageCode, [...(BY_CODE.get(c.messageCode) ?? []), c]);

/** Every codec registered for a message code (one command/response codec, or alert codecs). */
export function codecsForMessageCode(messageCode: number): readonly AnyCodec[] {
  return BY_CODE.get(messageCode) ?? [];
}

/** The command/response codec of a message code. */
export function useCaseCodecFor(messageCode: number): AnyUseCaseCodec | undefined {
  return codecsForMessageCode(messageCode).find((c): c is AnyUseCaseCodec => c.kind === 'command-response');
}

/**
 * The alert codec of a message code and alert code; `payloadKind` (alertPayloadKind) picks
 * between a DLMS and a GBZ codec of the same alert (e.g. GCA 0x8F30 from an ESME or a GSME).
 */
export function alertCodecFor(messageCode: number, alertCode: number, payloadKind?: 'dlms' | 'gbz' | 'der'): AnyAlertCodec | undefined {
  return codecsForMessageCode(messageCode).find(
    (c): c is AnyAlertCodec => c.kind === 'alert' && c.alertCode === alertCode && (payloadKind === undefined || c.payloadKind === payloadKind),
  );
}

/** Whether an alert payload is a DLMS Data-Notification (0F …), an ASN.1 DER SEQUENCE (30 …: CCS08, 0x00CA) or a GBZ alert. */
export function alertPayloadKind(payload: Uint8Array): 'dlms' | 'gbz' | 'der' {
  return payload[0] === 0x0f ? 'dlms' : payload[0] === 0x30 ? 'der' : 'gbz';
}

export type PayloadDirection = 'command' | 'response' | 'alert';

export interface TypedPayload {
  readonly useCase: string;
  readonly direction: PayloadDirection;
  readonly fields: unknown;
}

/**
 * Decodes a frame's payload with the typed codec of its message code and CRA flag; undefined
 * when none exists. Alert payloads pick the codec by the alert code they carry. Decode errors
 * (PayloadDecodeError) and a missing cipher (PayloadContextError) are thrown.
 */
export function decodeTypedMessage(frame: GbcsHeader & { readonly payload: Uint8Array }, cipher?: PayloadCipher): TypedPayload | undefined {
  const ctx: PayloadContext = cipher ? { header: frame, cipher } : { header: frame };
  const direction: PayloadDirection = frame.cra === 1 ? 'command' : frame.cra === 2 ? 'response' : 'alert';
  if (direction === 'alert') {
    const code = alertCodeOf(frame.payload);
    const codec = code === undefined ? undefined : alertCodecFor(frame.messageCode, code, alertPayloadKind(frame.payload));
    return codec && { useCase: codec.name, direction, fields: codec.decodeAlert(frame.payload, ctx) };
  }
  const codec = useCaseCodecFor(frame.messageCode);
  if (!codec) return undefined;
  const fields = direction === 'command' ? codec.decodeCommand(frame.payload, ctx) : codec.decodeResponse(frame.payload, ctx);
  return { useCase: codec.name, direction, fields };
}

/** The typed fields of a frame's payload, or null when no typed codec exists for it. */
export function decodeTypedPayload(frame: GbcsHeader & { readonly payload: Uint8Array }, cipher?: PayloadCipher): unknown {
  return decodeTypedMessage(frame, cipher)?.fields ?? null;
}

/**
 * Alert code of a DLMS (0F … 02 nn 12 hi lo), GBZ (01 09 nn hi lo) or ASN.1 DER alert payload
 * (a SEQUENCE whose first element is the alert code INTEGER: 30 … 02 03 00 hi lo).
 */
export function alertCodeOf(payload: Uint8Array): number | undefined {
  if (payload[0] === 0x30) {
    try {
      const first = decodeDer(payload)[0]?.children?.[0];
      if (first?.tagClass !== 'universal' || first.name !== 'INTEGER' || first.content.length === 0 || first.content.length > 3) return undefined;
      return first.content.reduce((v, b) => v * 256 + b, 0);
    } catch {
      return undefined;
    }
  }
  if (payload[0] === 0x0f) {
    const dt = payload[5] === 0x0c ? 12 : 0;
    const i = 6 + dt;
    if (payload[i] === 0x02 && payload[i + 2] === 0x12 && payload.length > i + 4) return ((payload[i + 3] as number) << 8) | (payload[i + 4] as number);
    return undefined;
  }
  if (payload[0] === 0x01 && payload[1] === 0x09 && payload.length >= 5) return ((payload[3] as number) << 8) | (payload[4] as number);
  return undefined;
}
