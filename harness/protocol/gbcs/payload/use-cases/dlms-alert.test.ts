// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { Axdr } from '../dlms/axdr-data.ts';
import { expectNumber, item } from '../dlms/axdr-match.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { alertCodeText, decodeDlmsAlertHead, dlmsAlertCodec, encodeDlmsAlert } from './dlms-alert.ts';

const CTX = chfAlert(0x0999, 4700n);

const codec = dlmsAlertCodec<{ readonly level: number }>({
  name: 'X01',
  messageCode: 0x0999,
  alertCode: 0x8f99,
  useCaseTitle: 'Test Alert',
  alertName: 'Test Level',
  contentCount: 1,
  encodeContent: (f) => [Axdr.unsigned(f.level)],
  decodeContent: (content) => ({ level: expectNumber(item(content, 0), 'unsigned', 'content[0]') }),
});

describe('DLMS alert frame', () => {
  it('encodes and decodes an alert from the shape of its content', () => {
    const hex = dlmsAlertHex(4700, 0x8f99, 1, '1107');
    expect(bytesToHex(codec.encodeAlert({ timeStamp: SAMPLE_ALERT_TIME_STAMP, level: 7 }, CTX))).toBe(hex);
    expect(codec.decodeAlert(spacedHexToBytes(hex), CTX)).toEqual({ timeStamp: SAMPLE_ALERT_TIME_STAMP, level: 7 });
    expect(codec).toMatchObject({ kind: 'alert', srv: 'NA', payloadKind: 'dlms', title: 'Test Alert: Test Level (0x8F99)' });
    expect(bytesToHex(encodeDlmsAlert(CTX, 0x8f99, SAMPLE_ALERT_TIME_STAMP, []))).toBe(dlmsAlertHex(4700, 0x8f99, 0, ''));
  });

  it('checks invoke id, date-time, alert code and content count', () => {
    const hex = dlmsAlertHex(4700, 0x8f99, 1, '1107');
    expect(() => decodeDlmsAlertHead(spacedHexToBytes(hex), chfAlert(0x0999, 4701n), 0x8f99, 1, 'x')).toThrow(/originator counter 4701/);
    expect(() => decodeDlmsAlertHead(spacedHexToBytes(hex), CTX, 0x8f98, 1, 'other')).toThrow(/0x8F98 \(other\)/);
    expect(() => decodeDlmsAlertHead(spacedHexToBytes(hex), CTX, 0x8f99, 2, 'x')).toThrow(/4 elements/);
    const dated = hex.replace(/^(0F20[0-9A-F]{6})00/, '$10C07E3040CFF090500008000FF');
    expect(() => decodeDlmsAlertHead(spacedHexToBytes(dated), CTX, 0x8f99, 1, 'x')).toThrow(/not future dated/);
    expect(alertCodeText(0x8f2c)).toBe('0x8F2C');
  });
});
