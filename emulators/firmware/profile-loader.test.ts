// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../harness/programme/load-programme.ts';
import { ProfileError, type ProfileIssue } from './profile-error.ts';
import { loadProfiles, parseProfile, requireProfile, resolveProfile, shippedProfiles } from './profile-loader.ts';

const programme = loadProgramme();

/** A valid profile to break one field at a time. */
function base(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'P1',
    model: 'WNC-DBCH',
    release: 'WNC-1.9',
    description: 'a test profile',
    faults: [{ id: 'F1', description: 'late', illustrative: true, useCase: 'GCS38', direction: 'response', primitive: 'delay', delayMs: 1000 }],
    ...overrides,
  };
}

function fault(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...(base()['faults'] as Array<Record<string, unknown>>)[0], ...overrides };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Writes files into a fresh folder and loads it; returns the ProfileError it must throw. */
function refused(files: Record<string, unknown>): { error: ProfileError; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dit-profiles-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  try {
    loadProfiles({ dir, programme });
  } catch (e) {
    if (e instanceof ProfileError) return { error: e, dir };
    throw e;
  }
  throw new Error('the profiles were accepted');
}

function issueAt(error: ProfileError, path: string): ProfileIssue {
  const found = error.issues.find((i) => i.path === path);
  if (!found) throw new Error(`no issue at ${path}; issues: ${error.message}`);
  return found;
}

describe('profile loader: refusals name the file, the path inside it and the reason', () => {
  it('a release that is not in the programme (firmware-releases.json)', () => {
    const { error, dir } = refused({ 'P1.json': base({ release: 'WNC-2.0' }) });
    expect(issueAt(error, 'release')).toEqual({ file: join(dir, 'P1.json'), path: 'release', message: expect.stringMatching(/^unknown release "WNC-2.0": not in the programme's firmware-releases.json \(known: TOSH-12.24/) });
    expect(error.message).toContain(`${join(dir, 'P1.json')}: release: unknown release "WNC-2.0"`);
    expect(error.name).toBe('ProfileError');
  });

  it('a release for another model, and an unknown model', () => {
    expect(issueAt(refused({ 'P1.json': base({ model: 'MM1-E24' }) }).error, 'release').message).toBe('release WNC-1.9 is firmware for WNC, not for model MM1-E24');
    expect(issueAt(refused({ 'P1.json': base({ model: 'WNC-XL' }) }).error, 'model').message).toMatch(/^unknown model "WNC-XL": not a device model or comms hub model/);
  });

  it('an unknown field, at the top and inside a fault (strict objects)', () => {
    const top = refused({ 'P1.json': base({ colour: 'red' }) }).error;
    expect(issueAt(top, '').message).toMatch(/^unknown field "colour"/);
    const inner = refused({ 'P1.json': base({ faults: [fault({ delayMS: 5 })] }) }).error;
    expect(issueAt(inner, 'faults[0]').message).toMatch(/^unknown field "delayMS"/);
  });

  it('an unknown use case, with a hint when only the case is wrong', () => {
    const { error } = refused({ 'P1.json': base({ faults: [fault({ useCase: 'ECS99' }), fault({ id: 'F2', useCase: 'gcs38' })] }) });
    expect(issueAt(error, 'faults[0].useCase').message).toBe('unknown use case "ECS99": not a GBCS use case id or alias of harness/protocol/gbcs/message-codes.json');
    expect(issueAt(error, 'faults[1].useCase').message).toMatch(/did you mean GCS38\?/);
  });

  it('a primitive in a direction it has no meaning in, and an alert code on a response fault', () => {
    const { error } = refused({
      'P1.json': base({
        faults: [
          { id: 'F1', description: 'x', illustrative: true, useCase: 'CS14', direction: 'response', primitive: 'omit-alert' },
          { id: 'F2', description: 'x', illustrative: true, useCase: 'ECS52', direction: 'response', primitive: 'reject' },
        ],
      }),
    });
    expect(issueAt(error, 'faults[0].direction').message).toBe('"response" is not one of "alert"');
    expect(issueAt(error, 'faults[1].direction').message).toBe('"response" is not one of "command"');
    const alertCode = refused({ 'P1.json': base({ faults: [fault({ alertCode: '8F12' })] }) }).error;
    expect(issueAt(alertCode, 'faults[0].alertCode').message).toBe("an alert code narrows alert faults only; this fault's direction is response");
  });

  it('device types a meter profile cannot see, a reject result the use case lacks, timings of the wrong type', () => {
    const { error } = refused({
      'P1.json': base({
        model: 'MM1-E24',
        release: 'MM1-E24-2.1.0',
        timings: { CHF: { responseLatencyMs: 1 }, ESME: { wakeIntervalMs: 60000 } },
        faults: [
          fault({ useCase: 'ECS52', deviceTypes: ['ESME', 'GPF'] }),
          { id: 'F2', description: 'x', illustrative: true, useCase: 'ECS52', direction: 'command', primitive: 'reject', result: 'no-such-result' },
        ],
      }),
    });
    expect(issueAt(error, 'faults[0].deviceTypes[1]').message).toBe('a profile of an ESME model sees only ESME messages, not GPF');
    expect(issueAt(error, 'faults[1].result').message).toMatch(/^ECS52 cannot refuse with "no-such-result": one of read-write-denied/);
    expect(issueAt(error, 'timings.CHF').message).toBe('an ESME model has timings for ESME only');
    expect(issueAt(error, 'timings.ESME.wakeIntervalMs').message).toMatch(/only a GSME wakes/);
  });

  it('a clock drift: on a meter only, of its own type, with an offset or a rate', () => {
    const drift = (o: Record<string, unknown>) => ({ id: 'K1', description: 'fast clock', illustrative: true, primitive: 'clock-drift', ...o });
    const { error } = refused({
      'P1.json': base({ faults: [drift({ secondsPerDay: 30 })] }),
      'P2.json': base({ id: 'P2', model: 'MM1-E24', release: 'MM1-E24-2.1.0', faults: [drift({ id: 'K2', deviceTypes: ['GSME'], offsetSeconds: 5 }), drift({ id: 'K3' }), drift({ id: 'K4', useCase: 'ECS70', secondsPerDay: 1 })] }),
    });
    expect(issueAt(error, 'faults[0].primitive').message).toMatch(/^a clock drift is a meter fault: the comms hub keeps the HAN's time/);
    expect(error.issues.filter((i) => i.file.endsWith('P2.json')).map((i) => i.path)).toEqual(expect.arrayContaining(['faults[1]', 'faults[2]']));
    expect(error.message).toContain('a clock drift needs offsetSeconds, secondsPerDay or both');
    expect(parseProfile(base({ model: 'MM1-E24', release: 'MM1-E24-2.1.0', faults: [drift({ secondsPerDay: -12.5 })] }), 'ok.json', programme).faults[0]).toMatchObject({ primitive: 'clock-drift', secondsPerDay: -12.5 });
    const gsmeTypeOnEsme = refused({ 'P3.json': base({ id: 'P3', model: 'MM1-E24', release: 'MM1-E24-2.1.0', faults: [drift({ deviceTypes: ['GSME'], offsetSeconds: 5 })] }) }).error;
    expect(issueAt(gsmeTypeOnEsme, 'faults[0].deviceTypes[0]').message).toBe('a profile of an ESME model sees only ESME messages, not GSME');
  });

  it('HAN-event faults: no use case; the queue is the hub’s, the mirror the hub’s or the GSME’s; a sleepy send timeout is the CHF’s', () => {
    const han = (primitive: string, o: Record<string, unknown> = {}) => ({ id: `H-${primitive}`, description: 'han', illustrative: true, primitive, ...o });
    const hub = base({ faults: [han('stale-mirror'), han('lose-queued', { trigger: { every: 3 } }), han('fails-to-rejoin', { deviceTypes: ['ESME'] })] });
    expect(parseProfile(hub, 'hub.json', programme).faults.map((f) => f.primitive)).toEqual(['stale-mirror', 'lose-queued', 'fails-to-rejoin']);
    const { error } = refused({
      'P1.json': base({ faults: [han('stale-mirror', { useCase: 'GCS13a' })] }),
      'P3.json': base({ id: 'P3', release: 'WNC-1.8', faults: [], timings: { GPF: { sleepySendTimeoutMs: 1000 } } }),
      'P2.json': base({ id: 'P2', model: 'MM1-E24', release: 'MM1-E24-2.1.0', faults: [han('lose-queued', { id: 'H2' }), han('stale-mirror', { id: 'H3' })] }),
    });
    expect(issueAt(error, 'faults[0]').message).toMatch(/^unknown field "useCase".*expected here: id, description, illustrative, deviceTypes, trigger, probability, primitive$/);
    expect(issueAt(error, 'timings.GPF.sleepySendTimeoutMs').message).toMatch(/^only the CHF holds commands for a sleepy device/);
    expect(issueAt(error, 'faults[0].primitive').message).toMatch(/^losing queued commands is a comms hub fault/);
    expect(issueAt(error, 'faults[1].primitive').message).toMatch(/^a stale mirror is about the GSME's reports/);
  });

  it('across files: a duplicate fault id, a duplicate (model, release), a file named other than its id, bad JSON', () => {
    const { error, dir } = refused({
      'P1.json': base(),
      'P2.json': base({ id: 'P2' }),
      'wrong-name.json': base({ id: 'P3', release: 'WNC-1.8', faults: [] }),
      'broken.json': '{ "id": ',
    });
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { file: join(dir, 'broken.json'), path: '', message: expect.stringMatching(/^not valid JSON/) },
        { file: join(dir, 'P2.json'), path: 'release', message: `${join(dir, 'P1.json')} is already the profile of model WNC-DBCH with release WNC-1.9` },
        { file: join(dir, 'P2.json'), path: 'faults[0].id', message: `fault id F1 is also used in ${join(dir, 'P1.json')}` },
        { file: join(dir, 'wrong-name.json'), path: 'id', message: 'profile P3 must be in a file named P3.json' },
      ]),
    );
  });

  it('parseProfile refuses one profile the same way', () => {
    expect(() => parseProfile(base({ release: 'NOPE' }), 'inline.json', programme)).toThrow(/^profile inline.json is not valid \(1 problem\):\n {2}inline.json: release: unknown release "NOPE"/);
  });
});

describe('shipped profiles (fixtures/profiles)', () => {
  const catalogue = shippedProfiles();

  it('cover every firmware release of the programme, per model', () => {
    const missing: string[] = [];
    for (const release of programme.firmwareReleases) {
      const models = release.target.deviceModel
        ? [release.target.deviceModel]
        : release.target.commsHubModel
          ? [release.target.commsHubModel]
          : (programme.commsHubVendors.find((v) => v.id === release.target.commsHubVendor)?.models.map((m) => m.id) ?? []);
      for (const model of models) if (!catalogue.resolveProfile(model, release.id)) missing.push(`${model} × ${release.id}`);
    }
    expect(missing).toEqual([]);
  });

  it('mark every fault illustrative (none is reported by a source) and keep most profiles clean', () => {
    const faults = catalogue.profiles.flatMap((p) => p.faults);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.filter((f) => !f.illustrative)).toEqual([]);
    expect(catalogue.profiles.filter((p) => p.faults.length === 0).length).toBeGreaterThan(catalogue.profiles.length / 2);
  });

  it('resolveProfile finds a profile by (model id, release id); requireProfile says what exists', () => {
    expect(resolveProfile('TOSH-DBCH', 'TOSH-12.25')).toMatchObject({ id: 'TOSH-DBCH-12.25', kind: 'comms-hub' });
    expect(resolveProfile('MM1-E24', 'MM1-E24-2.1.0')).toMatchObject({ kind: 'meter' });
    expect(resolveProfile('TOSH-DBCH', 'WNC-1.9')).toBeUndefined();
    expect(() => requireProfile('TOSH-DBCH', 'TOSH-99')).toThrow(/no firmware profile for release TOSH-99 on model TOSH-DBCH \(profiles of TOSH-DBCH: releases TOSH-12.24, TOSH-12.25, TOSH-12.26\)/);
  });
});
