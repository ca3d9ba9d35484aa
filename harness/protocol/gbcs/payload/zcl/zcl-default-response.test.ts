// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { decodeDefaultResponse, encodeDefaultResponse } from './zcl-default-response.ts';

describe('ZCL Default Response', () => {
  it('round-trips command id and status', () => {
    expect(decodeDefaultResponse(spacedHexToBytes('0081'))).toEqual({ commandId: 0, status: 'unsup-cluster-command' });
    expect(bytesToHex(encodeDefaultResponse({ commandId: 0x0b, status: 'success' }))).toBe('0B00');
    expect(() => decodeDefaultResponse(spacedHexToBytes('00'))).toThrow(PayloadDecodeError);
    expect(() => decodeDefaultResponse(spacedHexToBytes('000000'))).toThrow(/trailing/);
  });
});
