// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { bytesToHex, spacedHexToBytes } from '../../hex.ts';
import { chfAlert } from '../testing/chf-exchange-headers.ts';
import { expectEveryPrefixRejected, expectTrailingRejected } from '../testing/decode-assertions.ts';
import { dlmsAlertHex, SAMPLE_ALERT_TIME_STAMP } from '../testing/dlms-alert-sample.ts';
import { rtdsAbsent, rtdsPayload, RTDS_SKIP_REASON } from '../testing/rtds-payloads.ts';
import { expectRtdsAlertRoundTrip } from '../testing/rtds-round-trip.ts';
import { SAMPLE_CONFIGURATION, SAMPLE_CONFIGURATION_HEX } from '../testing/sub-ghz-configuration-sample.ts';
import { dbch04 } from './dbch04.ts';
import { dbch09SubGhzConfigurationChanged } from './dbch09-configuration-changed.ts';

const CTX = chfAlert(0x0113, 4400n);
const FIELDS = { timeStamp: SAMPLE_ALERT_TIME_STAMP, configuration: SAMPLE_CONFIGURATION };
const HEX = dlmsAlertHex(4400, 0x8f2a, 1, SAMPLE_CONFIGURATION_HEX);

describe('DBCH09 Sub GHz Configuration Changed (0x8F2A)', () => {
  it('carries the whole CHF Sub GHz Configuration', () => {
    expect(bytesToHex(dbch09SubGhzConfigurationChanged.encodeAlert(FIELDS, CTX))).toBe(HEX);
    expect(dbch09SubGhzConfigurationChanged.decodeAlert(spacedHexToBytes(HEX), CTX)).toEqual(FIELDS);
  });

  it('rejects a configuration of another page order and truncations', () => {
    const swapped = HEX.replace('0420E0000020', '0420FC000000').replace(/(0420FC000000[0-9A-F]{24})0420FC000000/, '$10420E0000020');
    expect(() => dbch09SubGhzConfigurationChanged.decodeAlert(spacedHexToBytes(swapped), CTX)).toThrow(/page 28/);
    expectEveryPrefixRejected(spacedHexToBytes(HEX), (b) => dbch09SubGhzConfigurationChanged.decodeAlert(b, CTX));
    expectTrailingRejected(spacedHexToBytes(HEX), (b) => dbch09SubGhzConfigurationChanged.decodeAlert(b, CTX));
  });

  it.skipIf(rtdsAbsent)(`RTDS round trip: the alert of the 6.28 folder reports what its DBCH04 command set (${rtdsAbsent ? RTDS_SKIP_REASON : 'RTDS present'})`, () => {
    const a = expectRtdsAlertRoundTrip(dbch09SubGhzConfigurationChanged, '6.28_DBCH04', 'DBCH04_6.28_NA_SUCCESS_ALERT_DBCH09');
    const command = rtdsPayload('6.28_DBCH04', 'DBCH04_6.28_SUCCESS_COMMAND');
    expect(a.configuration).toEqual(dbch04.decodeCommand(command.payload, command));
    expect(a.configuration.normalLimitedDutyCycleThresholdPercent).toBe(1.3);
    expect(a.configuration.limitedCriticalDutyCycleThresholdPercent).toBe(2.2);
  });
});
