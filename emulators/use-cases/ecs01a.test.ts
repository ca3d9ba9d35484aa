// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { cosemDateTimeFromDate, cosemDateTimeToDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { ECS01A_ACTIVATION_ATTRIBUTE, ECS01A_ELEMENTS, ecs01a, ecs01aSetData, type Ecs01aCommand, type TariffActivation } from '../../harness/protocol/gbcs/payload/use-cases/ecs01a.ts';
import { futureDatedActionedDlms } from '../../harness/protocol/gbcs/payload/use-cases/future-dated-execution-alert.ts';
import { defaultRtdsDir, rtdsAvailable } from '../../harness/protocol/gbcs/rtds.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import { ESME_TARIFF_ELEMENTS } from '../meters/esme-tariff.ts';
import { createPremises } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { criticalCommand } from '../testing/critical-command.ts';
import { openDeviceMessage } from '../testing/dcc-side.ts';
import { dlmsShape, headerShape } from '../testing/payload-shape.ts';

const START = Date.UTC(2019, 3, 12, 8);
const HOUR = 3_600_000;
const RTDS = defaultRtdsDir();

const every = (a: TariffActivation) => Object.fromEntries(ECS01A_ELEMENTS.map((e) => [e, a])) as Ecs01aCommand['activation'];

function tariff(activation: TariffActivation, standingCharge = 25000): Ecs01aCommand {
  return {
    seasons: [{ name: 'all', start: cosemDateTimeFromDate(new Date('2019-01-01T00:00:00Z')), weekName: 1 }],
    weekProfiles: [{ name: 1, dayIds: [1, 1, 1, 1, 1, 1, 1] }],
    dayProfiles: [{ dayId: 1, actions: [{ startTime: { hour: 0, minute: 0, second: 0, hundredths: 0 }, scriptSelector: 1 }] }],
    specialDays: [],
    blockThresholds: Array.from({ length: 8 }, () => []),
    currencyUnits: 'GBP',
    standingCharge: { commodityScale: 0, priceScale: -5, value: standingCharge },
    priceMatrix: { commodityScale: 3, priceScale: -5, touPrices: Array.from({ length: 48 }, (_, i) => (i === 0 ? 1700 : 0)), blockPrices: Array.from({ length: 8 }, () => [0, 0, 0, 0]) },
    activation: every(activation),
  };
}

function world() {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const premises = createPremises({ seed: 'ecs01a', clock, onDeviceMessage: (frame, info) => void messages.push({ frame, info }) });
  let counter = BigInt(START);
  const send = (fields: Ecs01aCommand, signature?: 'signed' | 'none' | 'wrong') => {
    counter += 1n;
    return premises.handleCommand(criticalCommand(premises.keys, { srv: '1.1.1', targetType: 'ESME', device: premises.esme.eui, fields, counter, signature }));
  };
  /** What the active standing charge attribute holds (Charge 0-0:19.20.4.255 attribute 5). */
  const activeStandingCharge = () => premises.esme.read(113, '0-0:19.20.4.255', 5);
  return { clock, premises, messages, send, activeStandingCharge };
}

const standingChargeData = (c: Ecs01aCommand) => ecs01aSetData(c)[13];

describe('ECS01a on the emulated ESME', () => {
  it('an immediate tariff takes effect at once: passive and active attributes hold it, every set succeeds, no alert', async () => {
    const { clock, premises, messages, send, activeStandingCharge } = world();
    const command = tariff({ kind: 'immediate' });
    expect(await send(command)).toMatchObject({ accepted: true, useCase: 'ECS01a' });
    await clock.advance(10_000);
    const response = messages.find((m) => m.info.kind === 'response');
    if (!response) throw new Error('no response');
    const opened = openDeviceMessage(premises.keys, response.frame);
    expect([opened.mac, opened.signature]).toEqual(['absent', 'valid']);
    expect(Object.values(ecs01a.decodeResponse(opened.frame.payload, { header: opened.frame }).results).every((r) => r === 'success')).toBe(true);
    expect(activeStandingCharge()).toEqual({ ok: true, value: standingChargeData(command) });
    for (const e of ECS01A_ELEMENTS) for (const c of ESME_TARIFF_ELEMENTS[e].copies) expect(premises.esme.read(c.to.classId, c.to.obis, c.to.attribute)).toEqual(premises.esme.read(c.from.classId, c.from.obis, c.from.attribute));
    expect(messages.filter((m) => m.info.kind === 'alert')).toEqual([]);
  });

  it('a future-dated tariff waits for its execution time, then takes effect and sends one 0x8F66 per element, in element order', async () => {
    const { clock, premises, messages, send, activeStandingCharge } = world();
    const before = activeStandingCharge();
    const at = new Date(START + HOUR);
    await send(tariff({ kind: 'at', dateTime: cosemDateTimeFromDate(at) }));
    await clock.advance(HOUR - 60_000);
    expect(activeStandingCharge(), 'not yet').toEqual(before);
    expect(premises.esme.futureDated.list().map((p) => [p.key, p.executesAt])).toEqual(ECS01A_ELEMENTS.map((e) => [`ECS01a ${e}`, at.getTime()]).sort());
    await clock.advance(2 * 60_000);
    expect(activeStandingCharge()).toEqual({ ok: true, value: standingChargeData(tariff({ kind: 'immediate' })) });
    const alerts = messages.filter((m) => m.info.kind === 'alert');
    expect(alerts.map((a) => [a.info.useCase, a.info.alertCode, a.info.recipient])).toEqual(ECS01A_ELEMENTS.map(() => ['FDEIA', 0x8f66, REMOTE_PARTY.supplier]));
    const fields = alerts.map((a) => {
      const opened = openDeviceMessage(premises.keys, a.frame);
      expect([opened.mac, opened.signature]).toEqual(['absent', 'valid']);
      return futureDatedActionedDlms.decodeAlert(opened.frame.payload, { header: opened.frame });
    });
    expect(fields.map((f) => f.attribute)).toEqual(ECS01A_ELEMENTS.map((e) => ECS01A_ACTIVATION_ATTRIBUTE[e]));
    expect(fields.every((f) => f.messageCode === 0x0019 && f.originatorCounter === BigInt(START) + 1n)).toBe(true);
    expect(cosemDateTimeToDate(fields[0]!.timeStamp)?.toISOString()).toBe(at.toISOString());
    expect(premises.esme.futureDated.list()).toEqual([]);

    if (rtdsAvailable(RTDS)) {
      const rtds = decodeFrame(hexToBytes(readFileSync(join(RTDS, 'RTDS-4.5.0', '1.1.1_ECS01a', 'ECS01a_1.1.1_8F66_FUTURE_DATED_TOU_BLOCK_SUCCESS_ALERT_SWITCHING_TABLE_GBCS.HEX'), 'utf8').trim(), 'rtds'));
      const ours = openDeviceMessage(premises.keys, alerts[0]!.frame).frame;
      expect(headerShape(ours)).toEqual(headerShape(rtds));
      expect(dlmsShape(ours.payload)).toEqual(dlmsShape(rtds.payload));
    }
  });

  it('a cancellation removes the pending future-dated tariff: nothing takes effect, no alert', async () => {
    const { clock, premises, messages, send, activeStandingCharge } = world();
    const before = activeStandingCharge();
    await send(tariff({ kind: 'at', dateTime: cosemDateTimeFromDate(new Date(START + HOUR)) }));
    await clock.advance(10_000);
    await send(tariff({ kind: 'cancel' }));
    await clock.advance(10_000);
    expect(premises.esme.futureDated.list()).toEqual([]);
    await clock.advance(2 * HOUR);
    expect(activeStandingCharge()).toEqual(before);
    expect(messages.filter((m) => m.info.kind === 'alert')).toEqual([]);
    expect(messages.filter((m) => m.info.kind === 'response')).toHaveLength(2);
  });

  it('a command without the user signature, or with a wrong one, is refused: nothing written, nothing scheduled', async () => {
    const { clock, premises, messages, send } = world();
    const passive = () => premises.esme.read(113, '0-0:19.20.4.255', 6);
    const before = passive();
    const future = tariff({ kind: 'at', dateTime: cosemDateTimeFromDate(new Date(START + HOUR)) }, 31000);
    expect(await send(future, 'none')).toMatchObject({ accepted: false, reason: 'signature-absent' });
    expect(await send(future, 'wrong')).toMatchObject({ accepted: false, reason: 'signature-invalid' });
    await clock.advance(2 * HOUR);
    expect(passive()).toEqual(before);
    expect(premises.esme.futureDated.list()).toEqual([]);
    expect(messages).toEqual([]);
  });
});
