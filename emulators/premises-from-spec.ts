// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Turns a premises description (harness/programme/premises-spec.ts, e.g.
 * fixtures/premises/dual-band.json) into the overrides of createPremises, so the emulated
 * premises is the one the fixture describes: identities, vendor and models, firmware version
 * octet strings (`firmwareImage`), bands, install codes (16 ASCII characters, as CCS01 carries
 * them), the GSME wake interval and the operating sub-GHz channel.
 * The emulated premises has exactly one ESME and one GSME; a description with another mix is
 * refused with a clear error (more meter mixes are future work).
 */
import { bytesToHex } from '../harness/protocol/gbcs/hex.ts';
import type { MeterSpec, PremisesSpec } from '../harness/programme/premises-spec.ts';
import type { MeterOverrides, PremisesDeviceOverrides } from './premises.ts';
import { DEFAULT_HAN_CHANNELS } from './comms-hub/chf.ts';
import { subGhzChannelFromMask } from './radio/sub-ghz-channel.ts';

function only(spec: PremisesSpec, type: MeterSpec['type']): MeterSpec {
  const found = spec.meters.filter((m) => m.type === type);
  if (found.length !== 1) {
    throw new RangeError(`the emulated premises needs exactly one ${type} in the premises description, found ${found.length}`);
  }
  return found[0] as MeterSpec;
}

function meter(m: MeterSpec): MeterOverrides {
  return {
    eui: m.eui,
    manufacturer: m.manufacturer,
    model: m.model,
    firmwareVersion: m.firmwareImage,
    band: m.band,
    installCode: bytesToHex(new TextEncoder().encode(m.installCode)),
  };
}

export function premisesOverridesFromSpec(spec: PremisesSpec): PremisesDeviceOverrides {
  const gsme = only(spec, 'GSME');
  const hub = spec.commsHub;
  return {
    commsHub: {
      chfEui: hub.chf,
      gpfEui: hub.gpf,
      manufacturer: hub.vendor,
      model: hub.model,
      firmwareVersion: hub.firmwareImage,
      channels: { ...DEFAULT_HAN_CHANNELS, subGhz: subGhzChannelFromMask(Number.parseInt(hub.subGhzChannel, 16)) },
    },
    esme: meter(only(spec, 'ESME')),
    gsme: {
      ...meter(gsme),
      ...(gsme.wakeIntervalMinutes !== undefined ? { profile: { wakeIntervalMs: gsme.wakeIntervalMinutes * 60_000 } } : {}),
    },
  };
}
