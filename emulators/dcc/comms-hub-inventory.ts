// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DCC's inventory status of each comms hub (keyed by its CHF), as the SRV 8.14 Communications
 * Hub Status Updates set it, and what the status means for later requests to the devices the hub
 * serves. [P] DUIS names the updates; the inventory states and their effects are the project's,
 * read off the request bodies (DOMAIN.md: 8.14.1 is the first step of an install):
 *
 * | SRV    | update                   | new status            | accepted from                          |
 * | ------ | ------------------------ | --------------------- | -------------------------------------- |
 * | 8.14.1 | Install Success (SM WAN) | installed             | installed, installed-no-sm-wan, returned-no-fault |
 * | 8.14.2 | Install No SM WAN        | installed-no-sm-wan   | installed, installed-no-sm-wan, returned-no-fault |
 * | 8.14.3 | Fault Return             | returned-faulty       | installed, installed-no-sm-wan, returned-no-fault |
 * | 8.14.4 | No Fault Return          | returned-no-fault     | installed, installed-no-sm-wan         |
 *
 * A hub of the premises starts `installed` (the premises is installed and commissioned). An
 * update from another status is refused (E5 invalid device status): a hub returned as faulty
 * is never installed or returned again; one returned with no fault may be installed again.
 * A device request to a device the hub serves (its CHF, its GPF, the meters behind it):
 * - hub returned (faulty or not): E5, the hub serves nothing any more;
 * - hub installed with no SM WAN: E20 unable to communicate, answered at once (the DCC knows it
 *   has no WAN path to the premises) until an 8.14.1 says the WAN is there.
 * Which hub serves a device: the premises' one comms hub serves every device of the premises.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { DeviceType } from '../device.ts';

export type CommsHubStatus = 'installed' | 'installed-no-sm-wan' | 'returned-faulty' | 'returned-no-fault';

export type CommsHubStatusUpdate = '8.14.1' | '8.14.2' | '8.14.3' | '8.14.4';

interface Transition {
  readonly to: CommsHubStatus;
  readonly from: readonly CommsHubStatus[];
  readonly name: string;
}

export const COMMS_HUB_STATUS_UPDATES: Readonly<Record<CommsHubStatusUpdate, Transition>> = {
  '8.14.1': { to: 'installed', from: ['installed', 'installed-no-sm-wan', 'returned-no-fault'], name: 'Install Success' },
  '8.14.2': { to: 'installed-no-sm-wan', from: ['installed', 'installed-no-sm-wan', 'returned-no-fault'], name: 'Install No SM WAN' },
  '8.14.3': { to: 'returned-faulty', from: ['installed', 'installed-no-sm-wan', 'returned-no-fault'], name: 'Fault Return' },
  '8.14.4': { to: 'returned-no-fault', from: ['installed', 'installed-no-sm-wan'], name: 'No Fault Return' },
};

export type StatusUpdateOutcome =
  | { readonly ok: true; readonly from: CommsHubStatus; readonly to: CommsHubStatus }
  | { readonly ok: false; readonly reason: 'not-a-comms-hub' | 'invalid-status'; readonly detail: string };

/** Why the DCC refuses a device request because of the serving hub's status. */
export interface ServiceRefusal {
  readonly problem: 'invalid-device-status' | 'no-wan';
  readonly detail: string;
}

export class CommsHubInventory {
  private readonly status = new Map<Eui64, CommsHubStatus>();

  /** `devices`: the DCC's inventory of the premises (its CHF serves every device in it). */
  constructor(private readonly devices: () => ReadonlyArray<{ readonly eui: Eui64; readonly deviceType: DeviceType }>) {}

  /** The status of the hub whose CHF this is, or undefined when it is no CHF of the inventory. */
  statusOf(chf: Eui64): CommsHubStatus | undefined {
    if (!this.devices().some((d) => d.eui === chf && d.deviceType === 'CHF')) return undefined;
    return this.status.get(chf) ?? 'installed';
  }

  /** The CHF of the hub that serves a device of the inventory. */
  servingHubOf(device: Eui64): Eui64 | undefined {
    const all = this.devices();
    if (!all.some((d) => d.eui === device)) return undefined;
    return all.find((d) => d.deviceType === 'CHF')?.eui;
  }

  /** Applies an 8.14 update to the hub whose CHF this is. */
  update(chf: Eui64, update: CommsHubStatusUpdate): StatusUpdateOutcome {
    const from = this.statusOf(chf);
    if (from === undefined) return { ok: false, reason: 'not-a-comms-hub', detail: `${chf} is no comms hub function in the DCC's inventory` };
    const t = COMMS_HUB_STATUS_UPDATES[update];
    if (!t.from.includes(from)) {
      return { ok: false, reason: 'invalid-status', detail: `comms hub ${chf} is ${from}: ${update} (${t.name}) applies to a hub that is ${t.from.join(' or ')}` };
    }
    this.status.set(chf, t.to);
    return { ok: true, from, to: t.to };
  }

  /** Why a request to this device is refused because of its hub's status, or null when it may go. */
  refusalFor(device: Eui64): ServiceRefusal | null {
    const hub = this.servingHubOf(device);
    const status = hub === undefined ? undefined : this.statusOf(hub);
    if (status === 'returned-faulty' || status === 'returned-no-fault') {
      return { problem: 'invalid-device-status', detail: `comms hub ${hub} was returned (${status}): it serves ${device} no longer` };
    }
    if (status === 'installed-no-sm-wan') {
      return { problem: 'no-wan', detail: `comms hub ${hub} is installed with no SM WAN (8.14.2): the DCC cannot reach ${device}` };
    }
    return null;
  }
}
