// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The comms hub's WAN side: a GBCS command frame from the DCC goes through the checks a real
 * device makes, is routed by recipient EUI and answered later in virtual time.
 *
 * Checks, in order (the first failure refuses the command; no response follows, and only the
 * authority check raises an alert):
 * frame decodes → recipient is a party of this premises → the hub is powered → the frame is
 * MAC-wrapped → [firmware faults on the command: drop refuses it here; corrupt flips its bytes,
 * so the next check fails] → the MAC verifies (device KA private, ACB KA public) → the originator
 * is a party the device trusts (remote-parties.ts; else a meter raises alert 0x8F30 "Source Does
 * Not Have Authority for Command" to the supplier, use-cases/no-authority-alert.ts) → the message code is an
 * emulated use case → addressed to a device type that answers it → a critical use case's command carries
 * the originator's GBCS signature, verifying with its DS public key → the payload decodes → the
 * meter is reachable (ESME: joined, powered, HAN link up; GSME: joined — its commands wait) →
 * the CHF can queue it for the GSME (the GPF holds a mirror to flag it on, the sleepy queue has
 * room; else the CHF reports the delivery failure to the DCC, comms-hub/sleepy-relay.ts) → the
 * counter is above the last accepted from that originator (only now is it recorded: a command
 * the device never saw does not consume it).
 *
 * Routes: CHF and GPF answer at once (the GPF from its mirror); the ESME through the CHF's
 * tunnel; GSME commands wait in the CHF's sleepy buffer and are answered at the GSME's next
 * wake (or reported undeliverable when it does not collect them in time). A meter's command
 * crosses the HAN when the CHF relays it (han-traffic.ts): discarded while the hub's duty cycle
 * is Suspended (alert 0x8F2C) or lost on the air, the meter never acts on it. Each response
 * leaves `profile.responseLatencyMs` of the answering device after it was built, through `emit`.
 *
 * Local delivery (`path` local: a hand-held terminal at the premises hands the device the
 * command over the HAN, DUIS command variants 2, 3, 6, 7) [P]: the same checks on the frame and
 * the same counter, except that the terminal reaches the device itself — the command must be for
 * the device the terminal is at and that device powered; the comms hub's mains, the meter's
 * link to the hub and the hub's sleepy queue and duty cycle play no part, and a GSME takes it at
 * once (the terminal's session wakes it). The response goes back to the terminal (`reply`), not
 * over the HAN to the hub and out on the WAN.
 *
 * Firmware faults (emulators/firmware, the premises' profiles) act at two points: when the
 * command reaches the device (drop, corrupt, delay — acted on later —, wrong-value on the decoded
 * command, reject — an error response, the command not acted on) and when the response is built
 * (wrong-value on the typed response, corrupt, delay, drop); see fault-effects.ts.
 */
import { decodeFrame } from '../harness/protocol/gbcs/frame.ts';
import { openFrame } from '../harness/protocol/gbcs/secure-frame.ts';
import type { GbcsFrame } from '../harness/protocol/gbcs/frame-types.ts';
import type { CommandReceipt, CommandRefusal, CommandRoute, DeviceMessageInfo } from './device-message.ts';
import type { EmulatedDevice } from './device.ts';
import { innerCipher, openCommand, responseHeader, sealFromDevice } from './device-sealing.ts';
import { buildOutgoing, receiveCommand, replaceField, type ReceivedCommand } from './firmware/fault-effects.ts';
import type { FiredFault } from './firmware/firmware-faults.ts';
import type { Gsme } from './meters/gsme.ts';
import type { Premises } from './premises.ts';
import { TRUSTED_REMOTE_PARTIES } from './remote-parties.ts';
import { noAuthorityAlert } from './use-cases/no-authority-alert.ts';
import type { EmulatedUseCase } from './use-cases/emulated-use-case.ts';

export type DeviceMessageSink = (frame: Uint8Array, info: DeviceMessageInfo) => void | Promise<void>;

/** How a command reaches its device: from the DCC through the comms hub, or handed over by a hand-held terminal (see the file header). */
export type CommandPath = { readonly kind: 'wan' } | { readonly kind: 'local'; readonly device: EmulatedDevice; readonly reply: DeviceMessageSink };

const WAN: CommandPath = { kind: 'wan' };

/** A refusal; `reported`: the CHF reports it to the DCC (a DeliveryFailure follows). */
function refuse(reason: CommandRefusal, detail: string, reported = false): CommandReceipt {
  return { accepted: false, reason, detail, ...(reported ? { reported: true as const } : {}) };
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

  async handle(bytes: Uint8Array, path: CommandPath = WAN): Promise<CommandReceipt> {
    let frame: GbcsFrame;
    try {
      frame = decodeFrame(bytes);
    } catch (error) {
      return refuse('malformed-frame', (error as Error).message);
    }
    const { premises } = this;
    const device = premises.device(frame.recipient);
    if (!device) return refuse('unknown-recipient', `${frame.recipient} is not a device of this premises`);
    const local = path.kind === 'local';
    if (local && device !== path.device) return refuse('unknown-recipient', `the command is for ${frame.recipient}, not the ${path.device.deviceType} ${path.device.eui} the terminal is at`);
    if (!local && !premises.commsHub.powered) return refuse('comms-hub-unpowered', 'the comms hub has no mains supply');
    if (frame.cra !== 1) return refuse('malformed-frame', `CRA flag ${frame.cra} is not a command`);
    if (!frame.macProtected) return refuse('mac-absent', 'commands reach devices MAC-wrapped by the DCC');

    const faults = premises.firmwareFaults.fire({ messageCode: frame.messageCode, direction: 'command', device, at: premises.clock.now() });
    const received = receiveCommand(bytes, frame, faults);
    if (received.dropped) {
      const { fault, profile } = received.dropped;
      return refuse('firmware-fault', `fault ${fault.id} of profile ${profile.id} drops the command (${fault.description})`);
    }
    const refused = (reason: CommandRefusal, detail: string, reported = false) => {
      for (const f of received.pending) f.record(false, `the device refused the command first (${reason})`);
      return refuse(reason, detail, reported);
    };
    const opened = openCommand(received.bytes, device, premises.keys);
    if (opened.mac !== 'valid') return refused('mac-invalid', `MAC ${opened.mac} with the ACB's key and ${device.eui}'s`);
    if (!TRUSTED_REMOTE_PARTIES.includes(frame.originator)) {
      const meter = device === premises.esme ? premises.esme : device === premises.gsme ? premises.gsme : null;
      const now = premises.clock.now();
      if (meter) premises.raiseMeterAlert(meter, noAuthorityAlert(meter, premises.keys, now), now);
      return refused('no-authority', `${frame.originator} has no authority for commands to ${device.eui} (not in its security credentials)${meter ? ': alert 0x8F30 raised' : ''}`);
    }

    const useCase = this.useCases.get(frame.messageCode);
    if (!useCase) return refused('unsupported-message', `message code ${hex16(frame.messageCode)} is not emulated`);
    if (!useCase.targets.includes(device.deviceType)) {
      return refused('wrong-recipient-type', `${useCase.name} goes to ${useCase.targets.join(' or ')}, not the ${device.deviceType}`);
    }
    if (useCase.command.sign) {
      const unsigned = this.signatureProblem(received.bytes, frame);
      if (unsigned) return refused(unsigned.reason, unsigned.detail);
    }
    let command: unknown;
    try {
      command = useCase.decodeCommand(frame);
    } catch (error) {
      return refused('malformed-payload', `${useCase.name}: ${(error as Error).message}`);
    }

    const unreachable = local ? (device.powered ? null : `the ${device.deviceType} ${device.eui} is without power`) : this.unreachable(device);
    if (unreachable) return refused('device-unreachable', unreachable);
    const isGsme = device.deviceType === 'GSME' && !local;
    const relay = premises.commsHub.sleepyRelay;
    const queued = { originator: frame.originator, counter: frame.counter, useCase: useCase.name };
    const undeliverable = isGsme ? relay.cannotQueue(device.eui) : null;
    if (undeliverable) {
      // the CHF tells the DCC it could not take the command (sleepy-relay.ts)
      relay.report(undeliverable.status, device.eui, queued, undeliverable.detail);
      return refused(undeliverable.status === 'no-mirror' ? 'no-mirror' : 'sleepy-queue-full', undeliverable.detail, true);
    }
    if (!device.acceptCounter(frame.originator, frame.counter)) {
      return refused('counter-not-increasing', `counter ${frame.counter} from ${frame.originator} is not above ${device.lastAcceptedCounter(frame.originator)}`);
    }
    for (const f of received.wrongValues) command = replaceField(command, f);
    for (const f of received.delays) f.record(true, `acted on ${f.fault.delayMs} ms late`);

    const accepted = { accepted: true as const, useCase: useCase.name, recipient: device.eui, deviceType: device.deviceType };
    if (isGsme) {
      relay.queue(device.eui, queued, (gsme: Gsme) => void this.act(useCase, command, frame, gsme, received, path));
      return { ...accepted, route: 'GSME-queued', responseDueAt: null };
    }
    const route = local ? 'local' : (device.deviceType as Exclude<CommandRoute, 'GSME-queued' | 'local'>);
    return { ...accepted, route, responseDueAt: this.act(useCase, command, frame, device, received, path) };
  }

  /**
   * A critical command must carry its originator's GBCS signature (the Service User signed the
   * pre-command): checked with the originator's DS public key from the key directory. Null when
   * it verifies.
   */
  private signatureProblem(bytes: Uint8Array, frame: GbcsFrame): { reason: CommandRefusal; detail: string } | null {
    if (!frame.signature) return { reason: 'signature-absent', detail: `${hex16(frame.messageCode)} is critical: it needs the signature of ${frame.originator}` };
    let signerDsPublic: Uint8Array;
    try {
      signerDsPublic = this.premises.keys.keysOf(frame.originator).ds.publicKey;
    } catch {
      return { reason: 'signature-invalid', detail: `no DS public key is known for ${frame.originator}` };
    }
    const { signature } = openFrame(bytes, { signerDsPublic });
    return signature === 'valid' ? null : { reason: 'signature-invalid', detail: `signature of ${frame.originator} ${signature} with its DS public key` };
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

  /**
   * The device acts on an accepted command: now, or `delayMs` later when a fault delays it.
   * Returns when the response is due (when it is built later: its due time if no response
   * fault changes it), or null when a fault keeps the response from being sent.
   */
  private act(useCase: EmulatedUseCase, command: unknown, frame: GbcsFrame, device: EmulatedDevice, received: ReceivedCommand, path: CommandPath): number | null {
    // a meter's command relayed by the CHF crosses the HAN first (han-traffic.ts): discarded or lost, it never acts
    const meter = device.deviceType === 'ESME' || device.deviceType === 'GSME';
    if (meter && path.kind === 'wan' && !this.premises.han.toMeter(device, { bytes: received.bytes, originator: frame.originator, counter: frame.counter, label: `${useCase.name} command` })) return null;
    const sink = path.kind === 'local' ? path.reply : this.emit;
    if (received.delayMs === 0) return this.answer(useCase, command, frame, device, received.rejected, sink);
    const { clock } = this.premises;
    clock.schedule({ after: received.delayMs }, () => void this.answer(useCase, command, frame, device, received.rejected, sink), `${useCase.name} ${frame.counter} reaches ${device.eui} late`);
    return clock.now() + received.delayMs + device.profile.responseLatencyMs;
  }

  /**
   * Builds the response now — the device's answer, or its refusal when a reject fault acts —
   * applies the response's faults, seals it and schedules its delivery to `sink` (the WAN, or the
   * terminal of a local delivery); returns when it is due, or null when it is not sent.
   */
  private answer(useCase: EmulatedUseCase, command: unknown, frame: GbcsFrame, device: EmulatedDevice, rejected: FiredFault | null, sink: DeviceMessageSink): number | null {
    const { premises } = this;
    const now = premises.clock.now();
    // the header date-time, when the response has one, is what the device's own clock reads
    const header = responseHeader(frame, device, useCase.response, device.timeAt(now));
    const cipher = useCase.innerEncryption ? innerCipher(device, header, premises.keys) : undefined;
    const payloadContext = { header, ...(cipher ? { cipher } : {}) };
    const context = { device, premises, command: frame, payload: payloadContext };
    let fields: unknown;
    if (rejected?.fault.primitive === 'reject') {
      const result = rejected.fault.result ?? useCase.refusalResults[0];
      fields = useCase.refuse(command, result, context);
      rejected.record(true, `refused with ${result}, not acted on`);
    } else {
      fields = useCase.respond(command, context);
    }
    const faults = premises.firmwareFaults.fire({ messageCode: header.messageCode, direction: 'response', device, at: now });
    const outgoing = buildOutgoing(
      {
        fields,
        encode: (f) => useCase.encodeResponse(f, payloadContext),
        seal: (payload) => sealFromDevice(device, header, payload, useCase.response, premises.keys),
      },
      faults,
    );
    if (!outgoing.frame) return null;
    const sealed = outgoing.frame;
    const at = now + device.profile.responseLatencyMs + outgoing.delayMs;
    const info: DeviceMessageInfo = {
      kind: 'response',
      at,
      useCase: useCase.name,
      messageCode: header.messageCode,
      originator: header.originator,
      recipient: header.recipient,
    };
    premises.clock.schedule({ at }, () => sink(sealed, info), `${useCase.name} response from ${device.eui}`);
    return at;
  }
}
