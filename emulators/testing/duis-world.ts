// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: an emulated world driven as a Service User drives the DCC — RTDS templates built
 * into signed DUIS requests (XML-DSig with the sender's DS key) and posted to the emulated DCC's
 * handler; what the receiver got read back as DUIS (device responses, asynchronous error
 * responses, device alerts), GBCS frames opened with the recipients' keys. The sender defaults to
 * the RTDS supplier; any registered user can send (its keys come from the world's directory).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { buildServiceRequest, type BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import type { CommandVariantNumber } from '../../harness/protocol/duis/command-variant.ts';
import type { DuisDeviceAlertMessage, DuisResponseMessage, DuisUserMessage } from '../../harness/protocol/duis/message.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { sameRequestId } from '../../harness/protocol/duis/request-id.ts';
import { loadTemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { signDuisRequest } from '../../harness/protocol/duis/xml-signature.ts';
import type { OpenedFrame } from '../../harness/protocol/gbcs/secure-frame.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { createEmulatedWorld, type EmulatedWorld, type EmulatedWorldOptions } from '../world.ts';
import { openDeviceMessage } from './dcc-side.ts';

/** 09:00 UTC on the programme's "today". */
export const DUIS_WORLD_START = Date.UTC(2019, 3, 12, 9);

export interface SendOptions {
  readonly body?: XMLData;
  /** The user sending it (a registered user of the world). Default: the RTDS supplier. */
  readonly originator?: string;
  /** In place of the template's command variant. */
  readonly commandVariant?: CommandVariantNumber;
}

export interface DuisWorld {
  readonly w: EmulatedWorld;
  /** The DUIS XML the receiver took, in arrival order. */
  readonly received: readonly string[];
  /** Builds, signs and posts a request; returns the request and the DCC's synchronous answer. */
  send(template: string, target: string, options?: SendOptions): Promise<{ request: BuiltServiceRequest; answer: DuisUserMessage }>;
  messages(): DuisUserMessage[];
  /** Device responses and asynchronous error responses to `request` (null: none yet). */
  answerTo(request: BuiltServiceRequest): DuisResponseMessage | null;
  alerts(alertCode?: string): DuisDeviceAlertMessage[];
  /** Opens a device message's GBCS frame as its recipient would (MAC and signature checked). */
  open(message: DuisUserMessage): OpenedFrame;
  /** Lets the GSME wake once more, and `afterMs` pass after it. */
  nextGsmeWake(afterMs?: number): Promise<void>;
}

export async function duisWorld(options: Partial<Omit<EmulatedWorldOptions, 'receiver'>> = {}): Promise<DuisWorld> {
  const templates = await loadTemplateCatalogue();
  const received: string[] = [];
  const w = createEmulatedWorld({ seed: 'duis-world', startMs: DUIS_WORLD_START, ...options, receiver: { deliver: async (xml) => void received.push(xml) } });
  let counter = BigInt(DUIS_WORLD_START);
  const messages = () => received.map((xml) => parseDuisUserMessage(xml));
  return {
    w,
    received,
    async send(template, target, o = {}) {
      counter += 1n;
      const originator = o.originator ?? REMOTE_PARTY.supplier;
      const request = buildServiceRequest({ template: templates.get(template), originator, target, counter, ...(o.body ? { body: o.body } : {}), ...(o.commandVariant ? { commandVariant: o.commandVariant } : {}) });
      const { ds } = w.keys.keysOf(originator);
      const xml = signDuisRequest(request.xml, { privateKey: ds.privateKey!, publicKey: ds.publicKey });
      const reply = await w.dcc(new Request(`http://dcc.test${request.servicePath}`, { method: 'POST', body: xml, headers: { 'content-type': 'application/xml' } }));
      return { request, answer: parseDuisUserMessage(await reply.text()) };
    },
    messages,
    answerTo(request) {
      const isAnswer = (m: DuisUserMessage): m is DuisResponseMessage =>
        (m.kind === 'response' || m.kind === 'error') && m.requestId !== null && sameRequestId(m.requestId, request.requestId);
      return messages().find(isAnswer) ?? null;
    },
    alerts(alertCode) {
      return messages().filter((m): m is DuisDeviceAlertMessage => m.kind === 'device-alert' && (alertCode === undefined || m.alertCode === alertCode));
    },
    open(message) {
      if (!message.gbcsPayload) throw new Error(`${message.kind} carries no GBCS payload`);
      return openDeviceMessage(w.keys, message.gbcsPayload);
    },
    async nextGsmeWake(afterMs = 60_000) {
      const wake = w.premises.gsme.nextWakeAt;
      if (wake === null) throw new Error('the GSME wake cycle is stopped');
      await w.clock.advanceTo(wake + afterMs);
    },
  };
}
