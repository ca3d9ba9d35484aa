// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS over HTTP, in the shape DCC Boxed serves it [V: DOMAIN.md]: requests are POSTed as
 * `application/xml` to `/api/v1/serviceS` (send command), `/api/v1/serviceT` (transform a
 * critical request into a pre-command) or `/api/v1/serviceD` (non-device service); the
 * synchronous answer is DUIS XML in the HTTP response. Asynchronous responses and alerts are
 * POSTed by the DCC to a receiver URL the user configures, which answers 204 (400 when it
 * cannot take the message).
 */
import { webServiceFor, type CommandVariantNumber } from './command-variant.ts';

export const DUIS_SERVICE_PATHS = ['/api/v1/serviceS', '/api/v1/serviceT', '/api/v1/serviceD'] as const;

export type DuisServicePath = (typeof DUIS_SERVICE_PATHS)[number];

export const DUIS_CONTENT_TYPE = 'application/xml';

/** Default DCC Boxed DUIS port. */
export const DCC_BOXED_PORT = 8079;

export function isDuisServicePath(path: string): path is DuisServicePath {
  return (DUIS_SERVICE_PATHS as readonly string[]).includes(path);
}

/** Which endpoint a request with this command variant is sent to. */
export function servicePathFor(cv: CommandVariantNumber): DuisServicePath {
  switch (webServiceFor(cv)) {
    case 'Send Command Service':
      return '/api/v1/serviceS';
    case 'Transform Service':
      return '/api/v1/serviceT';
    case 'Non-Device Service':
      return '/api/v1/serviceD';
  }
}

/** Status codes of the receiver contract: accepted, or the body could not be taken. */
export const RECEIVER_ACCEPTED = 204;
export const RECEIVER_REJECTED = 400;
