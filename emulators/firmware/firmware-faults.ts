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
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { formatMessageCode, messageCodeMatchesUseCase } from '../../harness/protocol/gbcs/message-codes.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { DeviceType } from '../device.ts';
import type { Fault, FaultDirection, FaultPrimitive, FirmwareProfile } from './profile-schema.ts';

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

/** A fault acting on one message, with the streams and memory its effect needs. */
export interface FiredFault<F extends Fault = Fault> {
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
  readonly direction: FaultDirection;
  readonly useCase: string;
  readonly messageCode: string;
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

interface ArmedFault {
  readonly fault: Fault;
  readonly profile: FirmwareProfile;
  readonly scope: ProfileScope['devices'];
  readonly fires: SeededRandom;
  readonly effects: SeededRandom;
  readonly memory: Map<string, Map<string, unknown>>;
  seen: number;
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
  private readonly records: FaultRecord[] = [];
  private readonly startMs: number;

  constructor(options: FirmwareFaultsOptions) {
    this.startMs = options.startMs;
    this.armed = options.profiles.flatMap(({ profile, devices }) =>
      profile.faults.map((fault) => ({
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

  /** No profile of the premises declares a fault. */
  get none(): boolean {
    return this.armed.length === 0;
  }

  /** Faults that act on this message, in profile order (comms hub first, then the meter). */
  fire(subject: FaultSubject): FiredFault[] {
    const fired: FiredFault[] = [];
    for (const armed of this.armed) {
      if (!this.matches(armed, subject)) continue;
      armed.seen += 1;
      if (armed.seen % (armed.fault.trigger?.every ?? 1) !== 0) continue;
      const probability = armed.fault.probability ?? 1;
      if (probability < 1 && !armed.fires.chance(probability)) continue;
      fired.push(this.firedFault(armed, subject));
    }
    return fired;
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
      record: (applied, detail) => {
        this.records.push({
          at: subject.at,
          faultId: fault.id,
          profileId: profile.id,
          primitive: fault.primitive,
          direction: fault.direction,
          useCase: fault.useCase,
          messageCode: formatMessageCode(subject.messageCode),
          device: subject.device.eui,
          deviceType: subject.device.deviceType,
          illustrative: fault.illustrative,
          applied,
          detail,
        });
      },
    };
  }
}

/** The fired faults of one primitive. */
export function firedOf<P extends FaultPrimitive>(fired: readonly FiredFault[], primitive: P): Array<FiredFault<Extract<Fault, { primitive: P }>>> {
  return fired.filter((f): f is FiredFault<Extract<Fault, { primitive: P }>> => f.fault.primitive === primitive);
}
