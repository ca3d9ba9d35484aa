// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The property suites (suites/properties, every one of property-catalogue.ts: premises,
 * device-logs) in the default test run: each draws
 * DIT_PROPERTY_RUNS sequences (default 200) from DIT_PROPERTY_SEED (default fixed) on fresh
 * emulated premises, built here by the composition root; a failure prints the shrunk sequence
 * and the token `dit replay` re-runs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../dit/run-config.ts';
import { checkProperty, propertyFailureReport, propertyRuns, propertySeed } from '../dit/property-check.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { PROPERTIES } from '../../suites/properties/property-catalogue.ts';
import { createEmulatedTarget } from './targets.ts';

const premises = loadPremisesSpec();

describe('property suites', () => {
  for (const definition of PROPERTIES.values()) {
    it(`${definition.name}: ${definition.title}`, { timeout: Math.max(120_000, propertyRuns() * 500) }, async () => {
      const result = await checkProperty(definition.name, definition.property((seed) => createEmulatedTarget({ config: DEFAULT_RUN_CONFIG, premises, seed })), {
        numRuns: propertyRuns(),
        seed: propertySeed(),
      });
      if (result.failed) expect.fail(propertyFailureReport(definition.name, result, definition.describe));
      expect(result.numRuns).toBe(propertyRuns());
    });
  }
});
