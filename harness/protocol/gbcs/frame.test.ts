// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { GbcsDecodeError, GbcsEncodeError } from './errors.ts';
import { decodeFrame, decodeFrameWithLayout, encodeFrame } from './frame.ts';
import type { GbcsFrame } from './frame-types.ts';
import { ACB, CHF, GBCS_18_4, SUPPLIER, sampleFrames } from './gbcs-test-fixtures.ts';
import { bytesToHex, concatBytes, hexToBytes } from './hex.ts';
import { listRtdsMessages, rtdsAvailable } from './rtds.ts';

const vector = hexToBytes(GBCS_18_4.ecs04bCommand);

function decodeError(bytes: Uint8Array): GbcsDecodeError {
  try {
    decodeFrame(bytes);
  } catch (error) {
    if (error instanceof GbcsDecodeError) return error;
    throw new Error(`expected a GbcsDecodeError, got ${String(error)}`);
  }
  throw new Error(`expected a GbcsDecodeError for ${bytesToHex(bytes)}`);
}

/** Deterministic pseudo-random bytes (xorshift32): no wall clock, same every run. */
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state & 0xff;
  };
}

describe('decodeFrame', () => {
  it('decodes the GBCS §18.4 ECS04b command field by field', () => {
    const { frame, layout } = decodeFrameWithLayout(vector);
    expect(frame.macProtected).toBe(true);
    expect(frame.cra).toBe(1);
    expect(frame.counter).toBe(1n);
    expect(frame.originator).toBe('123456789ABCDEF0');
    expect(frame.recipient).toBe('FFFFFFFFFFFFFFFE');
    expect(frame.dateTime).toBeNull();
    expect(frame.messageCode).toBe(0x00b3);
    expect(frame.supplementary).toBeNull();
    expect(frame.payload.length).toBe(0x35);
    expect(bytesToHex(frame.payload.subarray(0, 6))).toBe('D92000000100');
    expect(frame.signature?.length).toBe(64);
    expect(bytesToHex(frame.mac ?? new Uint8Array(0))).toBe('5D832D15B57A56D620F198B3');
    expect(frame.preCommand).toBeUndefined();
    expect(layout).toEqual({ groupingHeaderStart: 14, payloadStart: 48, payloadEnd: 48 + 0x35, innerEnd: vector.length - 12 });
  });

  it('re-encodes the vector and every sample shape byte for byte', () => {
    expect(bytesToHex(encodeFrame(decodeFrame(vector)))).toBe(GBCS_18_4.ecs04bCommand);
    for (const [name, bytes] of Object.entries(sampleFrames())) {
      expect(bytesToHex(encodeFrame(decodeFrame(bytes))), name).toBe(bytesToHex(bytes));
    }
  });

  it('reads every other-information form', () => {
    const s = sampleFrames();
    expect(decodeFrame(s.macOnly.slice()).supplementary).toEqual({ remotePartyId: SUPPLIER, remotePartyCounter: 1002n });
    const idOnly = decodeFrame(s.remotePartyIdOnly);
    expect(idOnly.supplementary).toBeNull();
    expect(idOnly.supplementaryRemotePartyIdOnly).toBe(SUPPLIER);
    expect(decodeFrame(s.originatorCounterForm).supplementary?.originatorCounter).toBe(2002n);
    expect(decodeFrame(s.certificateForm).supplementary?.remotePartyCertificate?.length).toBe(406);
    const pre = decodeFrame(s.preCommand);
    expect(pre.preCommand).toBe(true);
    expect(pre.signature).toBeNull();
    expect(pre.macProtected).toBe(false);
    const macAndSig = decodeFrame(s.macAndSignature);
    expect([macAndSig.originator, macAndSig.recipient, macAndSig.payload.length]).toEqual([ACB, CHF, 300]);
    expect(decodeFrame(s.signedUnwrapped).dateTime?.length).toBe(12);
  });
});

describe('decodeFrame on malformed input', () => {
  const unwrapped = sampleFrames().signedUnwrapped;

  it('names the field of a wrong constant or value', () => {
    expect(decodeError(Uint8Array.of(0x30, 0x00)).field).toBe('frame tag');
    expect(decodeError(new Uint8Array(0)).field).toBe('frame tag');
    const badCipheringHeader = vector.slice();
    badCipheringHeader[3] = 1;
    expect(decodeError(badCipheringHeader).field).toBe('general ciphering header');
    const badSecurityHeader = vector.slice();
    badSecurityHeader[10] = 0x30;
    expect(decodeError(badSecurityHeader).field).toBe('security header');
    const badCra = unwrapped.slice();
    badCra[2] = 4;
    expect(decodeError(badCra)).toMatchObject({ offset: 2, field: 'CRA flag' });
    const badTitleLength = unwrapped.slice();
    badTitleLength[11] = 9;
    expect(decodeError(badTitleLength)).toMatchObject({ offset: 11, field: 'originator system title length' });
    const badDateTime = unwrapped.slice();
    badDateTime[29] = 5;
    expect(decodeError(badDateTime)).toMatchObject({ offset: 29, field: 'date-time length' });
  });

  it('rejects impossible other-information, signature lengths and trailing bytes', () => {
    const frame = decodeFrame(unwrapped);
    const groupingHeaderEnd = unwrapped.length - 64 - 1 - frame.payload.length;
    const withOtherInfoLength = (length: number): Uint8Array => {
      const start = 29 + 13;
      return concatBytes(unwrapped.subarray(0, start), Uint8Array.of(length), new Uint8Array(length), unwrapped.subarray(groupingHeaderEnd - 2));
    };
    expect(decodeError(withOtherInfoLength(5))).toMatchObject({ field: 'other-information' });
    expect(decodeError(withOtherInfoLength(20))).toMatchObject({ field: 'other-information' });
    const badSignatureLength = unwrapped.slice();
    badSignatureLength[unwrapped.length - 65] = 0x20;
    expect(decodeError(badSignatureLength)).toMatchObject({ field: 'signature length', offset: unwrapped.length - 65 });
    expect(decodeError(concatBytes(unwrapped, Uint8Array.of(0)))).toMatchObject({ field: 'frame (bytes after the signature)', offset: unwrapped.length });
    expect(decodeError(concatBytes(vector, Uint8Array.of(0)))).toMatchObject({ field: 'frame (bytes after the ciphered service)' });
    const longer = vector.slice();
    longer[8] = 0xa8; // ciphered service length one short: the MAC swallows a signature byte
    expect(decodeError(longer).field).toMatch(/ciphered service|signed content|signature/);
  });

  it('throws GbcsDecodeError for every truncation of every frame shape, and the §18.4 vector', () => {
    const frames = { ...sampleFrames(), vector };
    let checked = 0;
    for (const [name, bytes] of Object.entries(frames)) {
      for (let length = 0; length < bytes.length; length++) {
        const truncated = bytes.subarray(0, length);
        let outcome: unknown;
        try {
          outcome = decodeFrame(truncated);
        } catch (error) {
          outcome = error;
        }
        // An unwrapped frame cut right after its payload reads as a pre-command: a well-formed frame.
        if (!(outcome instanceof GbcsDecodeError)) {
          const decoded = outcome as GbcsFrame;
          expect(decoded.preCommand, `${name} cut at ${length} decoded as something other than a pre-command`).toBe(true);
          expect(bytes[0]).toBe(0xdf);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('never throws anything but GbcsDecodeError on garbage or corrupted frames', () => {
    const next = pseudoRandom(0x5eed);
    const bases = Object.values({ ...sampleFrames(), vector });
    for (let i = 0; i < 3000; i++) {
      let bytes: Uint8Array;
      if (i % 3 === 0) {
        bytes = Uint8Array.from({ length: next() }, () => next());
        if (bytes.length > 0) bytes[0] = i % 2 === 0 ? 0xdd : 0xdf;
      } else {
        const base = bases[i % bases.length] as Uint8Array;
        bytes = base.slice();
        const at = (next() << 8 | next()) % bytes.length;
        bytes[at] = next();
      }
      try {
        const frame = decodeFrame(bytes);
        expect(bytesToHex(encodeFrame(frame))).toBe(bytesToHex(bytes));
      } catch (error) {
        expect(error).toBeInstanceOf(GbcsDecodeError);
      }
    }
  });
});

describe('encodeFrame', () => {
  const frame = decodeFrame(vector);

  it('refuses inconsistent frames', () => {
    expect(() => encodeFrame({ ...frame, mac: null })).toThrow(GbcsEncodeError);
    expect(() => encodeFrame({ ...frame, macProtected: false })).toThrow(/mac/);
    expect(() => encodeFrame({ ...frame, preCommand: true })).toThrow(/pre-command/);
    expect(() => encodeFrame({ ...frame, macProtected: false, mac: null, preCommand: true })).toThrow(/none on a pre-command/);
    expect(() => encodeFrame({ ...frame, signature: new Uint8Array(63) })).toThrow(/64 bytes/);
    expect(() => encodeFrame({ ...frame, dateTime: new Uint8Array(11) })).toThrow(/12 bytes/);
    expect(() => encodeFrame({ ...frame, supplementary: { remotePartyId: SUPPLIER, remotePartyCounter: 1n }, supplementaryRemotePartyIdOnly: SUPPLIER })).toThrow(/both/);
    expect(() => encodeFrame({ ...frame, payload: new Uint8Array(70000) })).toThrow(/content length/);
  });
});

describe.skipIf(!rtdsAvailable())('decodeFrame on RTDS messages (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  it('throws GbcsDecodeError (or reads a pre-command) for every truncation of one message of each shape', () => {
    const messages = listRtdsMessages();
    const picks = [
      messages.find((m) => m.useCase === 'ECS17b' && m.kind === 'RESPONSE'),
      messages.find((m) => m.kind === 'PRECOMMAND'),
      messages.find((m) => m.kind === 'ALERT' && m.hex.startsWith('DF')),
      messages.find((m) => m.useCase === 'ECS21b' && m.kind === 'COMMAND' && m.qualifiers.includes('URP')),
    ];
    for (const message of picks) {
      expect(message).toBeDefined();
      const bytes = hexToBytes(message?.hex ?? '');
      for (let length = 0; length < bytes.length; length++) {
        try {
          expect(decodeFrame(bytes.subarray(0, length)).preCommand).toBe(true);
        } catch (error) {
          expect(error, `${message?.file} cut at ${length}`).toBeInstanceOf(GbcsDecodeError);
        }
      }
    }
  });
});
