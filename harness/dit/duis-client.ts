// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DUIS client a suite talks through, as a Service User would: it builds a request from an
 * RTDS template with a fresh RequestID (counter = epoch ms of the clock in use), sends it over
 * the transport, reads the DCC's synchronous answer, waits for the asynchronous device response
 * inside a response window, then opens the GBCS frame it carries with the user's keys (MAC and
 * signature status) and decodes its payload to typed fields. Every exchange lands in the trace.
 *
 * Local delivery (DUIS command variants 2, 3, 6, 7): the DCC's answer carries the command for
 * local delivery (`DuisExchange.localCommand`), which the user hands to the device — through the
 * Bench's `local-delivery` — and whose response frame the user opens (`openLocalResponse`) and
 * returns to the DCC with SRV 8.13 (`returnLocalResponse`). A critical one is sent as CV 4, then
 * the signed pre-command as CV 6 or 7 (`sendCritical` with `signedCommandVariant`).
 *
 * Every request goes out with the user's XML signature (xml-signature.ts: XML-DSig, ECDSA-SHA256
 * with the user's DS key, exclusive C14N, as DCC Boxed expects) unless `sign: false`; the trace
 * records the request as sent, signature included (deterministic, RFC 6979). Negative tests
 * send a request deliberately unsigned or with a broken signature through `sendBuilt`.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import type { CommandVariantNumber } from '../protocol/duis/command-variant.ts';
import { duisEuiToHex } from '../protocol/duis/eui.ts';
import { buildServiceRequest, type BuiltServiceRequest } from '../protocol/duis/build-request.ts';
import type { DuisDccAlertMessage, DuisDeviceAlertMessage, DuisResponseMessage, DuisUserMessage } from '../protocol/duis/message.ts';
import { parseDuisUserMessage } from '../protocol/duis/parse.ts';
import { formatRequestId, RequestCounter, sameRequestId } from '../protocol/duis/request-id.ts';
import { requireSrv } from '../protocol/duis/srv-matrix.ts';
import { signDuisRequest } from '../protocol/duis/xml-signature.ts';
import type { TemplateCatalogue } from '../protocol/duis/templates.ts';
import type { Eui64, GbcsFrame, PartyKeys } from '../protocol/gbcs/frame-types.ts';
import { bytesToHex } from '../protocol/gbcs/hex.ts';
import { formatMessageCode, messageCodeInfo } from '../protocol/gbcs/message-codes.ts';
import { isNoKey, macKeysFor, payloadKeysFor, signerKeyFor, type PartyKeySource } from '../protocol/gbcs/frame-keys.ts';
import { openFrame, payloadCipherFor, sealFrame, type MacStatus, type SignatureStatus } from '../protocol/gbcs/secure-frame.ts';
import { decodeFrame } from '../protocol/gbcs/frame.ts';
import { encodeGbcsPayload } from '../protocol/duis/gbcs-payload.ts';
import type { PayloadCipher } from '../protocol/gbcs/payload/payload-cipher.ts';
import { describeMessage } from '../transport/inbox.ts';
import type { DuisHttpReply, Transport } from '../transport/transport.ts';
import { Trace } from '../cycle/trace.ts';

/** The Service User the client acts as. */
export interface DuisUser {
  readonly eui: Eui64;
  /** The user's own keys (private halves needed to check MACs and decrypt protected content). */
  readonly keys: PartyKeys;
}

/** Public keys of other parties (devices): from SMKI in a lab, seed-derived when emulated. */
export type KeyLookup = (eui: Eui64) => PartyKeys | undefined;

export interface DuisClientOptions {
  readonly transport: Transport;
  readonly templates: TemplateCatalogue;
  readonly user: DuisUser;
  readonly keys: KeyLookup;
  /** Time of the world in use, epoch ms: virtual when emulated, wall time in a lab. */
  readonly now: () => number;
  /** Sign every request with the user's DS key (XML-DSig). Default true. */
  readonly sign?: boolean;
}

/**
 * How a request's XML signature is made: `signed` (the user's DS key), `none` (sent unsigned),
 * `broken` (signed, then one character of the SignatureValue changed: a present but invalid
 * signature). Default: `signed`, or `none` for a client made with `sign: false`.
 */
export type RequestSignature = 'signed' | 'none' | 'broken';

export interface SendBuiltOptions {
  readonly signature?: RequestSignature;
}

export interface SendOptions {
  /** The device (or DCC) the request targets; default: the template's target. */
  readonly target?: Eui64;
  readonly commandVariant?: CommandVariantNumber;
  readonly body?: XMLData;
  readonly signature?: RequestSignature;
}

/**
 * How the user signs a critical command's pre-command (`sendCritical`): `signed` with the
 * user's DS key (GBCS general signing), `wrong` (signed, then one bit of the signature flipped:
 * a present signature that does not verify — the device must refuse the command).
 */
export type PreCommandSignature = 'signed' | 'wrong';

export interface SendCriticalOptions extends Omit<SendOptions, 'commandVariant'> {
  readonly preCommandSignature?: PreCommandSignature;
  /** The signed pre-command's variant: 5 over the WAN (default), 6 returned for local delivery, 7 both. */
  readonly signedCommandVariant?: 5 | 6 | 7;
}

/**
 * The RTDS template of SRV 8.13 Return Local Command Response, the only one: its RequestID
 * targets the DCC, its body names the original request and carries the device's response.
 */
export const RETURN_LOCAL_COMMAND_RESPONSE_TEMPLATE = '8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06';

/** A critical command's two exchanges: CV 4 (I0 with the pre-command) and CV 5 (the signed pre-command), null when CV 4 failed. */
export interface CriticalExchanges {
  readonly preCommand: DuisExchange;
  readonly signed: DuisExchange | null;
}

/** A device response as the user reads it: the DUIS message, and the GBCS frame it carries. */
export interface DeviceResponse {
  readonly message: DuisResponseMessage;
  /** World time at which it arrived, and how long after the request. */
  readonly arrivedAt: number;
  readonly elapsedMs: number;
  readonly frame: GbcsFrame | null;
  readonly mac: MacStatus | null;
  readonly signature: SignatureStatus | null;
  /** The inner cipher for protected content, when the user's keys allow it. */
  readonly cipher: PayloadCipher | undefined;
}

/** A device response the user got back from local delivery (no DUIS message: the terminal gave the frame itself). */
export interface LocalDeviceResponse extends Omit<DeviceResponse, 'message' | 'frame'> {
  /** The response frame as the device gave it. */
  readonly bytes: Uint8Array;
  readonly frame: GbcsFrame;
}

export class DuisRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuisRequestError';
  }
}

/** The DCC edge answered 5xx: an environment failure (harness/cycle/failure.ts). */
export class DccEdgeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DccEdgeError';
  }
}

export class DuisExchange {
  constructor(
    private readonly client: DuisClient,
    readonly request: BuiltServiceRequest,
    readonly reply: DuisHttpReply,
    /** The DCC's synchronous answer parsed (I99 acknowledgement, I0, or an E-code). */
    readonly ack: DuisResponseMessage | null,
    readonly sentAt: number,
  ) {}

  /** The synchronous response code (I99, I0, E…), or `HTTP <status>` when the body was not DUIS. */
  get code(): string {
    return this.ack?.responseCode ?? `HTTP ${this.reply.status}`;
  }

  /** The command the DCC returned for local delivery (CV 2, 3, 6, 7: ResponseMessage/LocalCommand), or null. */
  get localCommand(): Uint8Array | null {
    return this.ack?.gbcsPayloadElement?.endsWith('LocalCommand/GBCSPayload') ? this.ack.gbcsPayload : null;
  }

  /** Waits for the asynchronous device response inside the window (world time, ms). */
  async response(options: { within: number }): Promise<DeviceResponse> {
    if (this.ack?.responseCode !== 'I99') {
      throw new DuisRequestError(`no device response follows: the DCC answered ${this.code} to ${this.request.requestIdText}`);
    }
    const id = this.request.requestId;
    const message = (await this.client.transport.inbox.next(
      (m) => (m.kind === 'response' || m.kind === 'error') && m.requestId !== null && sameRequestId(m.requestId, id),
      { within: options.within, awaited: `response to ${this.request.requestIdText}` },
    )) as DuisResponseMessage;
    return this.client.openDeviceResponse(message, this.sentAt);
  }
}

export class DuisClient {
  readonly trace = new Trace();
  private readonly counter: RequestCounter;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: DuisClientOptions) {
    this.counter = new RequestCounter(() => options.now());
    this.unsubscribe = options.transport.inbox.subscribe((entry) => {
      this.trace.record({
        at: options.now(),
        direction: 'dcc→user',
        protocol: 'duis',
        summary: describeMessage(entry.message),
        body: entry.xml,
      });
      if (entry.message.gbcsPayload) {
        this.trace.record({
          at: options.now(),
          direction: 'device→dcc',
          protocol: 'gbcs',
          summary: gbcsSummary(entry.message.gbcsPayload),
          body: bytesToHex(entry.message.gbcsPayload),
        });
      }
    });
  }

  get transport(): Transport {
    return this.options.transport;
  }

  get user(): DuisUser {
    return this.options.user;
  }

  now(): number {
    return this.options.now();
  }

  /** Sends a request built from a template (key or unambiguous prefix, e.g. `ECS52_11.2`). */
  async send(templateKey: string, options: SendOptions = {}): Promise<DuisExchange> {
    const template = this.options.templates.get(templateKey);
    const target = options.target ?? duisEuiToHex(template.request.header.requestId.targetId);
    const request = buildServiceRequest({
      template,
      originator: this.options.user.eui,
      target,
      counter: this.counter.next(),
      ...(options.commandVariant ? { commandVariant: options.commandVariant } : {}),
      ...(options.body ? { body: options.body } : {}),
    });
    return this.sendBuilt(request, options.signature ? { signature: options.signature } : {});
  }

  /**
   * Sends a request no RTDS template exists for (SRV 11.1 Update Firmware), built from the SRV
   * matrix with `body` as its body: command variant 8 for a non-device SRV, else 1 (or the one
   * given). The RequestID targets `target` (for 11.1 the device to update).
   */
  async sendRequest(srv: string, options: SendOptions & { readonly target: Eui64; readonly body: XMLData }): Promise<DuisExchange> {
    const info = requireSrv(srv);
    const commandVariant = options.commandVariant ?? (info.nonDevice ? 8 : 1);
    const request = buildServiceRequest({
      request: {
        header: { type: 'request', requestId: { originatorId: this.options.user.eui, targetId: options.target, counter: 1n }, commandVariant, serviceReference: info.serviceReference, serviceReferenceVariant: srv },
        body: options.body,
      },
      originator: this.options.user.eui,
      target: options.target,
      counter: this.counter.next(),
    });
    return this.sendBuilt(request, options.signature ? { signature: options.signature } : {});
  }

  /**
   * Sends a critical command as DUIS wants it: CV 4 to /serviceT, answered synchronously I0 with
   * the pre-command; the user signs it (GBCS general signing with the user's DS private key) and
   * sends it back under the same RequestID as CV 5 to /serviceS (SignedPreCommand/GBCSPayload).
   * Returns the CV 5 exchange (its I99 and the device response), or the CV 4 exchange when that
   * was not answered I0 with a pre-command; `criticalExchanges` gives both. The trace records
   * both requests, their answers and the signed pre-command.
   */
  async sendCritical(templateKey: string, options: SendCriticalOptions = {}): Promise<DuisExchange> {
    const { signed, preCommand } = await this.criticalExchanges(templateKey, options);
    return signed ?? preCommand;
  }

  async criticalExchanges(templateKey: string, options: SendCriticalOptions = {}): Promise<CriticalExchanges> {
    const { preCommandSignature, signedCommandVariant, ...sendOptions } = options;
    const preCommand = await this.send(templateKey, { ...sendOptions, commandVariant: 4 });
    const bytes = preCommand.ack?.responseCode === 'I0' ? preCommand.ack.gbcsPayload : null;
    if (!bytes) return { preCommand, signed: null };
    const signedPre = this.signPreCommand(bytes, preCommandSignature ?? 'signed');
    this.trace.record({
      at: this.now(),
      direction: 'user→dcc',
      protocol: 'gbcs',
      summary: `signed pre-command (${preCommandSignature ?? 'signed'}): ${gbcsSummary(signedPre)}`,
      body: bytesToHex(signedPre),
    });
    const template = this.options.templates.get(templateKey);
    const request = buildServiceRequest({
      template,
      originator: this.options.user.eui,
      target: preCommand.request.requestId.target,
      counter: preCommand.request.requestId.counter,
      commandVariant: signedCommandVariant ?? 5,
      body: { SignedPreCommand: { GBCSPayload: encodeGbcsPayload(signedPre) } },
    });
    const signed = await this.sendBuilt(request, sendOptions.signature ? { signature: sendOptions.signature } : {});
    return { preCommand, signed };
  }

  /** The pre-command signed with the user's DS private key (GBCS general signing): header ‖ payload ‖ 40 ‖ signature. */
  private signPreCommand(preCommand: Uint8Array, how: PreCommandSignature): Uint8Array {
    const frame = decodeFrame(preCommand);
    if (!frame.preCommand) throw new DuisRequestError('the DCC answered I0 with a GBCS frame that is not a pre-command');
    if (frame.originator !== this.options.user.eui) {
      throw new DuisRequestError(`the pre-command names ${frame.originator} as originator, not the user ${this.options.user.eui}`);
    }
    const { ds } = this.options.user.keys;
    if (!ds.privateKey) throw new DuisRequestError(`the user ${this.options.user.eui} has no private DS key to sign the pre-command with`);
    const signed = sealFrame(frame, frame.payload, { sign: { dsPrivateKey: ds.privateKey } });
    if (how === 'wrong') signed[signed.length - 1] = (signed[signed.length - 1] as number) ^ 0x01;
    return signed;
  }

  /**
   * Sends an already built request (negative tests build what the DCC must refuse), signed as
   * `options.signature` says. The exchange's request carries the XML as sent.
   */
  async sendBuilt(built: BuiltServiceRequest, options: SendBuiltOptions = {}): Promise<DuisExchange> {
    const request: BuiltServiceRequest = { ...built, xml: this.signed(built.xml, options.signature ?? (this.options.sign === false ? 'none' : 'signed')) };
    const sentAt = this.now();
    this.trace.record({
      at: sentAt,
      direction: 'user→dcc',
      protocol: 'duis',
      summary: `request SRV ${request.srv} CV ${request.commandVariant} (${request.requestIdText})`,
      body: request.xml,
    });
    const reply = await this.options.transport.send(request.servicePath, request.xml);
    if (reply.status >= 500) {
      this.trace.record({ at: this.now(), direction: 'dcc→user', protocol: 'duis', summary: `HTTP ${reply.status} for ${request.requestIdText}`, body: reply.body });
      // the DCC edge itself failed: an environment failure, never evidence about a device
      throw new DccEdgeError(`the DCC edge answered HTTP ${reply.status} to ${request.requestIdText} (SRV ${request.srv}): ${reply.body.slice(0, 200)}`);
    }
    let ack: DuisResponseMessage | null = null;
    try {
      const parsed = parseDuisUserMessage(reply.body);
      if (parsed.kind === 'ack' || parsed.kind === 'response' || parsed.kind === 'error') ack = parsed;
    } catch {
      ack = null;
    }
    this.trace.record({
      at: this.now(),
      direction: 'dcc→user',
      protocol: 'duis',
      summary: `HTTP ${reply.status}${ack ? ` ${ack.responseCode}` : ''} for ${request.requestIdText}`,
      body: reply.body,
    });
    return new DuisExchange(this, request, reply, ack, sentAt);
  }

  private signed(xml: string, signature: RequestSignature): string {
    if (signature === 'none') return xml;
    const { ds } = this.options.user.keys;
    if (!ds.privateKey) throw new DuisRequestError(`the user ${this.options.user.eui} has no private DS key to sign the DUIS request with`);
    const signedXml = signDuisRequest(xml, { privateKey: ds.privateKey, publicKey: ds.publicKey });
    return signature === 'broken' ? breakSignatureValue(signedXml) : signedXml;
  }

  /**
   * SRV 8.13 Return Local Command Response: returns to the DCC the response the device gave to
   * the command of `original` (an exchange whose answer carried a command for local delivery).
   * The DCC answers I99 when it took it, an E-code with its reason when not.
   */
  async returnLocalResponse(original: DuisExchange, response: Uint8Array, options: { readonly signature?: RequestSignature } = {}): Promise<DuisExchange> {
    if (!original.localCommand) throw new DuisRequestError(`${original.request.requestIdText} was answered ${original.code} with no command for local delivery: there is no response to return`);
    return this.send(RETURN_LOCAL_COMMAND_RESPONSE_TEMPLATE, {
      body: { ReturnLocalCommandResponse: { OriginalRequestID: original.request.requestIdText, DeviceGBCSResponse: encodeGbcsPayload(response) } },
      ...(options.signature ? { signature: options.signature } : {}),
    });
  }

  /** Opens a response frame the device gave back to local delivery, with the user's keys (as `openGbcs`). */
  openLocalResponse(bytes: Uint8Array, sentAt: number): LocalDeviceResponse {
    const arrivedAt = this.now();
    const opened = this.openGbcs(bytes)!;
    this.trace.record({ at: arrivedAt, direction: 'device→user', protocol: 'gbcs', summary: `delivered locally, answered: ${gbcsSummary(bytes)}`, body: bytesToHex(bytes) });
    return { bytes, arrivedAt, elapsedMs: arrivedAt - sentAt, frame: opened.frame, mac: opened.mac, signature: opened.signature, cipher: opened.cipher };
  }

  /** Opens the GBCS frame of a device response or alert with the user's keys. */
  openDeviceResponse(message: DuisResponseMessage, sentAt: number): DeviceResponse {
    const arrivedAt = this.now();
    const opened = this.openGbcs(message.gbcsPayload);
    return {
      message,
      arrivedAt,
      elapsedMs: arrivedAt - sentAt,
      frame: opened?.frame ?? null,
      mac: opened?.mac ?? null,
      signature: opened?.signature ?? null,
      cipher: opened?.cipher,
    };
  }

  /**
   * Opens a GBCS frame as the user can: the MAC and the inner encryption with the user's own KA
   * private key when the user is one of the frame's key parties (recipient, or the payload's
   * end party), else 'uncheckable' (a CHF response to the ACB: the DCC checks that MAC); the
   * signature with the originator's DS public key. Other parties' private keys are never used,
   * even when an emulated key directory has them.
   */
  openGbcs(bytes: Uint8Array | null): { frame: GbcsFrame; mac: MacStatus; signature: SignatureStatus; cipher: PayloadCipher | undefined } | null {
    if (!bytes) return null;
    const { frame } = openFrame(bytes);
    const me = this.options.user;
    const source: PartyKeySource = {
      key: (eui, name) => {
        if (eui === me.eui) return me.keys[name];
        const publicOnly = this.options.keys(eui)?.[name];
        return publicOnly ? { publicKey: publicOnly.publicKey } : undefined;
      },
    };
    const mac = macKeysFor(frame, source, { as: me.eui });
    const signer = signerKeyFor(frame, source);
    const payload = payloadKeysFor(frame, source, { as: me.eui });
    const opened = openFrame(bytes, {
      ...(isNoKey(mac) ? {} : { mac: mac.keys }),
      ...(isNoKey(signer) ? {} : { signerDsPublic: signer.publicKey }),
    });
    return { ...opened, cipher: isNoKey(payload) ? undefined : payloadCipherFor(frame, payload.keys) };
  }

  /** Alerts received so far (device and DCC alerts), in arrival order. */
  alerts(): Array<DuisDeviceAlertMessage | DuisDccAlertMessage> {
    return this.options.transport.inbox.received
      .map((e) => e.message)
      .filter((m): m is DuisDeviceAlertMessage | DuisDccAlertMessage => m.kind === 'device-alert' || m.kind === 'dcc-alert');
  }

  /** Messages nobody asked for (not taken by a wait) — what "no unexpected alert" checks. */
  untaken(): readonly DuisUserMessage[] {
    return this.options.transport.inbox.untaken;
  }

  async close(): Promise<void> {
    this.unsubscribe();
  }
}

/** Changes the first character of the SignatureValue (deterministically): the signature no longer verifies. */
function breakSignatureValue(xml: string): string {
  return xml.replace(/(<(?:[A-Za-z_][\w.-]*:)?SignatureValue[^>]*>\s*)(.)/, (_m, open: string, c: string) => `${open}${c === 'A' ? 'B' : 'A'}`);
}

function gbcsSummary(bytes: Uint8Array): string {
  try {
    const { frame } = openFrame(bytes);
    const kind = frame.cra === 1 ? 'command' : frame.cra === 2 ? 'response' : 'alert';
    return `${messageCodeInfo(frame.messageCode)?.useCase ?? formatMessageCode(frame.messageCode)} ${kind} ${frame.originator}→${frame.recipient} counter ${frame.counter}`;
  } catch (e) {
    return `undecodable GBCS (${(e as Error).message})`;
  }
}

export { formatRequestId };
