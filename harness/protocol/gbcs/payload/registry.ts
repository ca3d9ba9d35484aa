// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The typed use-case codecs by GBCS message code, and a one-call typed decode of a frame's
 * payload (null when no typed codec exists for the message: use describePayload then).
 */
import type { GbcsHeader } from '../frame-types.ts';
import type { PayloadCipher } from './payload-cipher.ts';
import type { PayloadContext } from './payload-context.ts';
import { ccs01 } from './use-cases/ccs01.ts';
import { ccs02 } from './use-cases/ccs02.ts';
import { cs14DeviceLogChanged } from './use-cases/cs14-device-log-changed.ts';
import { dbch01 } from './use-cases/dbch01.ts';
import { ecs17b } from './use-cases/ecs17b.ts';
import { ecs52 } from './use-cases/ecs52.ts';
import { ecs70 } from './use-cases/ecs70.ts';
import { gcs28 } from './use-cases/gcs28.ts';
import { gcs13a } from './use-cases/gcs13a.ts';
import { gcs38 } from './use-cases/gcs38.ts';
import { cs03b, cs04b, gncaDeviceJoined, gncaDeviceJoinFailed, gncaDeviceUnjoined, gncaDeviceUnjoinFailed } from './use-cases/join-service.ts';
import { ecs80SupplyOutageRestored, gncaGsmePowerSupplyLoss, gncaLowBattery, gncaSupplyRestored } from './use-cases/power-alerts.ts';
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
  ecs70,
  gcs28,
  gncaDeviceJoined,
  gncaDeviceJoinFailed,
  gncaDeviceUnjoined,
  gncaDeviceUnjoinFailed,
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

/** The alert codec of a message code and alert code. */
export function alertCodecFor(messageCode: number, alertCode: number): AnyAlertCodec | undefined {
  return codecsForMessageCode(messageCode).find((c): c is AnyAlertCodec => c.kind === 'alert' && c.alertCode === alertCode);
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
    const codec = code === undefined ? undefined : alertCodecFor(frame.messageCode, code);
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

/** Alert code of a DLMS (0F … 02 nn 12 hi lo) or GBZ (01 09 nn hi lo) alert payload. */
export function alertCodeOf(payload: Uint8Array): number | undefined {
  if (payload[0] === 0x0f) {
    const dt = payload[5] === 0x0c ? 12 : 0;
    const i = 6 + dt;
    if (payload[i] === 0x02 && payload[i + 2] === 0x12 && payload.length > i + 4) return ((payload[i + 3] as number) << 8) | (payload[i + 4] as number);
    return undefined;
  }
  if (payload[0] === 0x01 && payload[1] === 0x09 && payload.length >= 5) return ((payload[3] as number) << 8) | (payload[4] as number);
  return undefined;
}
