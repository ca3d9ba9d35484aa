// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 8.9 Read Device Log, as the DCC reads it [V: RTDS templates CCS06_8.9, CCS07_8.9, CS07_8.9]:
 *
 *   <ReadDeviceLog/>                                        to a CHF → CCS06; to a GSME → CS07
 *   <ReadDeviceLog><ReadSecurityDetails/></ReadDeviceLog>    to a CHF → CCS07 (both logs' security details)
 *
 * None of the commands carries a field from the body. [P] ReadSecurityDetails to a GSME is
 * refused as malformed (security details are the CHF's to give; no template sends it).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { NO_FIELDS, type NoFields } from '../../harness/protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { RequestBodyError } from './request-body-error.ts';

const ROOT = 'ReadDeviceLog';

function readDeviceLog(body: XMLData): XMLData | '' {
  const element = body[ROOT];
  if (element === '' || (typeof element === 'object' && element !== null && !Array.isArray(element))) return element;
  throw new RequestBodyError('malformed', ROOT, 'expected the ReadDeviceLog element (empty, or with ReadSecurityDetails)');
}

/** Whether an 8.9 body asks for the security details (CCS07): false for a plain read and for a body without ReadDeviceLog. */
export function readsSecurityDetails(body: XMLData): boolean {
  const element = body[ROOT];
  return typeof element === 'object' && element !== null && !Array.isArray(element) && 'ReadSecurityDetails' in element;
}

/** The command fields of a plain read (CCS06, CS07) or a security details read (CCS07): none. */
export function readDeviceLogFromBody(body: XMLData, expectSecurityDetails: boolean): NoFields {
  readDeviceLog(body);
  if (readsSecurityDetails(body) !== expectSecurityDetails) {
    throw new RequestBodyError(
      'malformed',
      `${ROOT}/ReadSecurityDetails`,
      expectSecurityDetails ? 'expected ReadSecurityDetails for a security details read' : 'security details are read from a CHF only',
    );
  }
  return NO_FIELDS;
}
