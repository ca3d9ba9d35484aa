// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH04 — Set CHF Sub GHz Configuration, SRV 6.28, message code 0x010D (to the CHF, from the ACB).
 * Command: Access request, set class 1 (Data) 0-0:94.44.10.0 attribute 2 with the CHF Sub GHz
 * Configuration (sub-ghz-configuration.ts: channel masks of pages 28–31, duty-cycle thresholds,
 * channel-change limits). Response: null-data and the set result (RTDS SUCCESS: success; ERROR:
 * hardware-fault). The CHF reports the new configuration in alert 0x8F2A (DBCH09).
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { item } from '../dlms/axdr-match.ts';
import { decodeFixedRequest, encodeFixedRequest, singleSetResponse, type SingleResultFields } from './dlms-exchange.ts';
import { readSubGhzConfiguration, subGhzConfigurationData, type SubGhzConfiguration } from './sub-ghz-configuration.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

/** COSEM Data object holding the CHF Sub GHz Configuration (DBCH03 reads it). */
export const SUB_GHZ_CONFIGURATION_OBJECT = { classId: 1, instanceId: '0-0:94.44.10.0', attributeId: 2 } as const;

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'set', ...SUB_GHZ_CONFIGURATION_OBJECT }];

export type Dbch04Response = SingleResultFields<'set'>;

export const dbch04: UseCaseCodec<SubGhzConfiguration, Dbch04Response> = {
  kind: 'command-response',
  name: 'DBCH04',
  messageCode: 0x010d,
  srv: '6.28',
  title: 'Set CHF Sub GHz Configuration',
  payloadKind: 'dlms',

  encodeCommand(fields, ctx) {
    return encodeFixedRequest(ctx, SPECS, [subGhzConfigurationData(fields, 'DBCH04 command')]);
  },

  decodeCommand(payload, ctx) {
    const data = decodeFixedRequest(payload, ctx, SPECS, 'DBCH04');
    return readSubGhzConfiguration(item(data, 0), 'access-request.data[0]');
  },

  ...singleSetResponse('DBCH04'),
};
