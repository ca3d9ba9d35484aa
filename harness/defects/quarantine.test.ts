// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadQuarantineList, parseQuarantineList, QuarantineError, quarantineOf } from './quarantine.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dit-quarantine-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function refusal(fn: () => unknown): QuarantineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QuarantineError) return e;
    throw e;
  }
  throw new Error('expected a QuarantineError');
}

describe('quarantine list', () => {
  it('reads a file of entries by test case or signature', () => {
    const file = join(dir, 'quarantine.json');
    writeFileSync(
      file,
      JSON.stringify({
        entries: [
          { testCase: 'READ-GSME-GCS13a', reason: 'GSME wake drift', expires: '2019-05-01' },
          { signature: 'DEF-0a1b2c3d', reason: 'known race', expires: '2019-04-26', addedBy: 'ana' },
        ],
      }),
    );
    expect(loadQuarantineList(file).entries).toHaveLength(2);
  });

  it('refuses a bad list naming the file, the path inside it and what was expected', () => {
    const e = refusal(() =>
      parseQuarantineList(
        {
          entries: [
            { testCase: 'A', signature: 'B', reason: 'both', expires: '2019-05-01' },
            { testCase: 'A', reason: '', expires: '2019-02-30' },
            { testCase: 'A', reason: 'r', expires: '2019-05-01', until: 'x' },
          ],
        },
        'q.json',
      ),
    );
    expect(e.file).toBe('q.json');
    expect(e.message).toMatch(/^q\.json: not a valid quarantine list: /);
    expect(e.problems).toEqual([
      'entries[0]: expected exactly one of "testCase" or "signature"',
      'entries[1].reason: expected a non-empty text',
      'entries[1].expires: expected a calendar date YYYY-MM-DD that exists',
      expect.stringMatching(/^entries\[2\]: Unrecognized key: "until"/),
    ]);
    expect(refusal(() => parseQuarantineList([], 'q.json')).problems[0]).toMatch(/^\(top level\): /);
  });

  it('refuses a file that is missing or not JSON', () => {
    expect(refusal(() => loadQuarantineList(join(dir, 'none.json'))).message).toContain('cannot be read');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ entries: ');
    expect(refusal(() => loadQuarantineList(bad)).message).toContain(`${bad}: not a valid quarantine list: is not JSON`);
  });

  it('applies to a defect while the programme date is before the expiry date', () => {
    const list = parseQuarantineList({
      entries: [
        { testCase: 'T1', reason: 'old', expires: '2019-04-01' },
        { testCase: 'T1', reason: 'renewed', expires: '2019-04-15' },
        { signature: 'sig-2', reason: 'by signature', expires: '2019-04-15' },
      ],
    });
    const t1 = { id: 'DEF-1', signature: 'sig-1', testCases: ['T1'] };
    expect(quarantineOf(list, t1, '2019-04-10')).toMatchObject({ reason: 'renewed', active: true, match: 'testCase' });
    expect(quarantineOf(list, t1, '2019-04-15')).toMatchObject({ reason: 'renewed', active: false });
    expect(quarantineOf(list, { id: 'DEF-2', signature: 'sig-2', testCases: ['T2'] }, '2019-04-14')).toMatchObject({ match: 'signature', active: true });
    expect(quarantineOf(list, { id: 'DEF-3', signature: 'sig-3', testCases: ['T3'] }, '2019-04-14')).toBeNull();
    expect(quarantineOf(undefined, t1, '2019-04-10')).toBeNull();
  });
});
