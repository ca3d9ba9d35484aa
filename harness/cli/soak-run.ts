// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * One soak: a premises run through N virtual days in this process, on the virtual clock, from one
 * seed. An emulated target (targets.ts: the world, the emulated DCC, the DUIS client, the Bench)
 * is driven by four scripts sharing its clock (soak-scheduler.ts): the reads every 30 minutes
 * (soak-reads.ts) and, at the plan's seeded times (soak-plan.ts), one channel change, one
 * firmware update over 868 MHz and one supply outage. Every request goes through DUIS and every
 * physical event through the Bench, as a suite's would; the only thing read from the world
 * itself is a statistic, each sub-GHz transmitter's peak duty cycle.
 *
 * The GSME wakes at its own interval throughout (the world's doing). After the last slot the soak
 * lets the open response windows close. The soak passes when every acknowledged request was
 * answered in its window, nothing else went wrong (findings), and the alerts the events must
 * raise appeared: 8F26 (channel changed), 8F43 (firmware activated), 8F35 and 8F36 (supply
 * restored).
 */
import type { PremisesSpec } from '../programme/premises-spec.ts';
import type { DuisUserMessage } from '../protocol/duis/message.ts';
import { ResponseTimeoutError } from '../transport/inbox.ts';
import { soakChannelChange, type ChannelChangeOutcome } from './soak-channel-change.ts';
import type { SoakDevices } from './soak-devices.ts';
import { soakFirmwareUpdate, type FirmwareUpdateOutcome } from './soak-firmware-update.ts';
import { planSoak, type SoakPlan } from './soak-plan.ts';
import { soakReads } from './soak-reads.ts';
import { SoakScheduler } from './soak-scheduler.ts';
import { SoakSession } from './soak-session.ts';
import { soakSupplyOutage, type SupplyOutageOutcome } from './soak-supply-outage.ts';
import { SoakTally, type SoakCounts } from './soak-tally.ts';
import type { SoakEvent, SoakTraceSink } from './soak-trace.ts';
import { createEmulatedTarget } from './targets.ts';

/** The alerts a soak's events must raise, hex as DUIS writes them. */
export const EXPECTED_ALERTS: readonly string[] = ['8F26', '8F43', '8F35', '8F36'];

export interface SoakOptions {
  readonly days: number;
  readonly seed: string;
  readonly premises: PremisesSpec;
  readonly premisesFile: string;
  readonly devices: SoakDevices;
  /** Where the trace goes (closed by the caller). */
  readonly trace: SoakTraceSink;
  /** Programme date the world starts at (09:00 UTC that day). */
  readonly programmeDate?: string;
}

/** A transmitter's highest duty cycle over the soak: the comms hub's own (CHF) and each meter's. */
export interface DutyCyclePeak {
  readonly device: string;
  /** CHF (the comms hub), ESME or GSME. */
  readonly role: string;
  readonly band: string;
  /** Percent of a rolling hour; null on 2.4 GHz, where no duty cycle applies. */
  readonly peakPercent: number | null;
}

/** Four decimals: enough to tell a peak just under a threshold (1.2996 %) from one at it. */
function roundPercent(p: number): number {
  return Math.round(p * 10_000) / 10_000;
}

export interface SoakResult {
  readonly plan: SoakPlan;
  readonly startMs: number;
  readonly endMs: number;
  readonly counts: SoakCounts;
  readonly findings: readonly string[];
  /** Expected alerts that never arrived. */
  readonly missingAlerts: readonly string[];
  readonly dutyCyclePeaks: readonly DutyCyclePeak[];
  readonly scenarios: {
    readonly channelChange: ChannelChangeOutcome | null;
    readonly firmwareUpdate: FirmwareUpdateOutcome | null;
    readonly supplyOutage: SupplyOutageOutcome | null;
  };
  readonly passed: boolean;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { seed, premises, devices } = options;
  const target = await createEmulatedTarget({
    config: { runId: 'soak', runSeed: seed, target: 'emulated', programmeDate: options.programmeDate ?? '2019-04-12', premisesFile: options.premisesFile },
    premises,
    seed,
  });
  const { duis, bench } = target;
  const inbox = duis.transport.inbox;
  const tally = new SoakTally();
  const findings: string[] = [];
  const record = (event: SoakEvent) => {
    options.trace.write(event);
    tally.add(event);
    if (event.kind === 'finding') findings.push(`${new Date(event.at).toISOString()} ${event.text}`);
  };
  const scheduler = new SoakScheduler<DuisUserMessage>({
    now: () => duis.now(),
    // the inbox's own wait: event by event on the virtual clock, back as soon as a wanted message is filed
    passTime: async (ms, wanted) => {
      try {
        await inbox.next(wanted, { within: ms, awaited: 'a message a soak script waits for' });
      } catch (e) {
        if (!(e instanceof ResponseTimeoutError)) throw e;
      }
      // every message is already with the scheduler and in the trace: the inbox keeps none untaken
      while (inbox.take(() => true));
    },
    afterPass: () => session.closeWindows(),
  });
  const session = new SoakSession({ duis, bench, record, deliver: (m, at) => scheduler.deliver(m, at) });
  const plan = planSoak({ seed, days: options.days, startMs: duis.now() });
  const scenarios: { -readonly [K in keyof SoakResult['scenarios']]: SoakResult['scenarios'][K] } = { channelChange: null, firmwareUpdate: null, supplyOutage: null };
  try {
    scheduler.add('reads', (task) => soakReads(session.contextFor(task), plan, devices));
    scheduler.add('channel-change', async (task) => {
      const soak = session.contextFor(task);
      await soak.until(plan.events['channel-change']);
      scenarios.channelChange = await soakChannelChange(soak, devices);
    });
    scheduler.add('firmware-update', async (task) => {
      const soak = session.contextFor(task);
      await soak.until(plan.events['firmware-update']);
      scenarios.firmwareUpdate = await soakFirmwareUpdate(soak, devices);
    });
    scheduler.add('supply-outage', async (task) => {
      const soak = session.contextFor(task);
      await soak.until(plan.events['supply-outage']);
      scenarios.supplyOutage = await soakSupplyOutage(soak, devices, plan.outageMs);
    });
    const failed = [...(await scheduler.run())];
    // after the last slot: let the windows still open close, or their responses come
    const last = session.windows.lastDeadline();
    if (last !== null) {
      scheduler.add('open windows', async (task) => {
        await task.waitFor(() => (session.windows.pending === 0 ? true : undefined), last + 1);
      });
      failed.push(...(await scheduler.run()));
    }
    session.closeWindows();
    for (const f of failed) record({ kind: 'finding', at: f.at, text: `the ${f.task} script stopped: ${f.error.message}` });

    const usage = new Map(target.dutyCycleUsage().map((u) => [u.transmitter, u.peakPercent]));
    const dutyCyclePeaks: DutyCyclePeak[] = [
      { device: devices.chf, role: 'CHF', band: '868MHz' },
      ...premises.meters.map((m) => ({ device: m.eui, role: m.type, band: m.band })),
    ].map((d) => ({ ...d, peakPercent: d.band === '868MHz' ? roundPercent(usage.get(d.device) ?? 0) : null }));
    const missingAlerts = EXPECTED_ALERTS.filter((code) => tally.alertCount(code) === 0);
    return {
      plan,
      startMs: plan.startMs,
      endMs: duis.now(),
      counts: tally.counts(),
      findings,
      missingAlerts,
      dutyCyclePeaks,
      scenarios,
      passed: findings.length === 0 && missingAlerts.length === 0,
    };
  } finally {
    session.close();
    await target.close();
  }
}
