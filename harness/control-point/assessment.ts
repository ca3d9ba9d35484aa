// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A control-point assessment: a pure function of the programme, the test case catalogue and the
 * ledger as of the programme date. Each criterion's result with the evidence it used, the
 * coverage matrix of the cycles the criteria name, the decision (pass, pass with waivers, or fail
 * with the criteria that failed), the options analysis with parity, the forecast, and the data
 * the report charts. The same inputs give the same result, byte for byte (no clock, a seeded
 * forecast); the audit record (audit-record.ts) is written beside it, never read by it.
 */
import { combinationName } from '../defects/dated-execution.ts';
import { projectDefects } from '../defects/project-defects.ts';
import { defectReleasesOf } from '../defects/programme-releases.ts';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import type { ControlPoint } from '../programme/control-point.ts';
import type { ProgrammeDate } from '../programme/programme-date.ts';
import type { Programme } from '../programme/programme.ts';
import { requiredWorkOf, type AssessmentContext } from './assessment-context.ts';
import { cellResults } from './cell.ts';
import { defectTimelines, passRateGrid, type DefectTimeline, type PassRateGrid } from './chart-data.ts';
import { coverageMatrix, type CoverageMatrix } from './coverage-matrix.ts';
import { needStatus, type NeedStatus } from './criteria/availability.ts';
import { openDefects } from './criteria/open-defects.ts';
import { evaluateCriterion } from './evaluate-criterion.ts';
import type { CriterionResult } from './evidence.ts';
import { forecastCompletion, type Forecast } from './forecast.ts';
import { inputsHash } from './inputs-hash.ts';
import type { LedgerSnapshot } from './ledger-snapshot.ts';
import { analyseOptions, type Decision, type OptionAssessment } from './options-analysis.ts';
import { parityOf, type Parity } from './parity.ts';
import { weeklySeries } from './programme-weeks.ts';

export interface AssessmentInput {
  readonly programme: Programme;
  readonly controlPointId: string;
  readonly at: ProgrammeDate;
  /** The catalogue of test cases (harness/cycle/collect-test-cases.ts). */
  readonly cases: readonly TestCaseMeta[];
  /** The ledger as of `at` (ledger-snapshot.ts). */
  readonly snapshot: LedgerSnapshot;
  readonly forecastTrials?: number;
}

export interface Assessment {
  readonly controlPoint: { readonly id: string; readonly title: string; readonly date: string };
  readonly programme: string;
  readonly at: string;
  readonly inputsHash: string;
  readonly decision: Decision;
  /** Ids of the failed criteria (the reasons for a fail). */
  readonly failed: readonly string[];
  readonly waived: readonly string[];
  readonly criteria: readonly CriterionResult[];
  readonly coverage: CoverageMatrix;
  readonly options: readonly OptionAssessment[];
  readonly parity: Parity;
  readonly forecast: Forecast;
  readonly consequences: readonly string[];
  readonly risks: readonly string[];
  /** The programme calendar from the control point on: the dates the consequences refer to. */
  readonly calendar: readonly { readonly date: string; readonly note: string }[];
  readonly ledger: { readonly runs: number; readonly executions: number; readonly targets: readonly string[] };
  readonly charts: {
    readonly defects: readonly DefectTimeline[];
    readonly passRate: PassRateGrid;
    readonly deliveries: readonly NeedStatus[];
  };
}

export class ControlPointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlPointError';
  }
}

export function findControlPoint(programme: Programme, id: string | undefined): ControlPoint {
  const list = programme.controlPoints;
  const found = id === undefined ? list[0] : list.find((c) => c.id === id);
  if (found === undefined) {
    throw new ControlPointError(
      id === undefined ? `programme ${programme.name} has no control point (control-points.json is empty)` : `no control point "${id}" in programme ${programme.name}; there are: ${list.map((c) => c.id).join(', ') || 'none'}`,
    );
  }
  return found;
}

/** The cycles whose required work the coverage matrix and the forecast cover: those the test-evidence criteria name. */
function scopeCycles(controlPoint: ControlPoint): string[] {
  const cycles = controlPoint.criteria.flatMap((c) => (c.kind === 'test-evidence' && 'cycles' in c ? c.cycles : []));
  const fromItems = controlPoint.assesses.flatMap((a) => a.subject?.cycles ?? []);
  return [...new Set(cycles.length > 0 ? cycles : fromItems)];
}

export function assessControlPoint(input: AssessmentInput): Assessment {
  const { programme, at, cases, snapshot } = input;
  const controlPoint = findControlPoint(programme, input.controlPointId);
  const hash = inputsHash(programme, controlPoint.id, at, cases, snapshot);
  const defects = projectDefects(snapshot.executions, defectReleasesOf(programme, at), { at, annotations: snapshot.annotations });
  const cells = cellResults(snapshot.executions);
  const required = requiredWorkOf({ programme, cases, at });

  const cycles = scopeCycles(controlPoint);
  const scope = required(cycles);
  const coverage = coverageMatrix(scope, cells);
  const scopeCombinations = new Set(coverage.combinations);
  const scopedDefects = defects.filter((d) => d.combinations.some((c) => scopeCombinations.has(c)));
  const scopedExecutions = snapshot.executions.filter((d) => scopeCombinations.has(combinationName(d.execution.combination))).length;
  const weekly = weeklySeries(snapshot.executions, scopedDefects, at);
  const forecast = forecastCompletion({
    at,
    remaining: coverage.totals.required - coverage.totals.passed,
    openDefects: openDefects(scopedDefects).length,
    weekly,
    scopedExecutions,
    scopedDefectsFound: scopedDefects.length,
    seed: hash.slice(7, 23),
    ...(input.forecastTrials === undefined ? {} : { trials: input.forecastTrials }),
  });

  const context: AssessmentContext = { programme, controlPoint, at, cases, snapshot, cells, defects, forecast, required };
  const criteria = controlPoint.criteria.map((c) => evaluateCriterion(c, context));
  const failed = criteria.filter((c) => c.result === 'fail').map((c) => c.id);
  const waived = criteria.filter((c) => c.result === 'waived').map((c) => c.id);
  const decision: Decision = criteria.length === 0 || failed.length > 0 ? 'fail' : waived.length > 0 ? 'pass-with-waivers' : 'pass';
  const parity = parityOf(snapshot);
  const options = analyseOptions({ context, decision, criteria, parity });

  return {
    controlPoint: { id: controlPoint.id, title: controlPoint.title, date: controlPoint.date },
    programme: programme.name,
    at,
    inputsHash: hash,
    decision,
    failed: criteria.length === 0 ? ['(no criteria defined)'] : failed,
    waived,
    criteria,
    coverage,
    options,
    parity,
    forecast,
    consequences: controlPoint.consequences,
    risks: controlPoint.risks,
    calendar: programme.calendar.filter((e) => e.date >= controlPoint.date).map((e) => ({ date: e.date, note: e.note })),
    ledger: { runs: snapshot.runs.length, executions: snapshot.executions.length, targets: [...new Set(snapshot.runs.map((r) => r.target))].sort() },
    charts: {
      defects: defectTimelines(scopedDefects, weekly.start, at),
      passRate: passRateGrid(cells),
      deliveries: controlPoint.criteria.flatMap((c) => (c.kind === 'availability' ? c.needs.map((n) => needStatus(programme, n, at)) : [])),
    },
  };
}

