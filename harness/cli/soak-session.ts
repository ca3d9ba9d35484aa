// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What a soak's scripts do their work through: the DUIS client and the Bench of one target,
 * with every step written to the soak trace and counted. A script (one scheduler task) gets a
 * `SoakContext`: it sends DUIS requests (from templates, 11.1 with no template, critical ones
 * through CV 4 → signed pre-command → CV 5), waits for a response or an alert through the
 * scheduler (so other scripts go on meanwhile), acts on the Bench, and notes steps and findings.
 *
 * An acknowledged request (I99) gets a response window; one that closes with no response is a
 * finding (soak-response-windows.ts). A synchronous answer other than the one expected, an
 * alert that does not come within its window, and a value read back that is not the one
 * expected are findings too. The session turns everything the DCC delivers into trace lines and
 * hands it to the scheduler.
 */
import type { Bench } from '../bench/bench.ts';
import type { DeviceResponse, DuisClient, DuisExchange } from '../dit/duis-client.ts';
import type { XMLData } from '@smartdcc/duis-parser';
import { duisEuiToHex } from '../protocol/duis/eui.ts';
import type { DuisDeviceAlertMessage, DuisResponseMessage, DuisUserMessage } from '../protocol/duis/message.ts';
import { formatRequestId } from '../protocol/duis/request-id.ts';
import type { Eui64 } from '../protocol/gbcs/frame-types.ts';
import type { MacStatus, SignatureStatus } from '../protocol/gbcs/secure-frame.ts';
import { formatMessageCode, messageCodeInfo } from '../protocol/gbcs/message-codes.ts';
import type { UseCaseCodec } from '../protocol/gbcs/payload/use-cases/use-case-codec.ts';
import { describeMessage, type InboxEntry } from '../transport/inbox.ts';
import { formatWindow, ResponseWindows } from './soak-response-windows.ts';
import type { SoakTaskContext, Taken } from './soak-scheduler.ts';
import type { SoakChannel, SoakEvent } from './soak-trace.ts';

/** The use case a template key names (its first part: `ECS17b_4.1.1_SINGLE` → ECS17b). */
function useCaseOfTemplate(template: string): string {
  return template.split('_')[0] ?? template;
}

/** What the user sees of the GBCS frame a message carries: its use case (from its message code) and its protection. */
interface PayloadView {
  readonly useCase: string | null;
  readonly mac: MacStatus | null;
  readonly signature: SignatureStatus | null;
  /** Why the frame could not be opened, when it could not. */
  readonly problem: string | null;
}

function viewOf(duis: DuisClient, payload: Uint8Array | null): PayloadView {
  if (!payload) return { useCase: null, mac: null, signature: null, problem: null };
  try {
    const opened = duis.openGbcs(payload);
    if (!opened) return { useCase: null, mac: null, signature: null, problem: null };
    return { useCase: messageCodeInfo(opened.frame.messageCode)?.useCase ?? formatMessageCode(opened.frame.messageCode), mac: opened.mac, signature: opened.signature, problem: null };
  } catch (e) {
    return { useCase: null, mac: null, signature: null, problem: (e as Error).message };
  }
}

function hexEui(eui: string | undefined): string | null {
  return eui === undefined ? null : duisEuiToHex(eui);
}

/** What a script does its work through. */
export interface SoakContext {
  now(): number;
  /** Gives the turn to the other scripts until world time `at`. */
  until(at: number): Promise<void>;
  /** A request from a template; its I99 opens its response window (`within`, ms). Null when not answered I99 (a finding). */
  send(template: string, options: { readonly target: Eui64; readonly body?: XMLData; readonly within: number }): Promise<DuisExchange | null>;
  /** A request no template exists for (SRV 11.1), answered `expect` synchronously (I0 by default); null otherwise (a finding). */
  sendRequest(srv: string, options: { readonly target: Eui64; readonly body: XMLData; readonly expect?: string }): Promise<DuisExchange | null>;
  /** A critical request: CV 4 (I0, the pre-command), signed by the user, CV 5 (I99, response window `within`). Null when either is not answered so (a finding). */
  sendCritical(template: string, options: { readonly target: Eui64; readonly body: XMLData; readonly within: number }): Promise<DuisExchange | null>;
  /** Waits for the device response to an acknowledged request until its window closes; null when none came (the window's finding). */
  response(exchange: DuisExchange): Promise<DeviceResponse | null>;
  /** The typed payload of a device response: an I0 from `from` carrying the codec's use case; null otherwise (a finding). */
  decode<R>(response: DeviceResponse, codec: UseCaseCodec<unknown, R>, from: Eui64): R | null;
  /**
   * Waits `within` ms for a device alert with `code` (hex) from `from` — one that arrived from
   * `since` on counts (default now) —; null when none came (a finding naming `after`).
   */
  alert(code: string, from: Eui64, options: { readonly within: number; readonly after: string; readonly since?: number }): Promise<Taken<DuisDeviceAlertMessage> | null>;
  powerOff(device: Eui64): Promise<void>;
  powerOn(device: Eui64): Promise<void>;
  interfere(channel: SoakChannel, levelDbm: number): Promise<void>;
  clearInterference(channel: SoakChannel): Promise<void>;
  /** A step of a scenario, for the reader of the trace. */
  step(scenario: string, text: string): void;
  /** Something that did not go as a working premises goes. */
  finding(text: string): void;
}

export interface SoakSessionOptions {
  readonly duis: DuisClient;
  readonly bench: Bench;
  /** Every event, in order: the trace file and the tally. */
  readonly record: (event: SoakEvent) => void;
  /** Everything the DCC delivers, as it arrives (the scheduler). */
  readonly deliver: (message: DuisUserMessage, at: number) => void;
}

export class SoakSession {
  readonly windows = new ResponseWindows();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: SoakSessionOptions) {
    this.unsubscribe = options.duis.transport.inbox.subscribe((entry) => this.arrived(entry));
  }

  /** Notes the windows that closed by now with no response. */
  closeWindows(): void {
    for (const f of this.windows.closed(this.options.duis.now())) this.options.record({ kind: 'finding', at: f.at, text: f.text });
  }

  close(): void {
    this.unsubscribe();
  }

  /** The context of one script (scheduler task). */
  contextFor(task: SoakTaskContext<DuisUserMessage>): SoakContext {
    const { duis, bench, record } = this.options;
    const finding = (text: string) => record({ kind: 'finding', at: duis.now(), text });
    const traced = (exchange: DuisExchange, useCase: string | null) => {
      const { request } = exchange;
      const requestId = formatRequestId(request.requestId);
      record({ kind: 'request', at: exchange.sentAt, srv: request.srv, useCase, commandVariant: request.commandVariant, requestId, target: duisEuiToHex(request.requestId.target) });
      record({ kind: 'answer', at: exchange.sentAt, srv: request.srv, requestId, code: exchange.code });
      return requestId;
    };
    const windowed = (exchange: DuisExchange, useCase: string | null, within: number): DuisExchange | null => {
      const requestId = traced(exchange, useCase);
      if (exchange.code !== 'I99') {
        finding(`SRV ${exchange.request.srv}${useCase ? ` (${useCase})` : ''} ${requestId} was answered ${exchange.code}, expected I99`);
        return null;
      }
      this.windows.expect({ requestId, srv: exchange.request.srv, useCase, target: duisEuiToHex(exchange.request.requestId.target), sentAt: exchange.sentAt, within });
      return exchange;
    };
    const benchAction = async (action: string, act: () => Promise<void>, about: { device?: string; channel?: SoakChannel; levelDbm?: number }) => {
      record({ kind: 'bench', at: duis.now(), action, ...about });
      await act();
    };
    return {
      now: () => duis.now(),
      until: (at) => task.until(at),
      send: async (template, { target, body, within }) => windowed(await duis.send(template, { target, ...(body ? { body } : {}) }), useCaseOfTemplate(template), within),
      sendRequest: async (srv, { target, body, expect = 'I0' }) => {
        const exchange = await duis.sendRequest(srv, { target, body });
        const requestId = traced(exchange, null);
        if (exchange.code === expect) return exchange;
        finding(`SRV ${srv} ${requestId} was answered ${exchange.code}, expected ${expect}`);
        return null;
      },
      sendCritical: async (template, { target, body, within }) => {
        const { preCommand, signed } = await duis.criticalExchanges(template, { target, body });
        const useCase = useCaseOfTemplate(template);
        const requestId = traced(preCommand, useCase);
        if (preCommand.code !== 'I0' || !signed) {
          finding(`SRV ${preCommand.request.srv} (${useCase}) ${requestId}: CV 4 was answered ${preCommand.code}, expected I0 with the pre-command`);
          return null;
        }
        return windowed(signed, useCase, within);
      },
      response: async (exchange) => {
        const requestId = formatRequestId(exchange.request.requestId);
        const sentAt = exchange.sentAt;
        const deadline = this.windows.deadlineOf(requestId);
        if (deadline === null) throw new Error(`the soak noted no response window for ${requestId}`);
        const got = await task.waitFor(
          (m): DuisResponseMessage | undefined => ((m.kind === 'response' || m.kind === 'error') && m.requestId !== null && formatRequestId(m.requestId) === requestId ? m : undefined),
          deadline,
        );
        return got ? duis.openDeviceResponse(got.value, sentAt) : null;
      },
      decode: (response, codec, from) => {
        const what = `${codec.name} response from ${from}`;
        const frame = response.frame;
        if (response.message.responseCode !== 'I0' || !frame) {
          finding(`${what}: answered ${response.message.responseCode}${frame ? '' : ' with no GBCS payload'}`);
          return null;
        }
        if (frame.messageCode !== codec.messageCode || frame.originator !== from) {
          finding(`${what}: came as ${formatMessageCode(frame.messageCode)} from ${frame.originator}`);
          return null;
        }
        try {
          return codec.decodeResponse(frame.payload, { header: frame, ...(response.cipher ? { cipher: response.cipher } : {}) });
        } catch (e) {
          finding(`${what}: its payload does not decode (${(e as Error).message})`);
          return null;
        }
      },
      alert: async (code, from, { within, after, since }) => {
        const wanted = code.toUpperCase();
        const got = await task.waitFor(
          (m) => (m.kind === 'device-alert' && m.alertCode.toUpperCase() === wanted && hexEui(m.responseId?.originator) === from ? m : undefined),
          duis.now() + within,
          since,
        );
        if (!got) finding(`no alert ${wanted} from ${from} within ${formatWindow(within)} of ${after}`);
        return got;
      },
      powerOff: (device) => benchAction('power-off', () => bench.powerOff(device), { device }),
      powerOn: (device) => benchAction('power-on', () => bench.powerOn(device), { device }),
      interfere: (channel, levelDbm) => benchAction('interfere', () => bench.interfere(channel, levelDbm), { channel, levelDbm }),
      clearInterference: (channel) => benchAction('clear-interference', () => bench.clearInterference(channel), { channel }),
      step: (scenario, text) => record({ kind: 'step', at: duis.now(), scenario, text }),
      finding,
    };
  }

  /**
   * A message from the DCC: traced with what the user sees of its GBCS frame, its response window
   * closed, handed to the scheduler. A frame the user cannot open, or whose MAC or signature does
   * not verify, is a finding.
   */
  private arrived(entry: InboxEntry): void {
    const { duis, record, deliver } = this.options;
    const at = duis.now();
    const m = entry.message;
    const view = viewOf(duis, m.gbcsPayload);
    const { useCase, mac, signature } = view;
    const from = hexEui(m.responseId?.originator);
    if (m.kind === 'device-alert' || m.kind === 'dcc-alert') {
      record({ kind: m.kind, at, alert: m.alertCode.toUpperCase(), useCase, code: m.responseCode, from, mac, signature });
    } else if (m.kind === 'response' || m.kind === 'error' || m.kind === 'ack') {
      const requestId = m.requestId ? formatRequestId(m.requestId) : null;
      const sentAt = requestId ? this.windows.sentAt(requestId) : null;
      record({ kind: 'response', at, srv: m.srv, useCase, requestId, code: m.responseCode, from, afterMs: sentAt === null ? null : at - sentAt, mac, signature });
      if (requestId) {
        const f = this.windows.arrived(requestId, m.responseCode, at);
        if (f) record({ kind: 'finding', at: f.at, text: f.text });
      }
    }
    const what = `${describeMessage(m)}${from ? ` from ${from}` : ''}`;
    if (view.problem) record({ kind: 'finding', at, text: `${what}: its GBCS frame does not open (${view.problem})` });
    if (view.mac === 'invalid' || view.signature === 'invalid') record({ kind: 'finding', at, text: `${what}: ${view.useCase} with MAC ${view.mac}, signature ${view.signature}` });
    deliver(m, at);
  }
}
