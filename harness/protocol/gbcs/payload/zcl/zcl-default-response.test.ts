// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { decodeDefaultResponse, encodeDefaultResponse } from './zcl-default-response.ts';

describe('ZCL Default Response', () => {
  it('round-trips command id and status', () => {
    expect(decodeDefaultResponse(fromHex('0081'))).toEqual({ commandId: 0, status: 'unsup-cluster-command' });
    expect(toHex(encodeDefaultResponse({ commandId: 0x0b, status: 'success' }))).toBe('0B00');
    expect(() => decodeDefaultResponse(fromHex('00'))).toThrow(PayloadDecodeError);
    expect(() => decodeDefaultResponse(fromHex('000000'))).toThrow(/trailing/);
  });
});
