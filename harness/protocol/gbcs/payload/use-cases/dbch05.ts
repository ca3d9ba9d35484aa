// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH05 — Request CHF Sub GHz Channel Scan, SRV 6.29, message code 0x010E (to the CHF, from the
 * ACB). Command: Access request, set class 1 (Data) 0-0:94.44.10.1 attribute 2 with unsigned 0
 * (the DUIS request carries no parameter, and RTDS writes 0 [I]). Response: null-data and the set
 * result (RTDS SUCCESS: success; ERROR: hardware-fault). The CHF then scans and reports the
 * outcome in alert 0x8F28 (DBCH08).
 */
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import { Axdr } from '../dlms/axdr-data.ts';
import { expectConstant, item } from '../dlms/axdr-match.ts';
import { decodeFixedRequest, encodeFixedRequest, singleSetResponse, type SingleResultFields } from './dlms-exchange.ts';
import { NO_FIELDS, type NoFields, type UseCaseCodec } from './use-case-codec.ts';

const SPECS: readonly AccessRequestSpec[] = [{ kind: 'set', classId: 1, instanceId: '0-0:94.44.10.1', attributeId: 2 }];

/** The value the request writes [I: RTDS]. */
const SCAN_REQUEST = Axdr.unsigned(0);

export type Dbch05Response = SingleResultFields<'set'>;

export const dbch05: UseCaseCodec<NoFields, Dbch05Response> = {
  kind: 'command-response',
  name: 'DBCH05',
  messageCode: 0x010e,
  srv: '6.29',
  title: 'Request CHF Sub GHz Channel Scan',
  payloadKind: 'dlms',

  encodeCommand(_fields, ctx) {
    return encodeFixedRequest(ctx, SPECS, [SCAN_REQUEST]);
  },

  decodeCommand(payload, ctx) {
    const data = decodeFixedRequest(payload, ctx, SPECS, 'DBCH05');
    expectConstant(item(data, 0), SCAN_REQUEST, 'access-request.data[0].scan-request');
    return NO_FIELDS;
  },

  ...singleSetResponse('DBCH05'),
};
