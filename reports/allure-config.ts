// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How DIT results read in Allure: the categories a failed execution falls into, the
 * environment block of the report, and how defect links are made. A failure's category is
 * decided in the worker, which prefixes the failure message with a marker the categories match
 * (FAILURE_MARKER); the markers are the only coupling between the two.
 */
import { Status } from 'allure-js-commons';
import type { Category, EnvironmentInfo } from 'allure-js-commons/sdk';
import type { LinkConfig } from 'allure-js-commons/sdk/reporter';

import { FAILURE_MARKER } from '../harness/cycle/failure-marker.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Allure categories, first match wins: environment and harness failures never read as product defects. */
export const DIT_CATEGORIES: Category[] = [
  {
    name: 'Environment failure',
    description: 'The DCC edge or the transport failed (HTTP 5xx, connection refused, a failed canary): not a device defect.',
    matchedStatuses: [Status.FAILED, Status.BROKEN],
    messageRegex: `^${escape(FAILURE_MARKER.environment)}[\\s\\S]*`,
  },
  {
    name: 'Harness error',
    description: 'The harness itself failed (a TypeError in a suite, a broken fixture): fix the harness, not the device.',
    matchedStatuses: [Status.FAILED, Status.BROKEN],
    messageRegex: `^${escape(FAILURE_MARKER.harness)}[\\s\\S]*`,
  },
  {
    name: 'Intermittent',
    description: 'Known to pass and fail on the same combination with no firmware change.',
    matchedStatuses: [Status.FAILED, Status.BROKEN],
    messageRegex: `^${escape(FAILURE_MARKER.intermittent)}[\\s\\S]*`,
  },
  {
    name: 'Known defect',
    description: 'A failure whose signature is an open defect in the ledger (linked).',
    matchedStatuses: [Status.FAILED, Status.BROKEN],
    messageRegex: `^${escape(FAILURE_MARKER.knownDefect)}[\\s\\S]*`,
  },
  {
    name: 'New product defect',
    description: 'A device failure the ledger has not seen before: it becomes a new defect.',
    matchedStatuses: [Status.FAILED],
  },
];

/** Defect links: `DEF-…` ids; a tracker URL template may be given (%s is the id). */
export function defectLinks(urlTemplate = process.env.DIT_DEFECT_URL ?? 'dit-defect://%s'): LinkConfig {
  return { issue: { urlTemplate, nameTemplate: '%s' } };
}

export interface RunEnvironment {
  readonly runId: string;
  readonly programme: string;
  readonly cycle: string;
  readonly programmeDate: string;
  readonly target: string;
  readonly seed: string;
  readonly shard?: string;
}

export function environmentInfo(run: RunEnvironment): EnvironmentInfo {
  return {
    'dit run': run.runId,
    programme: run.programme,
    cycle: run.cycle,
    'programme date': run.programmeDate,
    target: run.target,
    seed: run.seed,
    ...(run.shard ? { shard: run.shard } : {}),
    node: process.version,
  };
}
