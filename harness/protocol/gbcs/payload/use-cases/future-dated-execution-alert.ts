// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Alert 0x8F66 "Future Dated Command Actioned": a meter tells the originator of a future-dated
 * command that one of its elements took effect. One alert per element (RTDS 1.1.1_ECS01a: six,
 * switching table to threshold matrix; 1.1.1_GCS01a: five, one per published calendar / price
 * command), whatever use case the command was — ECS01a, ECS08, ECS28a, GCS05 … all share these
 * two carriers [I: read off the 59 RTDS 0x00CC / 0x00CD alerts]:
 *
 * - 0x00CC Future-dated Execution of Instruction Alert (DLMS COSEM), from an ESME: a DLMS
 *   Data-Notification {alert code, time stamp, content}; the content is one octet-string of 19
 *   bytes: the command's message code (2), the command's originator counter (8), and the COSEM
 *   attribute descriptor of the activation attribute that fired (class 2, OBIS 6, attribute 1)
 *   (RTDS ECS01a switching table: 00 19 | 00…03 F0 | 00 14 00 00 0D 00 00 FF 0A).
 * - 0x00CD Future-dated Execution of Instruction Alert (GBZ), from a GSME: a GBZ alert with one
 *   component whose body is a length (0E) then the command's message code (2), originator
 *   counter (8), cluster id (2), ZCL frame control (1) and command id (1) of the cluster command
 *   that took effect (RTDS GCS01a price matrix: 0E | 00 6B | 00…03 ED | 07 00 | 09 | 05).
 *
 * Both are signed by the meter, not MAC-wrapped, no header date-time (RTDS). The codecs are named
 * FDEIA after the message, "Future-dated Execution of Instruction Alert", as GNCA and FDRA are
 * named after theirs [P: GBCS gives these alerts no use-case name].
 */
import { Axdr, axdrOffset } from '../dlms/axdr-data.ts';
import { expectOctetString, item } from '../dlms/axdr-match.ts';
import type { CosemDateTime } from '../dlms/cosem-date-time.ts';
import { readAttributeDescriptor, writeAttributeDescriptor, type CosemAttributeDescriptor } from '../dlms/cosem-descriptor.ts';
import { decodeGbcsDlmsAlert, encodeGbcsDlmsAlert } from '../dlms/data-notification.ts';
import { gbcsLongInvokeId } from '../dlms/long-invoke-id.ts';
import { PayloadDecodeError } from '../payload-errors.ts';
import { PayloadReader } from '../payload-reader.ts';
import { PayloadWriter } from '../payload-writer.ts';
import { decodeGbzAlert, encodeGbzAlert, GBZ_ALERT_BODY_OFFSET } from '../zcl/gbz-alert.ts';
import { dateToZclUtc, zclUtcToDate } from '../zcl/zcl-utc-time.ts';
import { checkInvoke } from './dlms-exchange.ts';
import type { AlertCodec } from './use-case-codec.ts';

export const ALERT_FUTURE_DATED_ACTIONED = 0x8f66;
export const MESSAGE_CODE_FUTURE_DATED_DLMS = 0x00cc;
export const MESSAGE_CODE_FUTURE_DATED_GBZ = 0x00cd;

/** Which command a future-dated alert is about: its message code and originator counter. */
export interface ActionedCommand {
  readonly messageCode: number;
  readonly originatorCounter: bigint;
}

export interface FutureDatedDlmsAlert extends ActionedCommand {
  readonly timeStamp: CosemDateTime;
  /** The activation attribute of the element that took effect. */
  readonly attribute: CosemAttributeDescriptor;
}

export interface FutureDatedGbzAlert extends ActionedCommand {
  /** UTC, whole seconds. */
  readonly timeStamp: Date;
  readonly clusterId: number;
  /** ZCL frame control of the command that took effect (RTDS GCS01a: 09; GCS05: 01). */
  readonly frameControl: number;
  readonly commandId: number;
}

const DLMS_CONTENT_LENGTH = 19;
const GBZ_BODY_LENGTH = 14;
const TITLE = 'Future Dated Command Actioned (0x8F66)';

function writeCommand(w: PayloadWriter, c: ActionedCommand, field: string): void {
  w.u16(c.messageCode, `${field}.message-code`).u64(c.originatorCounter, `${field}.originator-counter`);
}

function readCommand(r: PayloadReader, field: string): ActionedCommand {
  return { messageCode: r.u16(`${field}.message-code`), originatorCounter: r.u64(`${field}.originator-counter`) };
}

function checkAlertCode(found: number, at: number, field: string): void {
  if (found !== ALERT_FUTURE_DATED_ACTIONED) throw new PayloadDecodeError(at, field, `0x8F66 (${TITLE})`, `0x${found.toString(16).toUpperCase()}`);
}

/** 0x8F66 from an ESME (message code 0x00CC, DLMS). */
export const futureDatedActionedDlms: AlertCodec<FutureDatedDlmsAlert> = {
  kind: 'alert',
  name: 'FDEIA',
  messageCode: MESSAGE_CODE_FUTURE_DATED_DLMS,
  srv: 'NA',
  title: `Future-dated Execution of Instruction Alert (DLMS COSEM): ${TITLE}`,
  payloadKind: 'dlms',
  alertCode: ALERT_FUTURE_DATED_ACTIONED,

  encodeAlert(f, ctx) {
    const w = new PayloadWriter();
    writeCommand(w, f, 'content');
    writeAttributeDescriptor(w, f.attribute, 'content.attribute');
    return encodeGbcsDlmsAlert({
      invoke: gbcsLongInvokeId(ctx.header.counter),
      dateTime: null,
      alertCode: ALERT_FUTURE_DATED_ACTIONED,
      timeStamp: f.timeStamp,
      content: [Axdr.octetString(w.toBytes())],
    });
  },

  decodeAlert(payload, ctx) {
    const a = decodeGbcsDlmsAlert(payload);
    checkInvoke(a.invoke, ctx, 'data-notification');
    if (a.dateTime !== null) throw new PayloadDecodeError(5, 'data-notification.date-time', '00 (absent)', 'a date-time');
    checkAlertCode(a.alertCode, 9, 'data-notification.body.alert-code');
    if (a.content.length !== 1) throw new PayloadDecodeError(7, 'data-notification.body', 'a structure of 3 elements (alert code, time stamp, executed command)', String(a.content.length + 2));
    const content = item(a.content, 0);
    const field = 'data-notification.body.content';
    const r = new PayloadReader(expectOctetString(content, field, DLMS_CONTENT_LENGTH), (axdrOffset(content) ?? 0) + 2);
    const command = readCommand(r, field);
    const attribute = readAttributeDescriptor(r, `${field}.attribute`);
    return { timeStamp: a.timeStamp, ...command, attribute };
  },
};

/** 0x8F66 from a GSME (message code 0x00CD, GBZ). */
export const futureDatedActionedGbz: AlertCodec<FutureDatedGbzAlert> = {
  kind: 'alert',
  name: 'FDEIA',
  messageCode: MESSAGE_CODE_FUTURE_DATED_GBZ,
  srv: 'NA',
  title: `Future-dated Execution of Instruction Alert (GBZ): ${TITLE}`,
  payloadKind: 'gbz',
  alertCode: ALERT_FUTURE_DATED_ACTIONED,

  encodeAlert(f) {
    const w = new PayloadWriter().u8(GBZ_BODY_LENGTH, 'body.length');
    writeCommand(w, f, 'body');
    w.u16(f.clusterId, 'body.cluster-id').u8(f.frameControl, 'body.frame-control').u8(f.commandId, 'body.command-id');
    return encodeGbzAlert({ componentCount: 1, alertCode: ALERT_FUTURE_DATED_ACTIONED, timeStamp: dateToZclUtc(f.timeStamp), body: w.toBytes() });
  },

  decodeAlert(payload) {
    const a = decodeGbzAlert(payload);
    checkAlertCode(a.alertCode, 3, 'gbz-alert.alert-code');
    if (a.componentCount !== 1) throw new PayloadDecodeError(2, 'gbz-alert.component-count', '1 (the actioned command)', String(a.componentCount));
    const r = new PayloadReader(a.body, GBZ_ALERT_BODY_OFFSET);
    const at = r.offset;
    const length = r.u8('gbz-alert.body.length');
    if (length !== GBZ_BODY_LENGTH) r.fail('gbz-alert.body.length', `${GBZ_BODY_LENGTH} (message code, counter, cluster, frame control, command id)`, String(length), at);
    const command = readCommand(r, 'gbz-alert.body');
    const clusterId = r.u16('gbz-alert.body.cluster-id');
    const frameControl = r.u8('gbz-alert.body.frame-control');
    const commandId = r.u8('gbz-alert.body.command-id');
    r.expectEnd('gbz-alert.body');
    return { timeStamp: zclUtcToDate(a.timeStamp), ...command, clusterId, frameControl, commandId };
  },
};
