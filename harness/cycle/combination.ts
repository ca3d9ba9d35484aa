// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A combination: one comms hub firmware × one meter model and firmware × one band. The unit a
 * DIT result is about.
 */
import type { Band } from '../dit/test-case-meta.ts';

export interface Combination {
  readonly commsHub: { readonly vendor: string; readonly firmware: string };
  readonly meter: {
    readonly manufacturer: string;
    readonly model: string;
    readonly firmware: string;
    readonly type: 'ESME' | 'GSME';
  };
  readonly band: Band;
}

/** A stable, human-readable key: `TOSH 12.26 × MM1 E470 1.4 (ESME) @ 2.4GHz`. */
export function combinationKey(c: Combination): string {
  return `${c.commsHub.vendor} ${c.commsHub.firmware} × ${c.meter.manufacturer} ${c.meter.model} ${c.meter.firmware} (${c.meter.type}) @ ${c.band}`;
}
