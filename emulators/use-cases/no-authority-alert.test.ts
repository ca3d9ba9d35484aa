// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A command whose originator has no authority for it (a registered DCC user whose certificate
 * the device does not hold) passes the DCC (I99), is refused by the meter, and the meter's alert
 * 0x8F30 reaches the Service User through the DUIS receiver — shaped as the RTDS GCA alert.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { gcaNoAuthorityDlms, gcaNoAuthorityGbz } from '../../harness/protocol/gbcs/payload/use-cases/no-authority-alert.ts';
import { rtdsMessagesDir, rtdsAbsent, RTDS_SKIP_REASON } from '../../harness/protocol/gbcs/payload/testing/rtds-payloads.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { duisWorld } from '../testing/duis-world.ts';
import { decodeGbzAlert } from '../../harness/protocol/gbcs/payload/zcl/gbz-alert.ts';
import { dlmsShape, headerShape } from '../testing/payload-shape.ts';

const MINUTE = 60_000;
/** A second Import Supplier the DCC knows but whose certificate is on no device of the premises. */
const OTHER_SUPPLIER = '90B3D51F30030000';
const users = [
  { eui: REMOTE_PARTY.supplier, role: 'IS' as const },
  { eui: OTHER_SUPPLIER, role: 'IS' as const },
];

function rtdsFrame(folder: string, name: string) {
  return decodeFrame(hexToBytes(readFileSync(join(rtdsMessagesDir(), folder, `${name}_GBCS.HEX`), 'utf8').replace(/\s+/g, ''), name));
}

describe('0x8F30: a command from an originator without authority', () => {
  it('ESME: I99, no response, and a GCA 0x8F30 alert to the supplier, signed by the ESME', async () => {
    const s = await duisWorld({ users });
    const { request, answer } = await s.send('ECS52_11.2', s.w.premises.esme.eui, { originator: OTHER_SUPPLIER });
    expect(answer.responseCode, 'the DCC passes it: the role is eligible').toBe('I99');
    await s.w.clock.advance(MINUTE);
    expect(s.answerTo(request)).toBeNull();
    const [alert, ...more] = s.alerts('8F30');
    expect(more).toEqual([]);
    expect(alert?.responseId).toMatchObject({ originator: '00-DB-12-34-56-78-90-A0', target: '90-B3-D5-1F-30-01-00-00' });
    const opened = s.open(alert!);
    expect([opened.mac, opened.signature]).toEqual(['absent', 'valid']);
    expect(opened.frame).toMatchObject({ cra: 3, messageCode: 0x1000, originator: s.w.premises.esme.eui, recipient: REMOTE_PARTY.supplier });
    const fields = gcaNoAuthorityDlms.decodeAlert(opened.frame.payload, { header: opened.frame });
    expect(fields.timeStamp).toBeDefined();
    expect(s.w.dccTrace.of('command')[0]?.receipt).toMatchObject({ accepted: false, reason: 'no-authority' });
    // the refused command did not consume anything: the supplier's own request still works
    const own = await s.send('ECS52_11.2', s.w.premises.esme.eui);
    await s.w.clock.advance(MINUTE);
    expect(s.answerTo(own.request)?.responseCode).toBe('I0');
  });

  it('GSME: the same in GBZ form', async () => {
    const s = await duisWorld({ users });
    await s.send('GCS38_11.2', s.w.premises.gsme.eui, { originator: OTHER_SUPPLIER });
    await s.w.clock.advance(MINUTE);
    const [alert] = s.alerts('8F30');
    const opened = s.open(alert!);
    expect(opened.signature).toBe('valid');
    expect(gcaNoAuthorityGbz.decodeAlert(opened.frame.payload, { header: opened.frame }).timeStamp.getTime() % 1000).toBe(0);
  });

  it.skipIf(rtdsAbsent)(`both are shaped as the RTDS GCA 0x8F30 alerts${rtdsAbsent ? ` (skipped: ${RTDS_SKIP_REASON})` : ''}`, async () => {
    const s = await duisWorld({ users });
    await s.send('ECS52_11.2', s.w.premises.esme.eui, { originator: OTHER_SUPPLIER });
    await s.send('GCS38_11.2', s.w.premises.gsme.eui, { originator: OTHER_SUPPLIER });
    await s.w.clock.advance(MINUTE);
    const [esme, gsme] = s.alerts('8F30').map((a) => s.open(a).frame);
    const dlms = rtdsFrame('NA_GCA-DLMS', 'GCA-DLMS_NA_8F30_ALERT');
    const gbz = rtdsFrame('NA_GCA-ZigBee', 'GCA-ZigBee_NA_8F30_ALERT');
    expect(headerShape(esme!)).toEqual(headerShape(dlms));
    expect(dlmsShape(esme!.payload)).toEqual(dlmsShape(dlms.payload));
    expect(headerShape(gsme!)).toEqual(headerShape(gbz));
    const alertShape = (p: Uint8Array) => {
      const a = decodeGbzAlert(p);
      return { length: p.length, componentCount: a.componentCount, alertCode: a.alertCode, bodyLength: a.body.length };
    };
    expect(alertShape(gsme!.payload)).toEqual(alertShape(gbz.payload));
  });
});
