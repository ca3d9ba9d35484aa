// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { futureDatedActionedGbz } from '../../harness/protocol/gbcs/payload/use-cases/future-dated-execution-alert.ts';
import { gcs01a, GCS01A_CANCEL_START, GCS01A_CANCEL_TARIFF_START, type Gcs01aCommand } from '../../harness/protocol/gbcs/payload/use-cases/gcs01a.ts';
import { sampleGasTariff } from '../../harness/protocol/gbcs/payload/testing/gas-tariff-sample.ts';
import { decodeGbzAlert } from '../../harness/protocol/gbcs/payload/zcl/gbz-alert.ts';
import { dateToZclUtc } from '../../harness/protocol/gbcs/payload/zcl/zcl-utc-time.ts';
import { defaultRtdsDir, rtdsAvailable } from '../../harness/protocol/gbcs/rtds.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { DeviceMessageInfo } from '../device-message.ts';
import { PRICE_ATTRIBUTE } from '../meters/gsme-tariff.ts';
import { createPremises } from '../premises.ts';
import { criticalCommand } from '../testing/critical-command.ts';
import { openDeviceMessage } from '../testing/dcc-side.ts';
import { headerShape } from '../testing/payload-shape.ts';

const START = Date.UTC(2019, 3, 12, 8);
const HOUR = 3_600_000;
const RTDS = defaultRtdsDir();
const PRICE = 0x0700;

/** The sample block tariff, every element starting at `start` (tariff information at `tariffStart`). */
function tariff(start: number, standingCharge = 25000, tariffStart = start): Gcs01aCommand {
  return sampleGasTariff({ start, standingCharge, tariffStart });
}

function world() {
  const clock = new VirtualClock(START);
  const messages: Array<{ frame: Uint8Array; info: DeviceMessageInfo }> = [];
  const premises = createPremises({ seed: 'gcs01a', clock, onDeviceMessage: (frame, info) => void messages.push({ frame, info }) });
  let counter = BigInt(START);
  const send = (fields: Gcs01aCommand, signature?: 'signed' | 'none' | 'wrong') => {
    counter += 1n;
    return premises.handleCommand(criticalCommand(premises.keys, { srv: '1.1.1', targetType: 'GSME', device: premises.gsme.eui, fields, counter, signature }));
  };
  const standingCharge = () => premises.gsme.attributes.get(PRICE, PRICE_ATTRIBUTE.standingCharge)?.value.value;
  /** Until the GSME has woken and answered. */
  const answered = async (n: number) => (await clock.waitFor(() => messages.filter((m) => m.info.kind === 'response').length >= n, { within: 2 * HOUR })).met;
  return { clock, premises, messages, send, standingCharge, answered };
}

describe('GCS01a on the emulated GSME', () => {
  it('an immediate tariff waits for the wake, then takes effect: Price cluster attributes, calendar, one success per published command', async () => {
    const { premises, messages, send, standingCharge, answered } = world();
    expect(await send(tariff(0))).toMatchObject({ accepted: true, useCase: 'GCS01a', route: 'GSME-queued' });
    expect(standingCharge(), 'nothing before the wake').toBeUndefined();
    expect(await answered(1)).toBe(true);
    const opened = openDeviceMessage(premises.keys, messages[0]!.frame);
    expect([opened.mac, opened.signature]).toEqual(['absent', 'valid']);
    expect(gcs01a.decodeResponse(opened.frame.payload, { header: opened.frame }).results.map((r) => r.status)).toEqual(Array(8).fill('success'));
    expect(standingCharge()).toBe(25000);
    expect(premises.gsme.attributes.get(PRICE, PRICE_ATTRIBUTE.noTierBlock1Price + 1)?.value).toEqual({ type: 'uint32', value: 11000 });
    expect(premises.gsme.attributes.get(PRICE, PRICE_ATTRIBUTE.block1Threshold)?.value).toEqual({ type: 'uint48', value: 2_000_000 });
    expect(premises.gsme.tariff.activeElement('calendar')?.weekProfiles[0]?.dayIds).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(messages.filter((m) => m.info.kind === 'alert')).toEqual([]);
  });

  it('a future-dated tariff takes effect at its start time with one 0x8F66 per element; a cancellation removes a pending one', async () => {
    const { clock, premises, messages, send, standingCharge, answered } = world();
    const at = START + 3 * HOUR;
    await send(tariff(dateToZclUtc(new Date(at))));
    expect(await answered(1)).toBe(true);
    expect(standingCharge()).toBeUndefined();
    expect(premises.gsme.futureDated.list()).toHaveLength(5);
    await clock.advanceTo(at + 60_000);
    expect(standingCharge()).toBe(25000);
    const alerts = messages.filter((m) => m.info.kind === 'alert').map((a) => openDeviceMessage(premises.keys, a.frame));
    expect(alerts.map((a) => [a.mac, a.signature])).toEqual(Array(5).fill(['absent', 'valid']));
    const fields = alerts.map((a) => futureDatedActionedGbz.decodeAlert(a.frame.payload, { header: a.frame }));
    expect(fields.map((f) => `${f.clusterId.toString(16)}/${f.commandId}`)).toEqual(['707/0', '707/4', '700/4', '700/6', '700/5']);
    expect(fields.every((f) => f.messageCode === 0x006b && f.originatorCounter === BigInt(START) + 1n && f.frameControl === 0x09 && f.timeStamp.getTime() === at)).toBe(true);
    if (rtdsAvailable(RTDS)) {
      const rtds = decodeFrame(hexToBytes(readFileSync(join(RTDS, 'RTDS-4.5.0', '1.1.1_GCS01a', 'GCS01a_1.1.1_8F66_FUTURE_DATED_BLOCK_SUCCESS_ALERT_PUBLISH_CALENDAR_GBCS.HEX'), 'utf8').trim(), 'rtds'));
      expect(headerShape(alerts[0]!.frame)).toEqual(headerShape(rtds));
      expect(decodeGbzAlert(alerts[0]!.frame.payload).body.length).toBe(decodeGbzAlert(rtds.payload).body.length);
    }

    await send(tariff(dateToZclUtc(new Date(at + 4 * HOUR)), 30000));
    expect(await answered(2)).toBe(true);
    expect(premises.gsme.futureDated.list()).toHaveLength(5);
    await send(tariff(GCS01A_CANCEL_START, 30000, GCS01A_CANCEL_TARIFF_START));
    expect(await answered(3)).toBe(true);
    expect(premises.gsme.futureDated.list()).toEqual([]);
    await clock.advanceTo(at + 6 * HOUR);
    expect(standingCharge(), 'the cancelled tariff never took effect').toBe(25000);
    expect(messages.filter((m) => m.info.kind === 'alert')).toHaveLength(5);
  });

  it('a command without a valid user signature is refused: no response, nothing published', async () => {
    const { clock, premises, messages, send, standingCharge } = world();
    expect(await send(tariff(0), 'wrong')).toMatchObject({ accepted: false, reason: 'signature-invalid' });
    await clock.advance(2 * HOUR);
    expect(standingCharge()).toBeUndefined();
    expect(premises.gsme.tariff.activeElement('priceMatrix')).toBeUndefined();
    expect(messages).toEqual([]);
  });
});
