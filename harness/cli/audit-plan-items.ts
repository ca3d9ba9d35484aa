// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The plan items of `dit profiles audit`: which test case runs on which combination, and under
 * which id. Three kinds:
 * - the baseline: every case on the premises as described (itemsFromPremises: its comms hub
 *   and meters, no firmware profile, so no fault);
 * - a shipped profile's items: every case that applies to the profile's device on the
 *   combination that selects the profile — a meter profile's model and release (on each band of
 *   the model the case runs on) with the premises' comms hub, or a comms hub profile's vendor and
 *   release with the premises' meters — so the world applies that profile (premises-for-item.ts);
 * - a faulted copy of a baseline or shipped-profile item: the same test case on the same
 *   combination, hence the same execution seed (executionSeed(runSeed, combination, case)), under
 *   the id `<item id>~<what is switched on>`, so the same case × combination appears once per
 *   fault and its fault set (DitRunConfig.faultSets) is found by that id.
 */
import { caseFits } from '../cycle/planner.ts';
import { makePlanItem, type PlanItem } from '../cycle/plan-item.ts';
import { itemsFromPremises } from '../dit/dit-case.ts';
import type { Band, TestCaseMeta } from '../dit/test-case-meta.ts';
import type { PremisesSpec } from '../programme/premises-spec.ts';
import type { Programme } from '../programme/programme.ts';

export function baselineItems(cases: readonly TestCaseMeta[], base: PremisesSpec): PlanItem[] {
  return cases.flatMap((meta) => itemsFromPremises(meta, base));
}

/** What the audit needs to know of a shipped profile to select it. */
export interface ProfileIdentity {
  readonly id: string;
  readonly kind: 'meter' | 'comms-hub';
  readonly model: string;
  readonly release: string;
  /** The meter model's manufacturer or the comms hub's vendor id. */
  readonly manufacturer: string;
}

/** The items of every case that applies to the profile's device, on the combination(s) that select it. */
export function shippedProfileItems(profile: ProfileIdentity, cases: readonly TestCaseMeta[], base: PremisesSpec, programme: Programme): PlanItem[] {
  const release = programme.firmwareReleases.find((r) => r.id === profile.release);
  if (!release) throw new Error(`profile ${profile.id}: release ${profile.release} is not in the programme`);
  const hubDevices = { vendorId: base.commsHub.vendorId ?? base.commsHub.vendor, releaseId: base.commsHub.releaseId ?? null };
  if (profile.kind === 'comms-hub') {
    const vendor = programme.commsHubVendors.find((v) => v.id === profile.manufacturer);
    if (!vendor) throw new Error(`profile ${profile.id}: comms hub vendor ${profile.manufacturer} is not in the programme`);
    return baselineItems(cases, base).map((item) => {
      const combination = { ...item.combination, commsHub: { vendor: vendor.name, firmware: release.version } };
      const meta = cases.find((c) => c.id === item.testCase)!;
      return makePlanItem(meta, combination, { ...item.devices, commsHub: { vendorId: vendor.id, releaseId: release.id } });
    });
  }
  const model = programme.deviceModels.find((m) => m.id === profile.model);
  if (!model) throw new Error(`profile ${profile.id}: device model ${profile.model} is not in the programme`);
  const items: PlanItem[] = [];
  for (const meta of cases) {
    for (const band of model.bands as readonly Band[]) {
      const combination = {
        commsHub: { vendor: base.commsHub.vendor, firmware: base.commsHub.firmware },
        meter: { manufacturer: model.manufacturer, model: model.id, firmware: release.version, type: model.type },
        band,
      };
      if (!caseFits(meta, combination)) continue;
      items.push(makePlanItem(meta, combination, { commsHub: hubDevices, meter: { modelId: model.id, releaseId: release.id } }));
    }
  }
  return items;
}

/** A copy of an item under `<id>~<suffix>`: the same case, combination and seed, with something switched on. */
export function faultedItem(item: PlanItem, suffix: string): PlanItem {
  return { ...item, id: `${item.id}~${suffix}` };
}
