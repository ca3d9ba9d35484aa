// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The bare driver of the bench's "overhead" figure: a cycle's plan items run with no vitest, no
 * ledger and no Allure — each suite's ditCase bodies taken as they are declared
 * (takeDitCasesBare), each plan item's premises, seed and target built as `dit run`'s worker
 * builds them (premisesForItem, executionSeed, the composition root's createTarget), the body
 * run, the target closed, one after another in one process. `expect` from vitest works outside
 * the runner (it throws on failure); `test` does not, which is why the bodies are taken before
 * vitest would see them. What is left out is exactly the harness's cost: the vitest workers and
 * their reporting, the ledger's writes, Allure results, trace hashing for the record.
 *
 * The plan is `dit plan`'s (planCycle over the programme, with the test cases the suites declare).
 *
 *   npx tsx scripts/bench-overhead.ts <cycle id> <programme date> [run seed]
 *
 * Prints one JSON line: `{ executions, passed, failed, skipped, wallSeconds, loadSeconds }`
 * (wallSeconds from the first suite import to the last target closed; loadSeconds of it the
 * imports and planning).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { executionSeed } from '../harness/cycle/derive.ts';
import { planCycle } from '../harness/cycle/planner.ts';
import { premisesForItem } from '../harness/cycle/premises-for-item.ts';
import { takeDitCasesBare, type DitCaseBody } from '../harness/dit/dit-case.ts';
import { runCaseBody } from '../harness/dit/run-case-body.ts';
import { measurementFailure } from '../harness/dit/measurement.ts';
import type { DitRunConfig } from '../harness/dit/run-config.ts';
import type { TestCaseMeta } from '../harness/dit/test-case-meta.ts';
import { loadProgramme } from '../harness/programme/load-programme.ts';
import { parseProgrammeDate } from '../harness/programme/programme-date.ts';
import { DEFAULT_PREMISES_FILE, loadPremisesSpec } from '../harness/programme/premises-spec.ts';
import { createTarget } from '../harness/cli/targets.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [cycle, atText, runSeed = 'bench'] = process.argv.slice(2);
if (!cycle || !atText) {
  console.error('usage: tsx scripts/bench-overhead.ts <cycle id> <programme date> [run seed]');
  process.exit(2);
}
const at = parseProgrammeDate(atText, 'programme date');

const t0 = performance.now();
const cases = new Map<string, { meta: TestCaseMeta; body: DitCaseBody }>();
takeDitCasesBare((meta, body) => cases.set(meta.id, { meta, body }));
for (const file of readdirSync(join(root, 'suites')).filter((f) => f.endsWith('.dit.ts')).sort()) {
  await import(pathToFileURL(join(root, 'suites', file)).href);
}
const plan = planCycle({ programme: loadProgramme('dbch-2019-04'), at, cases: [...cases.values()].map((c) => c.meta), strategy: 'full', cycle });
const base = loadPremisesSpec(DEFAULT_PREMISES_FILE);
const config: DitRunConfig = { runId: 'bare', runSeed, target: 'emulated', programmeDate: at, premisesFile: DEFAULT_PREMISES_FILE };
const t1 = performance.now();

let passed = 0;
let failed = 0;
let skipped = 0;
for (const item of plan.items) {
  const found = cases.get(item.testCase);
  if (!found) throw new Error(`plan item ${item.id}: no suite declares test case ${item.testCase}`);
  const premises = premisesForItem(base, item);
  const meter = premises.meters.find((m) => m.type === item.combination.meter.type);
  if (!meter) throw new Error(`plan item ${item.id}: the premises has no ${item.combination.meter.type}`);
  const seed = executionSeed(runSeed, item.combination, item.testCase);
  const target = await createTarget({ config, premises, seed, planItemId: item.id });
  // as the worker runs a body (skips, measurements), without vitest, the ledger or Allure
  const ran = await runCaseBody(found.body, { target, premises, meter, combination: item.combination, ...(found.meta.needs ? { needs: found.meta.needs } : {}) });
  if (ran.skipped !== null) skipped += 1;
  else if (ran.thrown !== null || ran.outOfLimits.length > 0) {
    failed += 1;
    if (process.env.DIT_BENCH_VERBOSE) console.error(`${item.id} ${item.testCase}: ${ran.thrown instanceof Error ? ran.thrown.message.split('\n')[0] : measurementFailure(ran.outOfLimits[0]!)}`);
  } else passed += 1;
  await target.close();
}
const t2 = performance.now();
console.log(JSON.stringify({ executions: plan.items.length, passed, failed, skipped, wallSeconds: (t2 - t0) / 1000, loadSeconds: (t1 - t0) / 1000 }));
