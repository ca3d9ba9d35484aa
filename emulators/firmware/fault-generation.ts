// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The generated fault catalogue of `dit profiles audit`: the generic message primitives of
 * profile-schema.ts bound to every site where they apply — faults as profile data, nothing
 * else. A site is one use case × direction × device type (× alert code, for alerts):
 * - request sites: every row of emulatedUseCases() (emulators/dcc/srv-transforms.ts), once per
 *   use case and device type that answers it (ECS52 on the ESME and on the CHF: two), each with
 *   a command and a response direction;
 * - alert sites: the alerts a caller has seen the world raise (the audit takes them from the
 *   fault-free baseline's message traces) — an alert "where one is expected".
 *
 * Which primitives apply where:
 *
 * | direction | primitives |
 * | --------- | ---------- |
 * | command   | drop, delay, corrupt (MAC: the device's check refuses it), reject (the use case's default error), wrong-value (when the command has a principal field) |
 * | response  | drop, delay, corrupt, wrong-value (when the response has a principal field) |
 * | alert     | omit-alert, delay, corrupt, wrong-value (when the alert has a principal field) |
 *
 * - `delay` is DELAY_PAST_WINDOW_MS, longer than any window the suites wait (their longest:
 *   the sleepy send timeout of a day plus its failure window, and a 25-hour wait) [P: read off
 *   suites/*.ts when this was written; a suite waiting longer must raise it].
 * - `corrupt` flips CORRUPT_BYTES bytes of the MAC, so the frame fails its MAC check — where the
 *   user can check it. A CHF message to the ACB (the ACB's commands' responses, the CHF's own
 *   alerts) has a MAC only the DCC could check, and the emulated DCC relays it unchecked: there
 *   the payload is flipped under a valid MAC instead, which the user sees as content that does
 *   not decode or does not hold.
 * - `wrong-value` puts a wrong constant of the same type in the principal field of the message
 *   (PRINCIPAL_FIELDS: a small table as data, one entry per use case and direction with why that
 *   field; a constant, not an offset, because suites check readings by how they move). A site
 *   with no entry gets none: responses that are only a result (CCS01/02/03, the join services,
 *   CCS07, GCS59, the tariffs, DBCH02/04/05 — a wrong result is what `reject` does), DBCH01
 *   (its mask and channel list must change together: two faults, harness/cli/han-fault-detection.test.ts),
 *   DBCH03, commands and alerts [not yet: each needs its field chosen].
 *
 * Fault ids say what they are: `GEN-<useCase>-<direction>-<deviceType>[-<alertCode>]-<primitive>`.
 * Random pairs (`randomPairs`) are drawn from the catalogue with a seeded stream: the same seed,
 * the same pairs.
 */
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { FaultDirection, MessageFault, MessageFaultPrimitive, ProfileDeviceType, Replacement } from './profile-schema.ts';
import type { FaultSetRole } from './fault-set.ts';

/** Longer than any response or alert window the suites wait: 72 virtual hours [P]. */
export const DELAY_PAST_WINDOW_MS = 72 * 3_600_000;
/** Bytes flipped by a generated `corrupt`. */
export const CORRUPT_BYTES = 4;

/** The generated primitives (alert-storm, clock-drift and the HAN-event ones are audited only as shipped profiles declare them). */
export const GENERATED_PRIMITIVES = ['drop', 'delay', 'corrupt', 'omit-alert', 'wrong-value', 'reject'] as const satisfies readonly MessageFaultPrimitive[];
export type GeneratedPrimitive = (typeof GENERATED_PRIMITIVES)[number];

const PRIMITIVES_BY_DIRECTION: Record<FaultDirection, readonly GeneratedPrimitive[]> = {
  command: ['drop', 'delay', 'corrupt', 'reject', 'wrong-value'],
  response: ['drop', 'delay', 'corrupt', 'wrong-value'],
  alert: ['omit-alert', 'delay', 'corrupt', 'wrong-value'],
};

/** Where a fault acts: one use case × direction × device type (× alert code). */
export interface FaultSite {
  /** GBCS use case id or alias of message-codes.ts (e.g. ECS52, GNCA, CS14). */
  readonly useCase: string;
  readonly direction: FaultDirection;
  readonly deviceType: ProfileDeviceType;
  /** Alerts: the alert code, 4 upper-case hex digits. */
  readonly alertCode?: string;
  /** false: the message's MAC is one only the DCC could check (a CHF message to the ACB). */
  readonly userChecksMac: boolean;
}

/** One generated fault: the profile fault and the device whose profile carries it. */
export interface GeneratedFault {
  readonly id: string;
  readonly primitive: GeneratedPrimitive;
  readonly site: FaultSite;
  readonly role: FaultSetRole;
  readonly fault: MessageFault;
}

/** A principal field of a message and how a generated wrong-value changes it. */
export interface PrincipalField {
  readonly field: string;
  readonly replacement: Replacement;
  /** Why this field: what a wrong value there means to a supplier. */
  readonly why: string;
}

/**
 * The principal field of a use case's message in one direction (key `<useCase>/<direction>`,
 * alerts `<useCase>/alert/<alertCode>`), where one exists.
 */
export const PRINCIPAL_FIELDS: Readonly<Record<string, PrincipalField>> = {
  'ECS17b/response': { field: 'registers.0.value', replacement: { kind: 'constant', value: 0 }, why: 'the active import register: what the supplier bills' },
  'GCS13a/response': { field: 'currentSummationDelivered.value', replacement: { kind: 'constant', value: 0 }, why: 'the gas consumption register: what the supplier bills' },
  'ECS52/response': { field: 'firmwareVersion', replacement: { kind: 'constant', value: 'DEADBEEF' }, why: 'the version the device says it runs: what 11.1 / 11.3 are checked by' },
  'GCS38/response': { field: 'firmwareVersion.value', replacement: { kind: 'constant', value: 'DEADBEEF' }, why: 'the version the GSME says it runs' },
  'CS06/response': { field: 'firmwareVersion', replacement: { kind: 'constant', value: 'DEADBEEF' }, why: 'the version the device runs after the activation' },
  'ECS70/response': { field: 'time.value.year', replacement: { kind: 'constant', value: 2000 }, why: 'the ESME clock after a set clock: billing periods hang on it' },
  'GCS28/response': { field: 'time', replacement: { kind: 'constant', value: '2000-01-01T00:00:00Z' }, why: 'the GSME clock after a set clock' },
  'CCS06/response': { field: 'devices.0.deviceId', replacement: { kind: 'constant', value: 'FFFFFFFFFFFFFFFE' }, why: 'which device the CHF Device Log lists' },
  'CS07/response': { field: 'devices.0.deviceId', replacement: { kind: 'constant', value: 'FFFFFFFFFFFFFFFE' }, why: 'which device the GSME says it is joined with' },
};

/** `CHF` → the comms hub's profile; a meter → its own. */
export function roleOf(deviceType: ProfileDeviceType): FaultSetRole {
  return deviceType === 'ESME' ? 'esme' : deviceType === 'GSME' ? 'gsme' : 'commsHub';
}

/** `ECS52/response/CHF`, `GNCA/alert/GSME/8F1F`. */
export function siteKey(site: Pick<FaultSite, 'useCase' | 'direction' | 'deviceType' | 'alertCode'>): string {
  return [site.useCase, site.direction, site.deviceType, ...(site.alertCode ? [site.alertCode] : [])].join('/');
}

/** One request row of the emulated DCC: a use case some device type answers. */
export interface RequestRow {
  readonly useCase: string;
  readonly targetType: ProfileDeviceType;
  /** Who originates the command: the ACB's commands to the CHF are answered to the ACB. */
  readonly originator: 'service-user' | 'access-control-broker';
}

/** The command and response sites of the request rows, once per use case × device type. */
export function requestSites(rows: readonly RequestRow[]): FaultSite[] {
  const sites = new Map<string, FaultSite>();
  for (const row of rows) {
    for (const direction of ['command', 'response'] as const) {
      const site: FaultSite = { useCase: row.useCase, direction, deviceType: row.targetType, userChecksMac: row.originator === 'service-user' || row.targetType !== 'CHF' };
      const key = siteKey(site);
      const seen = sites.get(key);
      // a use case one SRV sends from the ACB and another from the user: the user checks only some
      sites.set(key, seen ? { ...seen, userChecksMac: seen.userChecksMac && site.userChecksMac } : site);
    }
  }
  return [...sites.values()];
}

function generatedFault(site: FaultSite, primitive: GeneratedPrimitive): GeneratedFault | null {
  const id = `GEN-${siteKey(site).replaceAll('/', '-')}-${primitive}`;
  const common = {
    id,
    description: `generated by dit profiles audit: ${primitive} on the ${site.useCase} ${site.direction}${site.alertCode ? ` ${site.alertCode}` : ''} of the ${site.deviceType}`,
    illustrative: true,
    useCase: site.useCase,
    deviceTypes: [site.deviceType],
    ...(site.alertCode ? { alertCode: site.alertCode } : {}),
  };
  let fault: MessageFault;
  switch (primitive) {
    case 'drop':
      if (site.direction === 'alert') return null;
      fault = { ...common, primitive, direction: site.direction };
      break;
    case 'delay':
      fault = { ...common, primitive, direction: site.direction, delayMs: DELAY_PAST_WINDOW_MS };
      break;
    case 'corrupt':
      fault = { ...common, primitive, direction: site.direction, target: site.userChecksMac || site.direction === 'command' ? 'mac' : 'payload', bytes: CORRUPT_BYTES };
      break;
    case 'omit-alert':
      if (site.direction !== 'alert') return null;
      fault = { ...common, primitive, direction: 'alert' };
      break;
    case 'reject':
      if (site.direction !== 'command') return null;
      fault = { ...common, primitive, direction: 'command' };
      break;
    case 'wrong-value': {
      const principal = PRINCIPAL_FIELDS[principalKey(site)];
      if (!principal) return null;
      fault = { ...common, primitive, direction: site.direction, field: principal.field, replacement: principal.replacement };
      break;
    }
  }
  return { id, primitive, site, role: roleOf(site.deviceType), fault };
}

function principalKey(site: FaultSite): string {
  return site.direction === 'alert' ? `${site.useCase}/alert/${site.alertCode ?? ''}` : `${site.useCase}/${site.direction}`;
}

/** Every generated fault of these sites, in site order then primitive order. */
export function generateFaults(sites: readonly FaultSite[]): GeneratedFault[] {
  return sites.flatMap((site) => PRIMITIVES_BY_DIRECTION[site.direction].flatMap((p) => generatedFault(site, p) ?? []));
}

/** `count` distinct pairs of distinct faults, drawn with `random` (fewer when the catalogue has fewer). */
export function randomPairs<T>(faults: readonly T[], count: number, random: SeededRandom): Array<readonly [T, T]> {
  const n = faults.length;
  const possible = (n * (n - 1)) / 2;
  const wanted = Math.min(count, possible);
  const chosen = new Set<string>();
  const pairs: Array<readonly [T, T]> = [];
  while (pairs.length < wanted) {
    const a = random.int(0, n - 1);
    const b = random.int(0, n - 1);
    if (a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (chosen.has(key)) continue;
    chosen.add(key);
    pairs.push([faults[Math.min(a, b)] as T, faults[Math.max(a, b)] as T]);
  }
  return pairs;
}
