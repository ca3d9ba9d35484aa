// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Which fault sites an execution exercised, read off its message trace (harness/cycle/trace.ts)
 * for `dit profiles audit`: a site is a GBCS use case × direction × the type of the device the
 * command was for or the message came from (× alert code for alerts). The trace holds the GBCS
 * frames the user saw — device responses and alerts as the DCC delivered them, pre-commands,
 * commands returned for local delivery and responses handed back by the Bench's terminal:
 * - a response from device D (over the WAN or locally) exercised the response and the command
 *   of its use case on D (the command itself travels DCC → device, which the user does not see);
 * - a command the user saw (a pre-command, a local command) exercised the command site of D;
 * - an alert from D exercised that alert site, with its alert code.
 * Device types come from the premises description's EUIs (the CHF, the GPF, each meter); a
 * frame from or to a device the premises does not list is not a site. Alerts with no single use
 * case (the future-dated execution alerts) cannot be named by a profile fault, so they are left
 * out too.
 */
import type { TraceEntry } from '../cycle/trace.ts';
import { hexToBytes } from '../protocol/gbcs/hex.ts';
import { messageCodeInfo } from '../protocol/gbcs/message-codes.ts';
import { alertCodeOf } from '../protocol/gbcs/payload/registry.ts';
import { openFrame } from '../protocol/gbcs/secure-frame.ts';
import type { PremisesSpec } from '../programme/premises-spec.ts';
import { siteKey } from '../../emulators/firmware/fault-generation.ts';
import type { ProfileDeviceType } from '../../emulators/firmware/profile-schema.ts';

/** A device type a fault can be bound to (the profile schema's). */
export type SiteDeviceType = ProfileDeviceType;

/** A site an execution exercised. */
export interface ExercisedSite {
  readonly useCase: string;
  readonly direction: 'command' | 'response' | 'alert';
  readonly deviceType: SiteDeviceType;
  /** Alerts: 4 upper-case hex digits. */
  readonly alertCode?: string;
  /** The frame was for the Service User (its MAC is the user's to check), not for the ACB. */
  readonly toUser: boolean;
}

/** The device type of each EUI of the premises. */
export function deviceTypesByEui(premises: PremisesSpec): ReadonlyMap<string, SiteDeviceType> {
  const types = new Map<string, SiteDeviceType>([
    [premises.commsHub.chf.toUpperCase(), 'CHF'],
    [premises.commsHub.gpf.toUpperCase(), 'GPF'],
  ]);
  for (const m of premises.meters) types.set(m.eui.toUpperCase(), m.type);
  return types;
}

/** The distinct sites of one trace, keyed as generated faults' sites are (siteKey). */
export function exercisedSites(trace: readonly TraceEntry[], devices: ReadonlyMap<string, SiteDeviceType>, userEui: string): Map<string, ExercisedSite> {
  const sites = new Map<string, ExercisedSite>();
  const add = (site: ExercisedSite): void => {
    const key = siteKey(site);
    const seen = sites.get(key);
    sites.set(key, seen ? { ...seen, toUser: seen.toUser || site.toUser } : site);
  };
  for (const entry of trace) {
    if (entry.protocol !== 'gbcs') continue;
    let frame;
    try {
      frame = openFrame(hexToBytes(entry.body)).frame;
    } catch {
      continue; // an undecodable frame names no site
    }
    const useCase = messageCodeInfo(frame.messageCode)?.useCase;
    if (!useCase) continue;
    const toUser = frame.recipient.toUpperCase() === userEui.toUpperCase();
    if (frame.cra === 1) {
      const deviceType = devices.get(frame.recipient.toUpperCase());
      if (deviceType) add({ useCase, direction: 'command', deviceType, toUser: frame.originator.toUpperCase() === userEui.toUpperCase() });
      continue;
    }
    const deviceType = devices.get(frame.originator.toUpperCase());
    if (!deviceType) continue;
    if (frame.cra === 2) {
      add({ useCase, direction: 'response', deviceType, toUser });
      add({ useCase, direction: 'command', deviceType, toUser });
      continue;
    }
    const code = alertCodeOf(frame.payload);
    if (code === undefined) continue;
    add({ useCase, direction: 'alert', deviceType, alertCode: code.toString(16).toUpperCase().padStart(4, '0'), toUser });
  }
  return sites;
}
