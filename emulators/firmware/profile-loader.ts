// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reads and checks firmware behaviour profiles (fixtures/profiles/*.json, schema in
 * profile-schema.ts) against a programme (harness/programme, default dbch-2019-04), and finds
 * the profile of a (model id, release id). Every problem is collected and reported together in
 * one `ProfileError`, each with file, path and reason:
 * - the file: not JSON, not a profile (unknown fields included: every object is strict, and the
 *   error lists the fields expected there), or named other than `<id>.json`;
 * - the programme: `model` is no device model or comms hub model, `release` is no firmware
 *   release, or the release is not for that model;
 * - the faults: a use case that is no GBCS use case id or alias (message-codes.ts), an
 *   `alertCode` on a fault that is not about alerts, device types the profile cannot see (a
 *   meter profile sees only its own type), a `reject` result the emulated use case does not have,
 *   a `clock-drift` in a comms hub profile (the hub keeps the HAN's time; meters drift);
 *   a `lose-queued` in a meter profile (the CHF holds the queue), a `stale-mirror` in an ESME's;
 * - timings for a device type the model is not (CHF/GPF for a hub, the meter's type for a
 *   meter), a wake interval for anything but a GSME, a sleepy send timeout for anything but the CHF;
 * - across files: a profile id, a fault id or a (model, release) pair used twice.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messageCodesForUseCase } from '../../harness/protocol/gbcs/message-codes.ts';
import { loadProgramme } from '../../harness/programme/load-programme.ts';
import type { z } from 'zod';
import { expectedFields } from '../../harness/programme/expected-fields.ts';
import { issuesFromZod } from '../../harness/programme/programme-error.ts';
import { readJsonFile } from '../../harness/programme/read-json-file.ts';
import type { Programme } from '../../harness/programme/programme.ts';
import { EMULATED_USE_CASES } from '../use-cases/registry.ts';
import { ProfileError, type ProfileIssue } from './profile-error.ts';
import { FirmwareProfileSchema, isHanEventFault, PROFILE_DEVICE_TYPES, type FirmwareProfile, type FirmwareProfileData, type ProfileDeviceType } from './profile-schema.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the shipped profiles live. */
export const PROFILES_DIR = join(projectRoot, 'fixtures/profiles');

/** The environment variable naming another folder of profiles for the emulated worlds (default PROFILES_DIR). */
export const PROFILES_DIR_ENV = 'DIT_PROFILES_DIR';

/** The folder the emulated worlds take their profiles from: $DIT_PROFILES_DIR, else the shipped one. */
export function profilesDir(): string {
  const chosen = process.env[PROFILES_DIR_ENV];
  return chosen ? resolve(chosen) : PROFILES_DIR;
}

/** The programme facts a profile is checked against. */
export type ProfileProgramme = Pick<Programme, 'deviceModels' | 'commsHubVendors' | 'firmwareReleases'>;

export interface ProfileCatalogue {
  readonly profiles: readonly FirmwareProfile[];
  /** The profile of this firmware release on this model (device model or comms hub model id), if one is shipped. */
  resolveProfile(modelId: string, releaseId: string): FirmwareProfile | undefined;
  /**
   * The comms hub profiles of a vendor's release (a premises description names the vendor,
   * not the hub model): one per hub model of the vendor that has a profile for it.
   */
  commsHubProfiles(vendorId: string, releaseId: string): FirmwareProfile[];
  /** The profile with this id. */
  profile(id: string): FirmwareProfile | undefined;
}

export interface LoadProfilesOptions {
  /** Folder of profile files. Default: fixtures/profiles. */
  readonly dir?: string;
  /** The programme to check against: loaded, or a name/path for loadProgramme. Default: the default programme. */
  readonly programme?: ProfileProgramme | string;
}

/** A file's name for messages: relative to the project root when inside it. */
function displayName(file: string): string {
  const rel = relative(projectRoot, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

type ModelInfo = { readonly kind: 'meter'; readonly type: 'ESME' | 'GSME'; readonly manufacturer: string } | { readonly kind: 'comms-hub'; readonly vendor: string };

function modelInfo(programme: ProfileProgramme, id: string): ModelInfo | undefined {
  const meter = programme.deviceModels.find((m) => m.id === id);
  if (meter) return { kind: 'meter', type: meter.type, manufacturer: meter.manufacturer };
  const vendor = programme.commsHubVendors.find((v) => v.models.some((m) => m.id === id));
  return vendor ? { kind: 'comms-hub', vendor: vendor.id } : undefined;
}

function allModelIds(programme: ProfileProgramme): string[] {
  return [...programme.deviceModels.map((m) => m.id), ...programme.commsHubVendors.flatMap((v) => v.models.map((m) => m.id))];
}

/** "an ESME model", "a GSME model", "a comms hub model". */
function modelPhrase(model: ModelInfo): string {
  return model.kind === 'comms-hub' ? 'a comms hub model' : `${model.type === 'ESME' ? 'an' : 'a'} ${model.type} model`;
}

function list(ids: readonly string[], max = 12): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (${ids.length} in all)`;
}

/** The device types whose messages a profile of this model sees, and whose timings it may set. */
function visibleTypes(model: ModelInfo): { faults: readonly ProfileDeviceType[]; timings: readonly ProfileDeviceType[] } {
  if (model.kind === 'comms-hub') return { faults: PROFILE_DEVICE_TYPES, timings: ['CHF', 'GPF'] };
  return { faults: [model.type], timings: [model.type] };
}

function checkAgainstProgramme(data: FirmwareProfileData, file: string, programme: ProfileProgramme): { issues: ProfileIssue[]; model: ModelInfo | undefined } {
  const issues: ProfileIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ file, path, message });
  const model = modelInfo(programme, data.model);
  if (!model) issue('model', `unknown model ${JSON.stringify(data.model)}: not a device model or comms hub model of the programme (known: ${list(allModelIds(programme))})`);
  const release = programme.firmwareReleases.find((r) => r.id === data.release);
  if (!release) {
    issue('release', `unknown release ${JSON.stringify(data.release)}: not in the programme's firmware-releases.json (known: ${list(programme.firmwareReleases.map((r) => r.id))})`);
  } else if (model) {
    const t = release.target;
    const fits = model.kind === 'meter' ? t.deviceModel === data.model : t.commsHubVendor === model.vendor && (t.commsHubModel ?? data.model) === data.model;
    if (!fits) {
      const whose = t.deviceModel ?? [t.commsHubVendor, t.commsHubModel].filter(Boolean).join(' ');
      issue('release', `release ${data.release} is firmware for ${whose}, not for model ${data.model}`);
    }
  }

  const visible = model ? visibleTypes(model) : undefined;
  for (const [type, timings] of Object.entries(data.timings ?? {})) {
    if (!timings) continue;
    if (visible && !visible.timings.includes(type as ProfileDeviceType)) {
      issue(`timings.${type}`, `${model ? modelPhrase(model) : 'this model'} has timings for ${visible.timings.join(' and ')} only`);
    }
    if (timings.wakeIntervalMs !== undefined && type !== 'GSME') issue(`timings.${type}.wakeIntervalMs`, 'only a GSME wakes: a wake interval belongs to GSME timings');
    if (timings.sleepySendTimeoutMs !== undefined && type !== 'CHF') issue(`timings.${type}.sleepySendTimeoutMs`, 'only the CHF holds commands for a sleepy device: a send timeout belongs to CHF timings');
  }

  data.faults.forEach((fault, i) => {
    const at = (field: string) => `faults[${i}].${field}`;
    if (visible && fault.deviceTypes) {
      fault.deviceTypes.forEach((type, j) => {
        if (!visible.faults.includes(type)) issue(`${at('deviceTypes')}[${j}]`, `a profile of ${model ? modelPhrase(model) : 'this model'} sees only ${visible.faults.join(', ')} messages, not ${type}`);
      });
    }
    if (fault.primitive === 'clock-drift') {
      if (model?.kind === 'comms-hub') issue(at('primitive'), 'a clock drift is a meter fault: the comms hub keeps the HAN\'s time, so it belongs in a meter model\'s profile');
      return;
    }
    if (isHanEventFault(fault)) {
      // the GPF mirror and the CHF queue are the hub's; a meter's own faults are its rejoins and its reports
      if (model?.kind === 'meter' && fault.primitive === 'lose-queued') issue(at('primitive'), 'losing queued commands is a comms hub fault: the CHF holds the queue, so it belongs in a comms hub profile');
      if (fault.primitive === 'stale-mirror' && visible && !visible.faults.includes('GSME')) issue(at('primitive'), 'a stale mirror is about the GSME\'s reports to the GPF: it belongs in a comms hub or GSME profile');
      return;
    }
    if (messageCodesForUseCase(fault.useCase).length === 0) {
      const near = messageCodesForUseCase(fault.useCase.toUpperCase()).length > 0 ? ` (did you mean ${fault.useCase.toUpperCase()}?)` : '';
      issue(at('useCase'), `unknown use case ${JSON.stringify(fault.useCase)}: not a GBCS use case id or alias of harness/protocol/gbcs/message-codes.json${near}`);
    }
    if (fault.alertCode !== undefined && fault.direction !== 'alert') issue(at('alertCode'), `an alert code narrows alert faults only; this fault's direction is ${fault.direction}`);
    if (fault.primitive === 'reject' && fault.result !== undefined) {
      const emulated = EMULATED_USE_CASES.filter((u) => messageCodesForUseCase(fault.useCase).some((c) => c.code === u.messageCode));
      for (const u of emulated) {
        if (!u.refusalResults.includes(fault.result)) issue(at('result'), `${u.name} cannot refuse with ${JSON.stringify(fault.result)}: one of ${list(u.refusalResults, 8)}`);
      }
    }
  });
  return { issues, model };
}

/** An unknown-field issue also says which fields are expected at its place. */
function withExpectedFields(issues: ProfileIssue[], error: z.ZodError, json: unknown): ProfileIssue[] {
  return issues.map((issue, i) => {
    const zodIssue = error.issues[i];
    if (zodIssue?.code !== 'unrecognized_keys') return issue;
    const fields = expectedFields(FirmwareProfileSchema, json, zodIssue.path);
    return fields ? { ...issue, message: `${issue.message}; expected here: ${fields.join(', ')}` } : issue;
  });
}

function parseOne(json: unknown, file: string, programme: ProfileProgramme): { profile?: FirmwareProfile; issues: ProfileIssue[] } {
  const result = FirmwareProfileSchema.safeParse(json, { reportInput: true });
  if (!result.success) return { issues: withExpectedFields(issuesFromZod(file, result.error), result.error, json) };
  const { issues, model } = checkAgainstProgramme(result.data, file, programme);
  if (issues.length > 0 || !model) return { issues };
  const manufacturer = model.kind === 'meter' ? model.manufacturer : model.vendor;
  return { profile: { ...result.data, source: file, kind: model.kind, manufacturer }, issues };
}

/** Checks one profile given as JSON (`file` names it in errors); throws a ProfileError. */
export function parseProfile(json: unknown, file: string, programme: ProfileProgramme | string = loadedProgramme()): FirmwareProfile {
  const { profile, issues } = parseOne(json, file, typeof programme === 'string' ? loadProgramme(programme) : programme);
  if (!profile) throw ProfileError.of(`profile ${file} is`, issues);
  return profile;
}


type ProfileEntries = ReadonlyArray<{ readonly file: string; readonly json: unknown }>;

/** Checks a set of profiles as JSON, each with its file: one by one, then across them. Throws a ProfileError. */
export function checkProfiles(entries: ProfileEntries, programme: ProfileProgramme): FirmwareProfile[] {
  const { profiles, issues } = collect(entries, programme);
  if (issues.length > 0) throw ProfileError.of('firmware profiles are', issues);
  return profiles;
}

function collect(entries: ProfileEntries, programme: ProfileProgramme, earlier: readonly ProfileIssue[] = []): { profiles: FirmwareProfile[]; issues: ProfileIssue[] } {
  const issues: ProfileIssue[] = [...earlier];
  const profiles: FirmwareProfile[] = [];
  for (const { file, json } of entries) {
    const one = parseOne(json, file, programme);
    issues.push(...one.issues);
    if (one.profile) profiles.push(one.profile);
  }
  const ids = new Map<string, string>();
  const pairs = new Map<string, string>();
  const faultIds = new Map<string, string>();
  for (const p of profiles) {
    const name = basename(p.source);
    if (name.endsWith('.json') && name !== `${p.id}.json`) issues.push({ file: p.source, path: 'id', message: `profile ${p.id} must be in a file named ${p.id}.json` });
    const sameId = ids.get(p.id);
    if (sameId) issues.push({ file: p.source, path: 'id', message: `profile id ${p.id} is also used by ${sameId}` });
    else ids.set(p.id, p.source);
    const pair = `${p.model} × ${p.release}`;
    const samePair = pairs.get(pair);
    if (samePair) issues.push({ file: p.source, path: 'release', message: `${samePair} is already the profile of model ${p.model} with release ${p.release}` });
    else pairs.set(pair, p.source);
    p.faults.forEach((f, i) => {
      const other = faultIds.get(f.id);
      if (other) issues.push({ file: p.source, path: `faults[${i}].id`, message: `fault id ${f.id} is also used in ${other}` });
      else faultIds.set(f.id, p.source);
    });
  }
  return { profiles, issues };
}

/** A catalogue over checked profiles. */
export function profileCatalogue(profiles: readonly FirmwareProfile[]): ProfileCatalogue {
  const byPair = new Map(profiles.map((p) => [`${p.model}\u0000${p.release}`, p]));
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return {
    profiles,
    resolveProfile: (modelId, releaseId) => byPair.get(`${modelId}\u0000${releaseId}`),
    commsHubProfiles: (vendorId, releaseId) => profiles.filter((p) => p.kind === 'comms-hub' && p.manufacturer === vendorId && p.release === releaseId),
    profile: (id) => byId.get(id),
  };
}

let defaultProgramme: ProfileProgramme | undefined;
function loadedProgramme(): ProfileProgramme {
  defaultProgramme ??= loadProgramme();
  return defaultProgramme;
}

/** Reads every `*.json` of the folder and checks them (see the file header); throws a ProfileError. */
export function loadProfiles(options: LoadProfilesOptions = {}): ProfileCatalogue {
  const dir = options.dir ?? PROFILES_DIR;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ProfileError(`${displayName(dir)}: no such folder of firmware profiles`);
  const programme = options.programme === undefined ? loadedProgramme() : typeof options.programme === 'string' ? loadProgramme(options.programme) : options.programme;
  const issues: ProfileIssue[] = [];
  const entries: Array<{ file: string; json: unknown }> = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = displayName(join(dir, name));
    const { json, issue } = readJsonFile(join(dir, name), file);
    if (issue) issues.push(issue);
    else entries.push({ file, json });
  }
  const checked = collect(entries, programme, issues);
  if (checked.issues.length > 0) throw ProfileError.of(`firmware profiles in ${displayName(dir)} are`, checked.issues);
  return profileCatalogue(checked.profiles);
}

let shipped: { dir: string; catalogue: ProfileCatalogue } | undefined;

/** The profiles of profilesDir() (fixtures/profiles unless $DIT_PROFILES_DIR) against the default programme, loaded once per folder. */
export function shippedProfiles(): ProfileCatalogue {
  const dir = profilesDir();
  if (shipped?.dir !== dir) shipped = { dir, catalogue: loadProfiles({ dir }) };
  return shipped.catalogue;
}

/** The shipped profile of a release on a model (device model or comms hub model id), if any. */
export function resolveProfile(modelId: string, releaseId: string): FirmwareProfile | undefined {
  return shippedProfiles().resolveProfile(modelId, releaseId);
}

/** Like resolveProfile, but a missing profile is an error naming what exists for the model. */
export function requireProfile(modelId: string, releaseId: string, catalogue: ProfileCatalogue = shippedProfiles()): FirmwareProfile {
  const found = catalogue.resolveProfile(modelId, releaseId);
  if (found) return found;
  const forModel = catalogue.profiles.filter((p) => p.model === modelId).map((p) => p.release);
  throw new ProfileError(
    `no firmware profile for release ${releaseId} on model ${modelId}${forModel.length > 0 ? ` (profiles of ${modelId}: releases ${forModel.join(', ')})` : ' (no profile names this model)'}`,
  );
}
