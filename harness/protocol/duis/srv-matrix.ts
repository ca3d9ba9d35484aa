// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DUIS request matrix: for each Service Reference Variant (SRV) its name, whether it is
 * critical, on demand, future-datable (and who answers a future-dated one), DCC scheduled,
 * non-device, and which user roles may send it [V: @smartdcc/duis-parser 0.6.0, 129 SRVs].
 * A typed view over duis-parser's lookupSRV; the matrix itself stays the package's data.
 */
import { createRequire } from 'node:module';
import { isServiceReferenceVariant, lookupSRV, type ServiceReferenceVariant } from '@smartdcc/duis-parser';
import { closeMatches } from './close-matches.ts';
import { DuisError } from './duis-error.ts';

/** DUIS user roles: Import Supplier, Export Supplier, Gas Supplier, Registered Supplier Agent,
 * Electricity Distributor, Gas Transporter, Other User. */
export type UserRole = 'IS' | 'ES' | 'GS' | 'RSA' | 'ED' | 'GT' | 'OU';

export const USER_ROLES: readonly UserRole[] = ['IS', 'ES', 'GS', 'RSA', 'ED', 'GT', 'OU'];

/** Who answers a future-dated request: the DSP, the device, either, or it cannot be future dated. */
export type FutureDatedResponsePattern = 'DSP' | 'Device' | 'DSP & Device' | 'No';

export interface SrvInfo {
  /** Service Reference Variant, e.g. `4.1.1`. */
  readonly srv: string;
  /** Service Reference, e.g. `4.1`. */
  readonly serviceReference: string;
  readonly name: string;
  readonly critical: boolean;
  readonly onDemand: boolean;
  readonly futureDatedResponse: FutureDatedResponsePattern;
  /** True when the SRV may be future dated at all. */
  readonly futureDatable: boolean;
  readonly dccScheduled: boolean;
  /** Non-device request: answered by the DCC itself (command variant 8, /serviceD). */
  readonly nonDevice: boolean;
  readonly eligibleRoles: readonly UserRole[];
}

function toInfo(v: ServiceReferenceVariant): SrvInfo {
  const pattern = v['Future Dated Response Pattern'] as FutureDatedResponsePattern;
  return Object.freeze({
    srv: v['Service Reference Variant'],
    serviceReference: v['Service Reference'],
    name: v['Service Request Name'],
    critical: v.Critical === 'Yes',
    onDemand: v['On Demand'] === 'Yes',
    futureDatedResponse: pattern,
    futureDatable: pattern !== 'No',
    dccScheduled: v['DCC Scheduled'] === 'Yes',
    nonDevice: v['Non-Device Request'] === 'Yes',
    eligibleRoles: Object.freeze([...v['Eligible User Roles']]),
  });
}

let all: readonly SrvInfo[] | null = null;

/** Every SRV in the matrix, in the package's order. */
export function listSrvs(): readonly SrvInfo[] {
  if (all === null) {
    const require = createRequire(import.meta.url);
    const raw: unknown = require('@smartdcc/duis-parser/dist/duis-request-matrix.json');
    if (!Array.isArray(raw) || !raw.every(isServiceReferenceVariant)) {
      throw new Error('@smartdcc/duis-parser: duis-request-matrix.json does not have the expected shape');
    }
    all = Object.freeze(raw.map(toInfo));
  }
  return all;
}

/** The SRV's entry, or undefined when the matrix has no such SRV. */
export function findSrv(srv: string): SrvInfo | undefined {
  const v = lookupSRV(srv.trim());
  return v ? toInfo(v) : undefined;
}

/** The SRV's entry; an unknown SRV is a DuisError (unknown-srv) listing close matches. */
export function requireSrv(srv: string, element = 'ServiceReferenceVariant'): SrvInfo {
  const info = findSrv(srv);
  if (info) return info;
  const near = closeMatches(srv, listSrvs().map((s) => s.srv), 6);
  throw new DuisError({
    reason: 'unknown-srv',
    element,
    expected: `an SRV of the DUIS request matrix (close: ${near.join(', ')})`,
    found: JSON.stringify(srv),
  });
}

/** May a user in `role` send this SRV? (The DCC answers an ineligible role with E2.) */
export function isRoleEligible(srv: string, role: UserRole): boolean {
  return requireSrv(srv).eligibleRoles.includes(role);
}
