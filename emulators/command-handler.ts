// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The comms hub's WAN side: a GBCS command frame from the DCC goes through the checks a real
 * device makes, is routed by recipient EUI and answered later in virtual time.
 *
 * Checks, in order (the first failure refuses the command; nothing is sent back):
 * frame decodes → recipient is a party of this premises → the hub is powered → the frame is
 * MAC-wrapped and the MAC verifies (device KA private, ACB KA public) → the message code is an
 * emulated use case → addressed to a device type that answers it → the payload decodes → the
 * meter is reachable (ESME: joined, powered, HAN link up; GSME: joined — its commands wait) →
 * the sleepy queue has room (GSME) → the counter is above the last accepted from that
 * originator (only now is it recorded: a command the device never saw does not consume it).
 *
 * Routes: CHF and GPF answer at once (the GPF from its mirror); the ESME through the CHF's
 * tunnel; GSME commands wait in the CHF's sleepy buffer and are answered at the GSME's next
 * wake. Each response leaves `profile.responseLatencyMs` of the answering device after it was
 * built, through `emit`.
 */
import { decodeFrame } from '../harness/protocol/gbcs/frame.ts';
import type { GbcsFrame } from '../harness/protocol/gbcs/frame-types.ts';
import type { DeviceMessageInfo, CommandReceipt, CommandRefusal, CommandRoute } from './device-message.ts';
import type { EmulatedDevice } from './device.ts';
import { innerCipher, openCommand, responseHeader, sealFromDevice } from './device-sealing.ts';
import type { Gsme } from './meters/gsme.ts';
import type { Premises } from './premises.ts';
import type { EmulatedUseCase } from './use-cases/emulated-use-case.ts';

export type DeviceMessageSink = (frame: Uint8Array, info: DeviceMessageInfo) => Promise<void>;

function refuse(reason: CommandRefusal, detail: string): CommandReceipt {
  return { accepted: false, reason, detail };
}

function hex16(n: number): string {
  return `0x${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

export class CommandHandler {
  constructor(
    private readonly premises: Premises,
    private readonly useCases: ReadonlyMap<number, EmulatedUseCase>,
    private readonly emit: DeviceMessageSink,
  ) {}

  async handle(bytes: Uint8Array): Promise<CommandReceipt> {
    let frame: GbcsFrame;
    try {
      frame = decodeFrame(bytes);
    } catch (error) {
      return refuse('malformed-frame', (error as Error).message);
    }
    const { premises } = this;
    const device = premises.device(frame.recipient);
    if (!device) return refuse('unknown-recipient', `${frame.recipient} is not a device of this premises`);
    if (!premises.commsHub.powered) return refuse('comms-hub-unpowered', 'the comms hub has no mains supply');
    if (frame.cra !== 1) return refuse('malformed-frame', `CRA flag ${frame.cra} is not a command`);
    if (!frame.macProtected) return refuse('mac-absent', 'commands reach devices MAC-wrapped by the DCC');
    const opened = openCommand(bytes, device, premises.keys);
    if (opened.mac !== 'valid') return refuse('mac-invalid', `MAC ${opened.mac} with the ACB's key and ${device.eui}'s`);

    const useCase = this.useCases.get(frame.messageCode);
    if (!useCase) return refuse('unsupported-message', `message code ${hex16(frame.messageCode)} is not emulated`);
    if (!useCase.targets.includes(device.deviceType)) {
      return refuse('wrong-recipient-type', `${useCase.name} goes to ${useCase.targets.join(' or ')}, not the ${device.deviceType}`);
    }
    let command: unknown;
    try {
      command = useCase.decodeCommand(frame);
    } catch (error) {
      return refuse('malformed-payload', `${useCase.name}: ${(error as Error).message}`);
    }

    const unreachable = this.unreachable(device);
    if (unreachable) return refuse('device-unreachable', unreachable);
    const isGsme = device.deviceType === 'GSME';
    if (isGsme && premises.chf.sleepyBuffer.pendingFor(device.eui).length >= premises.chf.sleepyBuffer.limitPerDevice) {
      return refuse('sleepy-queue-full', `${premises.chf.sleepyBuffer.limitPerDevice} commands already wait for the GSME`);
    }
    if (!device.acceptCounter(frame.originator, frame.counter)) {
      return refuse('counter-not-increasing', `counter ${frame.counter} from ${frame.originator} is not above ${device.lastAcceptedCounter(frame.originator)}`);
    }

    const accepted = { accepted: true as const, useCase: useCase.name, recipient: device.eui, deviceType: device.deviceType };
    if (isGsme) {
      premises.chf.sleepyBuffer.enqueue(device.eui, {
        label: `${useCase.name} ${frame.counter}`,
        enqueuedAt: premises.clock.now(),
        deliver: (gsme: Gsme) => void this.answer(useCase, command, frame, gsme),
      });
      return { ...accepted, route: 'GSME-queued', responseDueAt: null };
    }
    const route = device.deviceType as Exclude<CommandRoute, 'GSME-queued'>;
    return { ...accepted, route, responseDueAt: this.answer(useCase, command, frame, device) };
  }

  /** Why the CHF cannot reach the device now, or null. */
  private unreachable(device: EmulatedDevice): string | null {
    const { premises } = this;
    if (device.deviceType !== 'ESME' && device.deviceType !== 'GSME') return null;
    if (!premises.chf.isJoined(device.eui)) return `the ${device.deviceType} ${device.eui} has not joined the CHF`;
    if (device.deviceType === 'ESME' && !device.reachable) {
      return `the ESME ${device.eui} is ${device.powered ? 'out of HAN reach' : 'without power'}`;
    }
    return null;
  }

  /** Builds and seals the response now and schedules its delivery; returns when it is due. */
  private answer(useCase: EmulatedUseCase, command: unknown, frame: GbcsFrame, device: EmulatedDevice): number {
    const { premises } = this;
    const now = premises.clock.now();
    const header = responseHeader(frame, device, useCase.response, now);
    const cipher = useCase.innerEncryption ? innerCipher(device, header, premises.keys) : undefined;
    const payload = useCase.respond(command, { device, premises, command: frame, payload: { header, ...(cipher ? { cipher } : {}) } });
    const sealed = sealFromDevice(device, header, payload, useCase.response, premises.keys);
    const at = now + device.profile.responseLatencyMs;
    const info: DeviceMessageInfo = {
      kind: 'response',
      at,
      useCase: useCase.name,
      messageCode: header.messageCode,
      originator: header.originator,
      recipient: header.recipient,
    };
    premises.clock.schedule({ at }, () => this.emit(sealed, info), `${useCase.name} response from ${device.eui}`);
    return at;
  }
}
