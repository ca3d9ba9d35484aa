// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit gbcs verify [--rtds DIR] [--json]`: decodes and verifies every RTDS reference message
 * (rtds-conformance.ts: decode, byte-exact round trip, CRA flag, message code, MAC, signature)
 * and, for the use cases with a typed payload codec, the typed payload round trip.
 * Exit 0 when nothing failed, 1 when a check failed, 2 when the RTDS folder is missing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeyFileError } from '../protocol/gbcs/errors.ts';
import { KeyStore } from '../protocol/gbcs/keystore.ts';
import { defaultRtdsDir, RTDS_DIR_ENV, rtdsAvailable, rtdsKeystoreDir } from '../protocol/gbcs/rtds.ts';
import { verifyRtds, type RtdsException, type RtdsFailure, type RtdsReport, type RtdsUncheckable } from '../protocol/gbcs/rtds-conformance.ts';
import { processIo, type CommandIo } from './gbcs-command-io.ts';
import { typedPayloadRoundTrip, type TypedRoundTripReport } from './gbcs-typed-round-trip.ts';
import { toJson } from './json-output.ts';
import { EXIT, UserError } from './user-error.ts';

export interface GbcsVerifyOptions {
  readonly rtds?: string;
  readonly json?: boolean;
}

/** A group of uncheckable MACs or signatures sharing one reason (EUIs elided). */
export interface UncheckableGroup {
  readonly check: 'mac' | 'signature';
  readonly reason: string;
  readonly count: number;
  readonly files: string[];
}

export interface ExceptionGroup {
  readonly reason: string;
  readonly count: number;
  readonly files: string[];
}

/** What `--json` prints. */
export interface GbcsVerifyReport {
  readonly rtdsDir: string;
  readonly ok: boolean;
  readonly elapsedMs: number;
  readonly total: number;
  readonly decoded: number;
  readonly errors: number;
  readonly mac: RtdsReport['mac'];
  readonly signature: RtdsReport['signature'];
  readonly roundTrip: RtdsReport['roundTrip'];
  readonly typedRoundTrip: TypedRoundTripReport['counts'];
  readonly typedRoundTripByUseCase: TypedRoundTripReport['byUseCase'];
  readonly failures: RtdsFailure[];
  readonly knownExceptions: { readonly count: number; readonly byReason: ExceptionGroup[]; readonly list: RtdsException[] };
  readonly uncheckable: { readonly count: number; readonly byReason: UncheckableGroup[]; readonly list: RtdsUncheckable[] };
}

function rtdsDirOf(opts: GbcsVerifyOptions): { dir: string; from: string } {
  if (opts.rtds !== undefined && opts.rtds !== '') return { dir: resolve(opts.rtds), from: '--rtds' };
  const fromEnv = process.env[RTDS_DIR_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { dir: defaultRtdsDir(), from: `$${RTDS_DIR_ENV}` };
  return { dir: defaultRtdsDir(), from: 'the default ../shared/rtds beside the checkout' };
}

/** Runs the checks; throws UserError when the folder or its keystore is missing. */
export function buildVerifyReport(opts: GbcsVerifyOptions): GbcsVerifyReport {
  const { dir, from } = rtdsDirOf(opts);
  if (!rtdsAvailable(dir)) {
    throw new UserError(
      `RTDS reference data not found at ${dir} (${from}): ${existsSync(dir) ? 'no RTDS-* folder inside' : 'folder does not exist'}. ` +
        `Give --rtds DIR or set ${RTDS_DIR_ENV} to the folder holding RTDS-4.5.0/ and keystore/.`,
    );
  }
  let keyStore: KeyStore;
  try {
    keyStore = KeyStore.fromDirectory(rtdsKeystoreDir(dir));
  } catch (error) {
    if (error instanceof KeyFileError) throw new UserError(`RTDS keystore not found at ${rtdsKeystoreDir(dir)} (${from}): ${error.reason}; the MACs and signatures need it`);
    throw error;
  }
  const started = performance.now();
  const report = verifyRtds(dir, { keyStore });
  const typed = typedPayloadRoundTrip(dir, keyStore);
  const elapsedMs = Math.round(performance.now() - started);
  const failures = [...report.failures, ...typed.failures].sort((a, b) => a.file.localeCompare(b.file));
  const ok =
    report.errors === 0 &&
    report.mac.invalid === 0 &&
    report.signature.invalid === 0 &&
    report.roundTrip.different === 0 &&
    typed.counts.different === 0 &&
    failures.length === 0;
  return {
    rtdsDir: dir,
    ok,
    elapsedMs,
    total: report.total,
    decoded: report.decoded,
    errors: report.errors,
    mac: report.mac,
    signature: report.signature,
    roundTrip: report.roundTrip,
    typedRoundTrip: typed.counts,
    typedRoundTripByUseCase: typed.byUseCase,
    failures,
    knownExceptions: { count: report.exceptions.length, byReason: groupExceptions(report.exceptions), list: report.exceptions },
    uncheckable: { count: report.uncheckable.length, byReason: groupUncheckable(report.uncheckable), list: report.uncheckable },
  };
}

export async function gbcsVerifyCommand(opts: GbcsVerifyOptions, io: CommandIo = processIo): Promise<number> {
  const report = buildVerifyReport(opts);
  io.out(opts.json ? `${toJson(report)}\n` : renderVerifyReport(report));
  return report.ok ? EXIT.ok : EXIT.failed;
}

const EUI = /\b[0-9A-F]{16}\b/g;

function groupUncheckable(list: readonly RtdsUncheckable[]): UncheckableGroup[] {
  const groups = new Map<string, { check: 'mac' | 'signature'; reason: string; files: string[] }>();
  for (const u of list) {
    const reason = u.reason.replace(EUI, '<EUI>');
    const key = `${u.check}\u0000${reason}`;
    const group = groups.get(key) ?? { check: u.check, reason, files: [] };
    group.files.push(u.file);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, count: g.files.length })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

function groupExceptions(list: readonly RtdsException[]): ExceptionGroup[] {
  const groups = new Map<string, string[]>();
  for (const e of list) groups.set(e.reason, [...(groups.get(e.reason) ?? []), e.file]);
  return [...groups.entries()].map(([reason, files]) => ({ reason, count: files.length, files })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** The human report: a table of the counts, the grouped exceptions and uncheckables, every failure. */
export function renderVerifyReport(r: GbcsVerifyReport): string {
  const lines: string[] = [];
  const t = r.typedRoundTrip;
  lines.push(`RTDS ${r.rtdsDir}: ${r.total} messages`);
  lines.push('');
  const rows: Array<[string, string, string, string]> = [
    ['check', 'ok', 'failed', 'not checked'],
    ['decode', String(r.decoded), String(r.errors), ''],
    ['frame round trip', String(r.roundTrip.equal), String(r.roundTrip.different), ''],
    ['MAC', String(r.mac.valid), String(r.mac.invalid), `${r.mac.uncheckable} uncheckable, ${r.mac.absent} absent`],
    ['signature', String(r.signature.valid), String(r.signature.invalid), `${r.signature.uncheckable} uncheckable, ${r.signature.absent} absent`],
    ['typed payload round trip', String(t.equal), String(t.different), `${t.notImplemented} no typed codec yet`],
  ];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  for (const [name, ok, failed, other] of rows) {
    lines.push(`  ${name.padEnd(width[0] ?? 0)}  ${ok.padStart(width[1] ?? 0)}  ${failed.padStart(width[2] ?? 0)}  ${other}`.trimEnd());
  }
  if (r.typedRoundTripByUseCase.length > 0) {
    lines.push(`  typed codecs: ${r.typedRoundTripByUseCase.map((u) => `${u.useCase} ${u.equal}/${u.equal + u.different}`).join(', ')}`);
  }

  lines.push('');
  lines.push(`known exceptions: ${r.knownExceptions.count} (message code other than the folder's use case, on purpose)`);
  for (const g of r.knownExceptions.byReason) lines.push(`  ${String(g.count).padStart(4)}  ${g.reason}`);

  if (r.uncheckable.count > 0) {
    lines.push('');
    lines.push(`uncheckable: ${r.uncheckable.count}`);
    for (const g of r.uncheckable.byReason) {
      lines.push(`  ${String(g.count).padStart(4)}  ${g.check}: ${g.reason}`);
      lines.push(`        ${g.files.slice(0, 3).join(', ')}${g.files.length > 3 ? `, and ${g.files.length - 3} more` : ''}`);
    }
  }

  lines.push('');
  if (r.failures.length === 0) lines.push('failures: none');
  else {
    lines.push(`failures: ${r.failures.length}`);
    for (const f of r.failures) lines.push(`  ${f.file}: ${f.reason}`);
  }
  lines.push('');
  lines.push(`${r.ok ? 'PASS' : 'FAIL'}: ${r.decoded}/${r.total} decoded, ${r.failures.length} failure${r.failures.length === 1 ? '' : 's'} in ${(r.elapsedMs / 1000).toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}
