// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame.ts';
import { hexToBytes } from './hex.ts';
import { allMessageCodes, describeMessageCode, formatMessageCode, messageCodeInfo, messageCodeMatchesUseCase, messageCodesForUseCase } from './message-codes.ts';
import { listRtdsMessages, rtdsAvailable } from './rtds.ts';

describe('message code table', () => {
  it('maps codes to use cases', () => {
    expect(messageCodeInfo(0x0027)?.useCase).toBe('ECS17b');
    expect(describeMessageCode(0x0027)).toMatch(/^0x0027 ECS17b /);
    expect(describeMessageCode(0xbeef)).toBe('0xBEEF (unknown message code)');
    expect(formatMessageCode(0x10a)).toBe('0x010A');
  });

  it('holds the codes DOMAIN.md lists', () => {
    const expected: Record<number, string> = {
      0x0001: 'CCS01', 0x0002: 'CCS02', 0x0003: 'CCS03', 0x000d: 'CS03A1', 0x000f: 'CS04AC', 0x0012: 'CS06', 0x0018: 'CS14',
      0x0019: 'ECS01a', 0x006b: 'GCS01a', 0x0027: 'ECS17b', 0x0074: 'GCS13a', 0x0059: 'ECS52', 0x0084: 'GCS38', 0x0062: 'ECS70',
      0x007f: 'GCS28', 0x00ce: 'FDRA-DLMS', 0x00cf: 'FDRA-ZigBee', 0x00fe: 'CCS07', 0x010a: 'DBCH01', 0x010b: 'DBCH02',
      0x010c: 'DBCH03', 0x010d: 'DBCH04', 0x010e: 'DBCH05', 0x010f: 'CCS06', 0x0110: 'DBCH06', 0x0111: 'DBCH07', 0x0112: 'DBCH08',
      0x0113: 'DBCH09', 0x0114: 'DBCH10', 0x0115: 'DBCH11', 0x0128: 'CCS08',
    };
    for (const [code, useCase] of Object.entries(expected)) expect(messageCodeInfo(Number(code))?.useCase, formatMessageCode(Number(code))).toBe(useCase);
  });

  it('knows aliases, scopes and alerts with no single use case', () => {
    expect(messageCodeMatchesUseCase(0x000f, 'CS04ACCritical')).toBe(true);
    expect(messageCodeMatchesUseCase(0x000f, 'CS04B')).toBe(false);
    expect(messageCodesForUseCase('CS02b').length).toBeGreaterThanOrEqual(8);
    expect(messageCodeInfo(0x009b)?.scope).toBe('han-only');
    expect(messageCodeInfo(0x0027)?.scope).toBe('remote-party');
    expect(messageCodeInfo(0x00cc)?.useCase).toBeNull();
    const codes = allMessageCodes().map((i) => i.code);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });
});

describe.skipIf(!rtdsAvailable())('message code table vs RTDS (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  it('covers every message code RTDS carries', () => {
    const missing = new Set<string>();
    for (const message of listRtdsMessages()) {
      const code = decodeFrame(hexToBytes(message.hex)).messageCode;
      if (!messageCodeInfo(code)) missing.add(`${formatMessageCode(code)} (${message.file})`);
    }
    expect([...missing]).toEqual([]);
  });
});
