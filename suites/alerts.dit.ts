// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Physical power events on the premises, made through the Bench, and the alerts a Service User
 * then receives through DUIS alone: the ESME's supply restored after an outage (0x8F35 to the
 * supplier, 0x8F36 ECS80 to the network operator, relayed to the premises' alert recipient),
 * the GSME's low battery (0x8F1F) and power supply loss (0x8F1D), and the DCC's AD1 when the
 * comms hub loses mains. Each asserts the alert arrives inside its window with the typed fields
 * the event implies, and that nothing else arrives.
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import { expectDccAlert, expectDeviceAlert, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import { readPowerOutageAlert } from '../harness/protocol/duis/dcc-alert-content.ts';
import { lowBatteryAlertOnce } from './han-checks.ts';
import { cosemDateTimeToDate } from '../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import {
  ecs80SupplyOutageRestored,
  gncaGsmePowerSupplyLoss,
  gncaSupplyRestored,
} from '../harness/protocol/gbcs/payload/use-cases/power-alerts.ts';

const MINUTE = 60_000;
/** A device alert reaches the user within a minute of its event (alert latency through the hub and the DCC). */
const ALERT_WINDOW_MS = MINUTE;
/** The DCC raises AD1 within five minutes of the comms hub losing mains [P: no published figure]. */
const AD1_WINDOW_MS = 5 * MINUTE;
/** GBCS: only an outage of at least 3 minutes is reported on restoration (DOMAIN.md). */
const REPORTED_OUTAGE_MS = 3 * MINUTE;

function iso(ms: number | undefined | null): string | undefined {
  return ms === undefined || ms === null ? undefined : new Date(ms).toISOString();
}

ditCase(
  {
    id: 'ALERT-ESME-SUPPLY-RESTORED',
    title: 'ESME supply outage of 5 minutes: supply-restored alerts 0x8F35 and 0x8F36 at restoration, nothing at the loss',
    useCase: 'ECS80',
    srv: 'NA',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    severity: 2,
    needs: ['supply-power', 'clock'],
  },
  async ({ duis, bench, meter }) => {
    const lostAt = bench.now();
    await bench.powerOff(meter.eui);
    await expectQuietFor(duis, bench, 5 * MINUTE);
    const restoredAt = bench.now();
    await bench.powerOn(meter.eui);

    const supplier = await expectDeviceAlert(duis, gncaSupplyRestored, { from: meter.eui, within: ALERT_WINDOW_MS });
    const supplierStamp = cosemDateTimeToDate(supplier.fields.timeStamp)?.getTime();
    expect(supplierStamp, '0x8F35 time stamp: at or after the restoration').toBeGreaterThanOrEqual(restoredAt);

    // ECS80 goes to the network operator, signed and not MACed: the user checks the signature only
    const operator = await expectDeviceAlert(duis, ecs80SupplyOutageRestored, { from: meter.eui, within: ALERT_WINDOW_MS, mac: 'absent', signature: 'valid' });
    expect(iso(cosemDateTimeToDate(operator.fields.supplyLostAt)?.getTime()), '0x8F36 outage start').toBe(iso(lostAt));
    expect(iso(cosemDateTimeToDate(operator.fields.supplyRestoredAt)?.getTime()), '0x8F36 restoration').toBe(iso(restoredAt));
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'ALERT-ESME-SHORT-OUTAGE',
    title: 'ESME supply outage under 3 minutes: no supply-restored alert',
    useCase: 'ECS80',
    srv: 'NA',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    severity: 3,
    needs: ['supply-power', 'clock'],
  },
  async ({ duis, bench, meter }) => {
    await bench.powerOff(meter.eui);
    await bench.advance(REPORTED_OUTAGE_MS - MINUTE);
    await bench.powerOn(meter.eui);
    await expectQuietFor(duis, bench, 5 * MINUTE);
  },
);

ditCase(
  {
    id: 'ALERT-GSME-LOW-BATTERY',
    title: 'GSME battery falls below the low level: low battery alert 0x8F1F, once',
    useCase: 'GNCA',
    srv: 'NA',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 3,
    needs: ['battery', 'clock'],
  },
  // also what finds a GSME that repeats the alert (an alert storm)
  lowBatteryAlertOnce,
);

ditCase(
  {
    id: 'ALERT-GSME-POWER-SUPPLY-LOSS',
    title: 'GSME battery removed: power supply loss alert 0x8F1D',
    useCase: 'GNCA',
    srv: 'NA',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 2,
    needs: ['battery', 'clock'],
  },
  async ({ duis, bench, meter }) => {
    const at = bench.now();
    await bench.setBattery(meter.eui, 0);
    const alert = await expectDeviceAlert(duis, gncaGsmePowerSupplyLoss, { from: meter.eui, within: ALERT_WINDOW_MS });
    expect(alert.fields.timeStamp.getTime(), '0x8F1D time stamp (whole seconds)').toBe(Math.floor(at / 1000) * 1000);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'ALERT-CH-POWER-OUTAGE-AD1',
    title: 'Comms hub loses mains: the DCC raises AD1 with the hub, the outage start and the MPxNs; devices no longer answer',
    useCase: 'AD1',
    srv: 'NA',
    deviceTypes: ['CHF'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    severity: 2,
    needs: ['supply-power', 'clock'],
  },
  async ({ duis, bench, premises }) => {
    const chf = premises.commsHub.chf;
    const lostAt = bench.now();
    await bench.powerOff(chf);
    const alert = await expectDccAlert(duis, 'AD1', { within: AD1_WINDOW_MS });
    const outage = readPowerOutageAlert(alert.dccAlert);
    expect(outage.commsHubId, 'AD1 comms hub id').toBe(chf);
    expect(iso(outage.startedAt), 'AD1 outage start').toBe(iso(lostAt));
    const expectedMpxns = premises.meters.flatMap((m) => (m.mpxn ? [m.mpxn] : []));
    expect([...outage.mpxns].sort(), 'AD1 MPxNs: the meter points of the premises').toEqual([...expectedMpxns].sort());

    // an unpowered hub relays nothing: the DCC acknowledges, no device response follows
    const esme = premises.meters.find((m) => m.type === 'ESME');
    if (esme) {
      const exchange = await duis.send('ECS52_11.2', { target: esme.eui });
      expect(exchange.code, 'DCC acknowledgement').toBe('I99');
      await expect(exchange.response({ within: ALERT_WINDOW_MS }), 'no response while the hub is down').rejects.toThrow(/no DUIS response/);
    }
    expectNoUnexpectedMessages(duis);
  },
);
