// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { attemptFailure, combinationOf, metersFor } from './dit-case.ts';
import { validateTestCaseMeta, type TestCaseMeta } from './test-case-meta.ts';

const premises = loadPremisesSpec();
const meta: TestCaseMeta = {
  id: 'READ-X',
  title: 't',
  useCase: 'ECS17b',
  srv: '4.1.1',
  deviceTypes: ['ESME'],
  bands: ['2.4GHz', '868MHz'],
  tags: ['smoke'],
  severity: 2,
};

describe('which combinations a case applies to', () => {
  it('takes the meters of the case device types on its bands', () => {
    expect(metersFor(meta, premises).map((m) => m.type)).toEqual(['ESME']);
    expect(metersFor({ ...meta, deviceTypes: ['GPF'] }, premises).map((m) => m.type)).toEqual(['GSME']);
    expect(metersFor({ ...meta, deviceTypes: ['CHF'] }, premises).map((m) => m.type)).toEqual(['ESME', 'GSME']);
    expect(metersFor({ ...meta, bands: ['868MHz'] }, premises)).toEqual([]);
  });

  it('names the combination from the premises', () => {
    const esme = metersFor(meta, premises)[0]!;
    expect(combinationOf(premises, esme)).toEqual({
      commsHub: { vendor: premises.commsHub.vendor, firmware: premises.commsHub.firmware },
      meter: { manufacturer: esme.manufacturer, model: esme.model, firmware: esme.firmware, type: 'ESME' },
      band: esme.band,
    });
  });
});

describe('test case metadata', () => {
  it('refuses metadata a report could not use, naming each field', () => {
    expect(() => validateTestCaseMeta({ ...meta, id: 'bad id', srv: 'x', severity: 7 as 1, bands: [] })).toThrow(
      /READ-X|bad id.*srv "x".*bands is empty.*severity 7/s,
    );
    expect(validateTestCaseMeta(meta)).toBe(meta);
  });

  it('accepts srv NA for an alert no service request causes', () => {
    const alert = { ...meta, id: 'ALERT-X', useCase: 'GNCA', srv: 'NA' };
    expect(validateTestCaseMeta(alert)).toBe(alert);
  });
});

describe('what fails an attempt', () => {
  it('is the thrown error, else the soft assertions recorded during it, else nothing', () => {
    const thrown = new Error('thrown');
    expect(attemptFailure(thrown, [{ message: 'soft' }])).toBe(thrown);
    expect(attemptFailure(null, [])).toBeNull();
    expect((attemptFailure(null, [{ message: 'time 88 s off' }]) as Error).message).toBe('time 88 s off');
    expect((attemptFailure(null, [{ message: 'a' }, {}]) as Error).message).toBe('(1) a\n(2) soft assertion failed');
  });
});
