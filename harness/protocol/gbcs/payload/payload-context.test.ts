// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { requireCipher, type PayloadContext } from './payload-context.ts';
import { PayloadContextError } from './payload-errors.ts';
import { fakeGcmCipher } from './testing/fake-payload-cipher.ts';

const header = {
  cra: 2 as const,
  counter: 1000n,
  originator: '00DB1234567890A0',
  recipient: '90B3D51F30010000',
  dateTime: null,
  messageCode: 0x27,
  supplementary: null,
};

describe('PayloadContext', () => {
  it('gives the cipher when present', () => {
    const cipher = fakeGcmCipher();
    expect(requireCipher({ header, cipher }, 'ECS17b response')).toBe(cipher);
  });

  it('says which use case needed a missing cipher', () => {
    const ctx: PayloadContext = { header };
    expect(() => requireCipher(ctx, 'ECS17b response')).toThrow(PayloadContextError);
    expect(() => requireCipher(ctx, 'ECS17b response')).toThrow(/ECS17b response/);
  });
});
