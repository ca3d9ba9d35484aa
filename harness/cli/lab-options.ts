// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The `--target lab` options of `dit run`, checked and turned into the run's LabConfig:
 * `--keystore DIR` (RTDS keystore layout; default the RTDS folder's keystore, the test PKI DCC
 * Boxed runs on), `--user EUI` (default the RTDS supplier, whose private keys that keystore
 * holds) and `--receiver HOST:PORT[=URL]` (where this process listens for the DCC's asynchronous
 * responses and alerts, and, after `=`, the URL the DCC must use when it differs; default
 * 127.0.0.1:8081).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LabConfig } from '../dit/run-config.ts';
import { rtdsKeystoreDir } from '../protocol/gbcs/rtds.ts';
import { SERVICE_USER_EUI } from './targets.ts';
import { UserError } from './user-error.ts';

export const DEFAULT_LAB_RECEIVER = '127.0.0.1:8081';

export function labConfigOf(opts: { keystore?: string; user?: string; receiver?: string }): LabConfig {
  const keystore = resolve(opts.keystore ?? rtdsKeystoreDir());
  if (!existsSync(keystore) || !statSync(keystore).isDirectory()) {
    throw new UserError(`--keystore ${keystore}: no such folder; expected a keystore in the RTDS layout (<eui>-ds.key, <eui>-ka.key, <eui>-ds.pem …)`);
  }
  const user = (opts.user ?? SERVICE_USER_EUI).replace(/-/g, '').toUpperCase();
  if (!/^[0-9A-F]{16}$/.test(user)) throw new UserError(`--user "${opts.user}": expected an EUI-64, 16 hex digits (dashes allowed)`);
  return { keystore, user, receiver: parseReceiver(opts.receiver ?? DEFAULT_LAB_RECEIVER) };
}

export function parseReceiver(text: string): LabConfig['receiver'] {
  const [address = '', advertisedUrl] = text.split('=', 2);
  const m = /^([^:]+):(\d{1,5})$/.exec(address);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) throw new UserError(`--receiver "${text}": expected HOST:PORT (port 1..65535), optionally =URL the DCC posts to`);
  if (advertisedUrl !== undefined && !/^https?:\/\/[^/]+/.test(advertisedUrl)) throw new UserError(`--receiver "${text}": after "=" expected the http(s) URL the DCC posts to`);
  return { host: m[1] as string, port, ...(advertisedUrl ? { advertisedUrl } : {}) };
}
