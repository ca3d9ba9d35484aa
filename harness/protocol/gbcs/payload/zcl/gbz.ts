// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBZ payload (GBCS ZigBee payloads for the GSME / GPF):
 *
 *   profile id 01 09 | component count (1)
 *   per component:
 *     extended header control (1) | cluster id (2, BE) | length (2, BE) of what follows, then
 *     [encrypted: additional header control (1), additional header frame counter (1)]
 *     [from-date-time present: UTC time (4, BE)]
 *     ZCL header (frame control, [manufacturer code], sequence number, command id)
 *     plain:     ZCL payload (the rest of the component)
 *     encrypted: ciphered information length (2, BE) | sealed block (31 00 00 00 00 ‖ ct ‖ tag)
 *
 * Extended header control bits, read off all 354 RTDS GBZ command/response payloads [I]:
 * 0x01 last component of the payload (set on the last one only), 0x02 encrypted,
 * 0x10 from-date-time present (GCS15d). Other bits are rejected. When both 0x02 and 0x10 are set
 * (no RTDS example) the additional header is assumed to come first.
 */
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import type { PayloadCipher } from '../payload-cipher.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { checkSealedOutput, readSealedBlock } from '../sealed-block.ts';
import { readZclHeader, writeZclHeader, type ZclHeader } from './zcl-header.ts';

export const GBZ_PROFILE_ID = 0x0109;

export const GBZ_CONTROL = { last: 0x01, encrypted: 0x02, fromDateTime: 0x10 } as const;

interface GbzComponentBase {
  readonly clusterId: number;
  /** "From date-time" (UTC seconds since 2000) when the component carries one, else null. */
  readonly fromDateTime: number | null;
  readonly header: ZclHeader;
}

export interface GbzPlainComponent extends GbzComponentBase {
  readonly kind: 'plain';
  /** The ZCL payload after the ZCL header. */
  readonly payload: Uint8Array;
}

export interface GbzEncryptedComponent extends GbzComponentBase {
  readonly kind: 'encrypted';
  readonly additionalHeader: { readonly control: number; readonly frameCounter: number };
  /** Sealed ZCL payload (31 00 00 00 00 ‖ ct ‖ tag); open with {@link openGbzComponent}. */
  readonly sealed: Uint8Array;
}

export type GbzComponent = GbzPlainComponent | GbzEncryptedComponent;

export interface GbzPayload {
  readonly components: readonly GbzComponent[];
}

/** Minimum component size: control + cluster + length + 3-byte ZCL header. */
const MIN_COMPONENT_BYTES = 8;

const payloadOffsets = new WeakMap<object, number>();

/** Payload offset of a decoded component's ZCL payload (plain) or sealed block (encrypted). */
export function gbzContentOffset(c: GbzComponent): number | undefined {
  return payloadOffsets.get(c);
}

export function readGbzComponent(r: PayloadReader, field: string, expectLast: boolean | null): GbzComponent {
  const ctlAt = r.offset;
  const control = r.u8(`${field}.control`);
  if (control & ~(GBZ_CONTROL.last | GBZ_CONTROL.encrypted | GBZ_CONTROL.fromDateTime)) {
    r.fail(`${field}.control`, 'only bits 0x01 (last), 0x02 (encrypted), 0x10 (from date-time)', `0x${control.toString(16).padStart(2, '0')}`, ctlAt);
  }
  if (expectLast !== null && ((control & GBZ_CONTROL.last) !== 0) !== expectLast) {
    r.fail(`${field}.control`, expectLast ? 'bit 0x01 set on the last component' : 'bit 0x01 clear before the last component', `0x${control.toString(16).padStart(2, '0')}`, ctlAt);
  }
  const clusterId = r.uintBe(2, `${field}.cluster-id`);
  const length = r.uintBe(2, `${field}.length`);
  const c = r.sub(length, `${field}.body`);
  const encrypted = (control & GBZ_CONTROL.encrypted) !== 0;
  const additionalHeader = encrypted
    ? { control: c.u8(`${field}.additional-header-control`), frameCounter: c.u8(`${field}.additional-header-frame-counter`) }
    : null;
  const fromDateTime = control & GBZ_CONTROL.fromDateTime ? c.uintBe(4, `${field}.from-date-time`) : null;
  const header = readZclHeader(c, `${field}.zcl-header`);
  if (additionalHeader) {
    const n = c.uintBe(2, `${field}.ciphered-information-length`);
    const at = c.offset;
    const sealed = readSealedBlock(c, n, `${field}.ciphered-information`);
    c.expectEnd(`${field} (after the ciphered information)`);
    const comp: GbzEncryptedComponent = { kind: 'encrypted', clusterId, fromDateTime, header, additionalHeader, sealed };
    payloadOffsets.set(comp, at);
    return comp;
  }
  const at = c.offset;
  const comp: GbzPlainComponent = { kind: 'plain', clusterId, fromDateTime, header, payload: c.rest() };
  payloadOffsets.set(comp, at);
  return comp;
}

export function writeGbzComponent(w: PayloadWriter, comp: GbzComponent, last: boolean, field: string): void {
  const body = new PayloadWriter();
  if (comp.kind === 'encrypted') {
    body.u8(comp.additionalHeader.control, `${field}.additional-header-control`);
    body.u8(comp.additionalHeader.frameCounter, `${field}.additional-header-frame-counter`);
  } else if (comp.kind !== 'plain') {
    throw new PayloadEncodeError(`${field}.kind`, 'plain or encrypted', String((comp as { kind: unknown }).kind));
  }
  if (comp.fromDateTime !== null) body.uintBe(comp.fromDateTime, 4, `${field}.from-date-time`);
  writeZclHeader(body, comp.header, `${field}.zcl-header`);
  if (comp.kind === 'encrypted') {
    const sealed = checkSealedOutput(comp.sealed, `${field}.ciphered-information`);
    body.uintBe(sealed.length, 2, `${field}.ciphered-information-length`);
    body.bytes(sealed);
  } else {
    body.bytes(comp.payload);
  }
  const control =
    (last ? GBZ_CONTROL.last : 0) |
    (comp.kind === 'encrypted' ? GBZ_CONTROL.encrypted : 0) |
    (comp.fromDateTime !== null ? GBZ_CONTROL.fromDateTime : 0);
  w.u8(control, `${field}.control`);
  w.uintBe(comp.clusterId, 2, `${field}.cluster-id`);
  w.uintBe(body.size, 2, `${field}.length`);
  w.bytes(body.toBytes());
}

export function readGbzProfile(r: PayloadReader): void {
  const at = r.offset;
  const profile = r.uintBe(2, 'gbz.profile-id');
  if (profile !== GBZ_PROFILE_ID) r.fail('gbz.profile-id', '01 09', profile.toString(16).toUpperCase().padStart(4, '0'), at);
}

export function decodeGbz(payload: Uint8Array): GbzPayload {
  const r = new PayloadReader(payload);
  readGbzProfile(r);
  const at = r.offset;
  const n = r.u8('gbz.component-count');
  if (n * MIN_COMPONENT_BYTES > r.remaining) r.fail('gbz.component-count', `at most ${Math.floor(r.remaining / MIN_COMPONENT_BYTES)} component(s) in the bytes left`, `${n} (payload truncated)`, at);
  const components: GbzComponent[] = [];
  for (let i = 0; i < n; i++) components.push(readGbzComponent(r, `gbz.component[${i}]`, i === n - 1));
  r.expectEnd('gbz (after the last component)');
  return { components };
}

export function encodeGbz(gbz: GbzPayload): Uint8Array {
  const w = new PayloadWriter();
  w.uintBe(GBZ_PROFILE_ID, 2, 'gbz.profile-id');
  w.u8(gbz.components.length, 'gbz.component-count');
  gbz.components.forEach((c, i) => writeGbzComponent(w, c, i === gbz.components.length - 1, `gbz.component[${i}]`));
  return w.toBytes();
}

/** Encrypts a plain component's ZCL payload (GBCS additional header 00 00 unless given). */
export function sealGbzComponent(
  comp: GbzPlainComponent,
  cipher: PayloadCipher,
  additionalHeader: GbzEncryptedComponent['additionalHeader'] = { control: 0, frameCounter: 0 },
): GbzEncryptedComponent {
  const { payload, kind: _kind, ...rest } = comp;
  return { ...rest, kind: 'encrypted', additionalHeader, sealed: checkSealedOutput(cipher.seal(payload), 'gbz ciphered information') };
}

/** Decrypts an encrypted component into a plain one (the additional header is dropped). */
export function openGbzComponent(comp: GbzEncryptedComponent, cipher: PayloadCipher): GbzPlainComponent {
  const { sealed, additionalHeader: _ah, kind: _kind, ...rest } = comp;
  return { ...rest, kind: 'plain', payload: cipher.open(sealed) };
}

/** A reader over a plain component's ZCL payload that reports offsets inside the GBZ payload. */
export function componentPayloadReader(comp: GbzPlainComponent): PayloadReader {
  return new PayloadReader(comp.payload, gbzContentOffset(comp) ?? 0);
}
