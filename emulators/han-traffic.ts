// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The HAN traffic of one premises: every frame that crosses the air between the comms hub and a
 * meter goes through here, to the HAN medium (radio/han-medium.ts: airtime, loss, duty cycle),
 * and the duty cycle's consequences act here — the CHF's management (comms-hub/sub-ghz-duty-cycle.ts:
 * SuspendZCLMessages, alerts 0x8F20–0x8F25, 0x8F2C, 0x8F2D) and each meter's suspension of its ZCL
 * messages (meters/zcl-suspension.ts). The premises and the command handler call it at the three
 * points where frames cross the HAN:
 *
 * - `toMeter`: the CHF relays a command to a meter (the ESME at once, the GSME when it collects it
 *   at a wake). Not sent while the hub is Suspended: the CHF discards it and raises 0x8F2C naming
 *   it; lost when the meter is off the air (radio loss) or every attempt is lost. Either way the
 *   meter never acts on it and no response follows — what a DUIS user sees of any command the
 *   CHF cannot deliver to a mains-powered meter: I99, then nothing [P].
 * - `fromMeter`: a meter sends a response or an alert. A meter told to suspend holds a
 *   non-essential one until its suspension ends; one it cannot send (its own duty cycle
 *   Suspended, or lost on the air) never reaches the hub.
 * - a GSME wake that reaches the hub: its report and flag read, the hub's answer, and any
 *   SuspendZCLMessages kept for it.
 * Also the Bench's duty-cycle pressure (`filler`: the hub sends filler bytes to a device, on the
 * device's band) and the hub's own budget for the firmware transfer (`medium.hubSlot` / `hubSend`).
 *
 * Thresholds come from the CHF Sub GHz Configuration (SRV 6.28, comms-hub/sub-ghz-config.ts): the
 * meters take a new configuration as it is set. Interference on the operating sub-GHz channel
 * (the Bench, radio/sub-ghz-noise.ts) adds to every 868 MHz link's losses.
 */
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import { CRA } from '../harness/protocol/gbcs/frame-types.ts';
import type { DiscardedMessage } from '../harness/protocol/gbcs/payload/use-cases/dbch10-message-discarded.ts';
import type { SeededRandom } from './clock/seeded-random.ts';
import type { VirtualClock } from './clock/virtual-clock.ts';
import type { Chf } from './comms-hub/chf.ts';
import { SubGhzDutyCycle } from './comms-hub/sub-ghz-duty-cycle.ts';
import type { DeviceMessageInfo } from './device-message.ts';
import type { EmulatedDevice } from './device.ts';
import type { FirmwareFaults } from './firmware/firmware-faults.ts';
import { hanEventFails } from './firmware/han-fault-effects.ts';
import type { KeyDirectory } from './key-directory.ts';
import type { Gsme } from './meters/gsme.ts';
import { ZclSuspension } from './meters/zcl-suspension.ts';
import { GSME_FLAGS_READ_BYTES, GSME_WAKE_REPORT_BYTES, HUB_FLAGS_ANSWER_BYTES } from './radio/han-frame-sizes.ts';
import { HanMedium, type HanDelivery } from './radio/han-medium.ts';
import type { SubGhzNoise } from './radio/sub-ghz-noise.ts';
import type { BuiltAlert } from './use-cases/power-alerts.ts';

export interface HanTrafficOptions {
  readonly seed: string;
  readonly random: SeededRandom;
  readonly clock: VirtualClock;
  readonly keys: KeyDirectory;
  readonly chf: Chf;
  /** The meters on the HAN (the ESME, the GSME). */
  readonly meters: readonly EmulatedDevice[];
  readonly gsme: Gsme;
  readonly firmwareFaults: FirmwareFaults;
  readonly subGhzNoise: SubGhzNoise;
  /** Whether the hub has mains (it neither sends nor hears without). */
  readonly hubPowered: () => boolean;
  /** The CHF raises one of its alerts (the premises sends it as every CHF alert). */
  readonly raiseChfAlert: (built: BuiltAlert, at: number, label: string) => void;
  readonly subGhzBitsPerSecond?: number;
  readonly suspendPeriodMinutes?: number;
}

/** A command frame the CHF relays, as 0x8F2C names it when discarded. */
export interface RelayedCommand {
  readonly bytes: Uint8Array;
  readonly originator: Eui64;
  readonly counter: bigint;
  readonly label: string;
}

export class HanTraffic {
  readonly medium: HanMedium;
  readonly dutyCycle: SubGhzDutyCycle;
  private readonly suspensions = new Map<Eui64, ZclSuspension>();
  private readonly detach: Array<() => void> = [];

  constructor(private readonly options: HanTrafficOptions) {
    const { chf, meters, clock, firmwareFaults } = options;
    this.medium = new HanMedium({
      clock,
      seed: options.seed,
      random: options.random,
      hub: chf.eui,
      device: (eui) => meters.find((m) => m.eui === eui),
      devices: () => meters,
      thresholds: () => chf.subGhzConfiguration.dutyCycleThresholds,
      interferenceDbm: (band) => (band === '868MHz' ? options.subGhzNoise.interferenceDbm(chf.channels.subGhz) : null),
      ...(options.subGhzBitsPerSecond !== undefined ? { subGhzBitsPerSecond: options.subGhzBitsPerSecond } : {}),
    });
    for (const meter of meters) {
      const at = () => clock.now();
      this.suspensions.set(
        meter.eui,
        new ZclSuspension(clock, `${meter.deviceType} ${meter.eui}`, {
          ignoresSuspend: () => hanEventFails(firmwareFaults, { primitive: 'ignores-suspend-zcl', device: meter, at: at() }),
          losesHeld: () => hanEventFails(firmwareFaults, { primitive: 'loses-held-after-suspension', device: meter, at: at() }),
        }),
      );
    }
    this.dutyCycle = new SubGhzDutyCycle({
      chf,
      keys: options.keys,
      medium: this.medium,
      raiseAlert: (built, at) => options.raiseChfAlert(built, at, `${built.info.useCase} 0x${built.info.alertCode?.toString(16).toUpperCase()} from ${chf.eui} (duty cycle)`),
      suspendZcl: (device, minutes) => this.suspensions.get(device)?.suspend(minutes),
      isSleepy: (device) => device === options.gsme.eui,
      subGhzDevices: () => meters.filter((m) => m.band === '868MHz').map((m) => m.eui),
      ...(options.suspendPeriodMinutes !== undefined ? { suspendPeriodMinutes: options.suspendPeriodMinutes } : {}),
    });
    this.detach.push(
      chf.subGhzConfiguration.onChange(() => this.medium.thresholdsChanged()),
      chf.onDeviceLogChanged((change) => {
        if (change.kind === 'joined') this.dutyCycle.deviceJoined(change.entry.eui, change.at);
      }),
      options.gsme.onWake((gsme) => this.wake(gsme)),
      () => this.dutyCycle.dispose(),
    );
  }

  /** The CHF relays a command to a meter now: true when the meter has it (see the file header). */
  toMeter(meter: EmulatedDevice, command: RelayedCommand): boolean {
    const { chf, clock } = this.options;
    const delivery = this.medium.carry({ from: chf.eui, to: meter.eui, bytes: command.bytes.length, label: command.label });
    if (!delivery.delivered && delivery.reason === 'suspended') {
      const discarded: DiscardedMessage = { originator: command.originator, target: meter.eui, craFlag: CRA.command, originatorCounter: command.counter };
      this.dutyCycle.discarded(discarded, clock.now());
    }
    return delivery.delivered;
  }

  /**
   * A meter's response or alert leaves it now: `send` passes it on to the hub's WAN side when
   * (and if) it crosses the HAN — at once, or when the meter's ZCL suspension ends.
   */
  async fromMeter(meter: EmulatedDevice, frame: Uint8Array, info: DeviceMessageInfo, send: (info: DeviceMessageInfo) => Promise<void>): Promise<void> {
    const cross = async (): Promise<void> => {
      const delivery = this.medium.carry({ from: meter.eui, to: this.options.chf.eui, bytes: frame.length, label: `${info.useCase} ${info.kind}` });
      if (delivery.delivered) await send({ ...info, at: this.options.clock.now() });
    };
    if (this.suspensions.get(meter.eui)?.hold(info, cross)) return;
    await cross();
  }

  /** The Bench's duty-cycle pressure: the hub sends `bytes` of filler to a device, on its band. */
  filler(device: Eui64, bytes: number): HanDelivery {
    if (!Number.isSafeInteger(bytes) || bytes < 1) throw new RangeError(`filler is a whole number of bytes ≥ 1, got ${bytes}`);
    if (!this.options.meters.some((m) => m.eui === device)) {
      throw new RangeError(`${device} is not a meter on the HAN: the hub sends filler to a meter (${this.options.meters.map((m) => `${m.deviceType} ${m.eui}`).join(', ')})`);
    }
    if (!this.options.hubPowered()) throw new RangeError('the comms hub has no mains: it sends nothing');
    return this.medium.hubSend(device, bytes, 'filler');
  }

  /** The meter's ZCL suspension (meters/zcl-suspension.ts). */
  suspensionOf(meter: Eui64): ZclSuspension | undefined {
    return this.suspensions.get(meter);
  }

  dispose(): void {
    for (const off of this.detach.splice(0)) off();
  }

  /** A GSME wake reaching a powered hub that has it joined: the exchange on the air, then any SuspendZCLMessages for it. */
  private wake(gsme: Gsme): void {
    const { chf, hubPowered } = this.options;
    if (!hubPowered() || !chf.isJoined(gsme.eui)) return;
    const report = this.medium.carry({ from: gsme.eui, to: chf.eui, bytes: GSME_WAKE_REPORT_BYTES + GSME_FLAGS_READ_BYTES, label: 'GSME wake report and flag read' });
    if (!report.delivered) return;
    this.medium.carry({ from: chf.eui, to: gsme.eui, bytes: HUB_FLAGS_ANSWER_BYTES, label: 'flags answer' });
    this.dutyCycle.deviceWoke(gsme.eui);
  }
}
