// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { bytesToHex } from '../../hex.ts';
import { cosemDateTimeFromDate } from '../dlms/cosem-date-time.ts';
import { decodeTypedMessage } from '../registry.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { allRtdsPayloads, rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { futureDatedActionedDlms, futureDatedActionedGbz, MESSAGE_CODE_FUTURE_DATED_DLMS, MESSAGE_CODE_FUTURE_DATED_GBZ } from './future-dated-execution-alert.ts';

const header = (messageCode: number, originator: string): GbcsHeader => ({ cra: 3, counter: 2012n, originator, recipient: '90B3D51F30010000', dateTime: null, messageCode, supplementary: null });
const DLMS = header(MESSAGE_CODE_FUTURE_DATED_DLMS, '00DB1234567890A0');
const GBZ = header(MESSAGE_CODE_FUTURE_DATED_GBZ, '00DB1234567890A1');

describe('0x8F66 Future Dated Command Actioned', () => {
  it('DLMS (0x00CC): names the command and the activation attribute that fired', () => {
    const fields = {
      timeStamp: cosemDateTimeFromDate(new Date('2019-04-12T09:00:00Z')),
      messageCode: 0x0019,
      originatorCounter: 1_555_059_600_000n,
      attribute: { classId: 113, instanceId: '0-0:19.20.0.255' as const, attributeId: 7 },
    };
    const payload = futureDatedActionedDlms.encodeAlert(fields, { header: DLMS });
    expect(futureDatedActionedDlms.decodeAlert(payload, { header: DLMS })).toEqual(fields);
    expect(decodeTypedMessage({ ...DLMS, payload })?.useCase).toBe('FDEIA');
    expectEveryPrefixRejected(payload, (b) => futureDatedActionedDlms.decodeAlert(b, { header: DLMS }));
    expectTrailingRejected(payload, (b) => futureDatedActionedDlms.decodeAlert(b, { header: DLMS }));
  });

  it('GBZ (0x00CD): names the command and the cluster command that took effect', () => {
    const fields = { timeStamp: new Date('2019-04-12T09:00:00Z'), messageCode: 0x006b, originatorCounter: 1005n, clusterId: 0x0700, frameControl: 0x09, commandId: 5 };
    const payload = futureDatedActionedGbz.encodeAlert(fields, { header: GBZ });
    expect(futureDatedActionedGbz.decodeAlert(payload, { header: GBZ })).toEqual(fields);
    expectEveryPrefixRejected(payload, (b) => futureDatedActionedGbz.decodeAlert(b, { header: GBZ }));
    expectTrailingRejected(payload, (b) => futureDatedActionedGbz.decodeAlert(b, { header: GBZ }));
  });

  it.skipIf(rtdsAbsent)(`every RTDS 0x00CC / 0x00CD 0x8F66 alert round-trips byte for byte (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const alerts = allRtdsPayloads().filter((m) => m.header.cra === 3 && (m.header.messageCode === MESSAGE_CODE_FUTURE_DATED_DLMS || m.header.messageCode === MESSAGE_CODE_FUTURE_DATED_GBZ));
    expect(alerts.length).toBeGreaterThanOrEqual(50);
    for (const m of alerts) {
      const codec = m.header.messageCode === MESSAGE_CODE_FUTURE_DATED_DLMS ? futureDatedActionedDlms : futureDatedActionedGbz;
      const fields = (codec as typeof futureDatedActionedDlms).decodeAlert(m.payload, m);
      expect(bytesToHex((codec as typeof futureDatedActionedDlms).encodeAlert(fields as never, m)), m.file).toBe(bytesToHex(m.payload));
    }
    const switching = rtdsPayload('1.1.1_ECS01a', 'ECS01a_1.1.1_8F66_FUTURE_DATED_TOU_BLOCK_SUCCESS_ALERT_SWITCHING_TABLE');
    expect(futureDatedActionedDlms.decodeAlert(switching.payload, switching)).toMatchObject({ messageCode: 0x0019, originatorCounter: 1008n, attribute: { classId: 20, instanceId: '0-0:13.0.0.255', attributeId: 10 } });
    const matrix = rtdsPayload('1.1.1_GCS01a', 'GCS01a_1.1.1_8F66_FUTURE_DATED_BLOCK_SUCCESS_ALERT_PUBLISH_PRICE_MATRIX');
    expect(futureDatedActionedGbz.decodeAlert(matrix.payload, matrix)).toEqual({
      timeStamp: new Date('2030-01-15T09:00:00Z'),
      messageCode: 0x006b,
      originatorCounter: 1005n,
      clusterId: 0x0700,
      frameControl: 0x09,
      commandId: 5,
    });
  });
});
