// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A fault set: the firmware faults the devices of one execution carry in place of those their
 * profiles declare (`dit profiles audit` gives one per plan item). By role — the comms hub's
 * profile (CHF and GPF, and every meter message it relays), the ESME's, the GSME's — each list
 * replaces the faults of that device's profile, its timings kept; a device with no profile gets
 * one holding only these faults and the emulator's default timings. An empty list strips a
 * profile of its faults (the audit's fault-free run of a shipped profile); a role not listed
 * keeps its profile as it is.
 *
 * In an execution with a fault set the set is the only fault, and it stays with the device: a
 * device that activates another firmware image (SRV 11.3) takes that release's shipped profile
 * (its timings) with the set's faults for its role in place of the release's own
 * (`withFaultSet`), so a fault-free run stays fault-free across an upgrade, a fault is not
 * mistaken for one the new release's profile declares, and a fault on what a device sends after
 * its restart (the CS06 response, 0x8F43) still acts.
 *
 * The harness carries fault sets as plain JSON (harness/dit/run-config.ts, which must not read
 * emulators); `parseFaultSet` checks one with the profile schema before a world is built.
 */
import { z } from 'zod';
import type { PremisesProfiles } from '../premises.ts';
import type { ProfileCatalogue } from './profile-loader.ts';
import type { WorldProfiles } from '../world.ts';
import { FaultSchema, type Fault, type FirmwareProfile } from './profile-schema.ts';

export const FAULT_SET_ROLES = ['commsHub', 'esme', 'gsme'] as const;
export type FaultSetRole = (typeof FAULT_SET_ROLES)[number];

export const FaultSetSchema = z.strictObject({
  commsHub: z.array(FaultSchema).optional(),
  esme: z.array(FaultSchema).optional(),
  gsme: z.array(FaultSchema).optional(),
});
export type FaultSet = { readonly [R in FaultSetRole]?: readonly Fault[] };

/** A fault set checked against the profile schema; `where` names it in the error (e.g. the plan item). */
export function parseFaultSet(data: unknown, where: string): FaultSet {
  const parsed = FaultSetSchema.safeParse(data);
  if (!parsed.success) throw new Error(`the fault set of ${where} is not valid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The profile a role has when the premises names none: no faults, default timings. */
function blankProfile(role: FaultSetRole): FirmwareProfile {
  return {
    id: `FAULT-SET-${role.toUpperCase()}`,
    model: 'NONE',
    release: 'NONE',
    description: `no firmware profile named for the ${role}: the emulator's defaults plus the fault set's faults`,
    faults: [],
    source: 'fault set',
    kind: role === 'commsHub' ? 'comms-hub' : 'meter',
    manufacturer: 'NONE',
  };
}

/**
 * The world's profile choices for a premises whose devices have the `named` profiles (those its
 * description names), with the fault set applied: per listed role, the named profile (or a
 * blank one) with the set's faults in place of its own.
 */
export function profilesWithFaultSet(named: PremisesProfiles, set: FaultSet): WorldProfiles {
  const choices: { -readonly [R in FaultSetRole]?: FirmwareProfile } = {};
  for (const role of FAULT_SET_ROLES) {
    const faults = set[role];
    if (!faults) continue;
    const base = named[role] ?? blankProfile(role);
    choices[role] = { ...base, faults: [...faults] };
  }
  return choices;
}

/** The catalogue with every profile's faults stripped (timings kept). */
export function withoutFaults(catalogue: ProfileCatalogue): ProfileCatalogue {
  const strip = (p: FirmwareProfile | undefined): FirmwareProfile | undefined => (p ? { ...p, faults: [] } : undefined);
  return {
    profiles: catalogue.profiles.map((p) => ({ ...p, faults: [] })),
    resolveProfile: (modelId, releaseId) => strip(catalogue.resolveProfile(modelId, releaseId)),
    commsHubProfiles: (vendorId, releaseId) => catalogue.commsHubProfiles(vendorId, releaseId).map((p) => ({ ...p, faults: [] })),
    profile: (id) => strip(catalogue.profile(id)),
  };
}

/**
 * The catalogue an execution with a fault set looks profiles up in when a device activates an
 * image: every profile stripped of its own faults, and, for a role the set lists, carrying the
 * set's faults for that role (a blank profile with them when the release ships none).
 * `roleOfModel` says which meter role a device model id is in this premises (undefined: neither).
 */
export function withFaultSet(catalogue: ProfileCatalogue, set: FaultSet, roleOfModel: (modelId: string) => 'esme' | 'gsme' | undefined): ProfileCatalogue {
  const stripped = withoutFaults(catalogue);
  return {
    ...stripped,
    resolveProfile: (modelId, releaseId) => {
      const role = roleOfModel(modelId);
      const faults = role ? set[role] : undefined;
      const base = stripped.resolveProfile(modelId, releaseId);
      if (!role || !faults) return base;
      return { ...(base ?? blankProfile(role)), faults: [...faults] };
    },
    commsHubProfiles: (vendorId, releaseId) => {
      const faults = set.commsHub;
      const hubs = stripped.commsHubProfiles(vendorId, releaseId);
      if (!faults) return hubs;
      return hubs.length > 0 ? hubs.map((p) => ({ ...p, faults: [...faults] })) : [{ ...blankProfile('commsHub'), faults: [...faults] }];
    },
  };
}
