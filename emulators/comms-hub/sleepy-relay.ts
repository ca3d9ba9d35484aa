// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How the CHF relays commands to the sleepy GSME (store and forward), and what becomes of a
 * command it cannot deliver.
 *
 * Queueing, in the order the Silicon Labs Comms Hub Function does it [V: its send path to a
 * sleepy device: set the mirror's notification flag, store the message with a timeout]: the CHF
 * sets TunnelMessagePending in the Functional Notification Flags of the GPF's mirror of the GSME
 * (functional-notification-flags.ts), stores the command in its sleepy buffer
 * (sleepy-buffer.ts) and starts its send timeout (the CHF profile's `sleepySendTimeoutMs`). At
 * each wake that reaches a powered hub, the GSME reads its flags; with TunnelMessagePending set
 * it collects everything queued, oldest first, and the flag is cleared (`handOver`).
 *
 * Delivery failures: the vendor SDK's statuses never appear on DUIS (DOMAIN.md); what a DUIS
 * user sees of each is the project's mapping [P], the reason the CHF reports each one to the DCC
 * (`onFailure`, `responseLatencyMs` of the CHF after the failure) and the emulated DCC answers
 * the request with an error response (emulators/dcc/delivery-failure-relay.ts):
 *
 * | status           | when                                                        | the DUIS user sees |
 * | ---------------- | ----------------------------------------------------------- | ------------------ |
 * | too-many-pending | the GSME's queue already holds its limit (sleepy-buffer.ts) | I99, then at once an error response E20 (Unable to Communicate with Device) |
 * | no-mirror        | the GPF holds no mirror of the GSME (not reported since it joined) | I99, then at once E20 |
 * | send-timeout     | the GSME did not collect the command within the send timeout | I99, then E21 (No Response Received from Device) when the timeout passes; the command is gone, so a later wake brings no response |
 *
 * Not reported [P]: commands dropped because the GSME left the Device Log (the SDK's "no
 * access"; chf.ts), a timeout while the hub has no mains (no WAN to report on), and commands a
 * firmware fault loses (lose-queued: the user sees only a response that never comes).
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { DeliveryFailure, DeliveryFailureListener, DeliveryFailureStatus } from '../device-message.ts';
import { Listeners } from '../listeners.ts';
import type { Gsme } from '../meters/gsme.ts';
import type { Chf } from './chf.ts';
import { FUNCTIONAL_NOTIFICATION_FLAG } from './functional-notification-flags.ts';
import type { Gpf } from './gpf.ts';
import type { SleepyItem } from './sleepy-buffer.ts';

const PENDING = FUNCTIONAL_NOTIFICATION_FLAG.tunnelMessagePending;

/** The command a queued item carries, as a failure report names it. */
export interface QueuedCommand {
  readonly originator: Eui64;
  readonly counter: bigint;
  readonly useCase: string;
}

export interface SleepyRelayOptions {
  readonly chf: Chf;
  readonly gpf: Gpf;
  readonly clock: VirtualClock;
}

export class SleepyRelay {
  private readonly listeners = new Listeners<DeliveryFailureListener>();

  constructor(private readonly options: SleepyRelayOptions) {}

  /** Registers a listener for delivery failure reports; returns a function that removes it. */
  onFailure(listener: DeliveryFailureListener): () => void {
    return this.listeners.add(listener);
  }

  /** Why a command for the sleepy device cannot be queued now, or null when it can. */
  cannotQueue(eui: Eui64): { readonly status: Exclude<DeliveryFailureStatus, 'send-timeout'>; readonly detail: string } | null {
    const { chf, gpf } = this.options;
    if (!gpf.hasMirror) return { status: 'no-mirror', detail: `the GPF holds no mirror of ${eui} to set TunnelMessagePending on (no report since it joined)` };
    const { limitPerDevice } = chf.sleepyBuffer;
    if (chf.sleepyBuffer.pendingFor(eui).length >= limitPerDevice) return { status: 'too-many-pending', detail: `${limitPerDevice} commands already wait for ${eui}` };
    return null;
  }

  /** Flags and queues a command (`cannotQueue` said it can be) and starts its send timeout. */
  queue(eui: Eui64, command: QueuedCommand, deliver: (gsme: Gsme) => void | Promise<void>): void {
    const { chf, gpf, clock } = this.options;
    const problem = this.cannotQueue(eui);
    if (problem) throw new Error(`cannot queue ${command.useCase} ${command.counter} for ${eui}: ${problem.detail}`);
    const item: SleepyItem<Gsme> = { label: `${command.useCase} ${command.counter}`, enqueuedAt: clock.now(), deliver };
    gpf.updateFunctionalNotificationFlags(PENDING);
    chf.sleepyBuffer.enqueue(eui, item);
    const timeoutMs = chf.profile.sleepySendTimeoutMs;
    if (timeoutMs === undefined) return;
    clock.schedule(
      { after: timeoutMs },
      () => {
        if (!chf.sleepyBuffer.remove(eui, item)) return;
        if (chf.sleepyBuffer.pendingFor(eui).length === 0) gpf.updateFunctionalNotificationFlags(0, PENDING);
        if (chf.powered) this.report('send-timeout', eui, command, `${item.label} waited ${timeoutMs} ms and was not collected: the CHF discarded it`);
      },
      `send timeout of ${item.label} for ${eui}`,
      { background: true },
    );
  }

  /**
   * A wake of the GSME that reached the hub: it reads its flags and, with TunnelMessagePending
   * set, collects its commands, oldest first. `lost` (a lose-queued fault): the CHF has lost
   * them instead — the flag is cleared and nothing is delivered or reported.
   */
  async handOver(gsme: Gsme, lost = false): Promise<void> {
    const { chf, gpf } = this.options;
    const flags = gpf.functionalNotificationFlags;
    if (flags === null || (flags & PENDING) === 0) return;
    const items = chf.sleepyBuffer.take(gsme.eui);
    gpf.updateFunctionalNotificationFlags(0, PENDING);
    if (lost) return;
    for (const item of items) await item.deliver(gsme);
  }

  /** Reports a failure to the DCC after the CHF's response latency. */
  report(status: DeliveryFailureStatus, eui: Eui64, command: QueuedCommand, detail: string): void {
    const { chf, clock } = this.options;
    const at = clock.now() + chf.profile.responseLatencyMs;
    const failure: DeliveryFailure = { status, at, device: eui, commandOriginator: command.originator, commandCounter: command.counter, useCase: command.useCase, detail };
    clock.schedule(
      { at },
      async () => {
        for (const listener of this.listeners.snapshot()) await listener(failure);
      },
      `CHF reports ${status} of ${command.useCase} ${command.counter} for ${eui}`,
    );
  }
}
