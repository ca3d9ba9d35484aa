// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { GbcsHeader } from '../../frame-types.ts';
import { alertCodeOf, decodeTypedMessage } from '../registry.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { rtdsAbsent, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import { CCS08_MESSAGE_CODE, ccs08TransferFailed, ccs08TransferSucceeded } from './ccs08.ts';

const header: GbcsHeader = { cra: 3, counter: 4000n, originator: '00DB1234567890A2', recipient: '90B3D51F30000002', dateTime: null, messageCode: CCS08_MESSAGE_CODE, supplementary: null };

describe('CCS08 Firmware Transfer Alert', () => {
  it('round-trips a failed transfer and names it by its alert code', () => {
    const fields = { executionDateTime: '2019-04-12T10:15:00Z', entityId: '00DB1234567890A1', firmwareVersion: '312E302E33', result: 'file-transfer-failure' as const };
    const payload = ccs08TransferFailed.encodeAlert(fields, { header });
    expect(ccs08TransferFailed.decodeAlert(payload, { header })).toEqual(fields);
    expect(alertCodeOf(payload)).toBe(0x8f89);
    expect(decodeTypedMessage({ ...header, payload })?.useCase).toBe('CCS08');
    expect(() => ccs08TransferSucceeded.decodeAlert(payload, { header })).toThrow(/0x8F8A/);
    expectEveryPrefixRejected(payload, (b) => ccs08TransferFailed.decodeAlert(b, { header }));
    expectTrailingRejected(payload, (b) => ccs08TransferFailed.decodeAlert(b, { header }));
  });

  it.skipIf(rtdsAbsent)(`RTDS NA_CCS08 round-trips byte for byte (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    expect(expectRtdsAlertRoundTrip(ccs08TransferSucceeded, 'NA_CCS08', 'CCS08_NA_NA_ALERT')).toEqual({
      executionDateTime: '2015-01-01T00:00:00Z',
      entityId: '00DB1234567890A4',
      firmwareVersion: '0123ABCD',
      result: 'success',
    });
  });
});
