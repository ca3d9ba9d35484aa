// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit soak --days N --seed S --trace FILE [--json] [--premises FILE]`: one premises through N
 * virtual days in this process (soak-run.ts), the trace written to FILE as JSON Lines
 * (soak-trace.ts), then the counts — requests, responses, alerts by code, errors by E-code — and
 * each sub-GHz transmitter's peak duty cycle, as JSON or as a short summary with the wall time
 * it took.
 *
 * Exit 0 when every request was answered in its window and the expected alerts (8F26, 8F43,
 * 8F35, 8F36) appeared; 1 otherwise, saying what went wrong; 2 for bad arguments (days not a
 * whole number 1–366, a trace path that cannot be written, a premises the soak cannot drive).
 */
import { resolve } from 'node:path';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { toJson } from './json-output.ts';
import { soakDevices } from './soak-devices.ts';
import { EXPECTED_ALERTS, runSoak, type SoakResult } from './soak-run.ts';
import { openSoakTraceFile, SoakTraceFileError } from './soak-trace.ts';
import { EXIT, UserError } from './user-error.ts';

/** A year of virtual days at most. */
export const MAX_SOAK_DAYS = 366;

export interface SoakCommandOptions {
  readonly days: number;
  readonly seed: string;
  readonly trace: string;
  readonly premises: string;
  readonly json?: boolean;
}

export async function soakCommand(opts: SoakCommandOptions, out: { write(text: string): unknown } = process.stdout): Promise<number> {
  if (!Number.isSafeInteger(opts.days) || opts.days < 1 || opts.days > MAX_SOAK_DAYS) throw new UserError(`--days must be a whole number of days from 1 to ${MAX_SOAK_DAYS}, got ${opts.days}`);
  if (opts.seed.trim() === '') throw new UserError('--seed must not be empty');
  const premisesFile = resolve(opts.premises);
  const premises = loadPremisesSpec(premisesFile);
  const devices = soakDevices(premises, opts.premises);
  let trace;
  try {
    trace = openSoakTraceFile(opts.trace);
  } catch (e) {
    if (e instanceof SoakTraceFileError) throw new UserError(e.message);
    throw e;
  }
  const wallStart = performance.now();
  let result: SoakResult;
  try {
    result = await runSoak({ days: opts.days, seed: opts.seed, premises, premisesFile, devices, trace });
  } finally {
    trace.close();
  }
  const wallSeconds = Math.round((performance.now() - wallStart) / 10) / 100;
  out.write(opts.json ? `${toJson(soakReport(result, { seed: opts.seed, trace: opts.trace, wallSeconds }), 2)}\n` : soakSummary(result, { seed: opts.seed, trace: opts.trace, wallSeconds }));
  return result.passed ? EXIT.ok : EXIT.failed;
}

interface RunFacts {
  readonly seed: string;
  readonly trace: string;
  readonly wallSeconds: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What `--json` prints. */
export function soakReport(result: SoakResult, facts: RunFacts) {
  const { counts, scenarios } = result;
  return {
    passed: result.passed,
    days: result.plan.days,
    seed: facts.seed,
    virtualStart: iso(result.startMs),
    virtualEnd: iso(result.endMs),
    wallSeconds: facts.wallSeconds,
    trace: facts.trace,
    requests: counts.requests,
    answers: counts.answers,
    responses: counts.responses,
    alerts: counts.alerts,
    errors: counts.errors,
    dutyCyclePeaks: result.dutyCyclePeaks,
    expectedAlerts: EXPECTED_ALERTS,
    missingAlerts: result.missingAlerts,
    findings: result.findings,
    scenarios: {
      channelChange: scenarios.channelChange && { ...scenarios.channelChange, requestedAt: iso(scenarios.channelChange.requestedAt), changedAt: iso(scenarios.channelChange.changedAt) },
      firmwareUpdate: scenarios.firmwareUpdate && {
        ...scenarios.firmwareUpdate,
        acceptedAt: iso(scenarios.firmwareUpdate.acceptedAt),
        receivedAt: iso(scenarios.firmwareUpdate.receivedAt),
        activatedAt: iso(scenarios.firmwareUpdate.activatedAt),
        transferMinutes: transferMinutes(result),
      },
      supplyOutage: scenarios.supplyOutage && {
        offAt: iso(scenarios.supplyOutage.offAt),
        onAt: iso(scenarios.supplyOutage.onAt),
        supplyRestoredAt: iso(scenarios.supplyOutage.supplyRestoredAt),
        outageRestoredAt: iso(scenarios.supplyOutage.outageRestoredAt),
      },
    },
  };
}

function transferMinutes(result: SoakResult): number | null {
  const f = result.scenarios.firmwareUpdate;
  return f?.acceptedAt != null && f.receivedAt !== null ? Math.round((f.receivedAt - f.acceptedAt) / 600) / 100 : null;
}

function byCode(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([code, n]) => `${code} ×${n}`).join(', ');
}

/** The human summary. */
export function soakSummary(result: SoakResult, facts: RunFacts): string {
  const { counts, scenarios } = result;
  const virtualHours = (result.endMs - result.startMs) / 3_600_000;
  const lines = [
    `soak: ${result.plan.days} day(s), seed ${facts.seed}: ${iso(result.startMs)} → ${iso(result.endMs)} (${virtualHours.toFixed(1)} h virtual) in ${facts.wallSeconds} s wall`,
    `requests: ${counts.requests.total} (${byCode(counts.requests.bySrv)})`,
    `answers: ${byCode(counts.answers.byCode)}`,
    `responses: ${counts.responses.total} (${byCode(counts.responses.byCode)})`,
    `alerts: ${counts.alerts.total} (${byCode(counts.alerts.byCode)})`,
    `errors: ${counts.errors.total === 0 ? 'none' : byCode(counts.errors.byCode)}`,
    `peak duty cycle: ${result.dutyCyclePeaks.map((p) => `${p.role} ${p.device} ${p.peakPercent === null ? `none on ${p.band}` : `${p.peakPercent} %`}`).join(', ')}`,
  ];
  const c = scenarios.channelChange;
  if (c?.from && c.to) lines.push(`channel change: page ${c.from.page} channel ${c.from.channel} → page ${c.to.page} channel ${c.to.channel}${c.changedAt ? ` (8F26 at ${iso(c.changedAt)})` : ''}`);
  const f = scenarios.firmwareUpdate;
  const minutes = transferMinutes(result);
  if (f) lines.push(`firmware update: ${f.releaseId} (${f.sizeBytes} bytes) over 868 MHz${minutes !== null ? ` in ${minutes} min virtual` : ''}${f.readBack ? `, 11.2 reads ${f.readBack}` : ''}`);
  const o = scenarios.supplyOutage;
  if (o) lines.push(`supply outage: ${iso(o.offAt)} for ${(o.onAt - o.offAt) / 60_000} min`);
  lines.push(`trace: ${facts.trace}`);
  if (result.missingAlerts.length > 0) lines.push(`FAILED: expected alerts missing: ${result.missingAlerts.join(', ')}`);
  if (result.findings.length > 0) {
    lines.push(`FAILED: ${result.findings.length} finding(s):`);
    for (const f of result.findings.slice(0, 20)) lines.push(`  ${f}`);
    if (result.findings.length > 20) lines.push(`  … and ${result.findings.length - 20} more in the trace`);
  }
  if (result.passed) lines.push('passed: every request answered in its window; 8F26, 8F43, 8F35 and 8F36 seen');
  return `${lines.join('\n')}\n`;
}
