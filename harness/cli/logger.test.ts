// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../protocol/gbcs/hex.ts';
import { deriveParty } from '../protocol/gbcs/keys.ts';
import { createLogger, redactSecrets } from './logger.ts';

describe('CLI logger: no keys or credentials in the log', () => {
  it('redacts fields named like secrets at any depth, keeps the rest', () => {
    expect(redactSecrets({ a: { b: { c: { d: { privateKey: 'x', publicKey: 'p' } } } }, headers: { Authorization: 'Basic x' }, n: 1 })).toEqual({
      a: { b: { c: { d: { privateKey: '[redacted]', publicKey: 'p' } } } },
      headers: { Authorization: '[redacted]' },
      n: 1,
    });
  });

  it('writes no private key material when a party key set is logged, however deep', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dit-log-'));
    try {
      const party = deriveParty('log-test', '00DB1234567890A0');
      const log = createLogger(dir, 'redaction');
      log.info({ world: { premises: { esme: { keys: { ds: { privateKey: bytesToHex(party.ds.privateKey!) }, ka: party.ka } } } } }, 'a deep key');
      log.info({ password: 'hunter2', localKaPrivate: bytesToHex(party.ka.privateKey!) }, 'credentials');
      log.flush();
      const text = readFileSync(join(dir, 'logs', 'redaction.log'), 'utf8');
      expect(text).toContain('a deep key');
      for (const secret of [bytesToHex(party.ds.privateKey!), bytesToHex(party.ka.privateKey!), 'hunter2']) expect(text.toUpperCase()).not.toContain(secret.toUpperCase());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
