// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { alertCodecFor } from '../registry.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { MESSAGE_CODE_GNCA } from './power-alerts.ts';
import { SUB_GHZ_GNCA_ALERTS } from './sub-ghz-generic-alerts.ts';

describe('sub-GHz alerts without a use case of their own (GNCA, no content) [P]', () => {
  it('covers 0x8F21–0x8F25, 0x8F27, 0x8F29 and 0x8F2B, each registered under GNCA 0x1001', () => {
    expect(SUB_GHZ_GNCA_ALERTS.map((c) => c.alertCode.toString(16))).toEqual(['8f21', '8f22', '8f23', '8f24', '8f25', '8f27', '8f29', '8f2b']);
    for (const c of SUB_GHZ_GNCA_ALERTS) expect(alertCodecFor(MESSAGE_CODE_GNCA, c.alertCode)).toBe(c);
    expect(SUB_GHZ_GNCA_ALERTS[1].title).toMatch(/Duty Cycle: Critical Action Taken \(0x8F22\)/);
  });

  it('encodes only the alert code and time stamp', () => {
    const ctx = chfAlert(MESSAGE_CODE_GNCA, 4600n);
    for (const c of SUB_GHZ_GNCA_ALERTS) {
      const hex = dlmsAlertHex(4600, c.alertCode, 0, '');
      expect(bytesToHex(c.encodeAlert({ timeStamp: SAMPLE_ALERT_TIME_STAMP }, ctx))).toBe(hex);
      expect(c.decodeAlert(spacedHexToBytes(hex), ctx)).toEqual({ timeStamp: SAMPLE_ALERT_TIME_STAMP });
      expect(() => c.decodeAlert(spacedHexToBytes(dlmsAlertHex(4600, c.alertCode, 1, '1100')), ctx)).toThrow(/2 elements/);
    }
  });
});
