// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { findTemplate, loadTemplateCatalogue, TemplateLookupError } from './templates.ts';

describe('DUIS template catalogue', () => {
  it('loads the 264 RTDS templates once and shares them', async () => {
    const a = await loadTemplateCatalogue();
    const b = await loadTemplateCatalogue();
    expect(a).toBe(b);
    expect(a.size).toBe(264);
    expect(a.keys()).toContain('CCS01_8.11');
  });

  it('finds exact keys with their SRV, use case, variant and command variant', async () => {
    const t = await findTemplate('ECS17b_4.1.1_SINGLE');
    expect(t).toMatchObject({ key: 'ECS17b_4.1.1_SINGLE', srv: '4.1.1', useCase: 'ECS17b', variant: 'SINGLE', commandVariant: 1 });
    expect(t.rtdsRequestId).toBe('90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000');
    expect((await findTemplate('ECS52_11.2')).srv).toBe('11.2');
    expect((await findTemplate('CCS01_8.11')).useCase).toBe('CCS01');
  });

  it('prefers an exact key over longer keys it prefixes', async () => {
    const t = await findTemplate('ECS17b_4.1.1');
    expect(t.key).toBe('ECS17b_4.1.1');
    expect(t.commandVariant).toBe(2);
  });

  it('accepts another case and an unambiguous prefix', async () => {
    expect((await findTemplate('ecs52_11.2')).key).toBe('ECS52_11.2');
    expect((await findTemplate('GCS38')).key).toBe('GCS38_11.2');
    expect((await findTemplate('GCS13a_4.1.1_RELIABLE_GS')).key).toBe('GCS13a_4.1.1_RELIABLE_GSME');
  });

  it('refuses an ambiguous prefix, listing what it matches', async () => {
    const err = await findTemplate('GCS13a_4.1.1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemplateLookupError);
    const e = err as TemplateLookupError;
    expect(e.ambiguous).toBe(true);
    expect(e.candidates).toEqual(['GCS13a_4.1.1_RELIABLE_GPF', 'GCS13a_4.1.1_RELIABLE_GSME', 'GCS13a_4.1.1_UNRELIABLE']);
    expect(e.message).toContain('ambiguous');
  });

  it('refuses an unknown key, listing close matches', async () => {
    const err = (await findTemplate('ECS52_11.3').catch((e: unknown) => e)) as TemplateLookupError;
    expect(err).toBeInstanceOf(TemplateLookupError);
    expect(err.ambiguous).toBe(false);
    expect(err.candidates).toContain('ECS52_11.2');
    expect(err.message).toMatch(/no DUIS template "ECS52_11.3"; close matches: .*ECS52_11.2/);
  });

  it('groups templates by SRV and by use case', async () => {
    const c = await loadTemplateCatalogue();
    expect(c.forUseCase('GCS13a').map((t) => t.key)).toHaveLength(3);
    expect(c.forSrv('11.2').map((t) => t.useCase)).toEqual(expect.arrayContaining(['ECS52', 'GCS38']));
    expect(c.forSrv('6.28').map((t) => t.key)).toEqual(['DBCH04_6.28']);
  });
});
