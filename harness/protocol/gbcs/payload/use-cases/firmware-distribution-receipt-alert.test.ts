// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { cosemDateTimeFromDate } from '../dlms/cosem-date-time.ts';
import { alertCodecFor, decodeTypedMessage } from '../registry.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import {
  ALERT_FIRMWARE_VERIFICATION_FAILED,
  fdraVerificationFailedDlms,
  fdraVerificationFailedGbz,
  fdraVerifiedDlms,
  fdraVerifiedGbz,
  MESSAGE_CODE_FDRA_DLMS,
  MESSAGE_CODE_FDRA_GBZ,
} from './firmware-distribution-receipt-alert.ts';

const HASH = 'AB'.repeat(32);
const header = (messageCode: number, originator: string): GbcsHeader => ({ cra: 3, counter: 2000n, originator, recipient: '90B3D51F30010000', dateTime: null, messageCode, supplementary: null });

describe('Firmware Distribution Receipt Alerts', () => {
  it('DLMS (0x00CE) and GBZ (0x00CF) carry the hash the device calculated', () => {
    const dlms = header(MESSAGE_CODE_FDRA_DLMS, '00DB1234567890A0');
    const d = { timeStamp: cosemDateTimeFromDate(new Date('2019-04-12T09:30:00Z')), calculatedImageHash: HASH };
    const dp = fdraVerificationFailedDlms.encodeAlert(d, { header: dlms });
    expect(fdraVerificationFailedDlms.decodeAlert(dp, { header: dlms })).toEqual(d);
    expect(decodeTypedMessage({ ...dlms, payload: dp })?.useCase).toBe('FDRA');
    expectEveryPrefixRejected(dp, (b) => fdraVerificationFailedDlms.decodeAlert(b, { header: dlms }));
    const gbz = header(MESSAGE_CODE_FDRA_GBZ, '00DB1234567890A1');
    const g = { timeStamp: new Date('2019-04-12T09:30:00Z'), calculatedImageHash: HASH };
    const gp = fdraVerifiedGbz.encodeAlert(g, { header: gbz });
    expect(fdraVerifiedGbz.decodeAlert(gp, { header: gbz })).toEqual(g);
    expectEveryPrefixRejected(gp, (b) => fdraVerifiedGbz.decodeAlert(b, { header: gbz }));
    expectTrailingRejected(gp, (b) => fdraVerifiedGbz.decodeAlert(b, { header: gbz }));
    expect(alertCodecFor(MESSAGE_CODE_FDRA_GBZ, ALERT_FIRMWARE_VERIFICATION_FAILED)).toBe(fdraVerificationFailedGbz);
  });

  it.skipIf(rtdsAbsent)(`RTDS FDRA-DLMS and FDRA-ZigBee 0x8F72 round-trip byte for byte (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    expect(expectRtdsAlertRoundTrip(fdraVerifiedDlms, 'NA_FDRA-DLMS', 'FDRA-DLMS_NA_8F72_ALERT').calculatedImageHash).toBe('01'.repeat(32));
    expect(expectRtdsAlertRoundTrip(fdraVerifiedGbz, 'NA_FDRA-ZigBee', 'FDRA-ZigBee_NA_8F72_ALERT')).toEqual({ timeStamp: new Date('2015-01-01T00:00:00Z'), calculatedImageHash: 'A1'.repeat(32) });
  });
});
