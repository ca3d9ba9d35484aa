// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Availability: for each need (type, band, manufacturer, SMETS version or models; a count; a
 * date), the devices of matching models delivered (deliveries.json) on or before the need's date
 * — and never after the assessment date, which cannot see later deliveries as made. Deliveries
 * dated later are listed as expected. Every need met: pass.
 */
import type { AvailabilityCriterion, DeviceNeed } from '../../programme/control-point-criterion.ts';
import type { Programme } from '../../programme/programme.ts';
import type { AssessmentContext } from '../assessment-context.ts';
import { evidence, type Evidence, type Verdict } from '../evidence.ts';

export interface NeedStatus {
  readonly label: string;
  readonly count: number;
  readonly by: string;
  readonly models: readonly string[];
  readonly delivered: number;
  readonly deliveries: readonly { readonly id: string; readonly model: string; readonly count: number; readonly date: string }[];
  /** Deliveries of matching models dated after the cut-off (expected, or late). */
  readonly later: readonly { readonly id: string; readonly model: string; readonly count: number; readonly date: string }[];
  readonly met: boolean;
}

/** The device models a need can be met with. */
export function modelsForNeed(programme: Pick<Programme, 'deviceModels'>, need: DeviceNeed): string[] {
  return programme.deviceModels
    .filter(
      (m) =>
        (need.type === undefined || m.type === need.type) &&
        (need.band === undefined || m.bands.includes(need.band)) &&
        (need.manufacturer === undefined || m.manufacturer === need.manufacturer) &&
        (need.smets === undefined || m.smets === need.smets) &&
        (need.models === undefined || need.models.includes(m.id)),
    )
    .map((m) => m.id);
}

export function needStatus(programme: Pick<Programme, 'deviceModels' | 'deliveries'>, need: DeviceNeed, at: string): NeedStatus {
  const models = modelsForNeed(programme, need);
  const cutOff = need.by < at ? need.by : at;
  const matching = programme.deliveries
    .filter((d) => models.includes(d.model) && (need.where === undefined || d.where === need.where))
    .map((d) => ({ id: d.id, model: d.model, count: d.count, date: d.date }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const deliveries = matching.filter((d) => d.date <= cutOff);
  const delivered = deliveries.reduce((sum, d) => sum + d.count, 0);
  return { label: need.label, count: need.count, by: need.by, models, delivered, deliveries, later: matching.filter((d) => d.date > cutOff), met: delivered >= need.count };
}

export function evaluateAvailability(criterion: AvailabilityCriterion, context: AssessmentContext): Verdict {
  const statuses = criterion.needs.map((n) => needStatus(context.programme, n, context.at));
  const found: Evidence[] = statuses.map((s) => {
    const from = s.deliveries.length > 0 ? ` (${s.deliveries.map((d) => `${d.count} × ${d.model} on ${d.date}`).join(', ')})` : '';
    const models = s.models.length > 0 ? s.models.join(', ') : 'no device model of the programme matches';
    const later = s.later.length > 0 ? `; later: ${s.later.map((d) => `${d.count} × ${d.model} on ${d.date}`).join(', ')}` : '; none expected';
    return evidence('deliveries', `${s.label}: ${s.delivered} of ${s.count} needed delivered by ${s.by}${from} — models: ${models}${s.met ? '' : later}`, s);
  });
  return { passed: statuses.every((s) => s.met), evidence: found };
}
