// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * pino logger of the CLI: JSON lines to a file under out/logs (always), and warnings pretty on
 * stderr when it is a TTY. Keys, key material and credentials are redacted by path, and at any
 * depth by name (redactSecrets: a field whose name says private, password, secret,
 * authorization, credential or token), so a key pair logged inside a bigger object is caught too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export const REDACTED_PATHS = [
  'privateKey',
  '*.privateKey',
  '*.*.privateKey',
  'dsPrivateKey',
  '*.dsPrivateKey',
  'localKaPrivate',
  '*.localKaPrivate',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

const SECRET_NAME = /private|password|secret|authorization|credential|token/i;

/** `value` with every field named like a secret replaced by "[redacted]", at any depth (errors and byte arrays as they are). */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 12 || value instanceof Error || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_NAME.test(k) ? '[redacted]' : redactSecrets(v, depth + 1);
  return out;
}

export function createLogger(outDir: string, name = 'dit'): Logger {
  const dir = join(outDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.log`);
  const streams: pino.StreamEntry[] = [{ level: 'debug', stream: pino.destination({ dest: file, sync: true }) }];
  if (process.stderr.isTTY) {
    streams.push({
      level: 'warn',
      stream: pino.transport({ target: 'pino-pretty', options: { destination: 2, colorize: true } }) as pino.DestinationStream,
    });
  }
  return pino(
    {
      name,
      level: 'debug',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
      base: undefined,
    },
    pino.multistream(streams),
  );
}
