// SPDX-License-Identifier: GPL-3.0-or-later
/** The project's root folder (where package.json and vitest.config.ts are). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
