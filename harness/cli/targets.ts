// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How a DIT target is built for one execution (composition root: the only place that knows
 * both the emulators and the harness):
 * - emulated: a world (premises + emulated DCC + virtual clock) in this process; DUIS goes
 *   through msw to the DCC handler; waits advance the virtual clock.
 * - loopback: a world created on the emulated DCC server over HTTP (`dit emulate`, or the one
 *   `dit run --target loopback` starts); DUIS and asynchronous responses travel over real
 *   sockets; the Bench drives the remote world's clock over HTTP.
 *
 * A DCC edge fault schedule (`--dcc-faults`) is played on the harness's side of the edge for
 * both: msw in front of the DCC handler in process, the HTTP transport's own request path and
 * receiver over loopback — the same injector on the world's clock (the bench's time over
 * loopback), so the worker keeps the strike log it needs to tell an environment failure from a
 * device defect, and the emulated DCC stays free of faults it does not own. (msw could intercept
 * the worker's requests over loopback too, but not the DCC's deliveries to the receiver; the
 * world server could play the schedule, but the strike log would then live in another process.)
 * The Service User is the RTDS supplier; keys are derived from the execution seed on both
 * sides (the emulated SMKI).
 */
import { Bench } from '../bench/bench.ts';
import { createHttpBenchDriver } from '../bench/http-bench-driver.ts';
import { createLabTarget } from './lab-target.ts';
import type { DitTarget, TargetRequest } from '../dit/dit-target.ts';
import { DuisClient } from '../dit/duis-client.ts';
import { worldStartMs } from '../dit/run-config.ts';
import type { DuisReceiver } from '../protocol/duis/receiver.ts';
import { loadTemplateCatalogue } from '../protocol/duis/templates.ts';
import type { PartyKeys } from '../protocol/gbcs/frame-types.ts';
import { deriveParty } from '../protocol/gbcs/keys.ts';
import { createHttpTransport } from '../transport/http-transport.ts';
import { DccEdgeInjector } from '../transport/dcc-edge-injector.ts';
import { createInProcessTransport } from '../transport/in-process-transport.ts';
import { virtualTimeWait } from '../transport/wait.ts';
import { createEmulatedWorld, type WorldProfiles } from '../../emulators/world.ts';
import { parseFaultSet, profilesWithFaultSet, withFaultSet } from '../../emulators/firmware/fault-set.ts';
import { shippedProfiles, type ProfileCatalogue } from '../../emulators/firmware/profile-loader.ts';
import { premisesProfilesFromSpec } from '../../emulators/premises-from-spec.ts';
import { REMOTE_PARTY } from '../../emulators/remote-parties.ts';
import type { DutyCycleUsage } from '../../emulators/radio/han-medium.ts';

export const SERVICE_USER_EUI = REMOTE_PARTY.supplier;

/** Other parties' keys, seed-derived as the emulated SMKI's, each derived once (a derivation costs two point multiplications). */
function keyLookup(seed: string) {
  const derived = new Map<string, PartyKeys>();
  return (eui: string): PartyKeys => {
    let keys = derived.get(eui);
    if (!keys) derived.set(eui, (keys = deriveParty(seed, eui)));
    return keys;
  };
}

/** What a test of the composition root may set on an emulated world (never a suite). */
export interface EmulatedWorldChoices {
  /** Firmware profiles in place of those the premises description names (emulated target only). */
  readonly profiles?: WorldProfiles;
  /** Where the world looks profiles up (a device activating another image takes that release's). Default: the shipped ones. */
  readonly profileCatalogue?: ProfileCatalogue;
}

export async function createTarget(request: TargetRequest, world: EmulatedWorldChoices = {}): Promise<DitTarget> {
  const faultSet = request.planItemId !== undefined ? request.config.faultSets?.[request.planItemId] : undefined;
  if (request.config.target === 'lab') {
    if (world.profiles || faultSet) throw new Error('firmware profiles and fault sets apply to the emulated target only, not to a lab');
    return createLabTarget(request);
  }
  if (request.config.target === 'loopback') {
    if (world.profiles) throw new Error('profiles given in code apply to the emulated target only');
    if (faultSet) throw new Error(`plan item ${request.planItemId}: fault sets (dit profiles audit) apply to the emulated target only`);
    return createLoopbackTarget(request);
  }
  if (faultSet && !world.profiles) {
    // the run's fault set for this plan item (dit profiles audit) in place of the profiles' own faults
    const named = premisesProfilesFromSpec(request.premises, shippedProfiles);
    const set = parseFaultSet(faultSet, `plan item ${request.planItemId}`);
    const roleOfModel = (modelId: string) => {
      const meter = request.premises.meters.find((m) => (m.modelId ?? m.model) === modelId);
      return meter ? (meter.type === 'ESME' ? 'esme' : 'gsme') : undefined;
    };
    return createEmulatedTarget(request, {
      profiles: profilesWithFaultSet(named, set),
      // the fault set is the only fault and stays with the device: an image activated later runs its release's timings with the set's faults
      profileCatalogue: withFaultSet(shippedProfiles(), set, roleOfModel),
    });
  }
  return createEmulatedTarget(request, world);
}

/**
 * An emulated target with what the composition root may read of its world (never a suite):
 * every sub-GHz transmitter's duty cycle and its peak (`dit soak` reports them).
 */
export interface EmulatedTarget extends DitTarget {
  readonly dutyCycleUsage: () => DutyCycleUsage[];
}

export async function createEmulatedTarget({ config, premises, seed }: TargetRequest, choices: EmulatedWorldChoices = {}): Promise<EmulatedTarget> {
  const templates = await loadTemplateCatalogue();
  let receiver: DuisReceiver | undefined;
  const world = createEmulatedWorld({
    seed,
    startMs: worldStartMs(config.programmeDate),
    premises,
    ...(choices.profiles ? { profiles: choices.profiles } : {}),
    ...(choices.profileCatalogue ? { profileCatalogue: choices.profileCatalogue } : {}),
    receiver: {
      deliver: async (xml: string) => {
        if (!receiver) throw new Error('the DUIS receiver is not connected yet');
        await receiver.deliver(xml);
      },
    },
  });
  // the schedule's times count from this world's start, on its virtual clock
  const edgeFaults = config.dccFaults ? new DccEdgeInjector(config.dccFaults, () => world.clock.now()) : undefined;
  const transport = createInProcessTransport({
    handler: world.dcc,
    wait: virtualTimeWait(world.clock),
    ...(edgeFaults ? { edgeFaults } : {}),
  });
  receiver = transport.receiver;
  const duis = new DuisClient({
    transport,
    templates,
    user: { eui: SERVICE_USER_EUI, keys: deriveParty(seed, SERVICE_USER_EUI) },
    keys: keyLookup(seed),
    now: () => world.clock.now(),
  });
  return {
    kind: 'emulated',
    premises,
    duis,
    bench: new Bench(world.benchDriver),
    ...(edgeFaults ? { edgeFaults } : {}),
    dutyCycleUsage: () => world.dutyCycleUsage(),
    async close() {
      await duis.close();
      await transport.close();
      await world.close();
    },
  };
}

interface CreatedWorld {
  readonly id: string;
  readonly duisBaseUrl: string;
  readonly benchUrl: string;
}

async function createLoopbackTarget({ config, premises, seed }: TargetRequest): Promise<DitTarget> {
  if (!config.url) throw new Error('a loopback target needs the URL of the emulated DCC (dit emulate, or --url)');
  const templates = await loadTemplateCatalogue();
  const server = config.url.replace(/\/+$/, '');
  // creating the world is the canary: when the DCC is not there, the execution fails as an
  // environment failure before the test starts, never as a device defect
  let created: Response;
  try {
    created = await fetch(`${server}/worlds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed, startMs: worldStartMs(config.programmeDate), premises }),
    });
  } catch (e) {
    throw new Error(`canary request to the DCC at ${server} failed before the test: ${(e as Error).message} (${String((e as { cause?: { code?: string } }).cause?.code ?? 'no code')})`);
  }
  if (created.status !== 201) {
    throw new Error(`canary request to the DCC at ${server} failed before the test: HTTP ${created.status} ${(await created.text()).slice(0, 200)}`);
  }
  const world = (await created.json()) as CreatedWorld;
  const benchDriver = await createHttpBenchDriver(world.benchUrl);
  // the schedule's times count from this world's start, on its clock as the bench reports it
  const edgeFaults = config.dccFaults ? new DccEdgeInjector(config.dccFaults, () => benchDriver.now()) : undefined;
  const eventToEvent = virtualTimeWait({ advance: (ms) => benchDriver.advance(ms), nextDueIn: () => benchDriver.nextDueIn() });
  const transport = await createHttpTransport({
    baseUrl: world.duisBaseUrl,
    ...(edgeFaults ? { edgeFaults } : {}),
    // event to event, as in process: each advance's answer gives the world's next event; a
    // request sent since the last answer may have scheduled an earlier one, so a wait first asks
    wait: async (ms, signal) => {
      await benchDriver.refresh();
      await eventToEvent(ms, signal);
    },
  });
  const receiverSet = await fetch(`${server}/worlds/${world.id}/receiver`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: transport.receiver.url }),
  });
  if (!receiverSet.ok) throw new Error(`the emulated DCC did not take the receiver URL: HTTP ${receiverSet.status}`);
  const duis = new DuisClient({
    transport,
    templates,
    user: { eui: SERVICE_USER_EUI, keys: deriveParty(seed, SERVICE_USER_EUI) },
    keys: keyLookup(seed),
    now: () => benchDriver.now(),
  });
  return {
    kind: 'loopback',
    premises,
    duis,
    bench: new Bench(benchDriver),
    ...(edgeFaults ? { edgeFaults } : {}),
    async close() {
      await duis.close();
      await transport.close();
      await fetch(`${server}/worlds/${world.id}`, { method: 'DELETE' }).catch(() => undefined);
    },
  };
}
