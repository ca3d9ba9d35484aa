// SPDX-License-Identifier: GPL-3.0-or-later
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROFILES_DIR_ENV } from '../../emulators/firmware/profile-loader.ts';
import { main } from './main.ts';
import { PROJECT_ROOT } from './project-root.ts';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('dit CLI', () => {
  it('prints help with every command and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    for (const c of ['run', 'emulate', 'gbcs', 'duis', 'ledger']) expect(out).toContain(c);
  });

  it('describes every option of run', async () => {
    expect(await main(['run', '--help'])).toBe(0);
    for (const o of ['--target', '--url', '--seed', '--ledger', '--allure-dir', '--no-report', '--at']) expect(out).toContain(o);
  });

  it('answers an unknown option or command with exit 2 and no stack trace', async () => {
    expect(await main(['run', '--frobnicate'])).toBe(2);
    expect(err).toMatch(/unknown option '--frobnicate'/);
    expect(await main(['nonsense'])).toBe(2);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad target and a date that does not exist', async () => {
    expect(await main(['run', '--target', 'moon'])).toBe(2);
    expect(err).toMatch(/Allowed choices are emulated, loopback/);
    expect(await main(['run', '--at', '2019-02-30'])).toBe(2);
    expect(err).toMatch(/--at: 2019-02-30 does not exist/);
  });

  it('refuses a programme folder that does not exist with one line, no stack trace', async () => {
    expect(await main(['plan', '--programme', '/nonexistent-programme'])).toBe(2);
    expect(err).toMatch(/\/nonexistent-programme is not a programme folder/);
    expect(err).not.toMatch(/internal error|\n\s+at /);
  });

  it('refuses a ledger file of random bytes, leaving it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dit-cli-'));
    const file = join(dir, 'random.db');
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));
    writeFileSync(file, bytes);
    expect(await main(['ledger', 'check', '--ledger', file])).toBe(2);
    expect(err).toContain(file);
    expect(err).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a firmware profile with an unknown field before running: the file, the place in it and what is expected, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dit-cli-'));
    const profiles = join(dir, 'profiles');
    cpSync(join(PROJECT_ROOT, 'fixtures/profiles'), profiles, { recursive: true });
    const file = join(profiles, 'WNC-DBCH-1.9.json');
    const profile = JSON.parse(readFileSync(file, 'utf8')) as { faults: Array<Record<string, unknown>> };
    profile.faults[0]!['delayMS'] = 5;
    writeFileSync(file, JSON.stringify(profile));
    process.env[PROFILES_DIR_ENV] = profiles;
    try {
      expect(await main(['run', '--ledger', join(dir, 'l.db'), '--no-report'])).toBe(2);
    } finally {
      delete process.env[PROFILES_DIR_ENV];
    }
    expect(err).toContain(`${file}: faults[0]: unknown field "delayMS" (a typo? unknown fields are refused`);
    expect(err).toMatch(/expected here: id, description, .*, primitive, direction, delayMs\n/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('refuses a broken --dcc-faults schedule naming the file and the path, on either target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dit-cli-'));
    const file = join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify({ incidents: [{ id: 'lb', kind: 'http-error', status: 404, description: 'x' }] }));
    expect(await main(['run', '--dcc-faults', file, '--ledger', join(dir, 'l.db'), '--no-report'])).toBe(2);
    expect(err).toContain(`${file}: not a valid DCC edge fault schedule`);
    expect(err).toMatch(/incidents\[0\]\.status/);
    expect(err).not.toMatch(/\n\s+at /);
    err = '';
    expect(await main(['run', '--target', 'loopback', '--dcc-faults', file, '--ledger', join(dir, 'l.db'), '--no-report'])).toBe(2);
    expect(err).toContain(`${file}: not a valid DCC edge fault schedule`);
  });
});
