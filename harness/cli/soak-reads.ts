// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The soak's routine: every 30 minutes, SRV 4.1.1 to the ESME (ECS17b) and to the GPF (GCS13a
 * from the GSME mirror, without waking the meter), and now and then (the plan's slots) 4.1.1 to
 * the GSME itself (GCS13a, answered at its next wake). It waits for none of them: each response
 * is checked against its window as it arrives (soak-response-windows.ts), so the reads keep their
 * pace while a channel change or a firmware update is under way.
 */
import type { SoakContext } from './soak-session.ts';
import type { SoakDevices } from './soak-devices.ts';
import type { SoakPlan } from './soak-plan.ts';

/** Mains-powered devices (the ESME through the CHF, the GPF from its mirror) answer within a minute (the read suites' window). */
export const MAINS_WINDOW_MS = 60_000;

/** A GSME read directly is answered at a wake: two wake intervals and a minute [P: as `dit duis send --all` allows a sleepy device]. */
export function gsmeReadWindowMs(devices: SoakDevices): number {
  return 2 * devices.wakeMs + 60_000;
}

export async function soakReads(soak: SoakContext, plan: SoakPlan, devices: SoakDevices): Promise<void> {
  for (const [slot, at] of plan.slots.entries()) {
    await soak.until(at);
    await soak.send('ECS17b_4.1.1_SINGLE', { target: devices.esme, within: MAINS_WINDOW_MS });
    await soak.send('GCS13a_4.1.1_RELIABLE_GPF', { target: devices.gpf, within: MAINS_WINDOW_MS });
    if (plan.gsmeDirectReads.has(slot)) await soak.send('GCS13a_4.1.1_RELIABLE_GSME', { target: devices.gsme, within: gsmeReadWindowMs(devices) });
  }
  // the world goes on to the end of the last day (the GSME waking, the hub's duty cycle falling)
  await soak.until(plan.endMs);
}
