// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The band capability of a device model: the HAN bands its hardware and firmware can work on —
 * 2.4 GHz only, 868 MHz only, or dual band (both). A device sits on one band at a time (DOMAIN.md
 * "The two HAN bands"), which must be one its model can use; behaviour is gated on this
 * capability, never on version labels [P: DOMAIN.md]. The programme carries the same fact per
 * device model (`bands` in device-models.json); a premises description carries it per meter.
 */
import type { HanBand } from '../device.ts';

export type BandCapabilityKind = '2.4GHz only' | '868MHz only' | 'dual band';

const ALL_BANDS: readonly HanBand[] = ['2.4GHz', '868MHz'];

/** The bands as a checked capability: one or both HAN bands, each once, in a fixed order. */
export function bandCapability(bands: readonly HanBand[]): readonly HanBand[] {
  if (bands.length === 0) throw new RangeError('a band capability names at least one HAN band (2.4GHz, 868MHz)');
  const unknown = bands.find((b) => !ALL_BANDS.includes(b));
  if (unknown !== undefined) throw new RangeError(`${String(unknown)} is not a HAN band (2.4GHz, 868MHz)`);
  return ALL_BANDS.filter((b) => bands.includes(b));
}

/** What kind of capability the bands make. */
export function bandCapabilityKind(bands: readonly HanBand[]): BandCapabilityKind {
  const checked = bandCapability(bands);
  if (checked.length === 2) return 'dual band';
  return checked[0] === '2.4GHz' ? '2.4GHz only' : '868MHz only';
}

/** Why a device of capability `bands` cannot sit on `band` ("868MHz only"), or null when it can. */
export function bandRefusal(bands: readonly HanBand[], band: HanBand): string | null {
  const checked = bandCapability(bands);
  return checked.includes(band) ? null : bandCapabilityKind(checked);
}
