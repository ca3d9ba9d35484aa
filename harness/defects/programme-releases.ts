// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The programme's firmware releases (harness/programme) as the defect projection reads them,
 * at a programme date:
 *
 * - target: a comms hub vendor's release is on the line of `combination.commsHub.vendor` (the
 *   vendor's name, as the planner names it; the id when the programme does not list the
 *   vendor); a device model's on the line of `combination.meter.model` (the model id).
 * - status: as of the date (the release's status history); a release withdrawn on that day
 *   claims nothing — its fix never reached anyone — so a defect its claim had verified is
 *   open again until another release claims the fix.
 * - claims: by defect signature (or DEF- id) or ticket, as the release file gives them.
 */
import { releaseStatusAt, type ProgrammeDate } from '../programme/programme-date.ts';
import type { Programme } from '../programme/programme.ts';
import type { DefectRelease, FixClaim } from './release-catalogue.ts';

export function defectReleasesOf(programme: Pick<Programme, 'firmwareReleases' | 'commsHubVendors'>, at: string): DefectRelease[] {
  const vendorName = new Map(programme.commsHubVendors.map((v) => [v.id, v.name]));
  return programme.firmwareReleases.map((r): DefectRelease => {
    const claimsToFix = r.claimsToFix.flatMap((c): FixClaim[] =>
      c.defectSignature !== undefined ? [{ defectSignature: c.defectSignature }] : c.ticket !== undefined ? [{ ticket: c.ticket }] : [],
    );
    const status = releaseStatusAt(r, at as ProgrammeDate) ?? r.status;
    const target: DefectRelease['target'] =
      r.target.deviceModel !== undefined ? { kind: 'meter', model: r.target.deviceModel } : { kind: 'comms-hub', vendor: vendorName.get(r.target.commsHubVendor ?? '') ?? r.target.commsHubVendor ?? '' };
    return { id: r.id, target, version: r.version, ...(r.date === undefined ? {} : { date: r.date }), status, claimsToFix };
  });
}
