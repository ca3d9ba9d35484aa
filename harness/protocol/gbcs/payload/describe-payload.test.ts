// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { describePayload, type PayloadNode } from './describe-payload.ts';
import { spacedHexToBytes } from '../hex.ts';
import { fakeGcmCipher, fixtureCipher } from './testing/fake-payload-cipher.ts';
import {
  ALL_FIXTURES,
  CCS01_COMMAND,
  CS14_8F12_ALERT,
  DBCH01_RESPONSE,
  ECS17B_PLAIN,
  ECS17B_RESPONSE,
  ECS17B_SEALED,
  GCS13A_COMMAND,
  GCS13A_PLAIN,
  GCS13A_RESPONSE,
  GCS13A_SEALED,
} from './testing/payloads-md-fixtures.ts';
import { allRtdsPayloads, rtdsAbsent, RTDS_SKIP_REASON } from './testing/rtds-payloads.ts';

function find(nodes: readonly PayloadNode[], pred: (n: PayloadNode) => boolean): PayloadNode | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const hit = find(n.children ?? [], pred);
    if (hit) return hit;
  }
  return undefined;
}

describe('describePayload', () => {
  it('describes every PAYLOADS.md payload without error and is JSON-friendly', () => {
    for (const f of ALL_FIXTURES) {
      const d = describePayload(f.payload, { messageCode: f.header.messageCode, cra: f.header.cra });
      expect(d.error, f.name).toBeUndefined();
      expect(() => JSON.stringify(d)).not.toThrow();
    }
  });

  it('names CCS01 classes, objects, methods and attributes', () => {
    const d = describePayload(CCS01_COMMAND.payload, { messageCode: 1 });
    expect(d.kind).toBe('dlms-access-request');
    expect(d.typedCodec).toBe('CCS01');
    expect(find(d.nodes, (n) => n.name === 'Class Id')?.note).toBe('ZigBee Network Control');
    expect(find(d.nodes, (n) => n.name === 'Instance Id')).toMatchObject({ value: '0-0:30.3.0.255', note: 'Device Log (CHF)' });
    expect(find(d.nodes, (n) => n.name === 'Method Id')?.note).toBe('Register Device');
    expect(find(d.nodes, (n) => n.name === 'Attribute Id')?.note).toBe('Join Timeout');
    expect(find(d.nodes, (n) => n.name === '[2] Octet String')?.note).toBe('"0123456789ABCDEF"');
    expect(find(d.nodes, (n) => n.name === '[1] Long Unsigned')?.value).toBe(90);
  });

  it('shows the ECS17b protected attributes, decrypted when a cipher is given', () => {
    const plain = describePayload(ECS17B_RESPONSE.payload);
    expect(find(plain.nodes, (n) => n.name.endsWith('Get Protected Attributes Response'))).toBeDefined();
    expect(find(plain.nodes, (n) => n.name === 'AE MAC')?.hex).toBe('1D3CB50D35311B344436F883');
    const opened = describePayload(ECS17B_RESPONSE.payload, { cipher: fixtureCipher([{ plain: spacedHexToBytes(ECS17B_PLAIN), sealed: spacedHexToBytes(ECS17B_SEALED) }]) });
    const dec = find(opened.nodes, (n) => n.name === 'Decrypted Payload');
    expect(find(dec?.children ?? [], (n) => n.name === '[1] Enum')?.value).toBe(30);
    const wrong = describePayload(ECS17B_RESPONSE.payload, { cipher: fakeGcmCipher() });
    expect(find(wrong.nodes, (n) => n.name === 'Decrypted Payload')?.note).toMatch(/cannot open/);
  });

  it('describes GBZ read attributes and the decrypted response', () => {
    const cmd = describePayload(GCS13A_COMMAND.payload);
    expect(cmd.kind).toBe('gbz');
    expect(find(cmd.nodes, (n) => n.name === 'Attribute Id 0')).toMatchObject({ value: '0x0302', note: 'Divisor' });
    const rsp = describePayload(GCS13A_RESPONSE.payload, { cipher: fixtureCipher([{ plain: spacedHexToBytes(GCS13A_PLAIN), sealed: spacedHexToBytes(GCS13A_SEALED) }]) });
    const a4 = find(rsp.nodes, (n) => n.name === 'Attribute 4');
    expect(a4?.note).toBe('Current Summation Delivered');
    expect(find(a4?.children ?? [], (n) => n.name === 'Attribute Data Value')?.value).toBe(12345);
  });

  it('labels the CS14 alert and the DBCH01 bit-string', () => {
    const a = describePayload(CS14_8F12_ALERT.payload);
    expect(find(a.nodes, (n) => n.name === 'Alert Code')).toMatchObject({ value: '0x8F12', note: 'CHF Device Log Changed' });
    expect(find(a.nodes, (n) => n.name === 'Time Stamp')?.value).toBe('2015-01-01T00:00:00.000Z');
    expect(find(describePayload(DBCH01_RESPONSE.payload).nodes, (n) => n.name === '[0] Bit String')?.value).toBe('11100000000000000000000000000001');
  });

  it('describes GBZ alerts and DER payloads', () => {
    const alert = describePayload(spacedHexToBytes('0109008F301C374A80'), { cra: 3 });
    expect(alert.kind).toBe('gbz-alert');
    expect(find(alert.nodes, (n) => n.name === 'Alert Code')?.note).toBe('Source Does Not Have Authority for Command');
    const der = describePayload(spacedHexToBytes('300904040123ABCD020100'));
    expect(der.kind).toBe('der');
    expect(find(der.nodes, (n) => n.name === 'INTEGER')?.value).toBe(0);
  });

  it('returns the raw bytes and the error for a malformed payload instead of throwing', () => {
    const d = describePayload(spacedHexToBytes('D9200003E80001'));
    expect(d.error?.message).toMatch(/truncated/);
    expect(d.nodes[0]?.hex).toBe('D9200003E80001');
    expect(describePayload(new Uint8Array(0)).kind).toBe('unknown');
  });

  it.skipIf(rtdsAbsent)(`describes all RTDS payloads without a decode error (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const failures: string[] = [];
    const all = allRtdsPayloads();
    for (const m of all) {
      const d = describePayload(m.payload, { messageCode: m.header.messageCode, cra: m.header.cra });
      if (d.error || d.kind === 'unknown') failures.push(`${m.file}: ${d.kind} ${d.error?.message ?? ''}`);
    }
    expect(all.length).toBe(1275);
    expect(failures).toEqual([]);
  });
});
