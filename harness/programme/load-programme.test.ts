// SPDX-License-Identifier: GPL-3.0-or-later
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME, listProgrammes, loadProgramme, PROGRAMME_ROOT, programmeFolder } from './load-programme.ts';
import { ProgrammeError, type ProgrammeIssue } from './programme-error.ts';

const SHIPPED = join(PROGRAMME_ROOT, DEFAULT_PROGRAMME);

type Json = Record<string, unknown> & { id?: string };

const temporaryFolders: string[] = [];
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A private copy of the shipped programme to break. */
function copyOfShipped(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dit-programme-'));
  temporaryFolders.push(folder);
  cpSync(SHIPPED, folder, { recursive: true });
  return folder;
}

function readEntries(folder: string, file: string): Json[] {
  return JSON.parse(readFileSync(join(folder, file), 'utf8')) as Json[];
}

/** Edits one entity file of a copy; `edit` gets the entries and changes them in place. */
function edit(folder: string, file: string, change: (entries: Json[]) => void): void {
  const entries = readEntries(folder, file);
  change(entries);
  writeFileSync(join(folder, file), JSON.stringify(entries, null, 2));
}

function indexOf(folder: string, file: string, id: string): number {
  const i = readEntries(folder, file).findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`${file} has no ${id}`);
  return i;
}

function entry(entries: Json[], id: string): Json {
  const found = entries.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no entry ${id}`);
  return found;
}

/** Loads a folder that must be refused; returns the error. */
function refused(folder: string): ProgrammeError {
  try {
    loadProgramme(folder);
  } catch (e) {
    expect(e).toBeInstanceOf(ProgrammeError);
    return e as ProgrammeError;
  }
  throw new Error(`${folder} was loaded, but it is broken`);
}

/** Expects exactly one problem, at this file and path, with a reason matching `reason`. */
function expectOnly(error: ProgrammeError, file: string, path: string, reason: RegExp): ProgrammeIssue {
  expect(error.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`)).toHaveLength(1);
  const issue = error.issues[0] as ProgrammeIssue;
  expect(issue.file).toBe(file);
  expect(issue.path).toBe(path);
  expect(issue.message).toMatch(reason);
  expect(error.message).toContain(path === '' ? `${file}: ` : `${file}: ${path}: `);
  return issue;
}

describe('the shipped programme', () => {
  it('loads with no problems, by bare name and by default', () => {
    const programme = loadProgramme();
    expect(programme.name).toBe('dbch-2019-04');
    expect(programme.today).toBe('2019-04-12');
    expect(programme.folder).toBe(SHIPPED);
    expect(loadProgramme('dbch-2019-04').folder).toBe(SHIPPED);
    expect(listProgrammes()).toContain(DEFAULT_PROGRAMME);
  });

  it('loads by path, absolute or relative', () => {
    expect(loadProgramme(SHIPPED).name).toBe('dbch-2019-04');
    const rel = relative(process.cwd(), SHIPPED);
    const dotted = rel.startsWith('.') ? rel : `./${rel}`;
    expect(programmeFolder(dotted)).toBe(SHIPPED);
    expect(loadProgramme(dotted).folder).toBe(SHIPPED);
  });

  it('holds the facts of the April 2019 status update', () => {
    const p = loadProgramme();
    const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
    expect(p.manufacturers.map((m) => [m.id, m.chipset])).toEqual([
      ['MM1', 'NXP'],
      ['MM2', 'Silicon Labs'],
    ]);
    expect(ids(p.commsHubVendors)).toEqual(['TOSH', 'WNC', 'EDMI']);
    const r = (id: string) => p.firmwareReleases.find((x) => x.id === id);
    expect(r('TOSH-12.25')?.status).toBe('withdrawn');
    expect(r('TOSH-12.25')?.history?.at(-1)).toMatchObject({ date: '2019-04-08', status: 'withdrawn' });
    expect(r('TOSH-12.26')).toMatchObject({ status: 'planned', version: '12.26' });
    expect(r('WNC-1.9')?.history?.at(-1)).toMatchObject({ date: '2019-04-08', status: 'in-DIT' });
    expect(r('EDMI-SIT-FIX')).toMatchObject({ status: 'planned' });
    expect(r('EDMI-SIT-FIX')?.date).toBeUndefined();
    expect(r('MM1-E24-3.0.0')).toMatchObject({ status: 'planned', bands: ['2.4GHz', '868MHz'] });
    expect(r('MM1-E24-2.1.0')?.bands).toEqual(['2.4GHz']);
    const mm2 = p.deviceModels.filter((m) => m.manufacturer === 'MM2');
    expect(mm2.filter((m) => m.type === 'GSME').map((m) => [m.bands.join('+'), m.productOption])).toEqual([
      ['868MHz', '1'],
      ['868MHz', '2'],
      ['2.4GHz', '1'],
      ['2.4GHz', '2'],
    ]);
    const esme = p.deviceModels.find((m) => m.id === 'MM2-E24');
    expect(esme).toMatchObject({ type: 'ESME', smets: 'SMETS2v3', bands: ['2.4GHz'] });
    expect(p.deliveries.filter((d) => d.model === 'MM2-E24')).toEqual([]);
    expect(p.deliveries.find((d) => d.count === 30)).toMatchObject({ model: 'MM2-G868-OPT1', date: '2019-04-10' });
    const mm1Timeboxed = p.cycles.filter((c) => c.timeboxEnd === '2019-04-29').map((c) => c.type);
    expect(mm1Timeboxed).toEqual(['retest', 'eoc-regression']);
    expect(p.cycles.find((c) => c.id === 'MM2-FORMAL-DIT')).toMatchObject({ window: { start: '2019-05-13' }, gatedBy: 'CP-2019-05-03' });
    expect(p.controlPoints).toHaveLength(1);
    expect(p.controlPoints[0]).toMatchObject({ date: '2019-05-03' });
    expect(p.controlPoints[0]?.assesses).toHaveLength(4);
  });

  it('marks what it invented', () => {
    const p = loadProgramme();
    expect(p.deliveries.filter((d) => d.count !== 30).every((d) => d.illustrative !== undefined)).toBe(true);
    const superseded = p.firmwareReleases.filter((r) => r.status === 'superseded');
    expect(superseded.length).toBeGreaterThan(0);
    expect(superseded.every((r) => r.illustrative === true)).toBe(true);
  });
});

describe('finding a programme', () => {
  it('refuses an unknown name, listing the known ones', () => {
    expect(() => loadProgramme('no-such-programme')).toThrow(ProgrammeError);
    expect(() => loadProgramme('no-such-programme')).toThrow(/no programme named "no-such-programme".*dbch-2019-04/);
  });

  it('refuses a path that is not a folder', () => {
    expect(() => loadProgramme('./no/such/folder')).toThrow(/not a programme folder/);
  });
});

describe('a broken programme folder is refused naming file, path and reason', () => {
  const RELEASES = 'firmware-releases.json';

  it('a date that does not exist', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'WNC-1.8');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'WNC-1.8').date = '2019-02-30';
    });
    const error = refused(folder);
    expect(error.name).toBe('ProgrammeError');
    expectOnly(error, RELEASES, `[${i}].date`, /2019-02-30 does not exist: February 2019 has 28 days/);
    expect(error.message).toContain(`firmware-releases.json: [${i}].date: 2019-02-30 does not exist`);
  });

  it('a date in the wrong shape, inside a status history', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'TOSH-12.25');
    edit(folder, RELEASES, (rs) => {
      const history = entry(rs, 'TOSH-12.25').history as Json[];
      (history[1] as Json).date = '8 April 2019';
    });
    expectOnly(refused(folder), RELEASES, `[${i}].history[1].date`, /expected YYYY-MM-DD/);
  });

  it('a release of an unknown device model', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'MM1-E24-2.1.0');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'MM1-E24-2.1.0').target = { deviceModel: 'MM1-E99' };
    });
    expectOnly(refused(folder), RELEASES, `[${i}].target.deviceModel`, /unknown device model "MM1-E99" \(known: MM1-E24, /);
  });

  it('a release of an unknown comms hub vendor', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'WNC-1.9');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'WNC-1.9').target = { commsHubVendor: 'WNX' };
    });
    const error = refused(folder);
    const issue = error.issues.find((x) => x.path === `[${i}].target.commsHubVendor`);
    expect(issue?.message).toMatch(/unknown comms hub vendor "WNX" \(known: TOSH, WNC, EDMI\)/);
  });

  it('a release naming both a vendor and a device model', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'WNC-1.9');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'WNC-1.9').target = { commsHubVendor: 'WNC', deviceModel: 'MM1-E24' };
    });
    expectOnly(refused(folder), RELEASES, `[${i}].target`, /names both/);
  });

  it('a release on a band its model does not have', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'MM2-G24-OPT1-1.0.3');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'MM2-G24-OPT1-1.0.3').bands = ['2.4GHz', '868MHz'];
    });
    expectOnly(refused(folder), RELEASES, `[${i}].bands[1]`, /868MHz is not a band of MM2-G24-OPT1/);
  });

  it('a release superseding another target\'s release', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'TOSH-12.26');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'TOSH-12.26').supersedes = 'WNC-1.9';
    });
    expectOnly(refused(folder), RELEASES, `[${i}].supersedes`, /WNC-1.9 is firmware for WNC, not for TOSH/);
  });

  it('a status that disagrees with its history on the programme\'s today', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'TOSH-12.25');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'TOSH-12.25').status = 'in-DIT';
    });
    expectOnly(refused(folder), RELEASES, `[${i}].status`, /"in-DIT" but its history says "withdrawn" as of the programme's today 2019-04-12/);
  });

  it('a history out of order', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'TOSH-12.25');
    edit(folder, RELEASES, (rs) => {
      (entry(rs, 'TOSH-12.25').history as Json[]).reverse();
    });
    const error = refused(folder);
    expect(error.issues[0]).toMatchObject({ file: RELEASES, path: `[${i}].history[1].date` });
    expect(error.issues[0]?.message).toMatch(/oldest first/);
  });

  it('two releases of one target with the same version', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, RELEASES, 'TOSH-12.26');
    edit(folder, RELEASES, (rs) => {
      entry(rs, 'TOSH-12.26').version = '12.25';
    });
    expectOnly(refused(folder), RELEASES, `[${i}].version`, /TOSH 12.25 is already release \[\d+\]/);
  });

  it('a delivery of an unknown model', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'deliveries.json', 'DLV-MM2-G868-OPT1-2019-04-10');
    edit(folder, 'deliveries.json', (ds) => {
      const d = entry(ds, 'DLV-MM2-G868-OPT1-2019-04-10');
      d.model = 'MM2-G868-OPT3';
      delete d.firmware;
      delete d.illustrative;
    });
    expectOnly(refused(folder), 'deliveries.json', `[${i}].model`, /unknown device model "MM2-G868-OPT3"/);
  });

  it('a delivery with firmware of another model', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'deliveries.json', 'DLV-MM2-G868-OPT1-2019-04-10');
    edit(folder, 'deliveries.json', (ds) => {
      entry(ds, 'DLV-MM2-G868-OPT1-2019-04-10').firmware = 'MM1-E24-2.1.0';
    });
    expectOnly(refused(folder), 'deliveries.json', `[${i}].firmware`, /MM1-E24-2.1.0 is firmware for MM1-E24, not for MM2-G868-OPT1/);
  });

  it('a delivery count that is not a whole positive number', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'deliveries.json', 'DLV-MM2-G868-OPT1-2019-04-10');
    edit(folder, 'deliveries.json', (ds) => {
      entry(ds, 'DLV-MM2-G868-OPT1-2019-04-10').count = '30';
    });
    expectOnly(refused(folder), 'deliveries.json', `[${i}].count`, /expected number, got "30"/);
  });

  it('a cycle scope naming an unknown model', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'cycles.json', 'MM2-CONFIDENCE');
    edit(folder, 'cycles.json', (cs) => {
      ((entry(cs, 'MM2-CONFIDENCE').scope as Json).models as string[])[2] = 'MM2-G24-OPT9';
    });
    expectOnly(refused(folder), 'cycles.json', `[${i}].scope.models[2]`, /unknown device model "MM2-G24-OPT9"/);
  });

  it('a cycle scope naming a model of a manufacturer outside the scope', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'cycles.json', 'MM2-CONFIDENCE');
    edit(folder, 'cycles.json', (cs) => {
      ((entry(cs, 'MM2-CONFIDENCE').scope as Json).models as string[]).push('MM1-E24');
    });
    expectOnly(refused(folder), 'cycles.json', `[${i}].scope.models[4]`, /MM1-E24 is made by MM1/);
  });

  it('an End-of-Cycle regression criterion naming an unknown cycle, at its cycle field', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'control-points.json', 'CP-2019-05-03');
    let j = -1;
    edit(folder, 'control-points.json', (cps) => {
      const criteria = entry(cps, 'CP-2019-05-03').criteria as Json[];
      j = criteria.push({ id: 'CP-2019-05-03.C9-EOC', kind: 'test-evidence', test: 'eoc-regression', owner: 'DCC test manager', title: 'EoC regression clean', cycle: 'MM2-EOC-TYPO' }) - 1;
    });
    const issue = expectOnly(refused(folder), 'control-points.json', `[${i}].criteria[${j}].cycle`, /unknown cycle "MM2-EOC-TYPO" \(known: /);
    expect(issue.path).not.toMatch(/\[0\]$/);
  });

  it('a capability party and a needed manufacturer that are unknown, each at its own field', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'control-points.json', 'CP-2019-05-03');
    edit(folder, 'control-points.json', (cps) => {
      const criteria = entry(cps, 'CP-2019-05-03').criteria as Json[];
      entry(criteria, 'CP-2019-05-03.C3-CAPABILITY').party = 'MM9';
      ((entry(criteria, 'CP-2019-05-03.C2-GSME-AVAILABILITY').needs as Json[])[1] as Json).manufacturer = 'MM8';
    });
    const cps = readEntries(folder, 'control-points.json');
    const criteria = (cps[i] as Json).criteria as Json[];
    const at = (id: string) => `[${i}].criteria[${criteria.findIndex((c) => c.id === id)}]`;
    expect(refused(folder).issues.map((x) => `${x.file}: ${x.path}: ${x.message.replace(/ \(known: .*/, '')}`).sort()).toEqual([
      `control-points.json: ${at('CP-2019-05-03.C2-GSME-AVAILABILITY')}.needs[1].manufacturer: unknown manufacturer "MM8"`,
      `control-points.json: ${at('CP-2019-05-03.C3-CAPABILITY')}.party: unknown manufacturer "MM9"`,
    ]);
  });

  it('a window that ends before it starts', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'cycles.json', 'MM1-FORMAL-DIT');
    edit(folder, 'cycles.json', (cs) => {
      entry(cs, 'MM1-FORMAL-DIT').window = { start: '2019-04-05', end: '2019-01-21' };
    });
    expectOnly(refused(folder), 'cycles.json', `[${i}].window.end`, /2019-01-21 is before the window's start 2019-04-05/);
  });

  it('a window that outlasts its timebox', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'cycles.json', 'MM1-RETEST');
    edit(folder, 'cycles.json', (cs) => {
      entry(cs, 'MM1-RETEST').window = { start: '2019-04-08', end: '2019-05-10' };
    });
    expectOnly(refused(folder), 'cycles.json', `[${i}].window.end`, /after the timebox end 2019-04-29/);
  });

  it('a cycle gated by an unknown control point', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'cycles.json', 'MM2-FORMAL-DIT');
    edit(folder, 'cycles.json', (cs) => {
      entry(cs, 'MM2-FORMAL-DIT').gatedBy = 'CP-2019-05-30';
    });
    expectOnly(refused(folder), 'cycles.json', `[${i}].gatedBy`, /unknown control point "CP-2019-05-30" \(known: CP-2019-05-03\)/);
  });

  it('a duplicate id within a file', () => {
    const folder = copyOfShipped();
    edit(folder, 'deliveries.json', (ds) => {
      (ds[1] as Json).id = (ds[0] as Json).id;
    });
    expectOnly(refused(folder), 'deliveries.json', '[1].id', /duplicate id "DLV-MM1-E24-2019-01-10": already used at \[0\]\.id/);
  });

  it('a duplicate id across files', () => {
    const folder = copyOfShipped();
    edit(folder, 'device-models.json', (ms) => {
      const model = ms[ms.length - 1] as Json;
      model.id = 'MM2';
    });
    const i = readEntries(folder, 'device-models.json').length - 1;
    const error = refused(folder);
    // the model is renamed, so the references to its old id are unknown as well
    const duplicate = error.issues.find((x) => x.file === 'device-models.json');
    expect(duplicate).toEqual({
      file: 'device-models.json',
      path: `[${i}].id`,
      message: 'duplicate id "MM2": already used at manufacturers.json [1].id (ids are unique across the programme)',
    });
  });

  it('a duplicate id between a comms hub model and a device model', () => {
    const folder = copyOfShipped();
    edit(folder, 'comms-hub-vendors.json', (vs) => {
      ((vs[0] as Json).models as Json[])[0] = { ...((vs[0] as Json).models as Json[])[0], id: 'MM1-E24' };
    });
    const error = refused(folder);
    expect(error.issues).toContainEqual(
      expect.objectContaining({ file: 'comms-hub-vendors.json', path: '[0].models[0].id', message: expect.stringMatching(/duplicate id "MM1-E24": already used at device-models.json \[0\]\.id/) }),
    );
  });

  it('capability flags that contradict the bands', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'device-models.json', 'MM2-G868-OPT1');
    edit(folder, 'device-models.json', (ms) => {
      entry(ms, 'MM2-G868-OPT1').capabilities = { dualBand: false, subGhzCapable: false };
    });
    expectOnly(refused(folder), 'device-models.json', `[${i}].capabilities.subGhzCapable`, /is false but bands include 868MHz/);
  });

  it('an unknown field (a typo)', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'deliveries.json', 'DLV-MM1-E24-2019-01-10');
    edit(folder, 'deliveries.json', (ds) => {
      const d = entry(ds, 'DLV-MM1-E24-2019-01-10');
      d.dat = d.date;
    });
    expectOnly(refused(folder), 'deliveries.json', `[${i}]`, /unknown field "dat"/);
  });

  it('an illustrative mark naming a field the entry does not have', () => {
    const folder = copyOfShipped();
    const i = indexOf(folder, 'deliveries.json', 'DLV-MM2-G24-OPT1-2019-04-05');
    edit(folder, 'deliveries.json', (ds) => {
      entry(ds, 'DLV-MM2-G24-OPT1-2019-04-05').illustrative = ['count', 'quantity'];
    });
    expectOnly(refused(folder), 'deliveries.json', `[${i}].illustrative[1]`, /names "quantity", which is not a field/);
  });

  it('a missing required field', () => {
    const folder = copyOfShipped();
    edit(folder, 'manufacturers.json', (ms) => {
      delete (ms[0] as Json).chipset;
    });
    expectOnly(refused(folder), 'manufacturers.json', '[0].chipset', /missing: expected string/);
  });

  it('an entity file that is not an array', () => {
    const folder = copyOfShipped();
    writeFileSync(join(folder, 'cycles.json'), JSON.stringify({ cycles: [] }));
    const error = refused(folder);
    expect(error.issues.find((x) => x.file === 'cycles.json')).toEqual({ file: 'cycles.json', path: '', message: 'expected a JSON array of entries, [ {...}, ... ], got an object' });
  });

  it('a file that is not JSON, with line and column', () => {
    const folder = copyOfShipped();
    writeFileSync(join(folder, 'manufacturers.json'), '[\n  { "id": "MM1", }\n]\n');
    const issue = refused(folder).issues.find((x) => x.file === 'manufacturers.json');
    expect(issue?.path).toBe('');
    expect(issue?.message).toMatch(/^not valid JSON at line 2, column \d+: /);
  });

  it('a missing file', () => {
    const folder = copyOfShipped();
    rmSync(join(folder, 'control-points.json'));
    const error = refused(folder);
    expect(error.issues[0]).toMatchObject({ file: 'control-points.json', path: '', message: expect.stringMatching(/^missing: a programme folder holds programme.json, /) });
  });

  it('a programme.json with a today that does not exist', () => {
    const folder = copyOfShipped();
    const info = JSON.parse(readFileSync(join(folder, 'programme.json'), 'utf8')) as Json;
    info.today = '2019-04-31';
    writeFileSync(join(folder, 'programme.json'), JSON.stringify(info));
    expectOnly(refused(folder), 'programme.json', 'today', /2019-04-31 does not exist: April 2019 has 30 days/);
  });

  it('reports every problem, not only the first, one per line', () => {
    const folder = copyOfShipped();
    edit(folder, RELEASES, (rs) => {
      (rs[3] as Json).date = '2019-02-30';
      entry(rs, 'MM1-E24-2.1.0').target = { deviceModel: 'nope' };
    });
    edit(folder, 'deliveries.json', (ds) => {
      (ds[0] as Json).model = 'nope';
      delete (ds[0] as Json).firmware;
      delete (ds[0] as Json).illustrative;
    });
    edit(folder, 'cycles.json', (cs) => {
      entry(cs, 'MM1-RETEST').window = { start: '2019-04-29', end: '2019-04-08' };
    });
    const error = refused(folder);
    // grouped by file in the folder's order, then by entry
    expect(error.issues.map((x) => `${x.file}: ${x.path}`)).toEqual([
      'firmware-releases.json: [3].date',
      `firmware-releases.json: [${indexOf(folder, RELEASES, 'MM1-E24-2.1.0')}].target.deviceModel`,
      'deliveries.json: [0].model',
      'cycles.json: [1].window.end',
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toMatch(/^programme .* is not valid \(4 problems\):$/);
    expect(lines.slice(1)).toHaveLength(4);
    expect(lines[1]).toBe('  firmware-releases.json: [3].date: 2019-02-30 does not exist: February 2019 has 28 days');
  });
});
