// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated DCC a `--target loopback` run talks to when no `--url` is given: the world
 * server on an ephemeral 127.0.0.1 port, for the life of the run.
 */
import { startWorldServer } from '../../emulators/dcc/world-server.ts';

export async function startLoopbackDcc(): Promise<{ url: string; close(): Promise<void> }> {
  return startWorldServer({ host: '127.0.0.1', port: 0 });
}
