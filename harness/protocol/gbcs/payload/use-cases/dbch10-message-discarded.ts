// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH10 alert 0x8F2C — Message Discarded Due to Duty Cycle Management, message code 0x0114
 * (CHF → ACB): the CHF dropped a message it could not send while suspended.
 * Content: octet-string(25) = originator EUI-64 (8) ‖ target EUI-64 (8) ‖ CRA flag (1) ‖
 * originator counter (8, big-endian) [I: RTDS 90-B3-D5-1F-30-01-00-00 (the supplier),
 * 00-DB-12-34-56-78-90-A0 (the ESME), 01 (a command), 1000 — the parts of the DUIS RequestID
 * originator:target:counter of the discarded command, with its CRA flag].
 */
import type { Eui64 } from '../../frame-types.ts';
import { bytesToHex } from '../../hex.ts';
import { Axdr } from '../dlms/axdr-data.ts';
import { expectOctetString, item } from '../dlms/axdr-match.ts';
import { euiFieldBytes, octetFieldBytes } from '../field-bytes.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { dlmsAlertCodec } from './dlms-alert.ts';

export const ALERT_MESSAGE_DISCARDED_DUTY_CYCLE = 0x8f2c;

/** Which message was discarded. */
export interface DiscardedMessage {
  readonly originator: Eui64;
  readonly target: Eui64;
  /** 1 command, 2 response, 3 alert. */
  readonly craFlag: number;
  readonly originatorCounter: bigint;
}

export interface MessageDiscarded {
  readonly discarded: DiscardedMessage;
}

const CONTENT = 'data-notification.body.content[0]';
const LENGTH = 25;

export const dbch10MessageDiscarded = dlmsAlertCodec<MessageDiscarded>({
  name: 'DBCH10',
  messageCode: 0x0114,
  alertCode: ALERT_MESSAGE_DISCARDED_DUTY_CYCLE,
  useCaseTitle: 'Message Discarded Due to Duty Cycle Management Sub GHz Alert',
  alertName: 'Message Discarded (Duty Cycle)',
  contentCount: 1,
  encodeContent({ discarded: d }) {
    const f = 'DBCH10 alert.discarded';
    if (d.originatorCounter < 0n || d.originatorCounter > 0xffff_ffff_ffff_ffffn) throw new PayloadEncodeError(`${f}.originatorCounter`, 'a 64-bit unsigned counter', String(d.originatorCounter));
    const bytes = new Uint8Array(LENGTH);
    bytes.set(euiFieldBytes(d.originator, `${f}.originator`), 0);
    bytes.set(euiFieldBytes(d.target, `${f}.target`), 8);
    bytes.set(octetFieldBytes(d.craFlag, `${f}.craFlag`), 16);
    new DataView(bytes.buffer).setBigUint64(17, d.originatorCounter);
    return [Axdr.octetString(bytes)];
  },
  decodeContent(content) {
    const b = expectOctetString(item(content, 0), `${CONTENT}.discarded-message`, LENGTH);
    return {
      discarded: {
        originator: bytesToHex(b.subarray(0, 8)),
        target: bytesToHex(b.subarray(8, 16)),
        craFlag: b[16] as number,
        originatorCounter: new DataView(b.buffer, b.byteOffset, LENGTH).getBigUint64(17),
      },
    };
  },
});
