// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What `dit profiles audit` switches on, and where: its entries — each generated fault
 * (emulators/firmware/fault-generation.ts), each seeded random pair of them, each fault a shipped
 * profile declares — with the fault set that switches it on and the executions it needs. An
 * entry runs only against the executions whose fault-free run exercised its site (its use case ×
 * direction × device type, read off the trace: audit-trace-sites.ts); a generated fault runs on
 * the baseline premises, a declared one on its profile's combinations with the profile's other
 * faults stripped (that profile's fault-free run). An entry with no such execution is undetected
 * with the reason "no test case exercises <site>".
 *
 * A declared fault bound to no message (clock-drift, the HAN-event primitives) runs against
 * every fault-free execution of its profile that exchanged anything with the device types it
 * affects (its `deviceTypes`; else the meter of a meter profile, the GSME and GPF for the hub's
 * lose-queued and stale-mirror, the meters for the hub's others).
 */
import type { PlanItem } from '../cycle/plan-item.ts';
import type { PlanItemFaultSet } from '../dit/run-config.ts';
import { messageCodesForUseCase } from '../protocol/gbcs/message-codes.ts';
import { roleOf, siteKey, type FaultSite, type GeneratedFault } from '../../emulators/firmware/fault-generation.ts';
import { isMessageFault, type Fault, type FirmwareProfile, type MessageFault } from '../../emulators/firmware/profile-schema.ts';
import { faultedItem } from './audit-plan-items.ts';
import type { AuditedFault } from './audit-report.ts';
import type { ExercisedSite, SiteDeviceType } from './audit-trace-sites.ts';

export interface AuditEntry extends AuditedFault {
  readonly faultSet: PlanItemFaultSet;
  /** The faulted executions it needs (empty: nothing exercises its site). */
  readonly items: readonly PlanItem[];
  /** Why it has no execution, when it has none. */
  readonly unexercised?: string;
}

/** A fault-free execution that passed, with the sites it exercised. */
export interface CleanExecution {
  readonly item: PlanItem;
  readonly sites: ReadonlyMap<string, ExercisedSite>;
}

function siteText(site: { useCase: string; direction: string; deviceType: string; alertCode?: string }): string {
  return `${site.useCase}/${site.direction}/${site.deviceType}${site.alertCode ? ` alert ${site.alertCode}` : ''}`;
}

/** One generated fault against the baseline executions that exercised its site. */
export function generatedEntry(g: GeneratedFault, baseline: readonly CleanExecution[]): AuditEntry {
  const key = siteKey(g.site);
  const items = baseline.filter((e) => e.sites.has(key)).map((e) => faultedItem(e.item, g.id));
  return {
    id: g.id,
    kind: 'generated',
    primitive: g.primitive,
    useCase: g.site.useCase,
    direction: g.site.direction,
    deviceType: g.site.deviceType,
    ...(g.site.alertCode ? { alertCode: g.site.alertCode } : {}),
    faultSet: { [g.role]: [g.fault] },
    items,
    ...(items.length === 0 ? { unexercised: `no test case exercises ${siteText(g.site)}` } : {}),
  };
}

/** Two generated faults at once, against the executions either one needs. */
export function pairEntry(a: GeneratedFault, b: GeneratedFault, baseline: readonly CleanExecution[]): AuditEntry {
  const id = `${a.id}+${b.id}`;
  const keys = [siteKey(a.site), siteKey(b.site)];
  const items = baseline.filter((e) => keys.some((k) => e.sites.has(k))).map((e) => faultedItem(e.item, id));
  const faultSet: Record<string, Fault[]> = {};
  for (const g of [a, b]) (faultSet[g.role] ??= []).push(g.fault);
  return {
    id,
    kind: 'pair',
    primitive: `${a.primitive}+${b.primitive}`,
    useCase: a.site.useCase === b.site.useCase ? a.site.useCase : `${a.site.useCase}+${b.site.useCase}`,
    direction: a.site.direction === b.site.direction ? a.site.direction : `${a.site.direction}+${b.site.direction}`,
    deviceType: a.site.deviceType === b.site.deviceType ? a.site.deviceType : `${a.site.deviceType}+${b.site.deviceType}`,
    members: [a.id, b.id],
    faultSet,
    items,
    ...(items.length === 0 ? { unexercised: `no test case exercises ${siteText(a.site)} or ${siteText(b.site)}` } : {}),
  };
}

/** Whether a message fault of a profile acts on a site (use case or alias, direction, device type, alert code). */
export function faultActsOn(fault: MessageFault, profile: Pick<FirmwareProfile, 'kind'>, site: ExercisedSite, meterType: SiteDeviceType | null): boolean {
  if (fault.direction !== site.direction) return false;
  if (fault.alertCode !== undefined && fault.alertCode !== site.alertCode) return false;
  const types: readonly string[] = fault.deviceTypes ?? (profile.kind === 'meter' && meterType ? [meterType] : ['ESME', 'GSME', 'CHF', 'GPF']);
  if (!types.includes(site.deviceType)) return false;
  return messageCodesForUseCase(fault.useCase).some((info) => info.useCase === site.useCase);
}

/** The device types a declared fault bound to no message affects. */
function affectedTypes(fault: Fault, profile: Pick<FirmwareProfile, 'kind'>, meterType: SiteDeviceType | null): readonly string[] {
  if ('deviceTypes' in fault && fault.deviceTypes) return fault.deviceTypes;
  if (profile.kind === 'meter') return meterType ? [meterType] : ['ESME', 'GSME'];
  return fault.primitive === 'lose-queued' || fault.primitive === 'stale-mirror' ? ['GSME', 'GPF'] : ['ESME', 'GSME'];
}

/**
 * One fault a shipped profile declares, alone on its profile (its other faults stripped),
 * against that profile's fault-free executions that exercised what it acts on.
 */
export function declaredEntry(fault: Fault, profile: FirmwareProfile, meterType: SiteDeviceType | null, clean: readonly CleanExecution[]): AuditEntry {
  const role = profile.kind === 'comms-hub' ? 'commsHub' : roleOf(meterType === 'GSME' ? 'GSME' : 'ESME');
  const message = isMessageFault(fault) ? fault : null;
  const types = affectedTypes(fault, profile, meterType);
  const touched = (e: CleanExecution): boolean =>
    message ? [...e.sites.values()].some((s) => faultActsOn(message, profile, s, meterType)) : [...e.sites.values()].some((s) => types.includes(s.deviceType));
  const items = clean.filter(touched).map((e) => faultedItem(e.item, fault.id));
  const where = message
    ? `${message.useCase}/${message.direction}/${(message.deviceTypes ?? types).join('|')}${message.alertCode ? ` alert ${message.alertCode}` : ''} on ${profile.id}`
    : `${(types as string[]).join('|')} of ${profile.id}`;
  return {
    id: fault.id,
    kind: 'declared',
    primitive: fault.primitive,
    useCase: message?.useCase ?? null,
    direction: message?.direction ?? null,
    deviceType: message?.deviceTypes?.join('|') ?? types.join('|'),
    ...(message?.alertCode ? { alertCode: message.alertCode } : {}),
    profile: profile.id,
    faultSet: { [role]: [fault] },
    items,
    ...(items.length === 0 ? { unexercised: `no test case exercises ${where}` } : {}),
  };
}

/** A site of the generated catalogue from one the baseline exercised (alerts: the catalogue's alert sites). */
export function siteOfExercised(site: ExercisedSite): FaultSite {
  return {
    useCase: site.useCase,
    direction: site.direction,
    deviceType: site.deviceType,
    ...(site.alertCode ? { alertCode: site.alertCode } : {}),
    userChecksMac: site.toUser,
  };
}
