// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from './payload-reader.ts';
import { spacedHexToBytes } from '../hex.ts';
import { PayloadDecodeError, PayloadEncodeError } from './payload-errors.ts';
import { checkSealedBlock, checkSealedOutput, readSealedBlock } from './sealed-block.ts';
import { fakeGcmCipher } from './testing/fake-payload-cipher.ts';

describe('sealed blocks', () => {
  it('accepts 31 00 00 00 00 ‖ ct ‖ tag', () => {
    const sealed = fakeGcmCipher().seal(spacedHexToBytes('0201'));
    expect(readSealedBlock(new PayloadReader(sealed), sealed.length, 'blk')).toEqual(sealed);
  });

  it('rejects a wrong security header or a block too short for a tag', () => {
    expect(() => checkSealedBlock(spacedHexToBytes('3000000000' + '00'.repeat(12)), 4, 'blk')).toThrow(PayloadDecodeError);
    expect(() => checkSealedBlock(spacedHexToBytes('3100000000' + '00'.repeat(11)), 4, 'blk')).toThrow(/at least 17/);
  });

  it('checks what a cipher returns', () => {
    expect(() => checkSealedOutput(spacedHexToBytes('00'), 'blk')).toThrow(PayloadEncodeError);
  });
});
