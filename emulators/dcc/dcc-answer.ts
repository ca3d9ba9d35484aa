// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The HTTP shape of the emulated DCC's synchronous answers.
 *
 * - A DUIS-shaped answer (I99 acknowledgement, I0 success, E-code rejection) is HTTP 200 with
 *   `application/xml`: the DUIS response code carries the outcome, as DCC Boxed's Send Command
 *   Service answers [P: DCC Boxed's status code for a rejection is not in the material at hand;
 *   the harness reads the response code, never the status].
 * - A rejection names its problem twice, for people: in an XML comment right after the XML
 *   declaration (so a message trace shows it; XML parsers ignore comments) and in the
 *   `x-dit-rejection` header. Neither is DUIS; a DUIS user reads only the code.
 * - A body from which not even a RequestID can be read cannot carry a DUIS answer (a response
 *   echoes the RequestID): HTTP 400 `text/plain` naming the problem [P].
 *
 * A rejection for an SRV outside the request matrix echoes no ResponseMessage (build-response's
 * builders take known SRVs only), so it is written here with the same envelope.
 */
import { constructDuis } from '@smartdcc/duis-parser';
import { buildRejection } from '../../harness/protocol/duis/build-response.ts';
import { DUIS_CONTENT_TYPE } from '../../harness/protocol/duis/http-binding.ts';
import { formatRequestId, type RequestId } from '../../harness/protocol/duis/request-id.ts';
import { DUIS_NAMESPACE, DUIS_PREFIX, DUIS_RESPONSE_SCHEMA_VERSION, XSI_NAMESPACE } from '../../harness/protocol/duis/schema.ts';
import { findSrv } from '../../harness/protocol/duis/srv-matrix.ts';

export const REJECTION_HEADER = 'x-dit-rejection';

export interface RejectionInput {
  readonly requestId: RequestId;
  /** The request's SRV as written (echoed when the matrix knows it). */
  readonly srv: string | null;
  /** An E-code, by meaning: RESPONSE_CODE.* */
  readonly responseCode: string;
  /** What was wrong, for people. */
  readonly reason: string;
  readonly at: number;
}

/** Text safe inside an XML comment and an HTTP header: printable ASCII (an en dash as "-"), no "--". */
export function commentSafe(text: string): string {
  return text
    .replace(/[^\x20-\x7E]/g, (c) => (c === '\u2026' ? '...' : c === '\u2013' ? '-' : '?'))
    .replace(/-{2,}/g, (m) => m.split('').join(' '))
    .replace(/-$/, '- ')
    .slice(0, 500);
}

function withComment(xml: string, comment: string): string {
  const note = `<!-- dit emulated DCC: ${commentSafe(comment)} -->`;
  const declaration = /^<\?xml[^>]*\?>/.exec(xml);
  return declaration ? `${declaration[0]}${note}${xml.slice(declaration[0].length)}` : `${note}${xml}`;
}

function rejectionWithoutSrv(input: RejectionInput): string {
  return constructDuis('normal', {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [`${DUIS_PREFIX}:Response`]: {
      [`@_xmlns:${DUIS_PREFIX}`]: DUIS_NAMESPACE,
      '@_xmlns:xsi': XSI_NAMESPACE,
      '@_schemaVersion': DUIS_RESPONSE_SCHEMA_VERSION,
      [`${DUIS_PREFIX}:Header`]: {
        [`${DUIS_PREFIX}:RequestID`]: formatRequestId(input.requestId),
        [`${DUIS_PREFIX}:ResponseCode`]: input.responseCode,
        [`${DUIS_PREFIX}:ResponseDateTime`]: new Date(input.at).toISOString(),
      },
    },
  });
}

/** The E-code rejection XML, with the reason as a comment. */
export function rejectionXml(input: RejectionInput): string {
  const known = input.srv !== null && findSrv(input.srv) !== undefined;
  const xml = known
    ? buildRejection({ requestId: input.requestId, srv: input.srv!, at: input.at, responseCode: input.responseCode })
    : rejectionWithoutSrv(input);
  return withComment(xml, `${input.responseCode} ${input.reason}`);
}

/** An HTTP 200 DUIS answer. */
export function duisAnswer(xml: string, headers: Record<string, string> = {}): Response {
  return new Response(xml, { status: 200, headers: { 'content-type': DUIS_CONTENT_TYPE, ...headers } });
}

export function rejectionAnswer(input: RejectionInput): Response {
  return duisAnswer(rejectionXml(input), { [REJECTION_HEADER]: commentSafe(`${input.responseCode} ${input.reason}`) });
}

/** HTTP 400 for a body that cannot carry a DUIS answer (no readable RequestID). */
export function notDuisAnswer(reason: string): Response {
  return new Response(`not a DUIS request the emulated DCC can answer: ${reason}\n`, {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', [REJECTION_HEADER]: commentSafe(reason) },
  });
}
