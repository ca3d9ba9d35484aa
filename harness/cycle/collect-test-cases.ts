// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The catalogue of DIT test cases, read from the suites themselves: vitest collects the `dit`
 * project in collect mode (ditCase registers one placeholder per case, carrying its metadata)
 * without running anything. The planner plans over this catalogue.
 */
import { createVitest } from 'vitest/node';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import type { DitRunConfig } from '../dit/run-config.ts';
import './execution-report.ts';

export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

export async function collectTestCases(root: string, configFile: string, config: DitRunConfig): Promise<TestCaseMeta[]> {
  const vitest = await createVitest(
    'test',
    { root, config: configFile, project: ['dit'], watch: false, reporters: [], provide: { ditRun: { ...config, mode: 'collect' } } },
    {},
    {},
  );
  try {
    const result = await vitest.collect();
    const problems = result.testModules.flatMap((m) => m.errors().map((e) => `${m.moduleId}: ${e.message}`));
    if (problems.length > 0) throw new CatalogueError(`the DIT suites could not be collected:\n${problems.join('\n')}`);
    const cases = new Map<string, TestCaseMeta>();
    for (const module of result.testModules) {
      for (const t of module.children.allTests()) {
        const meta = t.meta().ditCase;
        if (!meta) throw new CatalogueError(`${module.moduleId}: test "${t.fullName}" is not declared with ditCase`);
        const seen = cases.get(meta.id);
        if (seen && JSON.stringify(seen) !== JSON.stringify(meta)) {
          throw new CatalogueError(`test case id ${meta.id} is declared twice with different metadata (${module.moduleId})`);
        }
        cases.set(meta.id, meta);
      }
    }
    return [...cases.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  } finally {
    await vitest.close();
  }
}
