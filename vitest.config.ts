// SPDX-License-Identifier: GPL-3.0-or-later
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (tests colocated with the code) and `dit` (the product's DIT suites).
 * `dit run` starts the `dit` project through vitest's node API with its own reporters
 * (the Allure reporter and the ledger reporter); see harness/cli/run-command.ts.
 */
export default defineConfig({
  test: {
    reporters: ['default', ['allure-vitest/reporter', { resultsDir: process.env.DIT_ALLURE_DIR ?? 'allure-results', reportMatchers: false }]],
    // the DIT tags of harness/dit/test-case-meta.ts (TestTag); a case with any other tag is refused
    tags: [
      { name: 'confidence', description: 'the short pack the control point reads, per device type and band' },
      { name: 'formal', description: 'formal DIT scope per device combination' },
      { name: 'regression', description: 'End-of-Cycle regression' },
      { name: 'smoke', description: 'the quickest check that a premises answers at all' },
    ],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['harness/**/*.test.ts', 'emulators/**/*.test.ts', 'reports/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // test files share their worker's module graph: importing the codecs and emulators
          // again for each of ~240 files took most of the run (≈ 110 s → ≈ 30 s on 2 cores).
          // A test that changes shared state (spies, env, registries) restores it in afterEach.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'dit',
          include: ['suites/**/*.dit.ts'],
          environment: 'node',
          setupFiles: ['allure-vitest/setup', 'harness/cli/dit-worker-setup.ts'],
          // suite files share their worker's module graph: every execution builds its own world,
          // and re-evaluating the emulators and codecs for each suite file cost seconds per run
          // (same outcomes and trace hashes either way, checked on the MM1-FORMAL-DIT cycle)
          isolate: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
