// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Setup file of the `dit` vitest project, part of the composition root: it registers the
 * factory that builds a DIT target for each execution — an emulated world in process behind
 * msw, or a world on the loopback emulated DCC over real HTTP. Suites see only the result.
 */
import { registerTargetFactory } from '../dit/dit-target.ts';
import { createTarget } from './targets.ts';

registerTargetFactory(createTarget);
