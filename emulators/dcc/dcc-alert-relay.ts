// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DCC alerts the emulated DCC raises itself (not GBCS device alerts): AD1, a power outage at
 * the comms hub, when the premises reports that its hub lost mains (the hub's last gasp).
 * DUIS: DCCAlertMessage with DCCAlertCode AD1 and the comms hub id, outage start and MPxNs
 * (build-response.ts buildDccAlert / powerOutageAlertContent) [V: DOMAIN.md names AD1 and its
 * three items], ResponseID dcc:user:counter with a counter from the virtual clock, I0. It goes
 * to the premises' alert recipient [P: one responsible supplier per premises]. A receiver that
 * refuses is traced, never thrown into the clock.
 */
import { buildDccAlert, powerOutageAlertContent } from '../../harness/protocol/duis/build-response.ts';
import type { DuisReceiver } from '../../harness/protocol/duis/receiver.ts';
import { RequestCounter } from '../../harness/protocol/duis/request-id.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { DccTrace } from './dcc-trace.ts';

export const DCC_ALERT_POWER_OUTAGE = 'AD1';

/** What the DCC learns when a comms hub loses mains. */
export interface CommsHubPowerLossReport {
  readonly commsHubId: Eui64;
  readonly lostAt: number;
  readonly mpxns: readonly string[];
}

export interface DccAlertRelayOptions {
  readonly now: () => number;
  readonly receiver: DuisReceiver;
  readonly recipient: Eui64;
  readonly trace: DccTrace;
}

export class DccAlertRelay {
  private readonly counter: RequestCounter;

  constructor(private readonly options: DccAlertRelayOptions) {
    this.counter = new RequestCounter(() => options.now());
  }

  /** A comms hub power loss: AD1 to the alert recipient. Never throws. */
  readonly commsHubPowerLost = async (loss: CommsHubPowerLossReport): Promise<void> => {
    const { now, receiver, recipient, trace } = this.options;
    const counter = this.counter.next();
    const xml = buildDccAlert({
      recipient,
      counter,
      alertCode: DCC_ALERT_POWER_OUTAGE,
      content: powerOutageAlertContent({ commsHubId: loss.commsHubId, startedAt: loss.lostAt, mpxns: loss.mpxns }),
      at: now(),
    });
    const about = { id: `DCC:${recipient}:${counter}`, useCase: DCC_ALERT_POWER_OUTAGE };
    const detail = `DCC alert AD1 (comms hub ${loss.commsHubId} power outage since ${new Date(loss.lostAt).toISOString()}) to ${recipient}`;
    try {
      await receiver.deliver(xml);
      trace.record({ at: now(), event: 'relayed', responseCode: 'I0', ...about, detail });
    } catch (e) {
      trace.record({ at: now(), event: 'delivery-failed', ...about, detail: `${detail}: ${(e as Error).message}` });
    }
  };
}
