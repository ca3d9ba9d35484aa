// SPDX-License-Identifier: GPL-3.0-or-later
// Process entry of `dit` (bin/dit.js and `npm run dit` land here).
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
