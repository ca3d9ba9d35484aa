// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/seeded-random.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { deviceProfile } from '../firmware/device-profile.ts';
import { cosem } from './cosem-data.ts';
import { COSEM_CLASS } from './cosem-objects.ts';
import { Esme, seededEsmeConsumption, type EsmeConsumption } from './esme.ts';
import { CONTROL_STATE, ESME_OBIS } from './esme-objects.ts';

const START = Date.UTC(2019, 3, 8);
const HOUR = 3_600_000;

function esme(consumption: Partial<EsmeConsumption> = {}, clock = new VirtualClock(START)) {
  const meter = new Esme({
    identity: { eui: '00DB1234567890A0', manufacturer: 'MM1', model: 'm', firmwareVersion: '0123ABCD', band: '2.4GHz' },
    profile: deviceProfile('ESME'),
    clock,
    consumption: { activeImportW: 600, reactiveImportVar: 60, initialActiveImportWh: 1000, initialReactiveImportVarh: 100, ...consumption },
  });
  return { meter, clock };
}

describe('Esme', () => {
  it('advances its import registers with virtual time at the consumption rate', async () => {
    const { meter, clock } = esme();
    expect(meter.activeImportWh).toBe(1000);
    await clock.advance(HOUR);
    expect(meter.activeImportWh).toBe(1600);
    expect(meter.reactiveImportVarh).toBe(160);
    await clock.advance(HOUR / 2);
    expect(meter.activeImportWh).toBe(1900);
  });

  it('accumulates exactly however time is stepped', async () => {
    const a = esme({ activeImportW: 7 });
    const b = esme({ activeImportW: 7 });
    for (let i = 0; i < 3600; i++) {
      await a.clock.advance(1000);
      a.meter.sync();
    }
    await b.clock.advance(HOUR);
    expect(a.meter.activeImportWh).toBe(1007);
    expect(b.meter.activeImportWh).toBe(1007);
  });

  it('stops counting while disconnected or unpowered', async () => {
    const { meter, clock } = esme();
    meter.setSupplyState(CONTROL_STATE.disconnected);
    await clock.advance(HOUR);
    expect(meter.activeImportWh).toBe(1000);
    expect(meter.read(COSEM_CLASS.disconnectControl, ESME_OBIS.disconnectControl, 2)).toEqual({ ok: true, value: cosem.boolean(false) });
    meter.setSupplyState(CONTROL_STATE.connected);
    meter.setPowered(false);
    await clock.advance(HOUR);
    expect(meter.activeImportWh).toBe(1000);
    meter.setPowered(true);
    await clock.advance(HOUR);
    expect(meter.activeImportWh).toBe(1600);
  });

  it('answers the ECS17b collection as value, scaler_unit (Wh), value, scaler_unit (varh)', async () => {
    const { meter, clock } = esme();
    await clock.advance(HOUR);
    expect(meter.read(COSEM_CLASS.data, ESME_OBIS.importRegisterValues, 2)).toEqual({
      ok: true,
      value: cosem.structure(cosem.doubleLongUnsigned(1600), cosem.scalerUnit(0, 'Wh'), cosem.doubleLongUnsigned(160), cosem.scalerUnit(0, 'varh')),
    });
  });

  it('holds its firmware version and clock as COSEM attributes', async () => {
    const { meter, clock } = esme();
    expect(meter.read(COSEM_CLASS.data, ESME_OBIS.firmwareVersion, 2)).toEqual({ ok: true, value: cosem.octets('0123ABCD') });
    meter.setFirmwareVersion('0124abcd');
    expect(meter.read(COSEM_CLASS.data, ESME_OBIS.firmwareVersion, 2)).toEqual({ ok: true, value: cosem.octets('0124ABCD') });
    await clock.advance(90_000);
    expect(meter.read(COSEM_CLASS.clock, ESME_OBIS.clock, 2)).toEqual({ ok: true, value: cosem.dateTime(START + 90_000) });
  });

  it('draws a plausible consumption from the seed, the same for the same seed', () => {
    const a = seededEsmeConsumption(new SeededRandom('s').fork('esme'));
    expect(seededEsmeConsumption(new SeededRandom('s').fork('esme'))).toEqual(a);
    expect(a.activeImportW).toBeGreaterThanOrEqual(150);
    expect(a.activeImportW).toBeLessThanOrEqual(900);
  });

  it('rejects a negative or fractional rate', () => {
    expect(() => esme({ activeImportW: -1 })).toThrow(RangeError);
    expect(() => esme().meter.setConsumption({ activeImportW: 1.5 })).toThrow(RangeError);
  });
});
