// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One emulated world: a premises (from a premises description), the emulated DCC in front of
 * it and the virtual clock they share, all from one seed. Keys come from the seed-derived
 * directory (deriveParty(seed, eui) for every party, the DCC's ACB and the users included), so
 * a harness that derives the same keys can check MACs and signatures and decrypt what the
 * devices send. Nothing reads wall time: the world moves only when its clock is advanced (by
 * the Bench driver, or a virtual-time wait).
 *
 * The composition root mounts `dcc` behind msw (in process) or on the loopback world server;
 * device responses and alerts go to `receiver`. The DCC's inventory is the premises': its
 * devices and the Type 1 devices (PPMID, HCALCS) the description lists, with their emulated SMKI
 * certificates (`Premises.hanDevices`), in process and over loopback alike.
 *
 * Firmware behaviour profiles (emulators/firmware) give each device its timings and faults:
 * the premises description names them by programme ids (premises-from-spec.ts: the comms hub's
 * vendorId + releaseId, a meter's modelId + releaseId, looked up in the profile catalogue), and
 * `profiles` overrides that per device — a profile object (tests inject one), the (model id,
 * release id) of a catalogue profile, or null for none. A device with no profile has the default
 * timings and no faults; the default premises description names no ids, so it has none.
 */
import type { BenchDriver } from '../harness/bench/bench.ts';
import type { FetchHandler } from '../harness/protocol/duis/http-route.ts';
import type { DuisReceiver } from '../harness/protocol/duis/receiver.ts';
import { loadPremisesSpec, type PremisesSpec } from '../harness/programme/premises-spec.ts';
import { createEmulatedBenchDriver } from './bench-driver.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import type { DccTrace } from './dcc/dcc-trace.ts';
import type { DccUser } from './dcc/dcc-users.ts';
import { createEmulatedDcc } from './dcc/emulated-dcc.ts';
import { derivedKeyDirectory, type KeyDirectory } from './key-directory.ts';
import { premisesOverridesFromSpec, premisesProfilesFromSpec } from './premises-from-spec.ts';
import { requireProfile, shippedProfiles, type ProfileCatalogue } from './firmware/profile-loader.ts';
import type { FirmwareProfile } from './firmware/profile-schema.ts';
import { createPremises, type Premises, type PremisesProfiles } from './premises.ts';
import { profileOfImage } from './firmware/image-profile.ts';
import type { DutyCycleUsage } from './radio/han-medium.ts';

/** A device's firmware profile: given as is, named by (model id, release id) in the profile catalogue, or none (null). */
export type ProfileChoice = FirmwareProfile | { readonly model: string; readonly release: string } | null;

/** The firmware profile of each device of the premises (the comms hub's covers the CHF and the GPF). */
export interface WorldProfiles {
  readonly commsHub?: ProfileChoice;
  readonly esme?: ProfileChoice;
  readonly gsme?: ProfileChoice;
}

function isProfile(choice: Exclude<ProfileChoice, null>): choice is FirmwareProfile {
  return 'faults' in choice;
}

/**
 * The profiles of the premises: those the description names, each replaced by the choice given
 * for its device (ids resolved through the catalogue, objects as they are, null: none).
 */
export function resolveWorldProfiles(named: PremisesProfiles, choices: WorldProfiles, catalogue: () => ProfileCatalogue): PremisesProfiles {
  const resolved: { -readonly [K in keyof PremisesProfiles]: PremisesProfiles[K] } = {};
  for (const role of ['commsHub', 'esme', 'gsme'] as const) {
    const choice: ProfileChoice | undefined = role in choices ? choices[role] : named[role];
    if (!choice) continue;
    resolved[role] = isProfile(choice) ? choice : requireProfile(choice.model, choice.release, catalogue());
  }
  return resolved;
}

export interface EmulatedWorldOptions {
  /** Seed of the world: keys, install codes, consumption, wake phases all derive from it. */
  readonly seed: string;
  /** Virtual time the world starts at, epoch ms (e.g. 09:00 UTC on the programme date). */
  readonly startMs: number;
  /** What the premises is made of. Default: fixtures/premises/dual-band.json. */
  readonly premises?: PremisesSpec;
  /** Where the DCC delivers device responses and alerts. */
  readonly receiver: DuisReceiver;
  /** The DCC's registered users. Default: the RTDS supplier 90B3D51F30010000 as Import Supplier. */
  readonly users?: readonly DccUser[];
  /**
   * The DCC accepts DUIS requests with no XML signature; a present but invalid one is still
   * refused. Default false: strict, as DCC Boxed.
   */
  readonly acceptUnsigned?: boolean;
  /** Firmware behaviour profiles of the premises' devices (timings and faults). Default: none. */
  readonly profiles?: WorldProfiles;
  /** Where `profiles` given by ids are looked up. Default: the shipped profiles (fixtures/profiles). */
  readonly profileCatalogue?: ProfileCatalogue;
}

export interface EmulatedWorld {
  readonly seed: string;
  readonly clock: VirtualClock;
  readonly premises: Premises;
  /** The emulated DCC's DUIS endpoints (POST /api/v1/serviceS|T|D), edge rules included. */
  readonly dcc: FetchHandler;
  /** What the DCC did: rejections, commands with the premises' receipts, relayed messages. */
  readonly dccTrace: DccTrace;
  /** The Bench's emulated driver over this world's premises and clock. */
  readonly benchDriver: BenchDriver;
  readonly keys: KeyDirectory;
  /**
   * Read-only world statistics for the composition root (e.g. `dit soak`), never for a suite:
   * every sub-GHz transmitter's duty cycle now and the peak it reached (radio/han-medium.ts),
   * the hub first.
   */
  dutyCycleUsage(): DutyCycleUsage[];
  /** Detaches the DCC and stops the premises' activity on the clock. Idempotent. */
  close(): Promise<void>;
}

export function createEmulatedWorld(options: EmulatedWorldOptions): EmulatedWorld {
  if (!Number.isFinite(options.startMs)) throw new RangeError(`the world's start time must be epoch milliseconds, got ${options.startMs}`);
  const spec = options.premises ?? loadPremisesSpec();
  const clock = new VirtualClock(options.startMs);
  const keys = derivedKeyDirectory(options.seed);
  const catalogue = () => options.profileCatalogue ?? shippedProfiles();
  const profiles = resolveWorldProfiles(premisesProfilesFromSpec(spec, catalogue), options.profiles ?? {}, catalogue);
  const premises = createPremises({
    seed: options.seed,
    clock,
    keys,
    devices: premisesOverridesFromSpec(spec),
    profiles,
    // a device running another firmware image (SRV 11.3) takes that release's shipped profile
    firmwareProfileOf: (_device, image) => profileOfImage(image, catalogue()),
  });
  const dcc = createEmulatedDcc({
    now: () => clock.now(),
    premises,
    keys,
    receiver: options.receiver,
    ...(options.users ? { users: options.users } : {}),
    ...(options.acceptUnsigned !== undefined ? { acceptUnsigned: options.acceptUnsigned } : {}),
  });
  let closed = false;
  return {
    seed: options.seed,
    clock,
    premises,
    dcc: dcc.handler,
    dccTrace: dcc.trace,
    benchDriver: createEmulatedBenchDriver(premises),
    keys,
    dutyCycleUsage: () => premises.han.medium.usage(),
    async close() {
      if (closed) return;
      closed = true;
      dcc.close();
      premises.dispose();
    },
  };
}
