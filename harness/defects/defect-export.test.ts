// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import type { Defect } from './defect.ts';
import { DEFECT_CSV_COLUMNS, defectListEntry, defectsForRelease, defectsToCsv, defectsToJson } from './defect-export.ts';
import { projectDefects } from './project-defects.ts';
import type { DefectRelease } from './release-catalogue.ts';
import { combo, SyntheticLedger } from './testing/synthetic-ledger.ts';

const open: SyntheticLedger[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

const meter = (version: string, date: string, claimsToFix: DefectRelease['claimsToFix'] = []): DefectRelease => ({
  id: `E470-${version}`,
  target: { kind: 'meter', model: 'E470' },
  version,
  date,
  claimsToFix,
});

function defects(): Defect[] {
  const l = new SyntheticLedger();
  open.push(l);
  const r1 = l.run('2019-04-01');
  l.fail(r1, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.4'), ['=HYPERLINK("x"), "quoted", value\nsecond line'], { severity: 1 });
  l.fail(r1, 'READ-GSME-GCS13a', combo('WNC 1.9', 'MM2 G100 2.0'), ['GSME did not wake']);
  l.pass(r1, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.5'));
  const first = projectDefects(l.history(), [], { at: '2019-04-01' });
  const releases = [meter('1.4', '2019-03-01'), meter('1.5', '2019-04-01', [{ defectSignature: first[0]?.signature ?? '' }])];
  const r2 = l.run('2019-04-02');
  l.pass(r2, 'READ-ESME-ECS17b', combo('TOSH 12.26', 'MM1 E470 1.5'));
  return projectDefects(l.history(), releases, { at: '2019-04-02' });
}

describe('defect export', () => {
  it('gives the list entries `dit defects list --json` prints', () => {
    const [register, gsme] = defects();
    expect(register && defectListEntry(register)).toEqual({
      id: register?.id,
      severity: 1,
      state: 'verified',
      foundIn: 'E470-1.4',
      fixedIn: 'E470-1.5',
      verifiedIn: 'E470-1.5',
      signature: register?.signature,
      testCase: 'READ-ESME-ECS17b',
      title: '=HYPERLINK("x"), "quoted", value',
      intermittent: false,
      quarantined: false,
      blocking: false,
    });
    expect(gsme && defectListEntry(gsme)).toMatchObject({ state: 'open', fixedIn: null, verifiedIn: null, foundIn: 'MM2 G100 2.0' });
  });

  it('writes JSON: full records or list entries', () => {
    const list = defects();
    const full = JSON.parse(defectsToJson(list)) as Defect[];
    expect(full).toEqual(JSON.parse(JSON.stringify(list)));
    expect(full[0]?.history.map((e) => e.kind)).toEqual(['found', 'claimed-fixed', 'verified']);
    const short = JSON.parse(defectsToJson(list, { short: true })) as unknown[];
    expect(short).toEqual(list.map(defectListEntry));
    expect(defectsToJson(list).endsWith(']\n')).toBe(true);
  });

  it('writes CSV: a header, one row per defect, quoted fields, no formulas', () => {
    const list = defects();
    const csv = defectsToCsv(list);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(DEFECT_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(list.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toContain(`${list[0]?.id},1,verified,false,false,false,READ-ESME-ECS17b,"'=HYPERLINK(""x""), ""quoted"", value",meter,E470-1.4,,E470-1.5,E470-1.5,,,1,2019-04-01,2019-04-01,,,`);
    expect(lines[2]).toMatch(/,2,open,false,false,true,READ-GSME-GCS13a,GSME did not wake,meter,MM2 G100 2.0,/);
  });

  it('selects the defects that concern a release', () => {
    const list = defects();
    expect(defectsForRelease(list, 'E470-1.5').map((d) => d.testCase)).toEqual(['READ-ESME-ECS17b']);
    expect(defectsForRelease(list, 'WNC 1.9').map((d) => d.testCase)).toEqual(['READ-GSME-GCS13a']);
    expect(defectsForRelease(list, 'TOSH 12.26').map((d) => d.testCase)).toEqual(['READ-ESME-ECS17b']);
    expect(defectsForRelease(list, 'nothing')).toEqual([]);
  });
});
