// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Which device's firmware a defect is attributed to — the comms hub (CHF + GPF) or the meter —
 * and so which release it is "found in". The rule:
 *
 * 1. Evidence: compare the combinations where the defect's test case failed with this fault
 *    against those where it passed (leaving out combinations where it did both). A failing and
 *    a passing combination on the same band that differ only in the comms hub (same meter model
 *    and firmware) implicate the comms hub; differing only in the meter (same comms hub
 *    firmware) implicate the meter. When exactly one component is implicated, it is that one.
 * 2. Otherwise (no such pair, or both implicated — an interaction): a test case that exercises
 *    only the comms hub (device types CHF and/or GPF only) is attributed to the comms hub.
 * 3. Otherwise the meter: DIT is run to integrate meters with an established comms hub.
 *
 * A projection is recomputed from the whole record, so new evidence (a retest that passes on
 * the next meter firmware) can settle an attribution that rule 3 had made.
 */
import type { DeviceType } from '../dit/test-case-meta.ts';
import type { Combination } from '../ledger/ledger.ts';
import { combinationName } from './dated-execution.ts';
import type { Component } from './release-catalogue.ts';

export type AttributionReason = 'evidence' | 'device-types' | 'default';

export interface Attribution {
  readonly component: Component;
  readonly reason: AttributionReason;
  /** One line a person reads: why this component. */
  readonly explanation: string;
}

const commsHubKey = (c: Combination): string => `${c.commsHub.vendor}\n${c.commsHub.firmware}`;
const meterKey = (c: Combination): string => `${c.meter.manufacturer}\n${c.meter.model}\n${c.meter.firmware}`;

export function attributeComponent(
  failing: readonly Combination[],
  passing: readonly Combination[],
  deviceTypes: readonly DeviceType[] | undefined,
): Attribution {
  const failingNames = new Set(failing.map(combinationName));
  const cleanPasses = passing.filter((p) => !failingNames.has(combinationName(p)));
  let commsHubPair: [Combination, Combination] | undefined;
  let meterPair: [Combination, Combination] | undefined;
  for (const f of failing) {
    for (const p of cleanPasses) {
      if (f.band !== p.band) continue;
      if (commsHubPair === undefined && meterKey(f) === meterKey(p) && commsHubKey(f) !== commsHubKey(p)) commsHubPair = [f, p];
      if (meterPair === undefined && commsHubKey(f) === commsHubKey(p) && meterKey(f) !== meterKey(p)) meterPair = [f, p];
    }
  }
  if (commsHubPair !== undefined && meterPair === undefined) {
    return { component: 'comms-hub', reason: 'evidence', explanation: `fails on ${combinationName(commsHubPair[0])}, passes on ${combinationName(commsHubPair[1])}: only the comms hub differs` };
  }
  if (meterPair !== undefined && commsHubPair === undefined) {
    return { component: 'meter', reason: 'evidence', explanation: `fails on ${combinationName(meterPair[0])}, passes on ${combinationName(meterPair[1])}: only the meter differs` };
  }
  // the failures themselves: all on one comms hub across several meters points at the hub, all
  // on one meter across several hubs at the meter (an intermittent fault passes now and then on
  // the same combinations, so both kinds of passing pair can exist)
  const hubs = new Set(failing.map(commsHubKey));
  const meters = new Set(failing.map(meterKey));
  const meterModels = new Set(failing.map((c) => c.meter.model));
  const hubVendors = new Set(failing.map((c) => c.commsHub.vendor));
  if (hubs.size === 1 && meterModels.size > 1) {
    return { component: 'comms-hub', reason: 'evidence', explanation: `fails on ${meterModels.size} meter models, always with ${failing[0]!.commsHub.vendor} ${failing[0]!.commsHub.firmware}` };
  }
  if (meters.size === 1 && hubVendors.size > 1) {
    return { component: 'meter', reason: 'evidence', explanation: `fails with ${hubVendors.size} comms hub vendors, always on ${failing[0]!.meter.model} ${failing[0]!.meter.firmware}` };
  }
  const why = commsHubPair !== undefined ? 'both the comms hub and the meter are implicated' : 'no passing combination differs in one component only';
  if (deviceTypes !== undefined && deviceTypes.length > 0 && deviceTypes.every((t) => t === 'CHF' || t === 'GPF')) {
    return { component: 'comms-hub', reason: 'device-types', explanation: `${why}; the test case exercises only ${deviceTypes.join(' + ')}` };
  }
  return { component: 'meter', reason: 'default', explanation: `${why}; attributed to the meter by default` };
}
