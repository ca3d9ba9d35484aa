// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Turns a premises description (harness/programme/premises-spec.ts, e.g.
 * fixtures/premises/dual-band.json) into the overrides of createPremises, so the emulated
 * premises is the one the fixture describes: identities, vendor and models, firmware version
 * octet strings (`firmwareImage`), bands (and the bands each model can use, the hub's bands and
 * sub-GHz data rate), install codes (16 ASCII characters, as CCS01 carries
 * them), the GSME wake interval, the operating sub-GHz channel and the Type 1 devices (PPMID,
 * HCALCS) the DCC's inventory holds for the premises — inventory entries the meters can be joined
 * with, not emulated radios (premises.ts).
 * The emulated premises has exactly one ESME and one GSME; a description with another mix is
 * refused with a clear error (more meter mixes are future work).
 *
 * Firmware behaviour profiles: a description that names programme ids (the comms hub's
 * `vendorId` + `releaseId`, a meter's `modelId` + `releaseId`) gets those releases' profiles
 * from the profile catalogue; a named release with no profile is an error (ProfileError), a
 * device named without ids has none (default timings, no faults).
 */
import { bytesToHex } from '../harness/protocol/gbcs/hex.ts';
import type { MeterSpec, PremisesSpec } from '../harness/programme/premises-spec.ts';
import { ProfileError } from './firmware/profile-error.ts';
import { requireProfile, type ProfileCatalogue } from './firmware/profile-loader.ts';
import type { FirmwareProfile } from './firmware/profile-schema.ts';
import type { MeterOverrides, PremisesDeviceOverrides, PremisesProfiles } from './premises.ts';
import { DEFAULT_HAN_CHANNELS } from './comms-hub/chf.ts';
import { subGhzChannelFromMask } from './radio/sub-ghz-channel.ts';

function only(spec: PremisesSpec, type: MeterSpec['type']): MeterSpec {
  const found = spec.meters.filter((m) => m.type === type);
  if (found.length !== 1) {
    throw new RangeError(`the emulated premises needs exactly one ${type} in the premises description, found ${found.length}`);
  }
  return found[0] as MeterSpec;
}

function meter(m: MeterSpec): MeterOverrides {
  return {
    eui: m.eui,
    manufacturer: m.manufacturer,
    model: m.model,
    firmwareVersion: m.firmwareImage,
    band: m.band,
    ...(m.bands ? { bands: m.bands } : {}),
    installCode: bytesToHex(new TextEncoder().encode(m.installCode)),
    ...(m.mpxn !== undefined ? { mpxn: m.mpxn } : {}),
  };
}

export function premisesOverridesFromSpec(spec: PremisesSpec): PremisesDeviceOverrides {
  const gsme = only(spec, 'GSME');
  const hub = spec.commsHub;
  return {
    commsHub: {
      chfEui: hub.chf,
      gpfEui: hub.gpf,
      manufacturer: hub.vendor,
      model: hub.model,
      firmwareVersion: hub.firmwareImage,
      channels: { ...DEFAULT_HAN_CHANNELS, subGhz: subGhzChannelFromMask(Number.parseInt(hub.subGhzChannel, 16)) },
      ...(hub.bands ? { bands: hub.bands } : {}),
      ...(hub.subGhzBitsPerSecond !== undefined ? { subGhzBitsPerSecond: hub.subGhzBitsPerSecond } : {}),
    },
    esme: meter(only(spec, 'ESME')),
    gsme: {
      ...meter(gsme),
      ...(gsme.wakeIntervalMinutes !== undefined ? { profile: { wakeIntervalMs: gsme.wakeIntervalMinutes * 60_000 } } : {}),
    },
    ...(spec.type1Devices ? { type1Devices: spec.type1Devices.map(({ eui, type }) => ({ eui, type })) } : {}),
  };
}

function commsHubProfile(hub: PremisesSpec['commsHub'], catalogue: ProfileCatalogue): FirmwareProfile {
  const { vendorId, releaseId } = hub;
  if (!vendorId || !releaseId) throw new ProfileError(`the premises description names comms hub release ${releaseId} without its vendorId`);
  const found = catalogue.commsHubProfiles(vendorId, releaseId);
  if (found.length === 1) return found[0] as FirmwareProfile;
  throw new ProfileError(
    found.length === 0
      ? `no firmware profile for comms hub release ${releaseId} of vendor ${vendorId}`
      : `comms hub release ${releaseId} of vendor ${vendorId} has profiles for several hub models (${found.map((p) => p.model).join(', ')}): the premises description cannot say which`,
  );
}

/**
 * The firmware profiles the description names by programme ids (see the file header);
 * `catalogue` is asked for only when it names some.
 */
export function premisesProfilesFromSpec(spec: PremisesSpec, catalogue: () => ProfileCatalogue): PremisesProfiles {
  const profiles: { -readonly [K in keyof PremisesProfiles]: PremisesProfiles[K] } = {};
  if (spec.commsHub.releaseId) profiles.commsHub = commsHubProfile(spec.commsHub, catalogue());
  for (const [role, type] of [['esme', 'ESME'], ['gsme', 'GSME']] as const) {
    const m = only(spec, type);
    if (!m.releaseId) continue;
    if (!m.modelId) throw new ProfileError(`the premises description names ${type} release ${m.releaseId} without its modelId`);
    profiles[role] = requireProfile(m.modelId, m.releaseId, catalogue());
  }
  return profiles;
}
