// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit emulate`: serves the emulated DCC over HTTP until interrupted. The root serves one
 * default world in the DCC Boxed shape (POST /api/v1/serviceS, /serviceT, /serviceD, its
 * asynchronous responses POSTed to --receiver); `POST /worlds` creates isolated worlds, as
 * `dit run --target loopback --url` does for each execution.
 */
import { resolve } from 'node:path';
import { startWorldServer } from '../../emulators/dcc/world-server.ts';
import { worldStartMs } from '../dit/run-config.ts';
import { loadPremisesSpec } from '../programme/premises-spec.ts';
import { parseProgrammeDate } from '../programme/programme-date.ts';
import { createLogger } from './logger.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { EXIT, UserError } from './user-error.ts';

export interface EmulateOptions {
  port: number;
  host: string;
  allowNonLoopback?: boolean;
  seed: string;
  premises: string;
  receiver?: string;
  at?: string;
  acceptUnsigned?: boolean;
}

export async function emulateCommand(opts: EmulateOptions): Promise<number> {
  if (opts.receiver && !/^https?:\/\/[^/]+/.test(opts.receiver)) throw new UserError(`--receiver "${opts.receiver}" is not an http(s) URL`);
  // the programme date the world starts at: checked before anything is served
  const startMs = worldStartMs(parseProgrammeDate(opts.at ?? '2019-04-12', '--at'));
  const premises = loadPremisesSpec(resolve(opts.premises));
  const log = createLogger(`${PROJECT_ROOT}/out`, 'dit-emulate');
  let server: Awaited<ReturnType<typeof startWorldServer>>;
  try {
    server = await startWorldServer({
      host: opts.host,
      port: opts.port,
      allowNonLoopback: Boolean(opts.allowNonLoopback),
      defaultWorld: {
        seed: opts.seed,
        startMs,
        premises,
        ...(opts.receiver ? { receiverUrl: opts.receiver } : {}),
        ...(opts.acceptUnsigned ? { acceptUnsigned: true } : {}),
      },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UserError(`port ${opts.port} on ${opts.host} is already in use: choose another with --port`);
    if (err.name === 'NonLoopbackHostError') {
      throw new UserError(`--host ${opts.host}: not a loopback address (127.0.0.0/8, ::1, localhost); the emulated DCC serves this machine only unless --allow-non-loopback is given`);
    }
    throw e;
  }
  log.info({ url: server.url, seed: opts.seed }, 'emulated DCC listening');
  process.stdout.write(
    [
      `emulated DCC listening on ${server.url} (seed "${opts.seed}")`,
      `  DUIS:      POST ${server.url}/api/v1/serviceS | /serviceT | /serviceD`,
      `  signature: ${opts.acceptUnsigned ? 'unsigned DUIS requests accepted (--accept-unsigned); a broken XML signature is refused (E9004)' : "every DUIS request must carry the originator's XML signature (else E9004; --accept-unsigned relaxes it)"}`,
      `  receiver:  ${opts.receiver ?? `not set: POST ${server.url}/dit/receiver {"url": "..."}`}`,
      `  bench:     ${server.url}/bench/{now,advance,supply,battery,radio}`,
      `  worlds:    POST ${server.url}/worlds (one isolated premises each; used by dit run --target loopback --url ${server.url})`,
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  process.stdout.write('emulated DCC stopped\n');
  return EXIT.ok;
}
