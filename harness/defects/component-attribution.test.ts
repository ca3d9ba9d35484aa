// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { attributeComponent } from './component-attribution.ts';
import { combo } from './testing/synthetic-ledger.ts';

describe('attributeComponent', () => {
  it('implicates the component that alone differs between a failing and a passing combination on one band', () => {
    expect(attributeComponent([combo('TOSH 12.25', 'MM1 E24 2.1')], [combo('TOSH 12.26', 'MM1 E24 2.1')], undefined)).toMatchObject({ component: 'comms-hub', reason: 'evidence' });
    expect(attributeComponent([combo('TOSH 12.26', 'MM1 E24 2.1')], [combo('TOSH 12.26', 'MM1 E24 2.2')], ['CHF'])).toMatchObject({ component: 'meter', reason: 'evidence' });
    // another band is no evidence
    expect(attributeComponent([combo('TOSH 12.25', 'MM1 E24 2.1')], [combo('TOSH 12.26', 'MM1 E24 2.1', '868MHz')], undefined)).toMatchObject({ component: 'meter', reason: 'default' });
  });

  it('falls back to the device types, then the meter, when the evidence is missing or points both ways', () => {
    const failing = [combo('TOSH 12.25', 'MM1 E24 2.1')];
    const both = [combo('TOSH 12.26', 'MM1 E24 2.1'), combo('TOSH 12.25', 'MM1 E24 2.2')];
    expect(attributeComponent(failing, both, undefined)).toMatchObject({ component: 'meter', reason: 'default' });
    expect(attributeComponent(failing, both, undefined).explanation).toContain('both the comms hub and the meter are implicated');
    expect(attributeComponent(failing, [], ['GPF'])).toMatchObject({ component: 'comms-hub', reason: 'device-types' });
    expect(attributeComponent(failing, [], ['CHF', 'ESME'])).toMatchObject({ component: 'meter', reason: 'default' });
  });

  it('when passes point both ways, reads the failures: one comms hub across meter models, or one meter across vendors', () => {
    // an intermittent hub fault: fails on two meter models with WNC 1.9, while each model also passed elsewhere
    const failing = [combo('WNC 1.9', 'MM2 G24 1.0.3'), combo('WNC 1.9', 'MM2 G868 1.0.3')];
    const passing = [combo('EDMI 3.2', 'MM2 G24 1.0.3'), combo('WNC 1.9', 'MM2 G868B 1.1.0')];
    expect(attributeComponent(failing, passing, undefined)).toMatchObject({ component: 'comms-hub', reason: 'evidence' });
    const meterFault = [combo('WNC 1.9', 'MM2 G24 1.1.0'), combo('EDMI 3.2', 'MM2 G24 1.1.0')];
    expect(attributeComponent(meterFault, [combo('WNC 1.9', 'MM2 G868 1.0.3'), combo('EDMI 3.2', 'MM2 G24 1.1.1')], undefined)).toMatchObject({ component: 'meter' });
  });

  it('ignores passes on a combination that also failed (intermittent) as evidence', () => {
    const flaky = combo('TOSH 12.25', 'MM1 E24 2.2');
    // counted, the flaky pass would implicate the meter too (same comms hub, other meter firmware)
    expect(attributeComponent([combo('TOSH 12.25', 'MM1 E24 2.1'), flaky], [flaky, combo('TOSH 12.26', 'MM1 E24 2.1')], undefined)).toMatchObject({
      component: 'comms-hub',
      reason: 'evidence',
    });
  });
});
