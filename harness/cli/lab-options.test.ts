// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labConfigOf, parseReceiver } from './lab-options.ts';

describe('--target lab options', () => {
  it('reads HOST:PORT and an advertised URL for the receiver', () => {
    expect(parseReceiver('0.0.0.0:9000')).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(parseReceiver('0.0.0.0:9000=http://harness.lab:9000/dit/duis-receiver')).toEqual({ host: '0.0.0.0', port: 9000, advertisedUrl: 'http://harness.lab:9000/dit/duis-receiver' });
  });

  it('refuses a malformed receiver, user or keystore, naming the option and what it expected', () => {
    expect(() => parseReceiver('9000')).toThrow(/--receiver "9000": expected HOST:PORT/);
    expect(() => parseReceiver('h:70000')).toThrow(/port 1..65535/);
    expect(() => parseReceiver('h:1=ftp://x')).toThrow(/http\(s\) URL/);
    const keystore = mkdtempSync(join(tmpdir(), 'dit-keystore-'));
    expect(() => labConfigOf({ keystore, user: 'nope' })).toThrow(/--user "nope": expected an EUI-64/);
    expect(() => labConfigOf({ keystore: join(keystore, 'missing') })).toThrow(/--keystore .*no such folder/);
    expect(labConfigOf({ keystore, user: '90-B3-D5-1F-30-01-00-00' })).toMatchObject({ user: '90B3D51F30010000', receiver: { host: '127.0.0.1', port: 8081 } });
  });
});
