// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { spacedHexToBytes } from '../hex.ts';
import { PayloadContextError, PayloadDecodeError } from './payload-errors.ts';
import {
  alertCodecFor,
  alertCodeOf,
  codecsForMessageCode,
  decodeTypedMessage,
  decodeTypedPayload,
  USE_CASE_CODECS,
  useCaseCodecFor,
} from './registry.ts';
import { fixtureCipher } from './testing/fake-payload-cipher.ts';
import { CS14_8F12_ALERT, ECS17B_PLAIN, ECS17B_RESPONSE, ECS17B_SEALED, ECS52_COMMAND, GCS38_RESPONSE, type Fixture } from './testing/payloads-md-fixtures.ts';

const frame = (f: Fixture) => ({ ...f.header, payload: f.payload });

describe('use-case registry', () => {
  it('maps message codes to codecs', () => {
    expect(USE_CASE_CODECS.map((c) => `${c.name}:0x${c.messageCode.toString(16).padStart(4, '0')}`)).toEqual([
      'ECS17b:0x0027',
      'GCS13a:0x0074',
      'ECS52:0x0059',
      'GCS38:0x0084',
      'CCS01:0x0001',
      'CS14:0x0018',
      'DBCH01:0x010a',
      'ECS80:0x0067',
      'GNCA:0x1001',
      'GNCA:0x1001',
      'GNCA:0x1001',
      'CCS02:0x0002',
      'CS03B:0x000e',
      'CS04B:0x0010',
      'CS03A1:0x000d',
      'CS03C:0x00af',
      'CS04AC:0x000f',
      'ECS70:0x0062',
      'GCS28:0x007f',
      'GNCA:0x1001',
      'GNCA:0x1001',
      'GNCA:0x1001',
      'GNCA:0x1001',
      'DBCH02:0x010b',
      'DBCH03:0x010c',
      'DBCH04:0x010d',
      'DBCH05:0x010e',
      'DBCH06:0x0110',
      'DBCH07:0x0111',
      'DBCH08:0x0112',
      'DBCH09:0x0113',
      'DBCH10:0x0114',
      'DBCH11:0x0115',
      ...Array(8).fill('GNCA:0x1001'), // sub-ghz-generic-alerts.ts
      'CCS06:0x010f',
      'CCS04:0x0004',
      'CCS07:0x00fe',
      'CS07:0x0013',
      'CCS03:0x0003',
      'GCS59:0x008c',
      'ECS01a:0x0019',
      'GCS01a:0x006b',
      'FDEIA:0x00cc',
      'FDEIA:0x00cd',
      'GCA:0x1000',
      'GCA:0x1000',
      'CS06:0x0012',
      'CS06:0x00ca',
      'CS06:0x00ca',
      'CCS08:0x0128',
      'CCS08:0x0128',
      'FDRA:0x00ce',
      'FDRA:0x00ce',
      'FDRA:0x00cf',
      'FDRA:0x00cf',
      'GNCA:0x1001',
      'GNCA:0x1001',
    ]);
    expect(useCaseCodecFor(0x0059)?.name).toBe('ECS52');
    expect(useCaseCodecFor(0x0018)).toBeUndefined();
    expect(alertCodecFor(0x0018, 0x8f12)?.name).toBe('CS14');
    expect(alertCodecFor(0x0018, 0x8f13)).toBeUndefined();
    expect(codecsForMessageCode(0x9999)).toEqual([]);
  });

  it('decodes a frame payload by message code and direction', () => {
    expect(decodeTypedMessage(frame(ECS52_COMMAND))).toEqual({ useCase: 'ECS52', direction: 'command', fields: {} });
    expect(decodeTypedPayload(frame(GCS38_RESPONSE))).toEqual({ sequenceNumber: 0, firmwareVersion: { status: 'success', value: '0123ABCD' } });
    expect((decodeTypedPayload(frame(CS14_8F12_ALERT)) as { devices: unknown[] }).devices).toHaveLength(2);
    const cipher = fixtureCipher([{ plain: spacedHexToBytes(ECS17B_PLAIN), sealed: spacedHexToBytes(ECS17B_SEALED) }]);
    expect(decodeTypedPayload(frame(ECS17B_RESPONSE), cipher)).toMatchObject({ ok: true });
  });

  it('returns null without a codec and throws decode or context errors', () => {
    expect(decodeTypedPayload({ ...ECS52_COMMAND.header, messageCode: 0x0999, payload: ECS52_COMMAND.payload })).toBeNull();
    expect(() => decodeTypedPayload({ ...ECS52_COMMAND.header, payload: spacedHexToBytes('D9') })).toThrow(PayloadDecodeError);
    expect(() => decodeTypedPayload(frame(ECS17B_RESPONSE))).toThrow(PayloadContextError);
  });

  it('finds alert codes in DLMS and GBZ alerts', () => {
    expect(alertCodeOf(CS14_8F12_ALERT.payload)).toBe(0x8f12);
    expect(alertCodeOf(spacedHexToBytes('0109008F301C374A80'))).toBe(0x8f30);
    expect(alertCodeOf(spacedHexToBytes('0F20000001000100'))).toBeUndefined();
  });
});
