// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The faults of a premises' firmware profiles at run time: at each fault point (a command
 * reaching a device, a response or an alert being built) the emulators ask which faults act on
 * this message, then apply them (fault-effects.ts). Which profile sees which message:
 * - the comms hub's profile: the CHF's and GPF's own messages, and every command to and message
 *   from a meter (the hub relays them all);
 * - a meter's profile: the commands to and the messages from that meter.
 * A fault matches a message by use case (message-codes.ts id or alias), direction, device type
 * (`deviceTypes`), alert code (`alertCode`) and time (`trigger.afterMs`); matching messages are
 * counted per fault, and the fault acts on every `trigger.every`-th, then with its
 * `probability`, drawn from a stream forked off the premises' seed by profile and fault id (one
 * fault's draws never move another's). Every fault that acts lands in the log.
 * A `clock-drift` fault is bound to a meter, not to messages: `clockDriftOf` gives the drift of
 * a meter's clock when the premises starts (and logs it); it never fires at a fault point.
 * The HAN-event faults (stale-mirror, fails-to-rejoin, lose-queued, ignores-suspend-zcl,
 * loses-held-after-suspension) fire at HAN events of a
 * device instead of messages (`fireHanEvent`): matched by primitive, scope, device type and
 * time, counted and drawn like message faults.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { formatMessageCode, messageCodeMatchesUseCase } from '../../harness/protocol/gbcs/message-codes.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { DeviceType } from '../device.ts';
import type { ClockDrift } from '../meters/device-clock.ts';
import {
  isHanEventFault,
  isMessageFault,
  type Fault,
  type FaultDirection,
  type FaultOf,
  type FaultPrimitive,
  type FirmwareProfile,
  type HanEventFault,
  type HanEventPrimitive,
  type MessageFault,
  type MessageFaultPrimitive,
} from './profile-schema.ts';

/** A message (or command) at a fault point. */
export interface FaultSubject {
  readonly messageCode: number;
  readonly direction: FaultDirection;
  /** The device the command is for, or the message is from. */
  readonly device: { readonly eui: Eui64; readonly deviceType: DeviceType };
  /** Alerts: the GBCS alert code. */
  readonly alertCode?: number;
  /** Virtual time of the fault point. */
  readonly at: number;
}

/** A HAN event of a device at which the faults of one primitive may act (e.g. a GSME report to the GPF mirror: stale-mirror). */
export interface HanEventSubject {
  readonly primitive: HanEventPrimitive;
  /** The device whose event it is (the GSME reporting or collecting, the meter rejoining). */
  readonly device: { readonly eui: Eui64; readonly deviceType: DeviceType };
  readonly at: number;
}

/** A HAN-event fault acting on one event. */
export interface FiredHanFault {
  readonly fault: HanEventFault;
  readonly profile: FirmwareProfile;
  readonly subject: HanEventSubject;
  /** Records the outcome in the log. */
  record(applied: boolean, detail: string): void;
}

/** A fault acting on one message, with the streams and memory its effect needs. */
export interface FiredFault<F extends MessageFault = MessageFault> {
  readonly fault: F;
  readonly profile: FirmwareProfile;
  readonly subject: FaultSubject;
  /** Seeded stream for the effect's own choices (which bytes to flip). */
  readonly random: SeededRandom;
  /** Per fault and device: what a `frozen` wrong-value remembers. */
  readonly memory: Map<string, unknown>;
  /** Records the outcome in the log (applied, or why not). */
  record(applied: boolean, detail: string): void;
}

/** One fault that acted, as the log keeps it. */
export interface FaultRecord {
  readonly at: number;
  readonly faultId: string;
  readonly profileId: string;
  readonly primitive: FaultPrimitive;
  /** null for a fault bound to a device or a HAN event rather than to messages (clock-drift, stale-mirror …). */
  readonly direction: FaultDirection | null;
  readonly useCase: string | null;
  readonly messageCode: string | null;
  readonly device: Eui64;
  readonly deviceType: DeviceType;
  readonly illustrative: boolean;
  /** false when the fault matched but could not act (e.g. the field it replaces is absent). */
  readonly applied: boolean;
  readonly detail: string;
}

/** Which devices' messages a profile sees. */
export interface ProfileScope {
  readonly profile: FirmwareProfile;
  /** The devices (EUIs) whose commands and messages the profile sees; 'all' for the comms hub. */
  readonly devices: 'all' | readonly Eui64[];
}

interface ArmedFault<F extends MessageFault | HanEventFault = MessageFault> {
  readonly fault: F;
  readonly profile: FirmwareProfile;
  readonly scope: ProfileScope['devices'];
  readonly fires: SeededRandom;
  readonly effects: SeededRandom;
  readonly memory: Map<string, Map<string, unknown>>;
  seen: number;
}

/** The faults `pick` chooses from every profile, each with its own seeded streams. */
function arm<F extends MessageFault | HanEventFault>(options: FirmwareFaultsOptions, pick: (fault: Fault) => fault is F): Array<ArmedFault<F>> {
  return options.profiles.flatMap(({ profile, devices }) =>
    profile.faults.filter(pick).map((fault) => ({
      fault,
      profile,
      scope: devices,
      fires: options.random.fork(`faults/${profile.id}/${fault.id}/fires`),
      effects: options.random.fork(`faults/${profile.id}/${fault.id}/effects`),
      memory: new Map<string, Map<string, unknown>>(),
      seen: 0,
    })),
  );
}

export interface FirmwareFaultsOptions {
  readonly profiles: readonly ProfileScope[];
  /** The premises' random source; each fault forks its own streams from it. */
  readonly random: SeededRandom;
  /** Virtual time the premises started (trigger.afterMs counts from it). */
  readonly startMs: number;
}

export class FirmwareFaults {
  private readonly armed: ArmedFault[];
  private readonly hanArmed: Array<ArmedFault<HanEventFault>>;
  private readonly drifts: ReadonlyArray<{ readonly fault: FaultOf<'clock-drift'>; readonly profile: FirmwareProfile; readonly scope: ProfileScope['devices'] }>;
  private readonly records: FaultRecord[] = [];
  private readonly startMs: number;
  private readonly random: SeededRandom;

  constructor(options: FirmwareFaultsOptions) {
    this.startMs = options.startMs;
    this.random = options.random;
    this.armed = arm(options, isMessageFault);
    this.hanArmed = arm(options, isHanEventFault);
    this.drifts = options.profiles.flatMap(({ profile, devices }) =>
      profile.faults.flatMap((fault) => (fault.primitive === 'clock-drift' ? [{ fault, profile, scope: devices }] : [])),
    );
  }

  /**
   * The devices of a scope run another firmware image from now (an SRV 11.3 activation): the
   * message and HAN-event faults of the profile that had exactly that scope go, and those of
   * `profile` (null: none) are armed, with their own seeded streams. Clock drifts are the
   * meter's own from the start and stay.
   */
  replaceProfile(devices: ProfileScope['devices'], profile: FirmwareProfile | null): void {
    const same = (scope: ProfileScope['devices']) =>
      scope === 'all' ? devices === 'all' : devices !== 'all' && scope.length === devices.length && scope.every((eui, i) => eui === devices[i]);
    for (const list of [this.armed, this.hanArmed] as Array<Array<{ readonly scope: ProfileScope['devices'] }>>) {
      for (let i = list.length - 1; i >= 0; i--) if (same((list[i] as { scope: ProfileScope['devices'] }).scope)) list.splice(i, 1);
    }
    if (!profile) return;
    const options: FirmwareFaultsOptions = { profiles: [{ profile, devices }], random: this.random, startMs: this.startMs };
    this.armed.push(...arm(options, isMessageFault));
    this.hanArmed.push(...arm(options, isHanEventFault));
  }

  /** No profile of the premises declares a fault. */
  get none(): boolean {
    return this.armed.length === 0 && this.hanArmed.length === 0 && this.drifts.length === 0;
  }

  /**
   * How the clock of a meter departs from the hub's time, from its profiles' clock-drift faults
   * (summed; null when none applies); each one that applies is logged at `at`.
   */
  clockDriftOf(device: FaultSubject['device'], at: number): ClockDrift | null {
    const total = { offsetMs: 0, msPerDay: 0 };
    let applies = false;
    for (const { fault, profile, scope } of this.drifts) {
      if (scope !== 'all' && !scope.includes(device.eui)) continue;
      if (device.deviceType !== 'ESME' && device.deviceType !== 'GSME') continue;
      if (fault.deviceTypes && !fault.deviceTypes.includes(device.deviceType)) continue;
      const offsetMs = (fault.offsetSeconds ?? 0) * 1000;
      const msPerDay = (fault.secondsPerDay ?? 0) * 1000;
      total.offsetMs += offsetMs;
      total.msPerDay += msPerDay;
      applies = true;
      this.records.push({
        at,
        faultId: fault.id,
        profileId: profile.id,
        primitive: fault.primitive,
        direction: null,
        useCase: null,
        messageCode: null,
        device: device.eui,
        deviceType: device.deviceType,
        illustrative: fault.illustrative,
        applied: true,
        detail: `the ${device.deviceType}'s clock is ${offsetMs / 1000} s off and drifts ${msPerDay / 1000} s per day`,
      });
    }
    return applies ? total : null;
  }

  /** Faults that act on this message, in profile order (comms hub first, then the meter). */
  fire(subject: FaultSubject): FiredFault[] {
    const fired: FiredFault[] = [];
    for (const armed of this.armed) {
      if (!this.matches(armed, subject) || !this.triggered(armed)) continue;
      fired.push(this.firedFault(armed, subject));
    }
    return fired;
  }

  /** HAN-event faults that act on this event, in profile order (comms hub first, then the meter). */
  fireHanEvent(subject: HanEventSubject): FiredHanFault[] {
    const fired: FiredHanFault[] = [];
    for (const armed of this.hanArmed) {
      const { fault, profile, scope } = armed;
      if (fault.primitive !== subject.primitive) continue;
      if (scope !== 'all' && !scope.includes(subject.device.eui)) continue;
      if (fault.deviceTypes && !(fault.deviceTypes as readonly DeviceType[]).includes(subject.device.deviceType)) continue;
      if (subject.at < this.startMs + (fault.trigger?.afterMs ?? 0) || !this.triggered(armed)) continue;
      fired.push({ fault, profile, subject, record: this.recorder(subject.at, fault, profile, subject.device, null) });
    }
    return fired;
  }

  /** Counts a matching message or event; true when the fault acts on it (every N-th, then its probability). */
  private triggered(armed: ArmedFault<MessageFault | HanEventFault>): boolean {
    armed.seen += 1;
    if (armed.seen % (armed.fault.trigger?.every ?? 1) !== 0) return false;
    const probability = armed.fault.probability ?? 1;
    return probability >= 1 || armed.fires.chance(probability);
  }

  /** Every fault that acted so far, oldest first. */
  get log(): readonly FaultRecord[] {
    return this.records;
  }

  private matches({ fault, scope }: ArmedFault, s: FaultSubject): boolean {
    if (fault.direction !== s.direction) return false;
    if (scope !== 'all' && !scope.includes(s.device.eui)) return false;
    if (fault.deviceTypes && !fault.deviceTypes.includes(s.device.deviceType)) return false;
    if (fault.alertCode !== undefined && (s.alertCode === undefined || Number.parseInt(fault.alertCode, 16) !== s.alertCode)) return false;
    if (s.at < this.startMs + (fault.trigger?.afterMs ?? 0)) return false;
    return messageCodeMatchesUseCase(s.messageCode, fault.useCase);
  }

  private firedFault(armed: ArmedFault, subject: FaultSubject): FiredFault {
    const { fault, profile } = armed;
    let memory = armed.memory.get(subject.device.eui);
    if (!memory) armed.memory.set(subject.device.eui, (memory = new Map()));
    return {
      fault,
      profile,
      subject,
      random: armed.effects,
      memory,
      record: this.recorder(subject.at, fault, profile, subject.device, { direction: fault.direction, useCase: fault.useCase, messageCode: formatMessageCode(subject.messageCode) }),
    };
  }

  /** Logs one fault acting on a device's message (`message`) or HAN event (null). */
  private recorder(at: number, fault: MessageFault | HanEventFault, profile: FirmwareProfile, device: FaultSubject['device'], message: Pick<FaultRecord, 'direction' | 'useCase' | 'messageCode'> | null) {
    return (applied: boolean, detail: string): void => {
      this.records.push({
        at,
        faultId: fault.id,
        profileId: profile.id,
        primitive: fault.primitive,
        direction: message?.direction ?? null,
        useCase: message?.useCase ?? null,
        messageCode: message?.messageCode ?? null,
        device: device.eui,
        deviceType: device.deviceType,
        illustrative: fault.illustrative,
        applied,
        detail,
      });
    };
  }
}

/** The fired faults of one primitive. */
export function firedOf<P extends MessageFaultPrimitive>(fired: readonly FiredFault[], primitive: P): Array<FiredFault<FaultOf<P>>> {
  return fired.filter((f): f is FiredFault<FaultOf<P>> => f.fault.primitive === primitive);
}
