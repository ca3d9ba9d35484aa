// SPDX-License-Identifier: GPL-3.0-or-later
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRtdsDir, listRtdsMessages, parseRtdsFileName, projectRoot, RTDS_DIR_ENV, rtdsAvailable, RtdsFileNameError, RtdsNotFoundError } from './rtds.ts';

const savedEnv = process.env[RTDS_DIR_ENV];
afterEach(() => {
  if (savedEnv === undefined) delete process.env[RTDS_DIR_ENV];
  else process.env[RTDS_DIR_ENV] = savedEnv;
});

describe('parseRtdsFileName', () => {
  it('reads use case, SRV, outcome and kind', () => {
    expect(parseRtdsFileName('RTDS-4.5.0/4.1.1_ECS17b/ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX')).toEqual({
      file: 'ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX',
      relPath: 'RTDS-4.5.0/4.1.1_ECS17b/ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX',
      folder: '4.1.1_ECS17b',
      srv: '4.1.1',
      useCase: 'ECS17b',
      outcome: 'SUCCESS',
      kind: 'RESPONSE',
      expectedCra: 2,
      alertCode: null,
      qualifiers: ['SINGLE'],
    });
  });

  it('handles alert codes, qualifiers after the kind, NOT_FOUND, NA and pre-commands', () => {
    const alert = parseRtdsFileName('RTDS-4.5.0/2.1_ECS08/ECS08_2.1_8F66_FUTURE_DATED_SUCCESS_ALERT_MAX_METER_BALANCE_GBCS.HEX');
    expect(alert).toMatchObject({ kind: 'ALERT', expectedCra: 3, alertCode: '8F66', outcome: 'SUCCESS', qualifiers: ['FUTURE', 'DATED', 'MAX', 'METER', 'BALANCE'] });
    expect(parseRtdsFileName('RTDS-4.5.0/4.10_GCS18/GCS18_4.10_NOT_FOUND_COMMAND_GBCS.HEX')).toMatchObject({ outcome: 'NOT_FOUND', kind: 'COMMAND', expectedCra: 1 });
    expect(parseRtdsFileName('RTDS-4.5.0/NA_CS14/CS14_NA_8F12_ALERT_GBCS.HEX')).toMatchObject({ srv: null, alertCode: '8F12', outcome: 'UNSPECIFIED' });
    expect(parseRtdsFileName('RTDS-4.5.0/NA_CCS08/CCS08_NA_NA_ALERT_GBCS.HEX')).toMatchObject({ alertCode: null, qualifiers: [] });
    expect(parseRtdsFileName('RTDS-4.5.0/6.28_DBCH04/DBCH04_6.28_NA_SUCCESS_ALERT_DBCH09_GBCS.HEX')).toMatchObject({ useCase: 'DBCH04', qualifiers: ['DBCH09'] });
    expect(parseRtdsFileName('RTDS-4.5.0/NA_FDRA-DLMS/FDRA-DLMS_NA_8F72_ALERT_GBCS.HEX')).toMatchObject({ useCase: 'FDRA-DLMS' });
    expect(parseRtdsFileName('RTDS-4.5.0/1.5_ECS04b/ECS04b_1.5_SUCCESS_PRECOMMAND_GBCS.HEX')).toMatchObject({ kind: 'PRECOMMAND', expectedCra: 1 });
  });

  it('rejects names that break the convention', () => {
    expect(() => parseRtdsFileName('R/4.1.1_ECS17b/ECS17b_4.1.1_SUCCESS_GBCS.HEX')).toThrow(RtdsFileNameError);
    expect(() => parseRtdsFileName('R/4.1.1_ECS17b/ECS17b_4.1.1_SUCCESS_COMMAND_RESPONSE_GBCS.HEX')).toThrow(/exactly one/);
    expect(() => parseRtdsFileName('R/4.1.1_ECS17a/ECS17b_4.1.1_SUCCESS_COMMAND_GBCS.HEX')).toThrow(/folder/);
    expect(() => parseRtdsFileName('R/4.1.1_ECS17b/ECS17b_4.1.1_SUCCESS_ERROR_COMMAND_GBCS.HEX')).toThrow(/two outcomes/);
    expect(() => parseRtdsFileName('R/4.1.1_ECS17b/ECS17b_4.1.1_SUCCESS_COMMAND.txt')).toThrow(/_GBCS\.HEX/);
  });
});

describe('locating the RTDS folder', () => {
  it('finds the project root and defaults to ../shared/rtds beside it', () => {
    expect(existsSync(join(projectRoot(), 'package.json'))).toBe(true);
    delete process.env[RTDS_DIR_ENV];
    expect(defaultRtdsDir()).toBe(resolve(projectRoot(), '..', 'shared', 'rtds'));
  });

  it('follows DIT_RTDS_DIR and names both path and variable when the folder is missing', () => {
    process.env[RTDS_DIR_ENV] = '/nonexistent/rtds';
    expect(defaultRtdsDir()).toBe('/nonexistent/rtds');
    expect(rtdsAvailable()).toBe(false);
    expect(() => listRtdsMessages()).toThrow(RtdsNotFoundError);
    expect(() => listRtdsMessages()).toThrow(/\/nonexistent\/rtds.*DIT_RTDS_DIR/);
  });
});

describe.skipIf(!rtdsAvailable())('listRtdsMessages (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  it('lists the 1,275 messages with their kinds as the README counts them', () => {
    const messages = listRtdsMessages();
    expect(messages.length).toBe(1275);
    const count = (kind: string): number => messages.filter((m) => m.kind === kind).length;
    expect([count('COMMAND'), count('PRECOMMAND'), count('RESPONSE'), count('ALERT')]).toEqual([501, 178, 503, 93]);
    expect(new Set(messages.map((m) => m.folder)).size).toBe(241);
    expect(messages.every((m) => /^[0-9A-F]+$/.test(m.hex) && m.hex.length % 2 === 0)).toBe(true);
    expect(messages.map((m) => m.relPath)).toEqual([...messages.map((m) => m.relPath)].sort());
  });
});
