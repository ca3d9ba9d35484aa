// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated electricity meter: a COSEM object table (esme-objects.ts) whose energy registers
 * advance with virtual time at a (seeded) consumption rate while the meter is powered and its
 * supply is connected, and whose clock object reads the meter's own clock (device-clock.ts: the
 * virtual clock plus any drift its firmware has). Energy is accumulated exactly
 * in integer watt-milliseconds, so a register reads the same however time was stepped.
 */
import type { PartyKeys } from '../../harness/protocol/gbcs/frame-types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import { EmulatedDevice, type DeviceIdentity } from '../device.ts';
import type { DeviceProfile } from '../firmware/device-profile.ts';
import { Listeners } from '../listeners.ts';
import { cosem } from './cosem-data.ts';
import { DeviceClock } from './device-clock.ts';
import { JoinedDevices } from './joined-devices.ts';
import { FutureDatedActions } from './future-dated-actions.ts';
import { COSEM_CLASS, CosemObjectTable, type CosemReadResult, type ObisCode } from './cosem-objects.ts';
import { CONTROL_STATE, ESME_OBIS, esmeObjectDefinitions, type ControlState } from './esme-objects.ts';

const MS_PER_HOUR = 3_600_000;
const REGISTER_MODULUS = 2 ** 32; // double-long-unsigned rolls over

/** Consumption model: constant mean powers (integers) and the register readings at start. */
export interface EsmeConsumption {
  readonly activeImportW: number;
  readonly reactiveImportVar: number;
  readonly initialActiveImportWh: number;
  readonly initialReactiveImportVarh: number;
}

/** A plausible domestic consumption drawn from the seed. */
export function seededEsmeConsumption(random: SeededRandom): EsmeConsumption {
  const activeImportW = random.int(150, 900);
  return {
    activeImportW,
    reactiveImportVar: Math.round((activeImportW * random.int(5, 30)) / 100),
    initialActiveImportWh: random.int(1_000_000, 30_000_000),
    initialReactiveImportVarh: random.int(10_000, 3_000_000),
  };
}

export interface EsmeOptions {
  readonly identity: Omit<DeviceIdentity, 'deviceType'>;
  readonly profile: DeviceProfile;
  readonly clock: VirtualClock;
  readonly consumption: EsmeConsumption;
  readonly keys?: PartyKeys | null;
}

function checkRate(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** A mains outage of the meter, told when the supply comes back (virtual epoch ms). */
export interface EsmeSupplyOutage {
  readonly lostAt: number;
  readonly restoredAt: number;
}

export type EsmeSupplyRestoredListener = (outage: EsmeSupplyOutage) => void;

export class Esme extends EmulatedDevice {
  readonly objects: CosemObjectTable;
  /** The meter's own clock: what its Clock object and the time stamps it writes read. */
  readonly deviceClock: DeviceClock;
  /** Type 1 devices (PPMID, HCALCS) joined through the join service (CS03A1 / CS04AC). */
  readonly joinedDevices = new JoinedDevices();
  /** Future-dated actions pending on the meter's clock (tariff elements of an ECS01a, use-cases/ecs01a.ts). */
  readonly futureDated = new FutureDatedActions();
  private readonly clock: VirtualClock;
  private rates: EsmeConsumption;
  private accruedAt: number;
  private activeWms = 0;
  private reactiveVarms = 0;
  private supplyLostAt: number | null = null;
  private readonly restoredListeners = new Listeners<EsmeSupplyRestoredListener>();

  constructor(options: EsmeOptions) {
    super({ ...options.identity, deviceType: 'ESME' }, options.profile, options.keys ?? null);
    for (const [name, value] of Object.entries(options.consumption)) checkRate(name, value);
    this.clock = options.clock;
    this.deviceClock = new DeviceClock(options.clock.now());
    this.rates = options.consumption;
    this.accruedAt = options.clock.now();
    this.objects = new CosemObjectTable(
      esmeObjectDefinitions({
        firmwareVersion: this.firmwareVersion,
        activeImportWh: options.consumption.initialActiveImportWh % REGISTER_MODULUS,
        reactiveImportVarh: options.consumption.initialReactiveImportVarh % REGISTER_MODULUS,
        nowMs: options.clock.now(),
      }),
    );
  }

  override timeAt(virtualMs: number): number {
    return this.deviceClock.timeAt(virtualMs);
  }

  get consumption(): EsmeConsumption {
    return this.rates;
  }

  /** Changes the mean powers from now on (energy so far is kept). */
  setConsumption(rates: Partial<Pick<EsmeConsumption, 'activeImportW' | 'reactiveImportVar'>>): void {
    for (const [name, value] of Object.entries(rates)) checkRate(name, value);
    this.sync();
    this.rates = { ...this.rates, ...rates };
  }

  /** Whether energy flows: the meter is powered and its load switch connected. */
  get consuming(): boolean {
    return this.powered && this.supplyState === CONTROL_STATE.connected;
  }

  get supplyState(): ControlState {
    const r = this.objects.read(COSEM_CLASS.disconnectControl, ESME_OBIS.disconnectControl, 3);
    return (r.ok && r.value.type === 'enum' ? r.value.value : CONTROL_STATE.connected) as ControlState;
  }

  /** Operates the load switch (disconnect control): energy stops while not connected. */
  setSupplyState(state: ControlState): void {
    this.sync();
    this.objects.update(COSEM_CLASS.disconnectControl, ESME_OBIS.disconnectControl, 2, cosem.boolean(state === CONTROL_STATE.connected));
    this.objects.update(COSEM_CLASS.disconnectControl, ESME_OBIS.disconnectControl, 3, cosem.enum(state));
  }

  /**
   * Mains power to the meter itself (the Bench's supply-power). The meter remembers when its
   * supply was lost; when it comes back, the supply-restored listeners hear the outage (the
   * meter itself cannot say anything while it has no power).
   */
  setPowered(on: boolean): void {
    this.sync();
    const was = this.powered;
    this.powered = on;
    const now = this.clock.now();
    if (was && !on) this.supplyLostAt = now;
    if (!was && on && this.supplyLostAt !== null) {
      const outage: EsmeSupplyOutage = { lostAt: this.supplyLostAt, restoredAt: now };
      this.supplyLostAt = null;
      for (const l of this.restoredListeners.snapshot()) l(outage);
    }
  }

  /** Registers a listener for supply restorations; returns a function that removes it. */
  onSupplyRestored(listener: EsmeSupplyRestoredListener): () => void {
    return this.restoredListeners.add(listener);
  }

  override setFirmwareVersion(hex: string): void {
    super.setFirmwareVersion(hex);
    this.objects.update(COSEM_CLASS.data, ESME_OBIS.firmwareVersion, 2, cosem.octets(this.firmwareVersion));
  }

  /** Active import total register, Wh. */
  get activeImportWh(): number {
    this.sync();
    return this.registerValue(ESME_OBIS.activeImport);
  }

  get reactiveImportVarh(): number {
    this.sync();
    return this.registerValue(ESME_OBIS.reactiveImport);
  }

  /** Reads an attribute as a remote party sees it now (registers and clock brought up to date). */
  read(classId: number, obis: ObisCode, attribute: number): CosemReadResult {
    this.sync();
    return this.objects.read(classId, obis, attribute);
  }

  /** Brings the time-dependent attributes up to the virtual clock. */
  sync(): void {
    const now = this.clock.now();
    const elapsed = now - this.accruedAt;
    if (elapsed > 0 && this.consuming) {
      this.activeWms += this.rates.activeImportW * elapsed;
      this.reactiveVarms += this.rates.reactiveImportVar * elapsed;
      this.addToRegister(ESME_OBIS.activeImport, Math.floor(this.activeWms / MS_PER_HOUR));
      this.addToRegister(ESME_OBIS.reactiveImport, Math.floor(this.reactiveVarms / MS_PER_HOUR));
      this.activeWms %= MS_PER_HOUR;
      this.reactiveVarms %= MS_PER_HOUR;
    }
    this.accruedAt = Math.max(this.accruedAt, now);
    this.objects.update(COSEM_CLASS.clock, ESME_OBIS.clock, 2, cosem.dateTime(this.timeAt(now)));
  }

  private registerValue(obis: ObisCode): number {
    const r = this.objects.read(COSEM_CLASS.register, obis, 2);
    if (!r.ok || r.value.type !== 'double-long-unsigned') throw new Error(`register ${obis} has no numeric value`);
    return r.value.value;
  }

  private addToRegister(obis: ObisCode, wholeUnits: number): void {
    if (wholeUnits === 0) return;
    const next = (this.registerValue(obis) + wholeUnits) % REGISTER_MODULUS;
    this.objects.update(COSEM_CLASS.register, obis, 2, cosem.doubleLongUnsigned(next));
  }
}
