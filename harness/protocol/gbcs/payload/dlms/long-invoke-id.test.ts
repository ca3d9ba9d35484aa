// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { gbcsLongInvokeId, readLongInvokeId, writeLongInvokeId } from './long-invoke-id.ts';

const enc = (counter: bigint): string => {
  const w = new PayloadWriter();
  writeLongInvokeId(w, gbcsLongInvokeId(counter), 'invoke');
  return bytesToHex(w.toBytes());
};

describe('Long-Invoke-Id-And-Priority', () => {
  it('carries the low 24 bits of the originator counter under flags 0x20 (RTDS)', () => {
    expect(enc(1000n)).toBe('200003E8');
    expect(enc(1302n)).toBe('20000516');
    expect(enc(4000n)).toBe('20000FA0');
    expect(enc(0x5_0000_0000n)).toBe('20000000');
    expect(enc(0x1_23_456789n)).toBe('20456789');
  });

  it('decodes the flags', () => {
    expect(readLongInvokeId(new PayloadReader(spacedHexToBytes('200003E8')), 'i')).toEqual({
      invokeId: 1000,
      highPriority: false,
      confirmed: false,
      breakOnError: true,
      selfDescriptive: false,
    });
    expect(readLongInvokeId(new PayloadReader(spacedHexToBytes('D0000001')), 'i')).toMatchObject({ highPriority: true, confirmed: true, selfDescriptive: true });
  });

  it('rejects reserved bits', () => {
    expect(() => readLongInvokeId(new PayloadReader(spacedHexToBytes('21000000')), 'i')).toThrow(PayloadDecodeError);
  });
});
