// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit defects list|show|update|export`: the defects the ledger's failures make, projected at a
 * programme date from the ledger, the programme's releases (their fix claims), the quarantine
 * list and the annotations people added. Nothing here is stored state except annotations,
 * which are appended to the ledger.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { datedExecutions } from '../defects/dated-execution.ts';
import type { Defect } from '../defects/defect.ts';
import { defectAnnotation } from '../defects/defect-annotation.ts';
import { defectListEntry, defectsForRelease, defectsToCsv, defectsToJson } from '../defects/defect-export.ts';
import { environmentIncidents } from '../defects/environment-incident.ts';
import { defectReleasesOf } from '../defects/programme-releases.ts';
import { projectDefects } from '../defects/project-defects.ts';
import { loadQuarantineList, type QuarantineList } from '../defects/quarantine.ts';
import { openLedger, type Ledger } from '../ledger/ledger.ts';
import { loadProgramme } from '../programme/load-programme.ts';
import { programmeDateOf } from './cycle-plan.ts';
import { toJson } from './json-output.ts';
import { EXIT, UserError } from './user-error.ts';

export interface DefectsOptions {
  ledger: string;
  programme: string;
  at?: string;
  quarantine?: string;
  release?: string;
  json?: boolean;
}

export const DEFAULT_QUARANTINE_FILE = 'fixtures/quarantine.json';

function quarantineOf(file: string | undefined): QuarantineList | undefined {
  const path = resolve(file ?? DEFAULT_QUARANTINE_FILE);
  if (!existsSync(path)) {
    if (file) throw new UserError(`--quarantine ${path}: no such file`);
    return undefined;
  }
  return loadQuarantineList(path);
}

/** The defects as of a programme date (plus what the projection needed, for show/update). */
export function currentDefects(ledger: Ledger, opts: DefectsOptions): { defects: Defect[]; at: string } {
  const programme = loadProgramme(opts.programme);
  const at = programmeDateOf(programme, opts.at);
  const quarantine = quarantineOf(opts.quarantine);
  const defects = projectDefects(datedExecutions(ledger), defectReleasesOf(programme, at), {
    at,
    annotations: ledger.defectAnnotations(),
    ...(quarantine ? { quarantine } : {}),
  });
  const filtered = opts.release ? defectsForRelease(defects, opts.release) : defects;
  return { defects: filtered, at };
}

function withLedger<T>(file: string, use: (l: Ledger) => T): T {
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError(`no ledger at ${path}: run dit run first, or give --ledger FILE`);
  const ledger = openLedger(path);
  try {
    return use(ledger);
  } finally {
    ledger.close();
  }
}

const STATE_MARK: Record<string, string> = { open: '●', 'claimed-fixed': '◐', verified: '✓', reopened: '↺' };

export async function defectsListCommand(opts: DefectsOptions): Promise<number> {
  return withLedger(opts.ledger, (ledger) => {
    const { defects, at } = currentDefects(ledger, opts);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(defects.map(defectListEntry), null, 2)}\n`);
      return EXIT.ok;
    }
    const incidents = environmentIncidents(datedExecutions(ledger), { at });
    if (defects.length === 0) process.stdout.write(`no defects as of ${at}${opts.release ? ` for release ${opts.release}` : ''}\n`);
    for (const d of defects) {
      const flags = [d.intermittent ? 'intermittent' : '', d.quarantined ? 'quarantined' : '', d.blocking ? 'blocking' : ''].filter(Boolean).join(', ');
      process.stdout.write(
        `${STATE_MARK[d.state] ?? ' '} ${d.id}  sev ${d.severity}  ${d.state.padEnd(13)} found in ${d.foundIn}${d.verifiedIn.length ? `, verified in ${d.verifiedIn.join(', ')}` : d.claimedFixedIn.length ? `, fix claimed in ${d.claimedFixedIn.join(', ')}` : ''}  ${d.testCase}: ${d.title}${flags ? `  [${flags}]` : ''}\n`,
      );
    }
    if (incidents.length > 0) {
      process.stdout.write(`\n${incidents.length} environment / harness incident(s), never device defects (dit defects list --json omits them):\n`);
      for (const i of incidents.slice(0, 20)) process.stdout.write(`  ${toJson(i, 0)}\n`);
    }
    process.stdout.write(`\n${defects.length} defect(s) as of ${at}; ${defects.filter((d) => d.blocking).length} blocking\n`);
    return EXIT.ok;
  });
}

export async function defectsShowCommand(id: string, opts: DefectsOptions): Promise<number> {
  return withLedger(opts.ledger, (ledger) => {
    const { defects } = currentDefects(ledger, opts);
    const d = defects.find((x) => x.id.toUpperCase() === id.toUpperCase());
    if (!d) throw new UserError(`no defect ${id} as of this programme date; dit defects list shows them`);
    if (opts.json) {
      process.stdout.write(`${toJson(d)}\n`);
      return EXIT.ok;
    }
    const lines = [
      `${d.id} — ${d.title}`,
      `  state ${d.state}, severity ${d.severity}${d.severity !== d.testCaseSeverity ? ` (test case says ${d.testCaseSeverity})` : ''}${d.intermittent ? ', intermittent' : ''}${d.quarantined ? ', quarantined' : ''}`,
      `  test case ${d.testCases.join(', ')}; signature ${d.signature}`,
      `  attributed to the ${d.component} (${d.attribution.explanation})`,
      `  found in ${d.foundIn}; seen again in ${d.seenAgainIn.join(', ') || '—'}; fix claimed in ${d.claimedFixedIn.join(', ') || '—'}; verified in ${d.verifiedIn.join(', ') || '—'}; reopened in ${d.reopenedIn.join(', ') || '—'}`,
      `  ${d.occurrences} failing execution(s) on: ${d.combinations.join('; ')}`,
      ...(d.ticket ? [`  ticket ${d.ticket}`] : []),
      ...d.notes.map((n) => `  note (${n.author}, ${n.atWall}): ${n.text}`),
      '  history:',
      ...d.history.map((e) => `    ${e.programmeDate}  ${e.kind.padEnd(14)} ${e.release}${e.combination ? `  on ${e.combination}` : ''}  → ${e.state}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  });
}

export async function defectsUpdateCommand(
  id: string,
  opts: DefectsOptions & { ticket?: string; note?: string; severity?: string; author?: string },
): Promise<number> {
  return withLedger(opts.ledger, (ledger) => {
    const { defects } = currentDefects(ledger, { ...opts, release: undefined });
    const d = defects.find((x) => x.id.toUpperCase() === id.toUpperCase());
    if (!d) throw new UserError(`no defect ${id}; dit defects list shows them`);
    const data: Record<string, unknown> = {};
    if (opts.ticket !== undefined) data['ticket'] = opts.ticket === 'none' ? null : opts.ticket;
    if (opts.note !== undefined) data['notes'] = opts.note;
    if (opts.severity !== undefined) data['severity'] = opts.severity === 'none' ? null : Number(opts.severity);
    let annotation;
    try {
      annotation = defectAnnotation(d.id, opts.author ?? process.env.USER ?? 'unknown', new Date().toISOString(), data);
    } catch (e) {
      throw new UserError(`dit defects update ${d.id}: ${(e as Error).message} (give --ticket, --note or --severity 1..4)`);
    }
    const annotationId = ledger.annotateDefect(annotation);
    process.stdout.write(`annotated ${d.id} (${annotationId}): ${JSON.stringify(data)}\n`);
    return EXIT.ok;
  });
}

export async function defectsExportCommand(opts: DefectsOptions & { format?: string }): Promise<number> {
  return withLedger(opts.ledger, (ledger) => {
    const { defects } = currentDefects(ledger, opts);
    const format = opts.json ? 'json' : (opts.format ?? 'csv');
    if (format !== 'csv' && format !== 'json') throw new UserError(`--format must be csv or json, got "${format}"`);
    process.stdout.write(format === 'csv' ? defectsToCsv(defects) : `${defectsToJson(defects)}\n`);
    return EXIT.ok;
  });
}
