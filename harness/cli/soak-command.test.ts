// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { runDit as dit } from './testing/run-dit.ts';

const dir = mkdtempSync(join(tmpdir(), 'dit-soak-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

describe('dit soak', () => {
  it('runs a day deterministically: the same seed writes the same trace byte for byte, another seed another', async () => {
    const first = await dit(['soak', '--days', '1', '--seed', 'soak-test', '--trace', join(dir, 'a.jsonl'), '--json']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const again = await dit(['soak', '--days', '1', '--seed', 'soak-test', '--trace', join(dir, 'b.jsonl')]);
    expect(again.code).toBe(0);
    const other = await dit(['soak', '--days', '1', '--seed', 'soak-test-2', '--trace', join(dir, 'c.jsonl')]);
    expect(other.code).toBe(0);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => readFileSync(join(dir, `${n}.jsonl`)));
    expect(a!.equals(b!), 'same seed, same bytes').toBe(true);
    expect(a!.equals(c!), 'another seed, another trace').toBe(false);

    const lines = a!.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.every((l) => typeof l.t === 'string' && typeof l.dir === 'string' && typeof l.event === 'string')).toBe(true);
    expect(lines.filter((l) => l.event === 'device-alert').map((l) => l.alert)).toEqual(expect.arrayContaining(['8F26', '8F43', '8F35', '8F36']));
    expect(lines.some((l) => l.event === 'finding')).toBe(false);

    const report = JSON.parse(first.out);
    expect(report).toMatchObject({ passed: true, days: 1, missingAlerts: [], findings: [], errors: { total: 0 } });
    expect(report.alerts.byCode).toMatchObject({ '8F26': 1, '8F43': 1, '8F35': 1, '8F36': 1 });
    expect(report.requests.total).toBe(lines.filter((l) => l.event === 'request').length);
    expect(report.responses.total).toBe(report.answers.byCode.I99);
    // reads every 30 minutes to the ESME and the GPF, the GSME now and then
    expect(report.requests.bySrv['4.1.1']).toBeGreaterThanOrEqual(2 * 48);
    expect(report.dutyCyclePeaks.map((p: { role: string }) => p.role)).toEqual(['CHF', 'ESME', 'GSME']);
    const hub = report.dutyCyclePeaks[0];
    expect(hub.peakPercent, "the hub's peak: firmware blocks keep it just below Limited (1.3 %)").toBeGreaterThan(1);
    expect(hub.peakPercent).toBeLessThan(1.3);
    expect(report.scenarios.firmwareUpdate.readBack).toBe(report.scenarios.firmwareUpdate.versionOctets);
    expect(report.virtualEnd).toBe('2019-04-13T09:00:00.000Z');

    expect(again.out).toMatch(/^soak: 1 day\(s\), seed soak-test: 2019-04-12T09:00:00.000Z → 2019-04-13T09:00:00.000Z \(24\.0 h virtual\) in [\d.]+ s wall$/m);
    expect(again.out).toMatch(/^alerts: \d+ \(.*8F26 ×1.*\)$/m);
    expect(again.out).toMatch(/^peak duty cycle: CHF 00DB1234567890A2 [\d.]+ %, ESME 00DB1234567890A0 none on 2\.4GHz, GSME 00DB1234567890A1 [\d.]+ %$/m);
    expect(again.out).toMatch(/^passed: /m);
  });

  it('exits 1 saying what went wrong when the premises does not answer in time', async () => {
    // TOSH 12.25 (withdrawn): drops the GSME's GCS13a and GCS38 responses, breaks the GPF's MACs
    const premises = loadPremisesSpec();
    const faulty = join(dir, 'tosh.json');
    writeFileSync(faulty, JSON.stringify({ ...premises, commsHub: { ...premises.commsHub, vendorId: 'TOSH', releaseId: 'TOSH-12.25' } }));
    const { code, out } = await dit(['soak', '--days', '1', '--seed', 'soak-test', '--premises', faulty, '--trace', join(dir, 'tosh.jsonl')]);
    expect(code).toBe(1);
    expect(out).toMatch(/^FAILED: \d+ finding\(s\):$/m);
    expect(out).toMatch(/no response to SRV 4\.1\.1 \(GCS13a\) to 00DB1234567890A1, .* within its 61 min window/);
    expect(out).toMatch(/from 00DB1234567890A3: GCS13a with MAC invalid/);
    expect(out).not.toMatch(/^passed/m);
  });

  it.each([
    [['--days', '0'], /--days must be a positive integer, got "0"/],
    [['--days', 'seven'], /--days must be a positive integer/],
    [['--days', '367'], /--days must be a whole number of days from 1 to 366, got 367/],
    [['--trace', '/proc/no-such-folder/trace.jsonl'], /--trace \/proc\/no-such-folder\/trace\.jsonl: cannot write the trace there \(ENOENT/],
    [['--trace', '.'], /--trace \.: cannot write the trace there \(EISDIR/],
    [['--premises', '/no/such/premises.json'], /cannot read the premises description/],
    [['--seed', ''], /--seed must not be empty/],
  ])('refuses bad arguments with one line and exit 2: %j', async (args, message) => {
    const { code, err } = await dit(['soak', '--days', '1', ...args]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
