// SPDX-License-Identifier: GPL-3.0-or-later
// Process entry of `dit` (bin/dit.js and `npm run dit` land here).
import { main } from './main.ts';

// `dit ... | head` closes the pipe early: that is the reader's choice, not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv.slice(2));
