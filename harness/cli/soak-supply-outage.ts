// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The soak's supply outage: the Bench cuts the ESME's mains for the plan's 5–15 minutes and
 * restores it; the user must then receive the supply-restored alerts, 0x8F35 (to the supplier)
 * and 0x8F36 (ECS80, to the network operator, relayed), within a minute of the restoration
 * (suites/alerts.dit.ts checks their fields).
 */
import type { SoakContext } from './soak-session.ts';
import type { SoakDevices } from './soak-devices.ts';

const SCENARIO = 'supply-outage';
/** A device alert reaches the user within a minute of its event. */
const ALERT_WINDOW_MS = 60_000;

export interface SupplyOutageOutcome {
  readonly offAt: number;
  readonly onAt: number;
  /** When 0x8F35 and 0x8F36 arrived (null: not within their window). */
  readonly supplyRestoredAt: number | null;
  readonly outageRestoredAt: number | null;
}

export async function soakSupplyOutage(soak: SoakContext, devices: SoakDevices, outageMs: number): Promise<SupplyOutageOutcome> {
  const { esme } = devices;
  soak.step(SCENARIO, `ESME supply off for ${outageMs / 60_000} min`);
  const offAt = soak.now();
  await soak.powerOff(esme);
  await soak.until(offAt + outageMs);
  const onAt = soak.now();
  await soak.powerOn(esme);
  const after = 'the ESME supply restored';
  const left = () => Math.max(0, onAt + ALERT_WINDOW_MS - soak.now());
  const supplier = await soak.alert('8F35', esme, { within: left(), after, since: onAt });
  const operator = await soak.alert('8F36', esme, { within: left(), after, since: onAt });
  return { offAt, onAt, supplyRestoredAt: supplier?.at ?? null, outageRestoredAt: operator?.at ?? null };
}
