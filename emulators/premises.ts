// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One emulated premises: a dual-band comms hub (CHF + GPF), an ESME on 2.4 GHz and a GSME on
 * 868 MHz, commissioned and ready: both meters are in the CHF Device Log with seeded install
 * codes and have joined, the GPF mirror holds the GSME's first report and the GSME's wake
 * cycle runs on the virtual clock. Everything random comes from the seed; keys come from the
 * key directory (default: deriveParty(seed, eui), the same directory the emulated DCC uses).
 *
 * On its WAN side the premises takes GBCS command frames (`handleCommand`, see
 * command-handler.ts for the checks and routes) and gives out responses and alerts as sealed
 * frames, later in virtual time, to its `onDeviceMessage` listeners. A hand-held terminal can
 * hand a device a command locally (`deliverLocally`): its response goes back to the terminal. Device Log changes after
 * creation raise CS14 0x8F12 alerts (CHF → ACB) after the CHF's alert latency; a meter of the
 * premises that CCS01 whitelists while it is not joined tries to join after its join delay,
 * with the install code it carries.
 *
 * Defaults use the RTDS identities (DOMAIN.md) so RTDS vectors and DUIS templates line up:
 * ESME 00DB1234567890A0, GSME …A1, CHF …A2, GPF …A3, firmware version 0123ABCD everywhere
 * (the RTDS ECS52/GCS38 value). Manufacturers and models default to the programme's names
 * (MM1 NXP ESME, MM2 Silicon Labs 868 MHz GSME option 1, WNC dual-band hub) [P]; each is
 * overridable through `devices`.
 *
 * Firmware behaviour profiles (`profiles`, emulators/firmware): the comms hub's and each meter's
 * profile set their timings (defaults < profile < the `devices` overrides) and arm their faults,
 * which act where commands are received and responses and alerts are built (command-handler.ts,
 * and the CS14 alert here); a meter profile's clock-drift fault makes that meter's own clock
 * depart from the virtual clock from the start. Without profiles the premises is fault-free.
 * What the faults did is in `firmwareFaults.log`. The HAN-event faults act here and in the comms
 * hub: a GSME report the GPF does not take (stale-mirror), queued commands the CHF loses
 * (lose-queued), a meter that does not rejoin (fails-to-rejoin: after its power, or the hub's,
 * comes back — the meters rejoin at once otherwise [P] — or when CCS01 re-adds it); an alert
 * storm sends an alert again and again.
 *
 * Commands the CHF cannot deliver to the sleepy GSME (no mirror, queue full, send timeout) are
 * reported to the `onDeliveryFailure` listeners (comms-hub/sleepy-relay.ts).
 *
 * Every frame between the hub and a meter crosses the HAN through `han` (han-traffic.ts): airtime
 * on the meter's band, loss on its link, and on 868 MHz the duty cycles of the meter and of the
 * hub with what follows from them (SuspendZCLMessages, alerts 0x8F20–0x8F25, 0x8F2C, 0x8F2D).
 *
 * The sub-GHz radio environment (`subGhzNoise`: a noise floor per channel from the seed,
 * interference from the Bench) is what the CHF's energy scans read; each step of its channel
 * management and each change of its sub-GHz configuration raises its alert (CHF → ACB, as CS14:
 * use-cases/sub-ghz-alerts.ts).
 *
 * Type 1 devices (`devices.type1Devices`: a PPMID, an HCALCS) are entries of the DCC's inventory
 * for the premises, which `hanDevices()` gives the emulated DCC: a meter can be joined with one
 * through SRV 8.7.1 (a trust relationship the meter records), but none is an emulated radio or a
 * GBCS party — nothing on the premises transmits as it. Each has its key pairs from the key
 * directory, as every party, and the key-agreement certificate the emulated SMKI Device CA
 * (smki/emulated-device-ca.ts, from the seed) issues for it when the premises is set up, which
 * the DCC hands to a GSME in a Method C join.
 *
 * Firmware updates: `firmwareDistribution` takes the images the DCC distributes (SRV 11.1) and
 * sends a meter's over the HAN as a ZigBee OTA upgrade, paced through the HAN medium (the hub's
 * duty-cycle budget on 868 MHz); `firmwareActivation` runs a held image on CS06 (SRV 11.3), and
 * the device's firmware profile becomes the new release's (`firmwareProfileOf`).
 */
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { bytesToHex } from '../harness/protocol/gbcs/hex.ts';
import { GBCS_DEVICE_TYPE } from '../harness/protocol/gbcs/payload/use-cases/device-type-entry.ts';
import { SeededRandom } from './clock/seeded-random.ts';
import type { VirtualClock } from './clock/virtual-clock.ts';
import type { DeviceLogChange, HanChannels } from './comms-hub/chf.ts';
import type { InventoryHanDevice } from './dcc/srv-transforms.ts';
import { emulatedDeviceCa, type EmulatedDeviceCa } from './smki/emulated-device-ca.ts';
import { CommandHandler } from './command-handler.ts';
import type { CommandReceipt, DeliveryFailureListener, DeviceMessageInfo, DeviceMessageListener } from './device-message.ts';
import { CommsHub, DUAL_BAND } from './comms-hub/comms-hub.ts';
import type { DeviceType, EmulatedDevice, HanBand } from './device.ts';
import { deviceProfile, type DeviceProfile } from './firmware/device-profile.ts';
import { buildOutgoing } from './firmware/fault-effects.ts';
import { FirmwareFaults, type ProfileScope } from './firmware/firmware-faults.ts';
import { hanEventFails } from './firmware/han-fault-effects.ts';
import type { FirmwareProfile } from './firmware/profile-schema.ts';
import { derivedKeyDirectory, type KeyDirectory } from './key-directory.ts';
import { HanTraffic } from './han-traffic.ts';
import type { FirmwareImage } from '../harness/programme/firmware-catalogue.ts';
import { hanMediumGate } from './comms-hub/han-medium-gate.ts';
import { FirmwareActivation } from './firmware-activation.ts';
import { FirmwareDistribution, type DistributionReceipt, type DistributionRequest } from './firmware-distribution.ts';
import { Listeners } from './listeners.ts';
import { Esme, seededEsmeConsumption, type EsmeConsumption } from './meters/esme.ts';
import { Gsme, seededGsmeConsumption, type GsmeConsumption } from './meters/gsme.ts';
import { deviceLogChangedAlert } from './use-cases/cs14-device-log-alert.ts';
import { SubGhzNoise } from './radio/sub-ghz-noise.ts';
import { subGhzAlert } from './use-cases/sub-ghz-alerts.ts';
import { gsmePowerAlert, supplyRestoredAlerts, type BuiltAlert } from './use-cases/power-alerts.ts';
import type { EmulatedUseCase } from './use-cases/emulated-use-case.ts';
import { EMULATED_USE_CASES, useCaseTable } from './use-cases/registry.ts';

export const DEFAULT_EUIS = {
  esme: '00DB1234567890A0',
  gsme: '00DB1234567890A1',
  chf: '00DB1234567890A2',
  gpf: '00DB1234567890A3',
} as const satisfies Record<string, Eui64>;

/** RTDS ECS52 / GCS38 firmware version. */
export const DEFAULT_FIRMWARE_VERSION = '0123ABCD';

/**
 * Meter point numbers of the default premises, which the DCC names in AD1: the ESME's MPAN is the
 * ImportMPxN of the RTDS DUIS templates (1312345678111) [I]; the GSME's MPRN is invented [P].
 */
export const DEFAULT_MPXNS = { esme: '1312345678111', gsme: '1234567890' } as const;

/**
 * [P] Virtual ms from the comms hub losing mains to the DCC knowing of it (the hub's last gasp
 * over the WAN reaching the DSP); no public figure.
 */
export const COMMS_HUB_POWER_LOSS_REPORT_MS = 10_000;

/** A comms hub power loss as the DCC learns of it (it raises AD1). */
export interface CommsHubPowerLoss {
  /** The comms hub's id as the DCC knows it: the CHF's EUI [P]. */
  readonly commsHubId: Eui64;
  /** When the hub lost mains (virtual epoch ms). */
  readonly lostAt: number;
  /** The meter points the premises serves (MPAN of the ESME, MPRN of the GSME). */
  readonly mpxns: readonly string[];
}

export type CommsHubPowerLossListener = (loss: CommsHubPowerLoss) => void | Promise<void>;

/** Join window used when commissioning at creation (RTDS CCS01 join timeout: 90 s). */
export const DEFAULT_JOIN_TIMEOUT_MS = 90_000;

export interface DeviceOverrides {
  readonly eui?: Eui64;
  readonly manufacturer?: string;
  readonly model?: string;
  /** Firmware version octet string, hex. */
  readonly firmwareVersion?: string;
  readonly band?: HanBand;
  /** The bands the model can work on (radio/band-capability.ts). Default: `band` alone. */
  readonly bands?: readonly HanBand[];
  readonly profile?: Partial<DeviceProfile>;
}

export interface MeterOverrides extends DeviceOverrides {
  /** The 16-byte install code as 32 hex digits. Default: seeded. */
  readonly installCode?: string;
  /** MPAN (ESME) or MPRN (GSME). Default: DEFAULT_MPXNS. */
  readonly mpxn?: string;
}

/** A Type 1 device of the DCC's inventory for the premises (see the file header). */
export interface Type1DeviceEntry {
  readonly eui: Eui64;
  readonly type: InventoryHanDevice['type'];
}

export interface PremisesDeviceOverrides {
  readonly commsHub?: Omit<DeviceOverrides, 'eui' | 'band' | 'profile'> & {
    readonly chfEui?: Eui64;
    readonly gpfEui?: Eui64;
    readonly bands?: readonly HanBand[];
    readonly channels?: HanChannels;
    /** Sub-GHz data rate, bit/s (radio/airtime.ts). Default: 100 kbit/s [P]. */
    readonly subGhzBitsPerSecond?: number;
    readonly chfProfile?: Partial<DeviceProfile>;
    readonly gpfProfile?: Partial<DeviceProfile>;
  };
  readonly esme?: MeterOverrides & { readonly consumption?: Partial<EsmeConsumption> };
  readonly gsme?: MeterOverrides & {
    readonly consumption?: Partial<GsmeConsumption>;
    readonly batteryPercent?: number;
    /** Default: a seeded phase in (0, wake interval]. */
    readonly firstWakeAfterMs?: number;
  };
  /** The Type 1 devices the DCC's inventory holds for the premises. Default: none. */
  readonly type1Devices?: readonly Type1DeviceEntry[];
}

/** The firmware behaviour profile of each device of the premises (the hub's covers the CHF and GPF). */
export interface PremisesProfiles {
  readonly commsHub?: FirmwareProfile;
  readonly esme?: FirmwareProfile;
  readonly gsme?: FirmwareProfile;
}

export interface PremisesOptions {
  /** Seed of this premises (derive it from the run seed, combination and test case). */
  readonly seed: string;
  readonly clock: VirtualClock;
  readonly devices?: PremisesDeviceOverrides;
  /** Keys of every party. Default: derivedKeyDirectory(seed). */
  readonly keys?: KeyDirectory;
  /** false: the meters exist but are not in the Device Log yet (a join test starts there). Default true. */
  readonly commissioned?: boolean;
  readonly joinTimeoutMs?: number;
  /** Receives every response and alert the premises sends (more can be added with onDeviceMessage). */
  readonly onDeviceMessage?: DeviceMessageListener;
  /** The use cases the devices answer. Default: EMULATED_USE_CASES. */
  readonly useCases?: readonly EmulatedUseCase[];
  /** Firmware behaviour profiles (timings and faults). Default: none — default timings, no faults. */
  readonly profiles?: PremisesProfiles;
  /** The firmware profile of a release a device starts running (SRV 11.3); null: none. Default: none. */
  readonly firmwareProfileOf?: (device: EmulatedDevice, image: FirmwareImage) => FirmwareProfile | null;
}

function checkProfileKind(role: keyof PremisesProfiles, profile: FirmwareProfile | undefined): void {
  if (!profile) return;
  const expected = role === 'commsHub' ? 'comms-hub' : 'meter';
  if (profile.kind !== expected) throw new RangeError(`the ${role} is given profile ${profile.id}, a ${profile.kind} profile (from ${profile.source})`);
}

/** Device timings: the type's defaults, then the profile's, then explicit overrides. */
function timings(type: DeviceType, profile: FirmwareProfile | undefined, overrides: Partial<DeviceProfile> | undefined): DeviceProfile {
  return deviceProfile(type, { ...profile?.timings?.[type], ...overrides });
}

const DEFAULTS = {
  commsHub: { manufacturer: 'WNC', model: 'WNC dual-band comms hub' },
  esme: { manufacturer: 'MM1', model: 'MM1 ESME (NXP)', band: '2.4GHz' as HanBand },
  gsme: { manufacturer: 'MM2', model: 'MM2 GSME option 1 (Silicon Labs)', band: '868MHz' as HanBand },
} as const;

export class Premises {
  readonly seed: string;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly keys: KeyDirectory;
  readonly commsHub: CommsHub;
  /** The sub-GHz radio environment (per-channel noise from the seed, interference from the Bench). */
  readonly subGhzNoise: SubGhzNoise;
  readonly esme: Esme;
  readonly gsme: Gsme;
  /** The armed faults of the firmware profiles, and the log of what they did. */
  readonly firmwareFaults: FirmwareFaults;
  /** Every frame between the hub and a meter on the air: airtime, loss, duty cycle and its consequences (han-traffic.ts). */
  readonly han: HanTraffic;
  /** Firmware images distributed to the devices (SRV 11.1) and their HAN transfers. */
  readonly firmwareDistribution: FirmwareDistribution;
  /** Firmware activations (SRV 11.3, CS06), immediate and future-dated. */
  readonly firmwareActivation: FirmwareActivation;
  /** The firmware profile of a release a device starts running (PremisesOptions.firmwareProfileOf). */
  readonly firmwareProfileOf: (device: EmulatedDevice, image: FirmwareImage) => FirmwareProfile | null;
  private readonly installCodes = new Map<Eui64, string>();
  private readonly detach: Array<() => void> = [];
  private readonly messageListeners = new Listeners<DeviceMessageListener>();
  private readonly hubPowerLossListeners = new Listeners<CommsHubPowerLossListener>();
  private readonly meterPoints: readonly string[];
  private readonly commands: CommandHandler;
  private readonly type1Devices: readonly InventoryHanDevice[];

  constructor(options: PremisesOptions) {
    const overrides = options.devices ?? {};
    const profiles = options.profiles ?? {};
    for (const role of ['commsHub', 'esme', 'gsme'] as const) checkProfileKind(role, profiles[role]);
    this.seed = options.seed;
    this.clock = options.clock;
    this.random = new SeededRandom(options.seed);
    this.keys = options.keys ?? derivedKeyDirectory(options.seed);
    const hub = overrides.commsHub ?? {};
    const chfEui = hub.chfEui ?? DEFAULT_EUIS.chf;
    const gpfEui = hub.gpfEui ?? DEFAULT_EUIS.gpf;
    this.subGhzNoise = new SubGhzNoise(options.seed);
    this.commsHub = new CommsHub({
      clock: this.clock,
      subGhzNoise: this.subGhzNoise,
      chfEui,
      gpfEui,
      manufacturer: hub.manufacturer ?? DEFAULTS.commsHub.manufacturer,
      model: hub.model ?? DEFAULTS.commsHub.model,
      firmwareVersion: hub.firmwareVersion ?? DEFAULT_FIRMWARE_VERSION,
      bands: hub.bands ?? DUAL_BAND,
      ...(hub.channels ? { channels: hub.channels } : {}),
      profiles: { chf: timings('CHF', profiles.commsHub, hub.chfProfile), gpf: timings('GPF', profiles.commsHub, hub.gpfProfile) },
      keys: { chf: this.keys.keysOf(chfEui), gpf: this.keys.keysOf(gpfEui) },
      // asked only at GSME wakes, once firmwareFaults exists
      faultPoints: {
        takesReport: (gsme) => !hanEventFails(this.firmwareFaults, { primitive: 'stale-mirror', device: gsme, at: this.clock.now() }),
        keepsQueue: (gsme) => !hanEventFails(this.firmwareFaults, { primitive: 'lose-queued', device: gsme, at: this.clock.now() }),
      },
    });

    const e = overrides.esme ?? {};
    this.esme = new Esme({
      ...this.meterBasics('ESME', e, profiles.esme),
      consumption: { ...seededEsmeConsumption(this.random.fork('esme/consumption')), ...e.consumption },
    });

    const g = overrides.gsme ?? {};
    this.gsme = new Gsme({
      ...this.meterBasics('GSME', g, profiles.gsme),
      consumption: { ...seededGsmeConsumption(this.random.fork('gsme/consumption')), ...g.consumption },
      ...(g.batteryPercent !== undefined ? { batteryPercent: g.batteryPercent } : {}),
    });

    const euis = this.devices().map((d) => d.eui);
    const duplicate = euis.find((eui, i) => euis.indexOf(eui) !== i);
    if (duplicate) throw new RangeError(`two devices of the premises have EUI ${duplicate}`);
    this.type1Devices = this.inventoryEntries(overrides.type1Devices ?? [], euis);
    const scopes: ProfileScope[] = [];
    if (profiles.commsHub) scopes.push({ profile: profiles.commsHub, devices: 'all' });
    if (profiles.esme) scopes.push({ profile: profiles.esme, devices: [this.esme.eui] });
    if (profiles.gsme) scopes.push({ profile: profiles.gsme, devices: [this.gsme.eui] });
    this.firmwareFaults = new FirmwareFaults({ profiles: scopes, random: this.random, startMs: this.clock.now() });
    for (const meter of [this.esme, this.gsme]) {
      const drift = this.firmwareFaults.clockDriftOf(meter, this.clock.now());
      if (drift) meter.deviceClock.addDrift(this.clock.now(), drift);
      meter.sync();
    }
    for (const [meter, given] of [
      [this.esme, e.installCode],
      [this.gsme, g.installCode],
    ] as const) {
      const code = given?.toUpperCase() ?? bytesToHex(this.random.fork(`install-code/${meter.eui}`).bytes(16));
      if (!/^[0-9A-F]{32}$/.test(code)) throw new RangeError(`the install code of ${meter.eui} must be 16 bytes (32 hex digits), got "${given}"`);
      this.installCodes.set(meter.eui, code);
    }

    if (options.onDeviceMessage) this.messageListeners.add(options.onDeviceMessage);
    this.commands = new CommandHandler(this, useCaseTable(options.useCases ?? EMULATED_USE_CASES), (frame, info) => this.emit(frame, info));
    this.detach.push(this.commsHub.attachGsme(this.gsme));
    this.han = new HanTraffic({
      seed: this.seed,
      random: this.random,
      clock: this.clock,
      keys: this.keys,
      chf: this.chf,
      meters: [this.esme, this.gsme],
      gsme: this.gsme,
      firmwareFaults: this.firmwareFaults,
      subGhzNoise: this.subGhzNoise,
      hubPowered: () => this.commsHub.powered,
      raiseChfAlert: (built, at, label) => this.sendChfAlert(built, at, label),
      ...(hub.subGhzBitsPerSecond !== undefined ? { subGhzBitsPerSecond: hub.subGhzBitsPerSecond } : {}),
    });
    this.detach.push(() => this.han.dispose());
    this.firmwareProfileOf = options.firmwareProfileOf ?? (() => null);
    this.firmwareDistribution = new FirmwareDistribution({ premises: this, gate: () => hanMediumGate(this.han.medium, this.chf) });
    this.firmwareActivation = new FirmwareActivation(this, this.firmwareDistribution);
    this.detach.push(() => this.firmwareDistribution.dispose());
    if (options.commissioned ?? true) this.commission(options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS);
    this.detach.push(this.chf.onDeviceLogChanged((change) => this.deviceLogChanged(change)));
    this.detach.push(this.commsHub.subGhz.onEvent((event) => this.sendChfAlert(subGhzAlert(this.chf, this.keys, event), event.at, `sub-GHz ${event.kind} alert from ${this.chf.eui}`)));
    this.meterPoints = [e.mpxn ?? DEFAULT_MPXNS.esme, g.mpxn ?? DEFAULT_MPXNS.gsme];
    this.detach.push(
      this.esme.onSupplyRestored((outage) => {
        for (const built of supplyRestoredAlerts(this.esme, this.keys, outage)) this.raiseAlert(this.esme, built, outage.restoredAt, false);
      }),
      this.esme.onSupplyRestored((outage) => this.rejoinAfterPowerCycle(this.esme, outage.restoredAt)),
      this.gsme.onPowerEvent((event) => {
        if (event.kind === 'battery-restored') this.rejoinAfterPowerCycle(this.gsme, event.at);
        else this.raiseAlert(this.gsme, gsmePowerAlert(this.gsme, this.keys, { ...event, kind: event.kind }), event.at, event.kind === 'power-supply-loss');
      }),
      this.commsHub.onPowerChange((powered, at) => {
        if (!powered) this.commsHubPowerLost(at);
        else for (const meter of [this.esme, this.gsme]) if (meter.powered) this.rejoinAfterPowerCycle(meter, at);
      }),
    );
    const interval = this.gsme.wakeIntervalMs;
    this.gsme.start(g.firstWakeAfterMs ?? this.random.fork('gsme/wake-phase').int(1, interval));
  }

  get chf() {
    return this.commsHub.chf;
  }

  get gpf() {
    return this.commsHub.gpf;
  }

  /** Every GBCS party on the premises: CHF, GPF, ESME, GSME. */
  devices(): EmulatedDevice[] {
    return [this.commsHub.chf, this.commsHub.gpf, this.esme, this.gsme];
  }

  /**
   * The Type 1 devices (PPMID, HCALCS) the DCC's inventory holds for the premises, each with its
   * key-agreement certificate (see the file header); no GBCS party of the premises.
   */
  hanDevices(): readonly InventoryHanDevice[] {
    return this.type1Devices;
  }

  /** The party with this EUI, if it is on the premises. */
  device(eui: Eui64): EmulatedDevice | undefined {
    const id = eui.toUpperCase();
    return this.devices().find((d) => d.eui === id);
  }

  /** The install code printed on a meter (32 hex digits). */
  installCodeOf(eui: Eui64): string | undefined {
    return this.installCodes.get(eui.toUpperCase());
  }

  /**
   * A GBCS command frame from the DCC reaches the comms hub. Resolves at once with a receipt;
   * the response, if any, comes later through the onDeviceMessage listeners.
   */
  handleCommand(frame: Uint8Array): Promise<CommandReceipt> {
    return this.commands.handle(frame);
  }

  /**
   * Local delivery: a hand-held terminal at the premises hands `device` a GBCS command frame over
   * the HAN (a command the DCC returned to the user for local delivery). Resolves at once with a
   * receipt; the device's response goes to `reply`, later in virtual time, not out on the WAN
   * (command-handler.ts says which checks apply).
   */
  deliverLocally(device: EmulatedDevice, frame: Uint8Array, reply: DeviceMessageListener): Promise<CommandReceipt> {
    return this.commands.handle(frame, { kind: 'local', device, reply });
  }

  /** Adds a listener for responses and alerts; returns a function that removes it. */
  onDeviceMessage(listener: DeviceMessageListener): () => void {
    return this.messageListeners.add(listener);
  }

  /** Adds a listener for the commands the CHF reports it could not deliver to the GSME; returns a function that removes it. */
  onDeliveryFailure(listener: DeliveryFailureListener): () => void {
    const off = this.commsHub.sleepyRelay.onFailure(listener);
    this.detach.push(off);
    return off;
  }

  /** The meter points (MPAN, MPRN) this premises serves. */
  mpxns(): readonly string[] {
    return this.meterPoints;
  }

  /**
   * Adds a listener for comms hub power losses, told COMMS_HUB_POWER_LOSS_REPORT_MS after the
   * loss (what the DCC learns from the hub's last gasp); returns a function that removes it.
   */
  onCommsHubPowerLoss(listener: CommsHubPowerLossListener): () => void {
    return this.hubPowerLossListeners.add(listener);
  }

  /** Stops the premises' own activity on the clock (the GSME wake cycle) and its output. */
  dispose(): void {
    this.gsme.stop();
    this.messageListeners.clear();
    this.hubPowerLossListeners.clear();
    for (const off of this.detach.splice(0)) off();
  }

  /** Whitelists both meters with their install codes and joins them now; the GPF mirror takes a first report. */
  private commission(joinTimeoutMs: number): void {
    for (const meter of [this.esme, this.gsme]) {
      const installCode = this.installCodes.get(meter.eui) as string;
      const added = this.chf.addDevice({ eui: meter.eui, deviceType: meter.deviceType, installCode, joinTimeoutMs });
      if (!added.ok) throw new Error(`commissioning ${meter.eui} failed: ${added.reason}`);
      const joined = this.chf.join(meter.eui, { installCode });
      if (!joined.ok) throw new Error(`joining ${meter.eui} failed: ${joined.reason}`);
    }
    this.gpf.updateMirror(this.gsme.report(), this.clock.now());
    this.gpf.deviceLog.join(this.gsme.eui, GBCS_DEVICE_TYPE.GSME, this.clock.now());
  }

  /** A response or alert leaves its device: a meter's crosses the HAN first (han-traffic.ts), then it goes out on the WAN. */
  private async emit(frame: Uint8Array, info: DeviceMessageInfo): Promise<void> {
    const meter = [this.esme, this.gsme].find((m) => m.eui === info.originator);
    if (meter) await this.han.fromMeter(meter, frame, info, (sent) => this.toWan(frame, sent));
    else await this.toWan(frame, info);
  }

  private async toWan(frame: Uint8Array, info: DeviceMessageInfo): Promise<void> {
    for (const listener of this.messageListeners.snapshot()) await listener(frame, info);
  }

  /** A Device Log change after creation: the CS14 alert, and a whitelisted meter of ours joining. */
  private deviceLogChanged(change: DeviceLogChange): void {
    const chf = this.chf;
    const built = deviceLogChangedAlert(chf, this.keys, change.at) as BuiltAlert;
    this.sendChfAlert(built, change.at, `CS14 0x8F12 from ${chf.eui} (${change.kind} ${change.kind === 'restored' ? change.entries.map((e) => e.eui).join(', ') : change.entry.eui})`);
    if (change.kind !== 'added' || change.entry.state === 'joined') return;
    const meter = [this.esme, this.gsme].find((m) => m.eui === change.entry.eui);
    const installCode = meter && this.installCodes.get(meter.eui);
    if (!meter || !installCode) return;
    this.clock.schedule(
      { after: meter.profile.joinDelayMs },
      () => {
        if (!this.commsHub.powered || !meter.reachable) return;
        if (hanEventFails(this.firmwareFaults, { primitive: 'fails-to-rejoin', device: meter, at: this.clock.now() })) return;
        chf.join(meter.eui, { installCode });
      },
      `${meter.deviceType} ${meter.eui} joins`,
    );
  }

  /**
   * An alert of the CHF (CS14, the sub-GHz alerts) leaves after the CHF's alert latency and any
   * fault delay; an alert storm sends the same frame again after each of its repeats.
   */
  private sendChfAlert(built: BuiltAlert, at: number, label: string): void {
    const chf = this.chf;
    const { message, info } = built;
    const faults = this.firmwareFaults.fire({ messageCode: info.messageCode, direction: 'alert', device: chf, at, ...(info.alertCode !== undefined ? { alertCode: info.alertCode } : {}) });
    const { frame, delayMs, repeatsAfterMs } = buildOutgoing(message, faults);
    const first = at + chf.profile.alertLatencyMs + delayMs;
    if (frame) for (const sendAt of [first, ...repeatsAfterMs.map((r) => first + r)]) this.clock.schedule({ at: sendAt }, () => this.emit(frame, { ...info, at: sendAt }), label);
  }

  /** SRV 11.1: the DCC hands the comms hub an image for one of its devices (firmware-distribution.ts). */
  distributeFirmware(request: DistributionRequest): DistributionReceipt {
    return this.firmwareDistribution.distribute(request);
  }

  /** The CHF raises an alert a use case built (CCS08, FDRA of the hub's own image …), as its CS14 alerts leave. */
  raiseChfAlert(built: BuiltAlert, at: number, label: string): void {
    this.sendChfAlert(built, at, label);
  }

  /** A meter raises an alert a use case built (e.g. the join-service outcome), as raiseAlert sends it. */
  raiseMeterAlert(device: Esme | Gsme, built: BuiltAlert, at: number): void {
    this.raiseAlert(device, built, at, false);
  }

  /**
   * A meter's alert leaves after the meter's alert latency (and any fault delay), through the
   * comms hub. [P] It is lost, with no retry, when at that moment the hub has no mains, the
   * meter's HAN link is down, the meter is not joined, or the meter has no power (except a
   * last gasp, sent on the energy the meter still holds).
   */
  private raiseAlert(device: Esme | Gsme, built: BuiltAlert, at: number, lastGasp: boolean): void {
    const { message, info } = built;
    const faults = this.firmwareFaults.fire({ messageCode: info.messageCode, direction: 'alert', device, at, ...(info.alertCode !== undefined ? { alertCode: info.alertCode } : {}) });
    const { frame, delayMs, repeatsAfterMs } = buildOutgoing(message, faults);
    if (!frame) return;
    const first = at + device.profile.alertLatencyMs + delayMs;
    const code = info.alertCode?.toString(16).toUpperCase() ?? '?';
    // an alert storm sends the same frame again after each of repeatsAfterMs
    for (const sendAt of [first, ...repeatsAfterMs.map((r) => first + r)]) {
      this.clock.schedule(
        { at: sendAt },
        async () => {
          if (!this.commsHub.powered || !device.linkUp || !this.chf.isJoined(device.eui) || (!lastGasp && !device.powered)) return;
          await this.emit(frame, { ...info, at: sendAt });
        },
        `${info.useCase} 0x${code} from ${device.deviceType} ${device.eui}`,
      );
    }
  }

  /**
   * A joined meter whose power (or the hub's) came back rejoins the HAN at once [P]; a
   * fails-to-rejoin fault keeps it off (chf.deviceLeft) until it joins again.
   */
  private rejoinAfterPowerCycle(meter: Esme | Gsme, at: number): void {
    if (!this.chf.isJoined(meter.eui)) return;
    if (hanEventFails(this.firmwareFaults, { primitive: 'fails-to-rejoin', device: meter, at })) this.chf.deviceLeft(meter.eui);
  }

  /** The hub lost mains: its last gasp reaches the DCC a little later. */
  private commsHubPowerLost(lostAt: number): void {
    const loss: CommsHubPowerLoss = { commsHubId: this.chf.eui, lostAt, mpxns: this.meterPoints };
    this.clock.schedule(
      { at: lostAt + COMMS_HUB_POWER_LOSS_REPORT_MS },
      async () => {
        for (const listener of this.hubPowerLossListeners.snapshot()) await listener(loss);
      },
      `comms hub ${this.chf.eui} power loss reaches the DCC`,
    );
  }

  /** The inventory entries of the Type 1 devices, their KA certificates issued now by the seed's Device CA. */
  private inventoryEntries(entries: readonly Type1DeviceEntry[], partyEuis: readonly Eui64[]): InventoryHanDevice[] {
    let ca: EmulatedDeviceCa | undefined;
    const seen = new Set(partyEuis);
    return entries.map(({ eui: given, type }) => {
      const eui = given.toUpperCase();
      if (seen.has(eui)) throw new RangeError(`the ${type} ${eui} of the DCC's inventory has the EUI of another device of the premises`);
      seen.add(eui);
      const kaCertificate = (ca ??= emulatedDeviceCa(this.seed)).issue({ eui, publicKey: this.keys.keysOf(eui).ka.publicKey, keyUsage: 'keyAgreement' }, this.clock.now());
      return { eui, type, kaCertificate };
    });
  }

  /** Identity, timings, clock and keys of a meter: defaults with its firmware profile and the overrides applied. */
  private meterBasics(type: 'ESME' | 'GSME', o: MeterOverrides, firmware: FirmwareProfile | undefined) {
    const defaults = type === 'ESME' ? DEFAULTS.esme : DEFAULTS.gsme;
    const eui = o.eui ?? (type === 'ESME' ? DEFAULT_EUIS.esme : DEFAULT_EUIS.gsme);
    const band = o.band ?? defaults.band;
    if (!this.commsHub.supports(band)) {
      throw new RangeError(`the ${type} is on ${band} but the comms hub runs only ${this.commsHub.bands.join(' and ')}`);
    }
    return {
      identity: {
        eui,
        manufacturer: o.manufacturer ?? defaults.manufacturer,
        model: o.model ?? defaults.model,
        firmwareVersion: o.firmwareVersion ?? DEFAULT_FIRMWARE_VERSION,
        band,
        ...(o.bands ? { bands: o.bands } : {}),
      },
      profile: timings(type, firmware, o.profile),
      clock: this.clock,
      keys: this.keys.keysOf(eui),
    };
  }
}

/** Creates a commissioned premises (see the file header); `devices` overrides any default. */
export function createPremises(options: PremisesOptions): Premises {
  return new Premises(options);
}
