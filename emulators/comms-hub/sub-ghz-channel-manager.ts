// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * How the CHF moves its sub-GHz HAN to another channel: the energy scan and channel change
 * sequence of GBCS §10.6.2.8 (DOMAIN.md "The two HAN bands"), in virtual time, with the sleepy
 * GSME on the sub-GHz band kept on board through its Functional Notification Flags
 * (functional-notification-flags.ts, on the GPF's mirror of the GSME):
 *
 * 1. A scan starts (a request, SRV 6.29 DBCH05; or interference on the operating channel, below).
 *    The CHF sets EnergyScanPending and waits until the GSME reads it at a wake, or one GSME wake
 *    period [V].
 * 2. Energy scan of every channel the configuration allows (energy-scan.ts): alert 0x8F27 when it
 *    starts [V]. When it ends, EnergyScanPending is cleared and the CHF assesses it; after a
 *    requested scan it reports the assessment in alert 0x8F28 [V: the alert's name, "Sub GHz
 *    Channel Scan Request Assessment Outcome"; P: none after an interference scan].
 * 3. A change is needed [P: the rule is not in the sources at hand] when the quietest allowed
 *    channel is another than the operating one and either the operating channel is no longer
 *    allowed or the quietest is at least ChannelQuieterThreshold dB quieter. A change needed
 *    when the channel log already holds MaximumSubGhzChannelChangesPerWeek changes in the last
 *    seven days (rolling [P]) is not made: alert 0x8F2B [V].
 * 4. Otherwise the CHF sets ChannelChangePending (the new channel in its ChannelChange
 *    attribute) and waits until the GSME reads it, or two wake periods [V]; then changes
 *    channel, logs the change (the channel log, DBCH02) and raises 0x8F26 [V].
 * 5. A GSME that did not read ChannelChangePending is lost (still on the old channel). The CHF
 *    searches for it once per wake period [P]; a GSME wake it hears ends the search (the GSME is
 *    told the new channel and follows); after LOST_GSME_SEARCHES searches without it, alert
 *    0x8F29 [V] and the CHF stops searching. [P] Its wake is heard as long as the HAN link is up,
 *    so a lost GSME is only lost while its link is down (or its battery flat); one found after
 *    0x8F29 has rejoined by a scan of its own.
 * Without a sleepy device on the sub-GHz band (the GSME on 2.4 GHz, or none) nothing is waited
 * for [P]; mains-powered devices always listen and follow at once [P].
 *
 * Interference [P]: when the interference on a channel changes (the Bench), the CHF measures its
 * operating channel LocalCHNoiseMeasurementPeriod seconds later (unit assumed); a level at least
 * ChannelNoisierThreshold dB above the level it measured when it last assessed the channel
 * starts a scan. One sequence runs at a time: a request or interference during one is taken as
 * part of it. Losing mains abandons a sequence (flags cleared, nothing changed).
 *
 * [P] GBCS's codes for what alert 0x8F28 and the octet after the channel in 0x8F26 carry are not
 * in the sources at hand: 0x8F28's first octet is the assessment (SCAN_OUTCOME), its second 0;
 * the octet after the channel is the cause of the change (CHANGE_CAUSE). The GSME curfew and the
 * poor-communication parameters of the configuration are held and reported, not acted on.
 *
 * Listeners hear each step as a SubGhzChannelEvent (the premises raises the alerts), and each
 * configuration change (SRV 6.28: alert 0x8F2A).
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { ALERT_SUB_GHZ_CHANNEL_CHANGED } from '../../harness/protocol/gbcs/payload/use-cases/dbch07-channel-changed.ts';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import type { SubGhzConfiguration } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-configuration.ts';
import type { ScheduledEvent, VirtualClock } from '../clock/virtual-clock.ts';
import { Listeners } from '../listeners.ts';
import type { Gsme } from '../meters/gsme.ts';
import { energyScan, energyScanDurationMs, quietestChannel, type ChannelEnergy } from '../radio/energy-scan.ts';
import type { SubGhzChannel } from '../radio/sub-ghz-channel.ts';
import type { SubGhzNoise } from '../radio/sub-ghz-noise.ts';
import type { Chf } from './chf.ts';
import { FUNCTIONAL_NOTIFICATION_FLAG } from './functional-notification-flags.ts';
import type { Gpf } from './gpf.ts';

const SCAN_PENDING = FUNCTIONAL_NOTIFICATION_FLAG.energyScanPending;
const CHANGE_PENDING = FUNCTIONAL_NOTIFICATION_FLAG.channelChangePending;

/** The rolling period of the weekly channel-change limit. */
export const WEEK_MS = 7 * 24 * 3_600_000;
/** Searches for a lost GSME before alert 0x8F29 [V: "three lost-GSME searches failed"]. */
export const LOST_GSME_SEARCHES = 3;

export type ScanCause = 'requested' | 'interference';

/** [P] First octet of alert 0x8F28: what the CHF concluded from a requested scan. */
export const SCAN_OUTCOME = { channelKept: 0, channelChangeToFollow: 1, changeLimitReached: 2 } as const;
export type ScanOutcome = keyof typeof SCAN_OUTCOME;

/** [P] The octet after the channel in alert 0x8F26 and the channel log: why the channel changed. */
export const CHANGE_CAUSE: Readonly<Record<ScanCause, number>> = { requested: 0, interference: 1 };

export type SubGhzChannelEvent =
  | { readonly kind: 'scan-initiated'; readonly at: number; readonly cause: ScanCause }
  | {
      readonly kind: 'scan-assessed';
      readonly at: number;
      readonly outcome: ScanOutcome;
      readonly readings: readonly ChannelEnergy[];
      readonly quietest: ChannelEnergy | null;
    }
  | { readonly kind: 'channel-changed'; readonly at: number; readonly from: SubGhzChannel; readonly to: SubGhzChannel; readonly cause: ScanCause; readonly gsmeFollowed: boolean | null }
  | { readonly kind: 'channel-not-changed'; readonly at: number; readonly cause: ScanCause; readonly changesThisWeek: number; readonly limit: number }
  | { readonly kind: 'lost-gsme-searches-failed'; readonly at: number; readonly gsme: Eui64 }
  | { readonly kind: 'configuration-changed'; readonly at: number; readonly configuration: SubGhzConfiguration };

export type SubGhzChannelListener = (event: SubGhzChannelEvent) => void;

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'scan-pending' | 'scanning'; readonly cause: ScanCause; readonly timer: ScheduledEvent }
  | { readonly kind: 'change-pending'; readonly cause: ScanCause; readonly to: SubGhzChannel; readonly timer: ScheduledEvent };

export type ChannelManagementStage = Stage['kind'];

export interface SubGhzChannelManagerOptions {
  readonly chf: Chf;
  readonly gpf: Gpf;
  readonly clock: VirtualClock;
  readonly noise: SubGhzNoise;
}

const same = (a: SubGhzChannel, b: SubGhzChannel): boolean => a.page === b.page && a.channel === b.channel;
const text = (c: SubGhzChannel): string => `page ${c.page} channel ${c.channel}`;

export class SubGhzChannelManager {
  private stage: Stage = { kind: 'idle' };
  private sleepy: Gsme | null = null;
  /** The operating channel's level when the CHF last assessed it, dBm. */
  private baselineDbm: number;
  private lost: { searchesFailed: number; timer: ScheduledEvent | null } | null = null;
  private measurement: ScheduledEvent | null = null;
  private readonly listeners = new Listeners<SubGhzChannelListener>();

  constructor(private readonly options: SubGhzChannelManagerOptions) {
    const { chf, noise } = options;
    this.baselineDbm = noise.levelDbm(chf.channels.subGhz);
    noise.onInterference(() => this.scheduleMeasurement());
    chf.subGhzConfiguration.onChange(({ at, configuration }) => this.emit({ kind: 'configuration-changed', at, configuration }));
  }

  /** Where the sequence is. */
  get stageName(): ChannelManagementStage {
    return this.stage.kind;
  }

  /** Whether the sleepy GSME is lost on the old channel after a change it did not hear of. */
  get gsmeLost(): boolean {
    return this.lost !== null;
  }

  /** Registers a listener for the sequence's steps; returns a function that removes it. */
  onEvent(listener: SubGhzChannelListener): () => void {
    return this.listeners.add(listener);
  }

  /** The sleepy GSME the sequence waits for, when it is on the sub-GHz band; returns a function that detaches it. */
  attachSleepyDevice(gsme: Gsme): () => void {
    if (gsme.band !== '868MHz') return () => {};
    this.sleepy = gsme;
    return () => {
      if (this.sleepy === gsme) this.sleepy = null;
    };
  }

  /** SRV 6.29: starts a scan; false when a sequence is already under way (the request joins it). */
  requestScan(): boolean {
    return this.start('requested');
  }

  /**
   * A wake of the sleepy GSME reached the hub and it read its Functional Notification Flags
   * (null: the GPF holds no mirror to read them from). A lost GSME is found; a flag it reads
   * ends the wait for it.
   */
  gsmeWoke(gsme: Gsme, flags: number | null): void {
    if (gsme !== this.sleepy) return;
    if (this.lost) {
      this.lost.timer?.cancel();
      this.lost = null;
    }
    if (flags === null) return;
    const stage = this.stage;
    if (stage.kind === 'scan-pending' && (flags & SCAN_PENDING) !== 0) {
      stage.timer.cancel();
      this.scan(stage.cause);
    } else if (stage.kind === 'change-pending' && (flags & CHANGE_PENDING) !== 0) {
      stage.timer.cancel();
      this.change(stage.to, stage.cause, true);
    }
  }

  /** The hub lost mains: a sequence under way is abandoned and its flags cleared; a search stops. */
  powerLost(): void {
    if (this.stage.kind !== 'idle') this.stage.timer.cancel();
    this.stage = { kind: 'idle' };
    this.options.gpf.updateFunctionalNotificationFlags(0, SCAN_PENDING | CHANGE_PENDING);
    this.lost?.timer?.cancel();
    if (this.lost) this.lost.timer = null;
    this.measurement?.cancel();
    this.measurement = null;
  }

  private get now(): number {
    return this.options.clock.now();
  }

  private get wakePeriodMs(): number | null {
    return this.sleepy?.wakeIntervalMs ?? null;
  }

  private emit(event: SubGhzChannelEvent): void {
    for (const listener of this.listeners.snapshot()) listener(event);
  }

  private start(cause: ScanCause): boolean {
    if (this.stage.kind !== 'idle') return false;
    const { gpf, clock } = this.options;
    const wake = this.wakePeriodMs;
    if (wake === null) {
      this.scan(cause);
      return true;
    }
    gpf.updateFunctionalNotificationFlags(SCAN_PENDING);
    const timer = clock.schedule({ after: wake }, () => this.scan(cause), 'CHF sub-GHz energy scan: EnergyScanPending not read within a GSME wake period');
    this.stage = { kind: 'scan-pending', cause, timer };
    return true;
  }

  private scan(cause: ScanCause): void {
    const { chf, clock } = this.options;
    const channels = chf.subGhzConfiguration.allowedChannels();
    const timer = clock.schedule({ after: energyScanDurationMs(channels.length) }, () => this.assess(cause, channels), `CHF sub-GHz energy scan of ${channels.length} channels ends`);
    this.stage = { kind: 'scanning', cause, timer };
    this.emit({ kind: 'scan-initiated', at: this.now, cause });
  }

  private assess(cause: ScanCause, channels: readonly SubGhzChannel[]): void {
    const { chf, gpf, noise, clock } = this.options;
    const at = this.now;
    gpf.updateFunctionalNotificationFlags(0, SCAN_PENDING);
    const config = chf.subGhzConfiguration;
    const current = chf.channels.subGhz;
    const currentDbm = noise.levelDbm(current);
    this.baselineDbm = currentDbm;
    const readings = energyScan(noise, channels);
    const quietest = quietestChannel(readings);
    const needed =
      quietest !== null &&
      !same(quietest.channel, current) &&
      (!config.allows(current) || quietest.levelDbm <= currentDbm - config.current.channelQuieterThreshold);
    const limit = config.current.maximumSubGhzChannelChangesPerWeek;
    const changesThisWeek = chf.subGhzChannelLog.changesSince(at - WEEK_MS);
    const outcome: ScanOutcome = !needed ? 'channelKept' : changesThisWeek >= limit ? 'changeLimitReached' : 'channelChangeToFollow';
    if (cause === 'requested') this.emit({ kind: 'scan-assessed', at, outcome, readings, quietest });
    if (outcome !== 'channelChangeToFollow' || !quietest) {
      this.stage = { kind: 'idle' };
      if (outcome === 'changeLimitReached') this.emit({ kind: 'channel-not-changed', at, cause, changesThisWeek, limit });
      return;
    }
    const to = quietest.channel;
    const wake = this.wakePeriodMs;
    if (wake === null) {
      this.change(to, cause, null);
      return;
    }
    gpf.updateFunctionalNotificationFlags(CHANGE_PENDING);
    const timer = clock.schedule({ after: 2 * wake }, () => this.change(to, cause, false), `CHF sub-GHz channel change to ${text(to)}: ChannelChangePending not read within two GSME wake periods`);
    this.stage = { kind: 'change-pending', cause, to, timer };
  }

  /** Moves the HAN to `to`; `gsmeRead`: whether the sleepy GSME read ChannelChangePending (null: none waited for). */
  private change(to: SubGhzChannel, cause: ScanCause, gsmeRead: boolean | null): void {
    const { chf, gpf, noise } = this.options;
    const at = this.now;
    const from = chf.channels.subGhz;
    gpf.updateFunctionalNotificationFlags(0, CHANGE_PENDING);
    chf.setChannels({ ...chf.channels, subGhz: to });
    chf.subGhzChannelLog.record({ at: new Date(at), alertCode: ALERT_SUB_GHZ_CHANNEL_CHANGED, channel: subGhzChannelMaskFor(to.page, [to.channel]), qualifier: CHANGE_CAUSE[cause] });
    this.baselineDbm = noise.levelDbm(to);
    this.stage = { kind: 'idle' };
    if (gsmeRead === false && this.sleepy) this.startSearch(this.sleepy);
    this.emit({ kind: 'channel-changed', at, from, to, cause, gsmeFollowed: gsmeRead });
  }

  private startSearch(gsme: Gsme): void {
    this.lost?.timer?.cancel();
    const lost: { searchesFailed: number; timer: ScheduledEvent | null } = { searchesFailed: 0, timer: null };
    this.lost = lost;
    const search = (): void => {
      lost.searchesFailed += 1;
      if (lost.searchesFailed < LOST_GSME_SEARCHES) {
        lost.timer = this.options.clock.schedule({ after: gsme.wakeIntervalMs }, search, `CHF lost-GSME search ${lost.searchesFailed + 1} for ${gsme.eui}`);
        return;
      }
      lost.timer = null;
      this.emit({ kind: 'lost-gsme-searches-failed', at: this.now, gsme: gsme.eui });
    };
    lost.timer = this.options.clock.schedule({ after: gsme.wakeIntervalMs }, search, `CHF lost-GSME search 1 for ${gsme.eui}`);
  }

  /** Interference changed somewhere: the CHF measures its own channel one measurement period later. */
  private scheduleMeasurement(): void {
    if (this.measurement?.pending) return;
    const { chf, clock } = this.options;
    const periodMs = chf.subGhzConfiguration.current.localChNoiseMeasurementPeriod * 1000;
    this.measurement = clock.schedule({ after: periodMs }, () => this.measure(), 'CHF measures the noise on its sub-GHz channel');
  }

  private measure(): void {
    this.measurement = null;
    const { chf, noise } = this.options;
    if (!chf.powered) return;
    const level = noise.levelDbm(chf.channels.subGhz);
    if (level >= this.baselineDbm + chf.subGhzConfiguration.current.channelNoisierThreshold) this.start('interference');
  }
}
