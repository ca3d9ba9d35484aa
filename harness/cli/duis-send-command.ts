// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit duis send TEMPLATE`: the engineer's quickest way to poke a device. Sends one DUIS
 * request built from an RTDS template to an emulated premises (in process, or over loopback
 * HTTP), prints the DCC's acknowledgement, waits for the device response in virtual time and
 * prints the GBCS frame it carries with its payload decoded to typed fields. A critical template
 * (command variant 4) goes through the critical flow (`DuisClient.criticalExchanges`): the
 * pre-command's answer is printed, then the signed pre-command's (CV 5) and the response. A
 * local-delivery template (CV 2: the DCC answers I0 with the command) has the command handed to
 * its target through the Bench's terminal (`local-delivery`), and the response the device gives
 * back printed the same way.
 * `dit duis templates` lists the template keys.
 */
import type { DeviceResponse, DuisExchange, LocalDeviceResponse, RequestSignature } from '../dit/duis-client.ts';
import { duisEuiToHex } from '../protocol/duis/eui.ts';
import type { TargetKind } from '../dit/run-config.ts';
import { loadTemplateCatalogue } from '../protocol/duis/templates.ts';
import { describeMessageCode } from '../protocol/gbcs/message-codes.ts';
import { bytesToHex } from '../protocol/gbcs/hex.ts';
import { decodeTypedPayload } from '../protocol/gbcs/payload/registry.ts';
import { checkWorldTargetOptions, withWorldTarget, worldPremises } from './world-target.ts';
import { EXIT, UserError } from './user-error.ts';
import { toJson } from './json-output.ts';
import { formatSweep, runDuisSweep, sweepPassed } from './duis-send-all.ts';
import { codeText, dccNote } from './duis-answer-text.ts';
import { applyBodyOverrides, parseBodyOverride } from './body-overrides.ts';

export interface DuisSendOptions {
  target: TargetKind;
  url?: string;
  seed: string;
  premises: string;
  json?: boolean;
  within?: number;
  /** How the request's XML signature is made (a broken or missing one is the DCC edge's to refuse). */
  signature?: string;
  /** Send the same request a second time (a replayed RequestID counter). */
  replay?: boolean;
  /** Body elements changed from the template's, `PATH=VALUE` each (body-overrides.ts). */
  set?: readonly string[];
}

const SIGNATURES: readonly RequestSignature[] = ['signed', 'none', 'broken'];

function signatureOf(text: string | undefined): RequestSignature {
  if (text === undefined) return 'signed';
  if (!(SIGNATURES as readonly string[]).includes(text)) throw new UserError(`--signature must be one of ${SIGNATURES.join(', ')}, got "${text}"`);
  return text as RequestSignature;
}

/** The synchronous answer as the CLI shows it: HTTP status, response code, DUIS title, the DCC's reason. */
function acknowledgementOf(exchange: DuisExchange) {
  return {
    httpStatus: exchange.reply.status,
    responseCode: exchange.code,
    meaning: codeText(exchange.code),
    reason: dccNote(exchange.reply.body),
    requestId: exchange.request.requestIdText,
    srv: exchange.request.srv,
  };
}

function ackLine(label: string, ack: ReturnType<typeof acknowledgementOf>): string {
  return `${label}: HTTP ${ack.httpStatus} ${ack.meaning}${ack.reason ? ` — ${ack.reason}` : ''}\n`;
}

/** Long enough for a sleepy GSME to wake twice (its default interval is 30 minutes). */
const DEFAULT_WINDOW_MS = 2 * 60 * 60_000;

export async function duisSendCommand(templateKey: string, opts: DuisSendOptions): Promise<number> {
  const catalogue = await loadTemplateCatalogue();
  let template;
  try {
    template = catalogue.get(templateKey);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  checkWorldTargetOptions(opts);
  const signature = signatureOf(opts.signature);
  const overrides = (opts.set ?? []).map(parseBodyOverride);
  const sendOptions = { signature, ...(overrides.length > 0 ? { body: applyBodyOverrides(template.request.body, overrides) } : {}) };
  return withWorldTarget(opts, 'duis-send', async (target, url) => {
    // a critical template: CV 4 → the pre-command → signed by the user → CV 5, whose answer and response follow
    const critical = template.commandVariant === 4 ? await target.duis.criticalExchanges(template.key, sendOptions) : null;
    const exchange = critical ? (critical.signed ?? critical.preCommand) : await target.duis.send(template.key, sendOptions);
    const preCommandAck = critical?.signed ? acknowledgementOf(critical.preCommand) : null;
    const ack = acknowledgementOf(exchange);
    // the same request again, byte for byte (already signed as it was: 'none' adds no signature):
    // its RequestID counter is no longer above the last one the DCC accepted
    const replayed = opts.replay ? acknowledgementOf(await target.duis.sendBuilt(exchange.request, { signature: 'none' })) : null;
    let response: DeviceResponse | LocalDeviceResponse | null = null;
    let waitError: string | null = null;
    if (exchange.code === 'I99') {
      try {
        response = await exchange.response({ within: opts.within ?? DEFAULT_WINDOW_MS });
      } catch (e) {
        waitError = (e as Error).message;
      }
    }
    // a command returned for local delivery (CV 2): the Bench's terminal hands it to the target
    const command = exchange.code === 'I0' ? exchange.localCommand : null;
    if (command) {
      const delivered = await target.bench.deliverLocally(duisEuiToHex(exchange.request.requestId.target), command);
      if (delivered.response) response = target.duis.openLocalResponse(delivered.response, exchange.sentAt);
      else waitError = `no response to local delivery: ${delivered.note ?? 'the terminal gave no reason'}`;
    }
    const decoded = response ? describeResponse(response) : null;
    if (opts.json) {
      process.stdout.write(
        `${toJson({ template: template.key, target: opts.target, url: url ?? null, ...(preCommandAck ? { preCommand: preCommandAck } : {}), acknowledgement: ack, ...(replayed ? { replay: replayed } : {}), response: decoded, error: waitError })}\n`,
      );
    } else {
      process.stdout.write(`${template.key} → ${exchange.request.requestIdText} (${opts.target}${url ? ` ${url}` : ''})\n`);
      if (preCommandAck) process.stdout.write(ackLine('pre-command (CV 4)', preCommandAck));
      process.stdout.write(ackLine(preCommandAck ? 'signed pre-command (CV 5)' : 'acknowledgement', ack));
      if (replayed) process.stdout.write(ackLine('replayed', replayed));
      if (decoded) process.stdout.write(`${command ? 'delivered locally, response' : 'response'} after ${decoded.elapsedMs / 1000} s (virtual):\n${toJson(decoded, 2).replace(/^/gm, '  ')}\n`);
      if (waitError) process.stdout.write(`no response: ${waitError}\n`);
    }
    if (replayed && !replayed.responseCode.startsWith('E')) return EXIT.failed;
    return exchange.code === 'I99' && response ? EXIT.ok : exchange.code.startsWith('I') && !waitError ? EXIT.ok : EXIT.failed;
  });
}

function describeResponse(r: DeviceResponse | LocalDeviceResponse) {
  const bytes = 'message' in r ? r.message.gbcsPayload : r.bytes;
  const f = r.frame;
  let payload: unknown = null;
  let payloadError: string | null = null;
  if (f) {
    try {
      payload = decodeTypedPayload(f, r.cipher);
    } catch (e) {
      payloadError = (e as Error).message;
    }
  }
  return {
    responseCode: 'message' in r ? r.message.responseCode : null,
    elapsedMs: r.elapsedMs,
    gbcs: f
      ? {
          messageCode: describeMessageCode(f.messageCode),
          cra: f.cra,
          originator: f.originator,
          recipient: f.recipient,
          counter: f.counter,
          macProtected: f.macProtected,
          mac: r.mac,
          signature: r.signature,
          hex: bytes ? bytesToHex(bytes) : null,
        }
      : null,
    payload,
    ...(payloadError ? { payloadError } : {}),
  };
}

/**
 * `dit duis send --all`: every loaded template, each implemented one sent to a fresh world
 * (duis-send-all.ts). Exit 0 when every implemented template is answered and decodable.
 */
export async function duisSendAllCommand(opts: DuisSendOptions, out: { write(text: string): unknown } = process.stdout): Promise<number> {
  checkWorldTargetOptions(opts);
  const { premisesFile, premises } = worldPremises(opts);
  const result = await runDuisSweep({ target: opts.target, seed: opts.seed, premises, premisesFile, ...(opts.url ? { url: opts.url } : {}) });
  out.write(opts.json ? `${toJson(result.rows, 2)}\n` : formatSweep(result));
  return sweepPassed(result.rows) ? EXIT.ok : EXIT.failed;
}

export async function duisTemplatesCommand(opts: { filter?: string }): Promise<number> {
  const catalogue = await loadTemplateCatalogue();
  const wanted = opts.filter?.toLowerCase();
  const keys = catalogue.keys().filter((k) => !wanted || k.toLowerCase().includes(wanted));
  for (const key of keys) {
    const t = catalogue.get(key);
    process.stdout.write(`${key.padEnd(48)} SRV ${t.srv.padEnd(8)} CV ${t.commandVariant}  ${t.title ?? ''}\n`);
  }
  process.stdout.write(`${keys.length} template(s)\n`);
  return EXIT.ok;
}
