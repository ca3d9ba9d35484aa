// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The CHF Sub GHz Configuration as the CHF holds it: the value SRV 6.28 (DBCH04) sets, SRV 6.30
 * (DBCH03) reads and alert 0x8F2A (DBCH09) reports (fields: the payload codec's
 * sub-ghz-configuration.ts) — the sub-GHz channels the CHF may use on each GB page, the
 * Normal → Limited and Limited → Critical duty-cycle thresholds, the maximum number of channel
 * changes per week, the GSME curfew and the channel-quality parameters.
 *
 * Defaults [I: RTDS]: the numbers are those of the RTDS DBCH04 command (and DUIS template
 * DBCH04_6.28): thresholds 1.30 % and 2.20 % (as duty-cycle.ts), 5 channel changes per week,
 * curfew 7, quieter 7, noisier 12, poor comms 60.00 % over 130 periods, noise measurement period
 * 100, failure 40.00 %, retry 30.00 %. The channel masks are those the RTDS DBCH03 response
 * reports (channels 0 and 1 of page 28, 27 and 28 of page 29, 35 and 36 of page 30, 0 and 1 of
 * page 31), which hold the operating channel RTDS DBCH01 reports (page 28 channel 0); the
 * DBCH04 command's masks do not.
 *
 * A configuration is refused as a whole, the CHF keeping the one it has [P], when:
 * - its thresholds are not 0 < Limited < Critical < Regulated, the Regulated ("Suspended") level
 *   being the regulatory limit the duty-cycle meter holds (duty-cycle.ts checkThresholds) — a
 *   Critical threshold at or below the Limited one, or at or above the regulatory limit;
 * - it allows no channel at all (nowhere to move to) [P].
 * What the wire cannot carry (a percentage above 100.00 or with more than two decimals, a mask
 * of the wrong page) never reaches the CHF: the codec refuses it and the DCC refuses it at its
 * edge (emulators/dcc/sub-ghz-body.ts).
 *
 * Listeners hear each change with the duty-cycle thresholds that follow from it, for the
 * duty-cycle meters (`DutyCycleMeter.configure(thresholds, at)`) and the 0x8F2A alert.
 */
import type { SubGhzConfiguration } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-configuration.ts';
import { subGhzChannelMaskFor } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { Listeners } from '../listeners.ts';
import { checkThresholds, DEFAULT_REGULATED_PERCENT, type DutyCycleThresholds } from '../radio/duty-cycle.ts';
import type { SubGhzChannel } from '../radio/sub-ghz-channel.ts';

export const DEFAULT_SUB_GHZ_CONFIGURATION: SubGhzConfiguration = {
  lowerBandSubGhzChannels0To26: subGhzChannelMaskFor(28, [0, 1]),
  lowerBandSubGhzChannels27To34: subGhzChannelMaskFor(29, [27, 28]),
  lowerBandSubGhzChannels35To61: subGhzChannelMaskFor(30, [35, 36]),
  upperBandSubGhzChannels0To26: subGhzChannelMaskFor(31, [0, 1]),
  normalLimitedDutyCycleThresholdPercent: 1.3,
  limitedCriticalDutyCycleThresholdPercent: 2.2,
  maximumSubGhzChannelChangesPerWeek: 5,
  gsmeCurfew: 7,
  channelQuieterThreshold: 7,
  channelNoisierThreshold: 12,
  nonGsmePoorCommsPercentageThreshold: 60,
  nonGsmePoorCommsMeasurementPeriods: 130,
  localChNoiseMeasurementPeriod: 100,
  localChFailurePercentage: 40,
  localChRetryPercentage: 30,
};

/** The four channel masks, page 28 to 31. */
const MASKS = ['lowerBandSubGhzChannels0To26', 'lowerBandSubGhzChannels27To34', 'lowerBandSubGhzChannels35To61', 'upperBandSubGhzChannels0To26'] as const;

export interface SubGhzConfigurationChange {
  readonly at: number;
  readonly configuration: SubGhzConfiguration;
  readonly dutyCycleThresholds: DutyCycleThresholds;
}

export type SubGhzConfigurationListener = (change: SubGhzConfigurationChange) => void;

export type SetSubGhzConfigurationOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The duty-cycle thresholds a configuration gives, with the regulatory limit. */
function thresholdsOf(c: SubGhzConfiguration, regulatedPercent: number): DutyCycleThresholds {
  return { limitedPercent: c.normalLimitedDutyCycleThresholdPercent, criticalPercent: c.limitedCriticalDutyCycleThresholdPercent, regulatedPercent };
}

export class ChfSubGhzConfiguration {
  private value: SubGhzConfiguration;
  private readonly listeners = new Listeners<SubGhzConfigurationListener>();

  constructor(
    initial: SubGhzConfiguration = DEFAULT_SUB_GHZ_CONFIGURATION,
    /** The Suspended ("Regulated") level, percent: the regulatory limit, not part of the configuration. */
    readonly regulatedPercent = DEFAULT_REGULATED_PERCENT,
  ) {
    const problem = this.problemWith(initial);
    if (problem) throw new RangeError(`a CHF sub-GHz configuration ${problem}`);
    this.value = initial;
  }

  get current(): SubGhzConfiguration {
    return this.value;
  }

  /** The thresholds the duty-cycle meters use now. */
  get dutyCycleThresholds(): DutyCycleThresholds {
    return thresholdsOf(this.value, this.regulatedPercent);
  }

  /** Every channel the configuration allows, page 28 to 31, each page's channels ascending. */
  allowedChannels(): SubGhzChannel[] {
    return MASKS.flatMap((key) => {
      const mask = this.value[key];
      return mask.channels.map((channel) => ({ page: mask.page as SubGhzChannel['page'], channel }));
    });
  }

  /** Whether the configuration allows this channel. */
  allows(channel: SubGhzChannel): boolean {
    return this.allowedChannels().some((c) => c.page === channel.page && c.channel === channel.channel);
  }

  /** Why the CHF would refuse this configuration, or null when it takes it. */
  problemWith(c: SubGhzConfiguration): string | null {
    try {
      checkThresholds(thresholdsOf(c, this.regulatedPercent));
    } catch (e) {
      return `has impossible duty-cycle thresholds: ${(e as Error).message} (the regulatory limit is ${this.regulatedPercent} %)`;
    }
    if (MASKS.every((key) => c[key].channels.length === 0)) return 'allows no sub-GHz channel on any page';
    return null;
  }

  /** SRV 6.28: takes the configuration (listeners hear it) or refuses it whole, saying why. */
  set(c: SubGhzConfiguration, at: number): SetSubGhzConfigurationOutcome {
    const problem = this.problemWith(c);
    if (problem) return { ok: false, reason: `the configuration ${problem}` };
    this.value = c;
    const change: SubGhzConfigurationChange = { at, configuration: c, dutyCycleThresholds: this.dutyCycleThresholds };
    for (const listener of this.listeners.snapshot()) listener(change);
    return { ok: true };
  }

  /** Registers a listener for configuration changes; returns a function that removes it. */
  onChange(listener: SubGhzConfigurationListener): () => void {
    return this.listeners.add(listener);
  }
}
