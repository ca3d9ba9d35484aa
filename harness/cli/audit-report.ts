// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What `dit profiles audit` reports: per fault (generated, pair or declared) whether a test case
 * detected it and which, the fault-free run's failures, and the totals the JSON leads with
 * (`faults`, `detected`, `undetected`, `faultFreeFailures`); and the same as text for a test
 * engineer — the generated faults as a table by site (one column per primitive), the declared
 * faults and the pairs, then the undetected faults as "the suites' gaps" with the reason of each,
 * and the fault-free failures.
 */
import { formatDuration } from './progress-reporter.ts';

/** What names one audited fault (a generated one, a pair of them, or one a shipped profile declares). */
export interface AuditedFault {
  readonly id: string;
  readonly kind: 'generated' | 'pair' | 'declared';
  /** The primitive ("drop", …); a pair's two, joined with "+". */
  readonly primitive: string;
  readonly useCase: string | null;
  readonly direction: string | null;
  readonly deviceType: string | null;
  readonly alertCode?: string;
  /** Declared faults: the shipped profile declaring it. */
  readonly profile?: string;
  /** Pairs: the generated faults it combines. */
  readonly members?: readonly string[];
}

export interface AuditFinding extends AuditedFault {
  /** Faulted executions run for it. */
  readonly executions: number;
  readonly detected: boolean;
  /** Test cases that failed with it switched on. */
  readonly detectedBy: readonly string[];
  /** Detected: the first failure line of one detecting case. */
  readonly failure?: string;
  /** Undetected: why (nothing exercises its site, or every case exercising it passed). */
  readonly reason?: string;
}

export interface FaultFreeFailure {
  readonly testCase: string;
  readonly planItem: string;
  /** The shipped profile run stripped of its faults; null for the baseline premises. */
  readonly profile: string | null;
  readonly combination: string;
  readonly failure: string;
}

export interface AuditReport {
  readonly faults: number;
  readonly detected: number;
  readonly undetected: readonly string[];
  readonly faultFreeFailures: number;
  readonly faultFree: {
    readonly executions: number;
    readonly failed: readonly FaultFreeFailure[];
    readonly skipped: number;
    /** The shipped profiles run stripped of their faults. */
    readonly profiles: readonly string[];
  };
  readonly faultedExecutions: number;
  readonly testCases: number;
  readonly seed: string;
  readonly slice: Readonly<Record<string, string | number>>;
  readonly findings: readonly AuditFinding[];
  /** Harness problems (results missing, tests not declared with ditCase): the audit fails. */
  readonly problems: readonly string[];
  /** Wall time of the whole audit (measured, never used for a decision). */
  readonly wallMs: number;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function list(items: readonly string[], max = 4): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max}`;
}

export function auditSummaryText(r: AuditReport): string {
  const generated = r.findings.filter((f) => f.kind === 'generated');
  const pairs = r.findings.filter((f) => f.kind === 'pair');
  const declared = r.findings.filter((f) => f.kind === 'declared');
  const out: string[] = [
    `dit profiles audit (seed "${r.seed}"${Object.keys(r.slice).length > 1 ? `, slice ${Object.entries(r.slice).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}): ${r.testCases} test case(s)`,
    '',
  ];
  if (generated.length > 0) {
    const primitives = [...new Set(generated.map((f) => f.primitive))];
    const sites = new Map<string, AuditFinding[]>();
    for (const f of generated) {
      const key = `${f.useCase}/${f.direction}/${f.deviceType}${f.alertCode ? `/${f.alertCode}` : ''}`;
      sites.set(key, [...(sites.get(key) ?? []), f]);
    }
    out.push(`generated faults by site (✓ detected, ✗ undetected, · not applicable):`);
    out.push(
      ...table(
        ['site', ...primitives, 'detected by'],
        [...sites].map(([site, fs]) => [
          site,
          ...primitives.map((p) => {
            const f = fs.find((x) => x.primitive === p);
            return f ? (f.detected ? '✓' : '✗') : '·';
          }),
          list([...new Set(fs.flatMap((f) => f.detectedBy))].sort()),
        ]),
      ),
      '',
    );
  }
  if (declared.length > 0) {
    out.push('faults the shipped profiles declare:');
    out.push(...table(['fault', 'profile', 'primitive', 'detected by'], declared.map((f) => [f.id, f.profile ?? '', f.primitive, f.detected ? list(f.detectedBy) : '✗ none'])), '');
  }
  if (pairs.length > 0) out.push(`random pairs: ${pairs.filter((p) => p.detected).length} of ${pairs.length} detected`, '');
  const gaps = r.findings.filter((f) => !f.detected);
  if (gaps.length > 0) {
    out.push(`the suites' gaps — ${gaps.length} undetected fault(s):`);
    for (const f of gaps) out.push(`  ${f.id}: ${f.reason ?? ''}`);
    out.push('');
  }
  if (r.faultFree.failed.length > 0) {
    out.push(`fault-free failures (a fault-free firmware must pass everything) — ${r.faultFree.failed.length}:`);
    for (const f of r.faultFree.failed) out.push(`  ${f.testCase} on ${f.combination}${f.profile ? ` (${f.profile})` : ''}: ${f.failure}`);
    out.push('');
  }
  for (const p of r.problems) out.push(`harness problem: ${p}`);
  out.push(
    `fault-free: ${r.faultFree.executions} execution(s) (baseline + ${r.faultFree.profiles.length} shipped profile(s) without their faults), ${r.faultFreeFailures} failed, ${r.faultFree.skipped} skipped`,
    `faulted: ${r.faultedExecutions} execution(s) for ${r.faults} fault(s) (${generated.length} generated, ${pairs.length} pairs, ${declared.length} declared)`,
    `wall time ${formatDuration(r.wallMs)}`,
    `profiles audit: ${r.detected} detected, ${r.undetected.length} undetected, ${r.faultFreeFailures} fault-free failure(s)`,
    '',
  );
  return out.join('\n');
}
