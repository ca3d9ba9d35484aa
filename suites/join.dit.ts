// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Joining and unjoining, as a Service User drives and sees them through DUIS alone
 * (DOMAIN.md "Joining and commissioning"):
 *
 * - a meter unjoined from the HAN and joined again: SRV 8.11 RequestType Remove (CCS02) takes the
 *   ESME out of the CHF Device Log (to the Historic Device Log) — CS14 0x8F12 lists the log
 *   without it and reads of it get no response; SRV 8.11 Add (CCS01) whitelists it again with
 *   its install code — it rejoins, CS14 lists it again and reads work. The Historic Device Log has
 *   no read here (CCS07, SRV 8.9, is not implemented): the CS14 device lists stand for it.
 * - the join service on the GSME: SRV 8.7.2 (CS03B, Method B) joins a device without
 *   certificates (an IHD) → 0x8F49 device joined; SRV 8.8.2 (CS04B) unjoins it → 0x8F4B device
 *   unjoined; unjoining it again is refused in the response (result 1) with no alert.
 * - the critical join service on the ESME (SRV 8.7.1, CS03A1, Method A) and the GSME (CS03C,
 *   Method C, answered at its wake): it joins the PPMID the
 *   DCC's inventory holds for the premises (the premises description's `type1Devices`: an
 *   inventory entry, not a radio), SRV 8.8.1 (CS04AC) unjoins it, each through the critical flow
 *   and answered signed by the ESME; unjoining it again answers 1. [P] No alert follows a
 *   Method A join or unjoin (emulators/use-cases/join-service.ts).
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { SendOptions } from '../harness/dit/duis-client.ts';
import { expectDeviceAlert, expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import { ecs17b } from '../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { type1DeviceOfType } from '../harness/programme/premises-spec.ts';
import { cs03a1, cs03b, cs03c, cs04ac, cs04b, gncaDeviceJoined, gncaDeviceUnjoined, JOIN_SERVICE_RESULT } from '../harness/protocol/gbcs/payload/use-cases/join-service.ts';
import { sendCriticalRequest } from './critical-requests.ts';
import { addToDeviceLogAndRejoin, duisEui, removeFromDeviceLog } from './device-log-requests.ts';
import { esmeRejoinsAfterPowerCycle, gsmeRejoinsAfterBatteryChange, meterWindow, sleepyWindow } from './han-checks.ts';

const MINUTE = 60_000;
/** Mains-powered devices answer within a minute. */
const MAINS_WINDOW_MS = MINUTE;
/** A device alert reaches the user within a minute of its event. */
const ALERT_WINDOW_MS = MINUTE;
/** An IHD's EUI-64 (RTDS CS03B joins 00-DB-12-34-56-78-90-9C). */
const IHD = '00DB12345678909C';

type Body = NonNullable<SendOptions['body']>;

ditCase(
  {
    id: 'JOIN-ESME-REMOVE-READD',
    title: 'ESME removed from the CHF Device Log (CCS02): CS14 without it, reads unanswered; added again (CCS01): it rejoins and reads work',
    useCase: 'CCS02',
    srv: '8.11',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    // a meter that cannot rejoin blocks the premises with no workaround (DOMAIN.md: "cannot join")
    severity: 1,
    needs: ['clock'],
  },
  async ({ duis, premises, meter }) => {
    const chf = premises.commsHub.chf;
    const read = async () => {
      const exchange = await duis.send('ECS17b_4.1.1_SINGLE', { target: meter.eui });
      expect(exchange.code, 'DCC acknowledgement').toBe('I99');
      return exchange;
    };

    // the CHF answers the ACB, which originated CCS02 and CCS01: the user cannot check those MACs
    await removeFromDeviceLog(duis, chf, meter);

    const unanswered = await read();
    await expect(unanswered.response({ within: MAINS_WINDOW_MS }), 'no response from a meter out of the Device Log').rejects.toThrow(/no DUIS response/);

    // whitelisted again, the meter joins inside its window: the Device Log changes twice
    await addToDeviceLogAndRejoin(duis, chf, meter);

    const answered = await read();
    const fields = expectDeviceResponse(await answered.response({ within: MAINS_WINDOW_MS }), ecs17b, { from: meter.eui, within: MAINS_WINDOW_MS });
    expect(fields.ok, 'ECS17b after rejoining').toBe(true);
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'JOIN-GSME-METHOD-B',
    title: 'GSME joins an IHD (CS03B): 0x8F49; unjoins it (CS04B): 0x8F4B; unjoining it again is refused with no alert',
    useCase: 'CS03B',
    srv: '8.7.2',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    // a display that cannot be joined or unjoined has a workaround (a local install) but the function fails
    severity: 2,
    needs: ['clock'],
  },
  async ({ duis, bench, meter }) => {
    // a sleepy meter answers at its next wake: one wake interval plus its response latency
    const window = sleepyWindow(meter);
    const send = async (template: string, body: Body) => {
      const exchange = await duis.send(template, { target: meter.eui, body });
      expect(exchange.code, 'DCC acknowledgement').toBe('I99');
      return exchange.response({ within: window });
    };

    const joined = await send('CS03B_8.7.2', { JoinServiceNonCritical: { OtherDeviceID: duisEui(IHD) } });
    expect(expectDeviceResponse(joined, cs03b, { from: meter.eui, within: window }).result, 'CS03B result').toBe(JOIN_SERVICE_RESULT.success);
    const joinAlert = await expectDeviceAlert(duis, gncaDeviceJoined, { from: meter.eui, within: ALERT_WINDOW_MS });
    const stamp = joinAlert.fields.timeStamp.getTime();
    expect(stamp, '0x8F49 time stamp: no later than its arrival').toBeLessThanOrEqual(joinAlert.arrivedAt);
    expect(stamp, '0x8F49 time stamp: at the join, within a minute before the response arrived').toBeGreaterThanOrEqual(joined.arrivedAt - MINUTE);

    const unjoined = await send('CS04B_8.8.2', { UnjoinServiceNonCritical: { OtherDeviceID: duisEui(IHD) } });
    expect(expectDeviceResponse(unjoined, cs04b, { from: meter.eui, within: window }).result, 'CS04B result').toBe(JOIN_SERVICE_RESULT.success);
    await expectDeviceAlert(duis, gncaDeviceUnjoined, { from: meter.eui, within: ALERT_WINDOW_MS });

    const again = await send('CS04B_8.8.2', { UnjoinServiceNonCritical: { OtherDeviceID: duisEui(IHD) } });
    expect(expectDeviceResponse(again, cs04b, { from: meter.eui, within: window }).result, 'CS04B result for a device not joined').toBe(JOIN_SERVICE_RESULT.notJoined);
    // no 0x8F4B nor 0x8F4A follows a refused unjoin
    await expectQuietFor(duis, bench, 5 * MINUTE);
  },
);

/** The critical join service per meter type: Method A on the ESME (CS03A1), Method C on the GSME (CS03C); CS04AC unjoins either. */
const CRITICAL_JOIN = {
  ESME: { template: 'CS03A1_8.7.1', codec: cs03a1 },
  GSME: { template: 'CS03CCritical_8.7.1', codec: cs03c },
} as const;

for (const type of ['ESME', 'GSME'] as const) {
  const join = CRITICAL_JOIN[type];
  ditCase(
    {
      id: `JOIN-${type}-PPMID-CRITICAL`,
      title: `${type} joins the premises' PPMID (8.7.1 ${join.codec.name}, critical) and unjoins it (8.8.1 CS04AC): signed responses, result 0 each; unjoining it again answers 1`,
      useCase: join.codec.name,
      srv: '8.7.1',
      deviceTypes: [type],
      bands: type === 'ESME' ? ['2.4GHz', '868MHz'] : ['868MHz', '2.4GHz'],
      tags: ['formal', 'regression'],
      // a prepayment interface that cannot be joined fails the function; the meter's own interface is the workaround
      severity: 2,
    },
    async ({ duis, premises, meter, skip, measure }) => {
      const ppmid = type1DeviceOfType(premises, 'PPMID') ?? skip("the premises description lists no PPMID in the DCC's inventory (type1Devices)");
      // a sleepy GSME answers at its next wake: one wake interval plus its response latency
      const window = meterWindow(meter);
      const critical = async (template: string, body: Body) => {
        const exchange = await sendCriticalRequest(duis, template, { target: meter.eui, body });
        const response = await exchange.response({ within: window });
        expect(response.signature, `the ${type} signs its ${template} response`).toBe('valid');
        return response;
      };
      const joinBody = { JoinServiceCritical: { OtherDeviceID: duisEui(ppmid.eui) } };
      const unjoinBody = { UnjoinServiceCritical: { OtherDeviceID: duisEui(ppmid.eui) } };
      const expectResult = { from: meter.eui, mac: 'absent', within: window } as const;

      const joined = await critical(join.template, joinBody);
      measure(`${join.codec.name} result`, expectDeviceResponse(joined, join.codec, expectResult).result, { equals: JOIN_SERVICE_RESULT.success });
      const unjoined = await critical('CS04ACCritical_8.8.1', unjoinBody);
      measure('CS04AC result', expectDeviceResponse(unjoined, cs04ac, expectResult).result, { equals: JOIN_SERVICE_RESULT.success });
      const again = await critical('CS04ACCritical_8.8.1', unjoinBody);
      measure('CS04AC result for a device not joined', expectDeviceResponse(again, cs04ac, expectResult).result, { equals: JOIN_SERVICE_RESULT.notJoined });
      expectNoUnexpectedMessages(duis);
    },
  );
}

ditCase(
  {
    id: 'JOIN-ESME-REJOIN-AFTER-POWER-CYCLE',
    title: 'ESME supply off for a minute and back: it rejoins the HAN and answers a read at once, with no alert',
    useCase: 'ECS52',
    srv: '11.2',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz', '868MHz'],
    tags: ['formal', 'regression'],
    // a meter that does not come back after a power cut is unreachable until someone visits (DOMAIN.md: "cannot join")
    severity: 1,
    needs: ['supply-power', 'clock'],
  },
  esmeRejoinsAfterPowerCycle,
);

ditCase(
  {
    id: 'JOIN-GSME-REJOIN-AFTER-BATTERY-CHANGE',
    title: 'GSME battery removed (0x8F1D) and replaced: it rejoins the HAN and answers a read at its next wake',
    useCase: 'GCS38',
    srv: '11.2',
    deviceTypes: ['GSME'],
    bands: ['868MHz', '2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 1,
    needs: ['battery', 'clock'],
  },
  gsmeRejoinsAfterBatteryChange,
);
