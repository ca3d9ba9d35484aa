// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../protocol/gbcs/frame-types.ts';
import { deriveParty } from '../protocol/gbcs/keys.ts';
import { ecs17b } from '../protocol/gbcs/payload/use-cases/ecs17b.ts';
import { payloadCipherFor } from '../protocol/gbcs/secure-frame.ts';
import { typedCodecFor, type TypedCodecMatch } from './gbcs-typed-codecs.ts';
import { roundTripTyped } from './gbcs-typed-round-trip.ts';

const SUPPLIER = '90B3D51F30010000';
const ESME = '00DB1234567890A0';
const supplier = deriveParty('typed-round-trip-test', SUPPLIER);
const esme = deriveParty('typed-round-trip-test', ESME);
const header: GbcsHeader = { cra: 2, counter: 77n, originator: ESME, recipient: SUPPLIER, dateTime: null, messageCode: 0x0027, supplementary: null };

describe('typed payload round trip', () => {
  const deviceCipher = payloadCipherFor(header, { localKaPrivate: esme.ka.privateKey as Uint8Array, peerKaPublic: supplier.ka.publicKey });
  const supplierCipher = payloadCipherFor(header, { localKaPrivate: supplier.ka.privateKey as Uint8Array, peerKaPublic: esme.ka.publicKey });
  const payload = ecs17b.encodeResponse({ ok: true, registers: [{ value: 5, scaler: 0, unit: 'Wh' }] }, { header, cipher: deviceCipher });

  it('finds the registry codec by message code and direction, and re-encodes a protected response byte for byte', () => {
    const match = typedCodecFor({ ...header, payload }) as TypedCodecMatch;
    expect(match).toMatchObject({ useCase: 'ECS17b', direction: 'response', label: 'ECS17b response' });
    expect(roundTripTyped(match, payload, { header, cipher: supplierCipher })).toEqual({ equal: true });
    expect(typedCodecFor({ ...header, messageCode: 0x7fff, payload })).toBeUndefined();
  });

  it('reports a missing cipher, a codec that re-encodes differently and a codec that crashes, each with a reason', () => {
    const match = typedCodecFor({ ...header, payload }) as TypedCodecMatch;
    expect(roundTripTyped(match, payload, { header })).toMatchObject({ equal: false, reason: expect.stringMatching(/^typed payload \(ECS17b response\): .*cipher/) });
    const lossy: TypedCodecMatch = { ...match, label: 'lossy', decode: () => ({}), encode: () => payload.subarray(0, 10) };
    expect(roundTripTyped(lossy, payload, { header })).toEqual({
      equal: false,
      reason: `typed payload (lossy): re-encoding the decoded fields gives different bytes (10 vs ${payload.length} bytes, first difference at payload byte 10)`,
    });
    const broken: TypedCodecMatch = { ...match, label: 'broken', decode: () => { throw new TypeError('x is undefined'); } };
    expect(roundTripTyped(broken, payload, { header })).toEqual({ equal: false, reason: 'typed payload (broken): codec failed: TypeError: x is undefined' });
  });
});
