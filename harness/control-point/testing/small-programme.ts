// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A small programme for the control-point tests, built in memory: one meter manufacturer (MX)
 * with a GSME (MX-G868) delivered and an ESME (MX-E24) never delivered, one comms hub vendor
 * (HV), a confidence cycle, and a control point whose criteria the test passes in. Two test
 * cases tagged confidence run on the GSME. Not the shipped programme: general cases.
 */
import type { Combination } from '../../ledger/ledger.ts';
import type { TestCaseMeta } from '../../dit/test-case-meta.ts';
import { parseProgramme } from '../../programme/parse-programme.ts';
import type { Programme } from '../../programme/programme.ts';

export const CONFIDENCE_CASES: TestCaseMeta[] = [
  { id: 'READ-GSME', useCase: 'GCS13a', srv: '4.1.1', deviceTypes: ['GSME'], bands: ['868MHz'], tags: ['confidence'], severity: 2, title: 'read the GSME' },
  { id: 'FW-GSME', useCase: 'GCS38', srv: '11.2', deviceTypes: ['GSME'], bands: ['868MHz'], tags: ['confidence'], severity: 1, title: 'read the GSME firmware' },
  { id: 'FORMAL-ONLY', useCase: 'GCS13a', srv: '4.1.1', deviceTypes: ['GSME'], bands: ['868MHz'], tags: ['formal'], severity: 3, title: 'a formal case' },
];

/** The one combination the cycle plans. */
export const GSME_COMBINATION: Combination & { meter: { type: string } } = {
  commsHub: { vendor: 'HV', firmware: '1.0' },
  meter: { manufacturer: 'MX', model: 'MX-G868', firmware: '2.0', type: 'GSME' },
  band: '868MHz',
};

export function smallProgramme(criteria: unknown[], options: unknown[] = defaultOptions()): Programme {
  return parseProgramme(
    {
      info: { name: 'small', title: 'Small', description: 'A small programme for tests', today: '2020-01-10', calendar: [{ date: '2020-03-01', note: 'a deadline' }] },
      manufacturers: [{ id: 'MX', name: 'Maker X', chipset: 'C' }],
      deviceModels: [
        { id: 'MX-G868', manufacturer: 'MX', type: 'GSME', bands: ['868MHz'], capabilities: { dualBand: false, subGhzCapable: true }, smets: 'SMETS2v3', gbcs: '2.0' },
        { id: 'MX-E24', manufacturer: 'MX', type: 'ESME', bands: ['2.4GHz'], capabilities: { dualBand: false, subGhzCapable: false }, smets: 'SMETS2v3', gbcs: '2.0' },
      ],
      commsHubVendors: [{ id: 'HV', name: 'HV', models: [{ id: 'HV-DBCH', bands: ['2.4GHz', '868MHz'], chts: '1.1', gbcs: '2.0' }] }],
      firmwareReleases: [
        { id: 'HV-1.0', target: { commsHubVendor: 'HV' }, version: '1.0', date: '2020-01-01', status: 'in-DIT' },
        { id: 'MX-G868-2.0', target: { deviceModel: 'MX-G868' }, version: '2.0', date: '2020-01-01', status: 'in-DIT' },
      ],
      deliveries: [{ id: 'D1', model: 'MX-G868', count: 4, date: '2020-01-05', where: 'lab' }],
      cycles: [{ id: 'CONF', type: 'confidence', title: 'Confidence', window: { start: '2020-01-06', end: '2020-01-31' }, scope: { manufacturers: ['MX'], tags: ['confidence'] } }],
      controlPoints: [
        {
          id: 'CP',
          date: '2020-02-01',
          title: 'Small control point',
          assesses: [{ id: 'CP.1', text: 'confidence results' }],
          consequences: ['Formal DIT starts 1 March if it passes.'],
          options,
          criteria,
        },
      ],
    },
    'in-memory',
  );
}

export function defaultOptions(): unknown[] {
  return [
    { id: 'CP.continue', title: 'Continue', description: 'test longer', rule: 'continue' },
    { id: 'CP.pause', title: 'Pause', description: 'wait', rule: 'pause' },
    { id: 'CP.declare', title: 'Declare complete', description: 'declare', rule: 'declare-complete' },
    { id: 'CP.emulators', title: 'Complete with emulators', description: 'emulate', rule: 'complete-with-emulators' },
    { id: 'CP.close', title: 'Close', description: 'close', rule: 'close' },
  ];
}

export const CONFIDENCE_CRITERION = { id: 'C-CONF', kind: 'test-evidence', test: 'confidence-pack', owner: 'test manager', title: 'confidence pack on the GSME', cycles: ['CONF'], models: ['MX-G868'] };
export const COVERAGE_CRITERION = { id: 'C-COV', kind: 'test-evidence', test: 'coverage', owner: 'test manager', title: 'coverage of CONF', cycles: ['CONF'] };
export const ESME_CRITERION = {
  id: 'C-ESME',
  kind: 'availability',
  owner: 'sourcing',
  title: 'ESMEs delivered',
  needs: [{ label: 'SMETS2v3 2.4 GHz ESMEs', type: 'ESME', band: '2.4GHz', smets: 'SMETS2v3', count: 2, by: '2020-01-15' }],
};
