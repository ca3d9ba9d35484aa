// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DCC-edge faults as data: a schedule of incidents (PROGRAMME-2019-04.md's operational
 * incidents) switched on for one run with `dit run --dcc-faults FILE`. Times are virtual ms after
 * the world's start — every execution gets a fresh world, so each execution lives through the
 * same schedule — and request numbers count the DUIS requests of one execution (1 = its first).
 *
 * - `http-error`: the edge (a CSP load balancer) answers `status` (5xx) to every `every`-th
 *   request inside the window instead of passing it to the DCC;
 * - `service-stopped`: from `fromMs` every request is answered 503 until the service is
 *   restarted `restartAfterMs` later (no restart given: stopped for the rest of the execution);
 * - `lost-device-alerts`: DUIS device alerts with one of `alertCodes` (four hex digits, e.g.
 *   8F12 for the CHF's CS14 "birth event", or "all") never reach the Service User in the window;
 * - `lost-dcc-alerts`: the same for DCC alerts (e.g. AD1, the power-outage alert).
 *
 * `illustrative: true` marks an incident whose figures are scaled or invented for a test rather
 * than taken from the programme. The injection itself is dcc-edge-injector.ts.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DccEdgeFault } from './dcc-edge-fault.ts';

const ms = z.number().int().nonnegative();

/** A window of virtual time after the world's start: [fromMs, untilMs). */
const TimeWindowSchema = z
  .object({ fromMs: ms.default(0), untilMs: ms.optional() })
  .strict()
  .refine((w) => w.untilMs === undefined || w.untilMs > w.fromMs, { message: 'untilMs must be after fromMs', path: ['untilMs'] });

/** A window of DUIS requests of one execution: [fromRequest, untilRequest), 1 = the first. */
const RequestWindowSchema = z
  .object({ fromRequest: z.number().int().positive(), untilRequest: z.number().int().positive().optional() })
  .strict()
  .refine((w) => w.untilRequest === undefined || w.untilRequest > w.fromRequest, { message: 'untilRequest must be after fromRequest', path: ['untilRequest'] });

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id (letters, digits, dashes)'),
  description: z.string().min(1),
  /** Figures scaled or invented for a test, not the programme's own. */
  illustrative: z.boolean().default(false),
};

const HttpErrorSchema = z
  .object({
    ...common,
    kind: z.literal('http-error'),
    status: z.number().int().min(500, 'a 5xx status').max(599, 'a 5xx status'),
    every: z.number().int().positive().default(1),
    window: TimeWindowSchema.optional(),
    requests: RequestWindowSchema.optional(),
  })
  .strict()
  .refine((i) => !(i.window && i.requests), { message: 'give a time window or a request window, not both', path: ['requests'] });

const ServiceStoppedSchema = z
  .object({
    ...common,
    kind: z.literal('service-stopped'),
    fromMs: ms,
    /** The service restart, this long after it stopped; absent: stopped for the rest of the execution. */
    restartAfterMs: z.number().int().positive().optional(),
  })
  .strict();

const alertCodes = (code: RegExp, example: string) =>
  z.union([z.literal('all'), z.array(z.string().regex(code, `an alert code such as ${example}`)).min(1)]);

const LostDeviceAlertsSchema = z
  .object({ ...common, kind: z.literal('lost-device-alerts'), alertCodes: alertCodes(/^[0-9A-F]{4}$/, '8F12 (four upper-case hex digits)'), window: TimeWindowSchema.optional() })
  .strict();

const LostDccAlertsSchema = z
  .object({ ...common, kind: z.literal('lost-dcc-alerts'), alertCodes: alertCodes(/^[A-Z]{1,2}\d{1,3}$/, 'AD1'), window: TimeWindowSchema.optional() })
  .strict();

export const DccEdgeIncidentSchema = z.discriminatedUnion('kind', [HttpErrorSchema, ServiceStoppedSchema, LostDeviceAlertsSchema, LostDccAlertsSchema]);

export const DccEdgeScheduleSchema = z
  .object({
    description: z.string().optional(),
    incidents: z.array(DccEdgeIncidentSchema).min(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.incidents.forEach((i, n) => {
      if (seen.has(i.id)) ctx.addIssue({ code: 'custom', message: `incident id "${i.id}" is used twice`, path: ['incidents', n, 'id'] });
      seen.add(i.id);
    });
  });

export type DccEdgeIncident = z.infer<typeof DccEdgeIncidentSchema>;
export type DccEdgeSchedule = z.infer<typeof DccEdgeScheduleSchema>;
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export class DccEdgeScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DccEdgeScheduleError';
  }
}

/** Checks a schedule; the error names the source, the path inside it and what was expected. */
export function parseDccEdgeSchedule(json: unknown, source: string): DccEdgeSchedule {
  const result = DccEdgeScheduleSchema.safeParse(json);
  if (!result.success) throw new DccEdgeScheduleError(`${source}: not a valid DCC edge fault schedule:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export function loadDccEdgeSchedule(file: string): DccEdgeSchedule {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DccEdgeScheduleError(`${file}: cannot read the DCC edge fault schedule (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DccEdgeScheduleError(`${file}: not JSON: ${(e as Error).message}`);
  }
  return parseDccEdgeSchedule(json, file);
}

/** `--inject-dcc-error STATUS/N` as a one-incident schedule. */
export function scheduleOfEdgeFault(fault: DccEdgeFault): DccEdgeSchedule {
  return {
    description: `--inject-dcc-error ${fault.status}/${fault.every}`,
    incidents: [
      {
        id: 'inject-dcc-error',
        kind: 'http-error',
        status: fault.status,
        every: fault.every,
        description: `every ${fault.every === 1 ? '' : `${fault.every}-th `}DUIS request answered HTTP ${fault.status} by the DCC edge`,
        illustrative: true,
      },
    ],
  };
}

/** Two schedules as one (incident ids must stay unique). */
export function mergeSchedules(a: DccEdgeSchedule, b: DccEdgeSchedule): DccEdgeSchedule {
  return parseDccEdgeSchedule({ description: [a.description, b.description].filter(Boolean).join('; '), incidents: [...a.incidents, ...b.incidents] }, 'merged schedule');
}

export function inTimeWindow(window: TimeWindow | undefined, elapsedMs: number): boolean {
  if (!window) return true;
  return elapsedMs >= window.fromMs && (window.untilMs === undefined || elapsedMs < window.untilMs);
}
