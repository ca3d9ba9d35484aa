// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../hex.ts';
import { euiFieldBytes, hexFieldBytes, octetFieldBytes } from './field-bytes.ts';
import { PayloadEncodeError } from './payload-errors.ts';

describe('typed fields as bytes', () => {
  it('reads hex with separators', () => {
    expect(bytesToHex(hexFieldBytes('de ad-be:ef', 'f'))).toBe('DEADBEEF');
    expect(hexFieldBytes('', 'f')).toEqual(new Uint8Array(0));
  });

  it('rejects bad hex with a PayloadEncodeError naming the field', () => {
    expect(() => hexFieldBytes('ABC', 'ECS52 response.firmwareVersion')).toThrow(PayloadEncodeError);
    expect(() => hexFieldBytes('ABC', 'ECS52 response.firmwareVersion')).toThrow(/"payload ECS52 response\.firmwareVersion": expected an even number of hex digits, found "ABC"/);
    expect(() => hexFieldBytes('XY', 'f')).toThrow(PayloadEncodeError);
  });

  it('reads EUI-64s in the usual spellings', () => {
    expect(bytesToHex(euiFieldBytes('00-DB-12-34-56-78-90-a0', 'f'))).toBe('00DB1234567890A0');
    expect(bytesToHex(euiFieldBytes('90:b3:d5:1f:30:01:00:00', 'f'))).toBe('90B3D51F30010000');
    expect(bytesToHex(euiFieldBytes('90B3D51F30010000', 'f'))).toBe('90B3D51F30010000');
  });

  it('rejects what is not an EUI-64 with a PayloadEncodeError naming the field', () => {
    expect(() => euiFieldBytes('00DB', 'CCS01 command.deviceId')).toThrow(PayloadEncodeError);
    expect(() => euiFieldBytes('00DB', 'CCS01 command.deviceId')).toThrow(/"payload CCS01 command\.deviceId": expected an EUI-64/);
  });

  it('takes a number 0..255 as one octet', () => {
    expect(bytesToHex(octetFieldBytes(0xa5, 'f'))).toBe('A5');
    for (const bad of [-1, 256, 1.5]) expect(() => octetFieldBytes(bad, 'DBCH07 alert.qualifier')).toThrow(/DBCH07 alert\.qualifier.*an octet 0\.\.255/);
  });
});
