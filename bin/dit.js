#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// The `dit` command: registers tsx in this process and runs the CLI from its TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('../harness/cli/entry.ts');
