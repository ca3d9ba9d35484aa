// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultRtdsDir, rtdsAvailable, rtdsKeystoreDir } from '../protocol/gbcs/rtds.ts';
import { gbcsVerifyCommand, renderVerifyReport, type GbcsVerifyReport } from './gbcs-verify-command.ts';
import { capture, resetExitCodeAfterEach, runDit } from './gbcs-test-support.ts';

resetExitCodeAfterEach();

const work = mkdtempSync(join(tmpdir(), 'dit-gbcs-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dit gbcs verify: input errors', () => {
  it('exits 2 naming the path and DIT_RTDS_DIR when the folder is missing, without a stack trace', async () => {
    const missing = join(work, 'no-such-rtds');
    const run = await runDit(['gbcs', 'verify', '--rtds', missing]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toContain('DIT_RTDS_DIR');
    expect(run.stderr).toContain('does not exist');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the folder holds no RTDS-* messages, and when DIT_RTDS_DIR points nowhere', async () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    const run = await runDit(['gbcs', 'verify', '--rtds', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no RTDS-\* folder inside/);

    vi.stubEnv('DIT_RTDS_DIR', join(work, 'nowhere'));
    try {
      const env = await runDit(['gbcs', 'verify', '--json']);
      expect(env.code).toBe(2);
      expect(env.stderr).toContain('$DIT_RTDS_DIR');
      expect(env.stderr).toContain(join(work, 'nowhere'));
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('dit gbcs verify: the human report', () => {
  const base: GbcsVerifyReport = {
    rtdsDir: '/rtds',
    ok: false,
    elapsedMs: 1234,
    total: 3,
    decoded: 2,
    errors: 1,
    mac: { valid: 1, invalid: 1, absent: 0, uncheckable: 0 },
    signature: { valid: 0, invalid: 0, absent: 2, uncheckable: 0 },
    roundTrip: { equal: 2, different: 0 },
    typedRoundTrip: { equal: 1, different: 0, notImplemented: 1 },
    typedRoundTripByUseCase: [{ useCase: 'ECS17b', equal: 1, different: 0 }],
    failures: [
      { file: 'RTDS-4.5.0/a/A_1_COMMAND_GBCS.HEX', reason: 'decode: GBCS decode error at byte 3' },
      { file: 'RTDS-4.5.0/b/B_1_RESPONSE_GBCS.HEX', reason: 'MAC does not verify' },
    ],
    knownExceptions: { count: 0, byReason: [], list: [] },
    uncheckable: { count: 0, byReason: [], list: [] },
  };

  it('shows the counts as a table, each failing file with its reason, and the elapsed time', () => {
    const text = renderVerifyReport(base);
    expect(text).toMatch(/decode +2 +1/);
    expect(text).toMatch(/MAC +1 +1 +0 uncheckable, 0 absent/);
    expect(text).toMatch(/typed payload round trip +1 +0 +1 no typed codec yet/);
    expect(text).toContain('RTDS-4.5.0/b/B_1_RESPONSE_GBCS.HEX: MAC does not verify');
    expect(text).toContain('FAIL: 2/3 decoded, 2 failures in 1.23 s');
  });
});

const RTDS = defaultRtdsDir();

describe.skipIf(!rtdsAvailable())('dit gbcs verify on the RTDS folder (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  it('decodes and verifies all 1,275 messages and exits 0', async () => {
    const io = capture();
    const code = await gbcsVerifyCommand({ json: true }, io);
    const report = JSON.parse(io.stdout) as GbcsVerifyReport & { mac: Record<string, number> };
    expect(report.failures).toEqual([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, total: 1275, decoded: 1275, errors: 0, roundTrip: { equal: 1275, different: 0 } });
    expect(report.mac).toMatchObject({ invalid: 0, uncheckable: 4 });
    expect(report.signature).toMatchObject({ valid: 472, invalid: 0, absent: 803 });
    expect(report.typedRoundTrip.different).toBe(0);
    expect(report.typedRoundTrip.equal).toBeGreaterThanOrEqual(6); // ECS17b's six messages at least
    expect(report.typedRoundTrip.equal + report.typedRoundTrip.notImplemented).toBe(1275);
    expect(report.knownExceptions.count).toBe(67);
    expect(report.uncheckable.byReason.map((g) => g.count).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('prints a PASS table for people', async () => {
    const io = capture();
    expect(await gbcsVerifyCommand({ rtds: RTDS }, io)).toBe(0);
    expect(io.stdout).toMatch(/decode +1275 +0/);
    expect(io.stdout).toMatch(/frame round trip +1275 +0/);
    expect(io.stdout).toContain('known exceptions: 67');
    expect(io.stdout).toContain('failures: none');
    expect(io.stdout).toMatch(/PASS: 1275\/1275 decoded, 0 failures in \d+\.\d\d s/);
  });

  it('exits 1 and names the file when a message has a flipped MAC byte', async () => {
    const dir = mkdtempSync(join(work, 'rtds-'));
    const folder = join(dir, 'RTDS-4.5.0', '4.1.1_ECS17b');
    mkdirSync(folder, { recursive: true });
    symlinkSync(rtdsKeystoreDir(RTDS), join(dir, 'keystore'));
    const name = 'ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX';
    const hex = readFileSync(join(RTDS, 'RTDS-4.5.0', '4.1.1_ECS17b', name), 'utf8').trim();
    writeFileSync(join(folder, name), `${hex.slice(0, -2)}${(Number.parseInt(hex.slice(-2), 16) ^ 1).toString(16).padStart(2, '0').toUpperCase()}\n`);

    const io = capture();
    expect(await gbcsVerifyCommand({ rtds: dir, json: true }, io)).toBe(1);
    const report = JSON.parse(io.stdout) as GbcsVerifyReport;
    expect(report).toMatchObject({ ok: false, total: 1, decoded: 1, mac: { invalid: 1 } });
    expect(report.failures).toEqual([{ file: `RTDS-4.5.0/4.1.1_ECS17b/${name}`, reason: 'MAC does not verify' }]);
  });
});
