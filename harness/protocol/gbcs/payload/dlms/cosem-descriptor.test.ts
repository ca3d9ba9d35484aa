// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { readAttributeDescriptor, readMethodDescriptor, writeAttributeDescriptor, writeMethodDescriptor } from './cosem-descriptor.ts';

describe('COSEM descriptors', () => {
  it('round-trips attribute and method descriptors', () => {
    const a = readAttributeDescriptor(new PayloadReader(spacedHexToBytes('000100005E2C0A0202')), 'd');
    expect(a).toEqual({ classId: 1, instanceId: '0-0:94.44.10.2', attributeId: 2 });
    const m = readMethodDescriptor(new PayloadReader(spacedHexToBytes('001E00002B0208FF01')), 'd');
    expect(m).toEqual({ classId: 30, instanceId: '0-0:43.2.8.255', methodId: 1 });
    const w = new PayloadWriter();
    writeAttributeDescriptor(w, a, 'd');
    writeMethodDescriptor(w, { ...m, methodId: -1 }, 'd');
    expect(bytesToHex(w.toBytes())).toBe('000100005E2C0A0202' + '001E00002B0208FFFF');
  });
});
