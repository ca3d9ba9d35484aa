// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * pino logger of the CLI: JSON lines to a file under out/logs (always), and warnings pretty on
 * stderr when it is a TTY. Keys, key material and credentials are redacted by path.
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
    { name, level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: undefined },
    pino.multistream(streams),
  );
}
