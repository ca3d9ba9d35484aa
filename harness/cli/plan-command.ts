// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit plan`: what a cycle would run on a programme date — the combinations in scope, the test
 * cases, the plan items with their ids and counts, and every release left out with the reason.
 */
import { combinationKey } from '../cycle/combination.ts';
import { cyclePlan, shardOf, type CyclePlanOptions } from './cycle-plan.ts';
import { toJson } from './json-output.ts';
import { EXIT } from './user-error.ts';

export async function planCommand(opts: CyclePlanOptions & { json?: boolean; shard?: string }): Promise<number> {
  const { plan, retest } = await cyclePlan(opts);
  const items = shardOf(plan.items, opts.shard);
  const counts = {
    items: items.length,
    combinations: plan.combinations.length,
    testCases: plan.testCases.length,
    byTestCase: Object.fromEntries(plan.testCases.map((tc) => [tc, items.filter((i) => i.testCase === tc).length])),
  };
  if (opts.json) {
    process.stdout.write(
      `${toJson({
        programme: plan.programme,
        at: plan.at,
        cycle: plan.cycle,
        strategy: plan.strategy,
        ...(opts.shard ? { shard: opts.shard } : {}),
        counts,
        items: items.map((i) => ({ id: i.id, testCase: i.testCase, combination: i.combination, releases: { commsHub: i.devices.commsHub.releaseId, meter: i.devices.meter.releaseId } })),
        combinations: plan.combinations.map((c) => ({ ...c.combination, releases: { commsHub: c.devices.commsHub.releaseId, meter: c.devices.meter.releaseId } })),
        testCases: plan.testCases,
        excluded: plan.excluded,
        unplannable: plan.unplannable,
        ...(retest ? { retest: { release: retest.release.id, predecessor: retest.predecessor?.id ?? null, testCases: Object.fromEntries(retest.testCases) } } : {}),
      })}\n`,
    );
    return items.length > 0 ? EXIT.ok : EXIT.failed;
  }
  const lines = [
    `${plan.programme} — cycle ${plan.cycle.id} (${plan.cycle.type}): ${plan.cycle.title}`,
    `  window ${plan.cycle.window.start} → ${plan.cycle.window.end ?? 'open'}${plan.cycle.timeboxEnd ? `, timebox ends ${plan.cycle.timeboxEnd}` : ''}; planned at ${plan.at}, ${plan.strategy}`,
    ...(retest
      ? ['', `retest for ${retest.release.id} (predecessor ${retest.predecessor?.id ?? 'none'}):`, ...[...retest.testCases].map(([tc, why]) => `  ${tc.padEnd(28)} ${why.join('; ')}`)]
      : []),
    '',
    `combinations in scope (${plan.combinations.length}):`,
    ...plan.combinations.map((c) => `  ${combinationKey(c.combination)}   [${c.devices.commsHub.releaseId} × ${c.devices.meter.releaseId}]`),
    '',
    `test cases (${plan.testCases.length}):`,
    ...plan.testCases.map((tc) => `  ${tc.padEnd(28)} ${counts.byTestCase[tc]} plan item(s)`),
    ...(plan.unplannable.length > 0 ? ['', 'not planned:', ...plan.unplannable.map((u) => `  ${u.testCase.padEnd(28)} ${u.reason}`)] : []),
    ...(plan.excluded.length > 0 ? ['', 'not in scope:', ...plan.excluded.map((e) => `  ${e.release.padEnd(28)} ${e.reason}`)] : []),
    '',
    `${items.length} plan item(s)${opts.shard ? ` in shard ${opts.shard} (of ${plan.items.length})` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return items.length > 0 ? EXIT.ok : EXIT.failed;
}
