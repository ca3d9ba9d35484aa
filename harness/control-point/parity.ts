// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Parity: for each cell (test case × combination) with results both from real devices (runs
 * whose target is `lab`) and from emulated premises (any other target: emulated, loopback), did
 * the latest results agree (both passed, or both did not)? Cells with only one side are counted,
 * so a report can say what is missing.
 */
import type { CellResult } from './cell.ts';
import { cellResults } from './cell.ts';
import { LAB_TARGET, type LedgerSnapshot } from './ledger-snapshot.ts';

export interface ParityLine {
  readonly testCase: string;
  readonly combination: string;
  readonly lab: string;
  readonly emulated: string;
  readonly agree: boolean;
}

export interface Parity {
  readonly compared: number;
  readonly agreed: number;
  readonly lines: readonly ParityLine[];
  /** Cells with lab results only / emulated results only. */
  readonly labOnly: number;
  readonly emulatedOnly: number;
}

const passed = (r: CellResult): boolean => r.latest === 'passed';

export function parityOf(snapshot: LedgerSnapshot, include: (combination: string) => boolean = () => true): Parity {
  const targetOf = new Map(snapshot.runs.map((r) => [r.id, r.target]));
  const isLab = (runId: string): boolean => targetOf.get(runId) === LAB_TARGET;
  const lab = cellResults(snapshot.executions, (d) => isLab(d.execution.runId));
  const emulated = cellResults(snapshot.executions, (d) => !isLab(d.execution.runId));
  const lines: ParityLine[] = [];
  let labOnly = 0;
  for (const [key, l] of lab) {
    if (!include(l.combination)) continue;
    const e = emulated.get(key);
    if (e === undefined) {
      labOnly++;
      continue;
    }
    lines.push({ testCase: l.testCase, combination: l.combination, lab: l.latest, emulated: e.latest, agree: passed(l) === passed(e) });
  }
  const emulatedOnly = [...emulated.entries()].filter(([key, e]) => include(e.combination) && !lab.has(key)).length;
  lines.sort((a, b) => (a.testCase + a.combination < b.testCase + b.combination ? -1 : 1));
  return { compared: lines.length, agreed: lines.filter((l) => l.agree).length, lines, labOnly, emulatedOnly };
}
