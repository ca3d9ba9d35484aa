// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: what a Service User sends back for a critical request's pre-command — command
 * variant 5 (or 6, 7 for local delivery) under the same RequestID, the pre-command signed with the user's DS key (GBCS
 * general signing) in SignedPreCommand/GBCSPayload, the XML signed with the same key. The
 * harness's DuisClient does this for suites; emulator tests build it here.
 */
import { buildServiceRequest, type BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { encodeGbcsPayload } from '../../harness/protocol/duis/gbcs-payload.ts';
import type { DuisTemplate } from '../../harness/protocol/duis/templates.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import type { EcKey } from '../../harness/protocol/gbcs/frame-types.ts';
import { sealFrame } from '../../harness/protocol/gbcs/secure-frame.ts';

export interface SignedPreCommandInput {
  readonly template: DuisTemplate;
  /** The CV 4 request the pre-command answered. */
  readonly request: BuiltServiceRequest;
  /** The pre-command as the DCC returned it. */
  readonly preCommand: Uint8Array;
  /** The user's DS key pair. */
  readonly ds: EcKey;
  /** 5 (default): over the WAN; 6: returned for local delivery; 7: both. */
  readonly commandVariant?: 5 | 6 | 7;
}

export function signedPreCommandRequest({ template, request, preCommand, ds, commandVariant = 5 }: SignedPreCommandInput): BuiltServiceRequest {
  if (!ds.privateKey) throw new Error('signing a pre-command needs the DS private key');
  const frame = decodeFrame(preCommand);
  const signed = sealFrame(frame, frame.payload, { sign: { dsPrivateKey: ds.privateKey } });
  const built = buildServiceRequest({
    template,
    originator: request.requestId.originator,
    target: request.requestId.target,
    counter: request.requestId.counter,
    commandVariant,
    body: { SignedPreCommand: { GBCSPayload: encodeGbcsPayload(signed) } },
  });
  return { ...built, xml: signDuisRequest(built.xml, { privateKey: ds.privateKey, publicKey: ds.publicKey }) };
}
