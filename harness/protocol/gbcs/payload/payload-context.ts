// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a payload codec needs from the frame around the payload: the grouping header (the DLMS
 * invoke id, the protection parameters' transaction id, originator and recipient all derive from
 * it) and, for protected content, the cipher the frame layer built for this message.
 */
import type { GbcsHeader } from '../frame-types.ts';
import type { PayloadCipher } from './payload-cipher.ts';
import { PayloadContextError } from './payload-errors.ts';

export interface PayloadContext {
  readonly header: GbcsHeader;
  /** Needed only by use cases with protected content (e.g. ECS17b, GCS13a responses). */
  readonly cipher?: PayloadCipher;
}

/** The context's cipher, or a PayloadContextError saying which use case needed it. */
export function requireCipher(ctx: PayloadContext, what: string): PayloadCipher {
  if (!ctx.cipher) {
    throw new PayloadContextError(
      `${what} carries protected (encrypted) content: give PayloadContext.cipher ` +
        '(the frame layer builds it from the header and the parties\' keys)',
    );
  }
  return ctx.cipher;
}
