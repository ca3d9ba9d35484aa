// SPDX-License-Identifier: GPL-3.0-or-later
/** Which control point and programme date `dit report` assesses beside the Allure report. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../ledger/ledger.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import { reportAssessmentChoice } from './report-command.ts';
import { UserError } from './user-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'dit-report-choice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const programme = loadProgramme('dbch-2019-04');

describe('dit report: the assessment it builds', () => {
  it("defaults to the programme's today and the control point due then, without a ledger", () => {
    expect(reportAssessmentChoice(programme, { ledger: join(dir, 'none.db') })).toEqual({ at: '2019-04-12', controlPoint: 'CP-2019-05-03' });
  });

  it('defaults to the latest programme date a run recorded in the ledger', () => {
    const file = join(dir, 'ledger.db');
    const ledger = openLedger(file);
    for (const [id, date] of [['R1', '2019-04-18'], ['R2', '2019-04-26']] as const) {
      ledger.startRun({ id, seed: 's', programmeDate: date, target: 'emulated', programme: programme.name, options: {}, startedAtWall: '2025-03-01T09:00:00Z' });
    }
    ledger.close();
    expect(reportAssessmentChoice(programme, { ledger: file })).toEqual({ at: '2019-04-26', controlPoint: 'CP-2019-05-03' });
  });

  it('takes --at and --control-point as given, and refuses a date that does not exist', () => {
    expect(reportAssessmentChoice(programme, { ledger: join(dir, 'none.db'), at: '2019-06-01' })).toEqual({ at: '2019-06-01', controlPoint: 'CP-2019-05-03' });
    expect(reportAssessmentChoice(programme, { ledger: join(dir, 'none.db'), controlPoint: 'CP-X' }).controlPoint).toBe('CP-X');
    expect(() => reportAssessmentChoice(programme, { ledger: join(dir, 'none.db'), at: '2019-02-30' })).toThrow(UserError);
  });
});
