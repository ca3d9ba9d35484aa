// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../protocol/gbcs/rtds.ts';
import { DEFAULT_PREMISES_FILE, loadPremisesSpec } from '../programme/premises-spec.ts';
import { loadTemplateCatalogue } from '../protocol/duis/templates.ts';
import { rtdsAvailable } from '../protocol/gbcs/rtds.ts';
import { emulatedUseCases } from '../../emulators/dcc/srv-transforms.ts';
import { duisSendAllCommand } from './duis-send-command.ts';
import { main } from './main.ts';
import { decideImplemented, formatSweep, runDuisSweep, sweepPassed, type SweepResult } from './duis-send-all.ts';

const premises = loadPremisesSpec(DEFAULT_PREMISES_FILE);

let sweep: Promise<SweepResult> | undefined;
const fullSweep = () => (sweep ??= runDuisSweep({ target: 'emulated', seed: 'dit', premises, premisesFile: DEFAULT_PREMISES_FILE }));

describe('dit duis send --all (the sweep, in process)', () => {
  it('has one row per loaded template; every implemented one is answered with a decodable response', async () => {
    const result = await fullSweep();
    const catalogue = await loadTemplateCatalogue();
    expect(result.rows.map((r) => r.template)).toEqual([...catalogue.keys()]);
    const implemented = result.rows.filter((r) => r.implemented);
    // an implemented row is a row of the emulators' transform table (11.2 → CHF has no template)
    const table = new Set(emulatedUseCases().map((u) => `${u.srv}/${u.targetType}/${u.useCase.toLowerCase()}`));
    expect(implemented.length).toBeGreaterThan(0);
    // 8.13 is a non-device service: its row stands for the local delivery behind it
    for (const r of implemented.filter((x) => x.srv !== '8.13')) expect(table).toContain(`${r.srv}/${r.targetType}/${r.useCase?.toLowerCase()}`);
    for (const r of implemented) {
      expect({ template: r.template, answered: r.answered, decodable: r.decodable, reason: r.reason }).toEqual({ template: r.template, answered: true, decodable: true, reason: null });
      // a response given back to local delivery is no DUIS message
      expect(r.responseCode).toBe(r.commandVariant === 2 || r.srv === '8.13' ? null : 'I0');
      expect(r.elapsedMs).toBeLessThanOrEqual(result.windowMs);
    }
    expect(sweepPassed(result.rows)).toBe(true);
    expect(result.wallMs).toBeLessThan(20_000);
  }, 30_000);

  it('gives every unimplemented template a reason and sends none of them', async () => {
    const result = await fullSweep();
    const others = result.rows.filter((r) => !r.implemented);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      expect(r.reason, r.template).toMatch(/\S/);
      expect([r.answered, r.decodable, r.rtdsShape, r.ackCode]).toEqual([false, false, null, null]);
    }
    const reasonOf = (key: string) => result.rows.find((r) => r.template === key)?.reason;
    expect(reasonOf('ECS01b_1.2.1_IMMEDIATE_BLOCK')).toMatch(/^SRV 1\.2\.1 \(critical\) not emulated yet/);
    expect(reasonOf('CS04ACNonCritical_8.8.2')).toMatch(/^target 00DB1234567890A4 is no device of the premises \(SRV 8\.8\.2 is emulated for GSME\)/);
    expect(reasonOf('8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL')).toMatch(/non-device SRV 8\.14\.1: answered by the DCC itself/);
  }, 30_000);

  it.runIf(rtdsAvailable())('compares each answered response with the RTDS response of the same use case', async () => {
    const result = await fullSweep();
    for (const r of result.rows.filter((x) => x.answered)) {
      expect({ template: r.template, rtdsShape: r.rtdsShape }, r.rtdsNote ?? '').toEqual({ template: r.template, rtdsShape: true });
    }
  }, 30_000);

  it('says the RTDS shape is not compared when the RTDS folder is absent', async () => {
    const result = await runDuisSweep({ target: 'emulated', seed: 'dit', premises, premisesFile: DEFAULT_PREMISES_FILE, rtdsDir: '/nonexistent/rtds', only: (k) => k === 'ECS52_11.2' });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ implemented: true, answered: true, decodable: true, rtdsShape: null });
    expect(result.rows[0]!.rtdsNote).toMatch(/RTDS folder absent/);
    expect(formatSweep(result)).toMatch(/RTDS shape not compared/);
  });

  it('a critical template is implemented when its transform is critical, and goes through CV 4 → CV 5', async () => {
    const catalogue = await loadTemplateCatalogue();
    expect(decideImplemented(catalogue.get('ECS70Commission_8.1.1'), premises)).toMatchObject({ implemented: true, targetType: 'ESME' });
    expect(decideImplemented(catalogue.get('GCS28Commission_8.1.1'), premises)).toMatchObject({ implemented: true, targetType: 'GSME' });
    expect(decideImplemented(catalogue.get('ECS70_6.11'), premises)).toMatchObject({ implemented: true, targetType: 'ESME' });
    expect(decideImplemented(catalogue.get('CS02c_6.17'), premises).reason).toMatch(/SRV 6.17 \(critical\) not emulated yet/);
    const result = await fullSweep();
    for (const template of ['ECS70Commission_8.1.1', 'GCS28Commission_8.1.1', 'ECS70_6.11', 'GCS28_6.11']) {
      const row = result.rows.find((r) => r.template === template);
      expect(row, template).toMatchObject({ implemented: true, answered: true, decodable: true, commandVariant: 4, ackCode: 'I99', responseCode: 'I0' });
    }
  });

  it('answers ECS17b_4.1.1 (CV 2) by local delivery, and 8.13 with the response of a CS06 delivered locally', async () => {
    const catalogue = await loadTemplateCatalogue();
    const returned = decideImplemented(catalogue.get('8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06'), premises, emulatedUseCases(), catalogue);
    expect(returned).toMatchObject({ implemented: true, targetType: null, preparation: { key: 'CS06_11.3_IMMEDIATE' } });
    // without the catalogue the local delivery behind it cannot be found
    expect(decideImplemented(catalogue.get('8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06'), premises).reason).toMatch(/^non-device SRV 8\.13: answered by the DCC itself/);
    // a local-delivery variant of a command the ACB originates is refused E17
    expect(decideImplemented({ ...catalogue.get('DBCH01_6.31'), commandVariant: 2 }, premises).reason).toMatch(/command variant 2 \(local delivery\) of DBCH01, which the ACB originates: the DCC answers E17/);
    const result = await fullSweep();
    expect(result.rows.find((r) => r.template === 'ECS17b_4.1.1')).toMatchObject({ implemented: true, answered: true, decodable: true, commandVariant: 2, ackCode: 'I0', responseCode: null });
    expect(result.rows.find((r) => r.template === '8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06')).toMatchObject({ implemented: true, answered: true, decodable: true, commandVariant: 8, ackCode: 'I99', responseCode: null });
    if (rtdsAvailable()) {
      expect(result.rows.find((r) => r.template === 'ECS17b_4.1.1')?.rtdsNote).toMatch(/like ECS17b_4\.1\.1_SINGLE_SUCCESS_RESPONSE/);
      expect(result.rows.find((r) => r.template === '8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06')?.rtdsNote).toMatch(/like CS06_11\.3_IMMEDIATE_SUCCESS_RESPONSE/);
    }
  }, 30_000);

  it("answers the 8.7.1 templates, whose OtherDeviceIDs are the premises' Type 1 devices; without them the DCC would answer E19", async () => {
    const catalogue = await loadTemplateCatalogue();
    const { type1Devices: _, ...without } = premises;
    for (const [template, targetType] of [['CS03A1_8.7.1', 'ESME'], ['CS03CCritical_8.7.1', 'GSME']] as const) {
      expect(decideImplemented(catalogue.get(template), premises)).toMatchObject({ implemented: true, targetType });
      expect(decideImplemented(catalogue.get(template), without).reason).toMatch(/^the body names a device the premises lacks, so the DCC answers E19: .*not in the DCC's inventory/);
    }
    const result = await fullSweep();
    for (const template of ['CS03A1_8.7.1', 'CS03CCritical_8.7.1']) {
      const row = result.rows.find((r) => r.template === template);
      expect(row, template).toMatchObject({ implemented: true, answered: true, decodable: true, reason: null, commandVariant: 4, ackCode: 'I99', responseCode: 'I0' });
      if (rtdsAvailable()) expect(row?.rtdsShape, row?.rtdsNote ?? '').toBe(true);
    }
  }, 30_000);

  it('marks a template not implemented when its target is no device of the premises', async () => {
    const catalogue = await loadTemplateCatalogue();
    const decision = decideImplemented(catalogue.get('ECS52_11.2'), { ...premises, meters: premises.meters.filter((m) => m.type !== 'ESME') });
    expect(decision).toMatchObject({ implemented: false, targetType: null });
    expect(decision.reason).toMatch(/is no device of the premises/);
  });

  it('prints the array with --json and a grouped table otherwise (exit 0)', async () => {
    let text = '';
    const out = { write: (s: string) => (text += s) };
    // the CLI path: same premises and seed, only the JSON output is checked here
    expect(await duisSendAllCommand({ target: 'emulated', seed: 'dit', premises: DEFAULT_PREMISES_FILE, json: true }, out)).toBe(0);
    const rows = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(rows.length).toBe((await loadTemplateCatalogue()).size);
    for (const r of rows) expect(Object.keys(r).slice(0, 5)).toEqual(['template', 'implemented', 'answered', 'decodable', 'reason']);
    const human = formatSweep(await fullSweep());
    expect(human).toMatch(/^implemented \(\d+\):/);
    expect(human).toMatch(/\nnot implemented \(\d+\):/);
    expect(human).toMatch(/\d+ templates: \d+ implemented, \d+ answered, \d+ decodable/);
  }, 30_000);

  it('the README lists every implemented SRV → device → use case of the transform table', () => {
    const readme = readFileSync(`${projectRoot()}/README.md`, 'utf8');
    const start = readme.indexOf('### Implemented use cases');
    const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
    const listed = new Set(
      [...section.matchAll(/^\| ([\d.]+) \| [^|]+ \| (\w+) \| (\w+)/gm)].map((m) => `${m[1]}/${m[2]}/${m[3]}`),
    );
    expect(listed).toEqual(new Set(emulatedUseCases().map((u) => `${u.srv}/${u.targetType}/${u.useCase}`)));
  });

  it('dit duis send without a template and without --all is a usage error (exit 2)', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => ((err += String(t)), true));
    try {
      expect(await main(['duis', 'send'])).toBe(2);
      expect(err).toMatch(/needs a TEMPLATE .* or --all/);
      err = '';
      expect(await main(['duis', 'send', 'ECS52_11.2', '--all'])).toBe(2);
      expect(err).toMatch(/a template or --all, not both/);
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
  });
});
