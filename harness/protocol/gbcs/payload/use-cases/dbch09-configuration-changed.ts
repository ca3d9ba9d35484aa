// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH09 alert 0x8F2A — Sub GHz Configuration Changed, message code 0x0113 (CHF → ACB): the CHF
 * reports its new CHF Sub GHz Configuration (sub-ghz-configuration.ts) after a DBCH04 set.
 * Content: the 15-element configuration structure [I: RTDS DBCH04_6.28_NA_SUCCESS_ALERT_DBCH09,
 * the same values as the DBCH04 command of that folder].
 */
import { dlmsAlertCodec } from './dlms-alert.ts';
import { readSubGhzConfiguration, subGhzConfigurationData, type SubGhzConfiguration } from './sub-ghz-configuration.ts';
import { item } from '../dlms/axdr-match.ts';

export const ALERT_SUB_GHZ_CONFIGURATION_CHANGED = 0x8f2a;

export interface SubGhzConfigurationChanged {
  readonly configuration: SubGhzConfiguration;
}

export const dbch09SubGhzConfigurationChanged = dlmsAlertCodec<SubGhzConfigurationChanged>({
  name: 'DBCH09',
  messageCode: 0x0113,
  alertCode: ALERT_SUB_GHZ_CONFIGURATION_CHANGED,
  useCaseTitle: 'Sub GHz Configuration Changed Sub GHz Alert',
  alertName: 'Sub GHz Configuration Changed',
  contentCount: 1,
  encodeContent: (f) => [subGhzConfigurationData(f.configuration, 'DBCH09 alert.configuration')],
  decodeContent: (content) => ({ configuration: readSubGhzConfiguration(item(content, 0), 'data-notification.body.content[0]') }),
});
