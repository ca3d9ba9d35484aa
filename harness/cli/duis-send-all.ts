// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit duis send --all`: every loaded DUIS template, one row each —
 * `{ template, implemented, answered, decodable, reason, rtdsShape, ... }`.
 *
 * `implemented` is decided from what the emulators expose (emulators/dcc/srv-transforms.ts
 * `emulatedUseCases()`, the non-device services, the premises): the template's SRV and the type
 * of its target device (the premises' EUIs are the RTDS identities) have a transform, the
 * transform builds the template's use case and that use case has a typed codec; a local-delivery
 * variant (2, 3, 6, 7) needs a command the user originates (the DCC answers E17 for the ACB's).
 * Only implemented templates are sent, each to a fresh world (seed `<seed>/<template>`),
 * so one template's counters and device state never leak into another's row. A critical
 * template is implemented when its transform is marked critical, and is sent through the
 * critical flow (`DuisClient.sendCritical`: CV 4 → I0 with the pre-command → the user signs it
 * → CV 5 → I99 → the device response); its row reports the CV 5 exchange.
 *
 * `answered`: I99, then a device response (I0 with a GBCS payload) within two wake intervals of
 * the sleepiest GSME. Local delivery: CV 2 (and 6) are answered when the DCC's I0 carries the
 * command for local delivery and the device, handed it by the Bench's terminal
 * (`local-delivery`), gives a response back — the row judges that response (`responseCode`
 * null: it is no DUIS message); CV 3 (and 7) need the copy in the I99 and the WAN response as
 * CV 1 and 5. The 8.13 Return Local Command Response template is answered when the DCC takes
 * (I99) a real device response returned with it: the sweep first sends a template of the same
 * use case to the same device for local delivery (returned-response-template.ts) and judges the
 * response the device gave back, as that template's row would. `decodable`: the frame opens, it is a response (CRA 2), its MAC is valid —
 * or uncheckable for a CHF response addressed to the ACB, or absent on a response the device
 * signs instead (ECS70, as RTDS) — its signature is not invalid, and
 * the typed codec of its message code decodes the payload as the template's use case.
 * `rtdsShape`: the response frame has the CRA flag, message code, MAC wrapping and signature
 * presence of the RTDS success response of the same use case and SRV (null when not answered,
 * when RTDS has none, or when the RTDS folder is absent — `rtdsNote` says which).
 */
import type { TargetKind } from '../dit/run-config.ts';
import type { DeviceResponse, DuisExchange, LocalDeviceResponse } from '../dit/duis-client.ts';
import type { DitTarget } from '../dit/dit-target.ts';
import { returnsLocalCommand, sendsOverWan } from '../protocol/duis/command-variant.ts';
import type { PremisesSpec } from '../programme/premises-spec.ts';
import { duisEuiToHex } from '../protocol/duis/eui.ts';
import { codeText, dccNote } from './duis-answer-text.ts';
import { findSrv } from '../protocol/duis/srv-matrix.ts';
import { loadTemplateCatalogue, type DuisTemplate, type TemplateCatalogue } from '../protocol/duis/templates.ts';
import { preparationTemplateFor, returnedResponseOf, RETURN_LOCAL_COMMAND_RESPONSE_SRV } from './returned-response-template.ts';
import { ACCESS_CONTROL_BROKER } from '../protocol/gbcs/frame-keys.ts';
import type { GbcsFrame } from '../protocol/gbcs/frame-types.ts';
import { hexToBytes } from '../protocol/gbcs/hex.ts';
import { formatMessageCode, messageCodesForUseCase } from '../protocol/gbcs/message-codes.ts';
import { decodeTypedMessage, useCaseCodecFor } from '../protocol/gbcs/payload/registry.ts';
import { defaultRtdsDir, listRtdsMessages, rtdsAvailable, type RtdsMessage } from '../protocol/gbcs/rtds.ts';
import { openFrame } from '../protocol/gbcs/secure-frame.ts';
import { worldStartMs } from '../dit/run-config.ts';
import type { XMLData } from '@smartdcc/duis-parser';
import { bodyRefusal, emulatedUseCases, type EmulatedUseCase } from '../../emulators/dcc/srv-transforms.ts';
import type { DeviceType } from '../../emulators/device.ts';
import { findNonDeviceService } from '../../emulators/dcc/non-device-services.ts';
import { startLoopbackDcc } from './loopback-dcc.ts';
import { createTarget } from './targets.ts';

export interface SweepRow {
  readonly template: string;
  readonly implemented: boolean;
  readonly answered: boolean;
  readonly decodable: boolean;
  /** Why one of the three is false; null when all are true. */
  readonly reason: string | null;
  /** Shaped like the RTDS response of the same use case; null when not compared (see rtdsNote). */
  readonly rtdsShape: boolean | null;
  readonly rtdsNote: string | null;
  readonly srv: string;
  readonly useCase: string | null;
  readonly commandVariant: number;
  /** Type of the template's target on the premises; null when it is no device there. */
  readonly targetType: string | null;
  /** The DCC's synchronous code, then the device response's code (implemented rows only). */
  readonly ackCode: string | null;
  readonly responseCode: string | null;
  /** Virtual ms from request to device response. */
  readonly elapsedMs: number | null;
}

export interface SweepOptions {
  readonly target: TargetKind;
  /** With target loopback: an emulated DCC already running; default: one started for the sweep. */
  readonly url?: string;
  readonly seed: string;
  readonly premises: PremisesSpec;
  readonly premisesFile: string;
  readonly programmeDate?: string;
  /** RTDS folder for the shape check; default DIT_RTDS_DIR or ../shared/rtds. */
  readonly rtdsDir?: string;
  /** Only these template keys (tests); default every loaded template. */
  readonly only?: (key: string) => boolean;
}

export interface SweepResult {
  readonly rows: readonly SweepRow[];
  readonly rtds: { readonly dir: string; readonly available: boolean };
  /** Wall-clock ms of the sweep. */
  readonly wallMs: number;
  readonly windowMs: number;
}

const DEFAULT_WAKE_MINUTES = 30;

/** Two wake intervals of the sleepiest GSME on the premises (30 minutes each by default). */
export function responseWindowMs(premises: PremisesSpec): number {
  const wakes = premises.meters.filter((m) => m.type === 'GSME').map((m) => m.wakeIntervalMinutes ?? DEFAULT_WAKE_MINUTES);
  return 2 * Math.max(DEFAULT_WAKE_MINUTES, ...wakes) * 60_000;
}

function deviceTypesOf(premises: PremisesSpec): Map<string, string> {
  const m = new Map<string, string>([
    [premises.commsHub.chf.toUpperCase(), 'CHF'],
    [premises.commsHub.gpf.toUpperCase(), 'GPF'],
  ]);
  for (const meter of premises.meters) m.set(meter.eui.toUpperCase(), meter.type);
  return m;
}

interface Decision {
  readonly implemented: boolean;
  readonly reason: string | null;
  readonly targetType: string | null;
  /** 8.13: the template sent for local delivery first, whose device response 8.13 returns. */
  readonly preparation?: DuisTemplate;
}

/**
 * Whether the emulators implement a template, and why not (pure: no world is built). An 8.13
 * template needs `catalogue` to find the template of its local delivery.
 */
export function decideImplemented(template: DuisTemplate, premises: PremisesSpec, table: readonly EmulatedUseCase[] = emulatedUseCases(), catalogue?: TemplateCatalogue): Decision {
  const info = findSrv(template.srv);
  const name = info ? ` — ${info.name.replace(/\s+/g, ' ').trim()}` : '';
  let targetEui: string;
  try {
    targetEui = duisEuiToHex(template.request.header.requestId.targetId).toUpperCase();
  } catch {
    targetEui = String(template.request.header.requestId.targetId);
  }
  const targetType = deviceTypesOf(premises).get(targetEui) ?? null;
  const no = (reason: string): Decision => ({ implemented: false, reason, targetType });
  if (template.srv === RETURN_LOCAL_COMMAND_RESPONSE_SRV && findNonDeviceService(template.srv) && catalogue) {
    return decideReturnedResponse(template, premises, table, catalogue, targetType);
  }
  if (template.useCase === null || info?.nonDevice) {
    return no(
      findNonDeviceService(template.srv)
        ? `non-device SRV ${template.srv}: answered by the DCC itself, no GBCS response to decode${name}`
        : `non-device SRV ${template.srv} not emulated yet${name}`,
    );
  }
  const forSrv = table.filter((u) => u.srv === template.srv);
  if (forSrv.length === 0) return no(`SRV ${template.srv} (${info?.critical ? 'critical' : 'non-critical'}) not emulated yet${name}`);
  if (targetType === null) return no(`target ${targetEui} is no device of the premises (SRV ${template.srv} is emulated for ${forSrv.map((u) => u.targetType).join(', ')})`);
  const rows = forSrv.filter((u) => u.targetType === targetType);
  if (rows.length === 0) return no(`SRV ${template.srv} to a ${targetType} not emulated yet (emulated for ${[...new Set(forSrv.map((u) => u.targetType))].join(', ')})`);
  const row = rows.find((u) => u.useCase.toLowerCase() === template.useCase?.toLowerCase());
  if (!row) {
    return no(`SRV ${template.srv} to the ${targetType} is emulated as ${rows.map((u) => u.useCase).join(', ')}; use case ${template.useCase} not emulated yet`);
  }
  if (info?.critical && !row.critical) return no(`SRV ${template.srv} is critical; ${row.useCase} is not emulated through the CV 4 / CV 5 flow yet`);
  if (!useCaseCodecFor(row.messageCode)) return no(`no typed codec for ${row.useCase} (${formatMessageCode(row.messageCode)})`);
  if (returnsLocalCommand(template.commandVariant) && row.originator !== 'service-user') {
    return no(`command variant ${template.commandVariant} (local delivery) of ${row.useCase}, which the ACB originates: the DCC answers E17`);
  }
  const deviceTypes = deviceTypesOf(premises);
  const refusal = bodyRefusal(template.srv, targetType as DeviceType, template.request.body as XMLData, {
    deviceTypeOf: (eui) => deviceTypes.get(eui.toUpperCase()) as DeviceType | undefined,
    // the premises' Type 1 devices, as the DCC's inventory holds them (whether it has a certificate does not decide)
    hanDeviceOf: (eui) => {
      const device = premises.type1Devices?.find((d) => d.eui === eui.toUpperCase());
      return device ? { ...device, kaCertificate: null } : undefined;
    },
  });
  if (refusal?.problem === 'unknown-device') return no(`the body names a device the premises lacks, so the DCC answers E19: ${refusal.message}`);
  return { implemented: true, reason: null, targetType };
}

/** 8.13: implemented when a template of its response's use case to its device can be sent for local delivery. */
function decideReturnedResponse(template: DuisTemplate, premises: PremisesSpec, table: readonly EmulatedUseCase[], catalogue: TemplateCatalogue, targetType: string | null): Decision {
  const returned = returnedResponseOf(template);
  if (typeof returned === 'string') return { implemented: false, reason: `SRV 8.13: ${returned}`, targetType };
  // sent for local delivery: CV 6 after CV 4 when critical, else CV 2
  const local = (t: DuisTemplate): DuisTemplate => ({ ...t, commandVariant: findSrv(t.srv)?.critical ? 6 : 2 });
  const preparation = preparationTemplateFor(returned, catalogue, (t) => t.srv !== template.srv && decideImplemented(local(t), premises, table).implemented);
  if (!preparation) return { implemented: false, reason: `SRV 8.13 returns a ${returned.useCase} response of ${returned.device}; no template of it can be sent for local delivery here`, targetType };
  return { implemented: true, reason: null, targetType, preparation };
}

interface Shape {
  readonly cra: number;
  readonly messageCode: number;
  readonly macProtected: boolean;
  readonly signed: boolean;
}

function shapeOf(frame: GbcsFrame): Shape {
  return { cra: frame.cra, messageCode: frame.messageCode, macProtected: frame.macProtected, signed: frame.signature !== null };
}

function shapeText(s: Shape): string {
  return `CRA ${s.cra}, ${formatMessageCode(s.messageCode)}, ${s.macProtected ? 'MAC' : 'no MAC'}, ${s.signed ? 'signed' : 'unsigned'}`;
}

/** The RTDS success response that best matches a template (same use case and SRV, most shared qualifiers). */
function rtdsReferenceFor(template: DuisTemplate, responses: readonly RtdsMessage[]): RtdsMessage | undefined {
  const useCase = template.useCase;
  // RTDS folders name some use cases by a variant label (ECS70Commission for ECS70): the message code's aliases
  const labels = new Set([useCase, ...(useCase ? messageCodesForUseCase(useCase).flatMap((i) => [i.useCase, ...i.aliases]) : [])].filter((l): l is string => !!l).map((l) => l.toLowerCase()));
  const same = responses.filter((m) => labels.has(m.useCase.toLowerCase()) && m.srv === template.srv);
  const pool = same.filter((m) => m.outcome === 'SUCCESS').length > 0 ? same.filter((m) => m.outcome === 'SUCCESS') : same;
  const tokens = new Set((template.variant ?? '').split('_').filter(Boolean));
  return [...pool].sort((a, b) => b.qualifiers.filter((q) => tokens.has(q)).length - a.qualifiers.filter((q) => tokens.has(q)).length)[0];
}

function compareWithRtds(frame: GbcsFrame, reference: RtdsMessage): { same: boolean; note: string } {
  let ref: Shape;
  try {
    ref = shapeOf(openFrame(hexToBytes(reference.hex, reference.relPath)).frame);
  } catch (e) {
    return { same: false, note: `${reference.file} did not open: ${(e as Error).message}` };
  }
  const ours = shapeOf(frame);
  const diffs: string[] = [];
  if (ours.cra !== ref.cra) diffs.push(`CRA ${ours.cra} vs ${ref.cra}`);
  if (ours.messageCode !== ref.messageCode) diffs.push(`message code ${formatMessageCode(ours.messageCode)} vs ${formatMessageCode(ref.messageCode)}`);
  if (ours.macProtected !== ref.macProtected) diffs.push(`${ours.macProtected ? 'MAC' : 'no MAC'} vs ${ref.macProtected ? 'MAC' : 'no MAC'}`);
  if (ours.signed !== ref.signed) diffs.push(`${ours.signed ? 'signed' : 'unsigned'} vs ${ref.signed ? 'signed' : 'unsigned'}`);
  return diffs.length === 0
    ? { same: true, note: `like ${reference.file} (${shapeText(ref)})` }
    : { same: false, note: `unlike ${reference.file}: ${diffs.join('; ')}` };
}

interface Outcome {
  answered: boolean;
  decodable: boolean;
  reason: string | null;
  ackCode: string | null;
  responseCode: string | null;
  elapsedMs: number | null;
  frame: GbcsFrame | null;
}

/** A response as the row judges it: from the DCC (DUIS), or given back to local delivery. */
type JudgedResponse = Pick<DeviceResponse, 'frame' | 'mac' | 'signature' | 'cipher'>;

function judgeResponse(useCase: string | null, response: JudgedResponse, deviceTypes: Map<string, string>): Pick<Outcome, 'decodable' | 'reason'> {
  const f = response.frame;
  if (!f) return { decodable: false, reason: 'payload did not decode: the response carries no GBCS frame' };
  if (f.cra !== 2) return { decodable: false, reason: `payload did not decode: CRA flag ${f.cra}, not a response` };
  const acbAddressedChf = deviceTypes.get(f.originator.toUpperCase()) === 'CHF' && f.recipient.toUpperCase() === ACCESS_CONTROL_BROKER.toUpperCase();
  const signedOnly = response.mac === 'absent' && response.signature === 'valid';
  if (!(response.mac === 'valid' || signedOnly || (response.mac === 'uncheckable' && acbAddressedChf))) {
    return { decodable: false, reason: `response MAC ${response.mac ?? 'not checked'} (${f.originator} → ${f.recipient})` };
  }
  if (response.signature === 'invalid') return { decodable: false, reason: 'response signature invalid' };
  let typed;
  try {
    typed = decodeTypedMessage(f, response.cipher);
  } catch (e) {
    return { decodable: false, reason: `payload did not decode: ${(e as Error).message}` };
  }
  if (!typed) return { decodable: false, reason: `payload did not decode: no typed codec for ${formatMessageCode(f.messageCode)}` };
  if (typed.useCase.toLowerCase() !== useCase?.toLowerCase()) {
    return { decodable: false, reason: `payload did not decode as ${useCase}: it is ${typed.useCase}` };
  }
  if (typed.fields === null || typeof typed.fields !== 'object') return { decodable: false, reason: 'payload did not decode: no typed fields' };
  return { decodable: true, reason: null };
}

/** Sends a template; a critical one as CV 4, then its signed pre-command as `signedCommandVariant` (default: 6 or 7 when the template says so, else 5). */
function sendTemplate(target: DitTarget, template: DuisTemplate, local: { readonly commandVariant?: 2 | 6 } = {}): Promise<DuisExchange> {
  const cv = local.commandVariant ?? template.commandVariant;
  if (!findSrv(template.srv)?.critical) return target.duis.send(template.key, local.commandVariant ? { commandVariant: local.commandVariant } : {});
  return target.duis.sendCritical(template.key, { signedCommandVariant: cv === 6 || cv === 7 ? cv : 5 });
}

/** Hands the command the DCC returned for local delivery to the request's target through the Bench; the response opened with the user's keys, or why there is none. */
async function deliverLocally(target: DitTarget, exchange: DuisExchange): Promise<{ readonly response: LocalDeviceResponse } | { readonly reason: string }> {
  const command = exchange.localCommand;
  if (!command) {
    const note = dccNote(exchange.reply.body);
    return { reason: `${codeText(exchange.code)} from the DCC, with no command for local delivery${note ? `: ${note}` : ''}` };
  }
  const lacking = target.bench.lacking('local-delivery');
  if (lacking) return { reason: lacking };
  const delivered = await target.bench.deliverLocally(duisEuiToHex(exchange.request.requestId.target), command);
  if (!delivered.response) return { reason: `no response to local delivery: ${delivered.note ?? 'the terminal gave no reason'}` };
  return { response: target.duis.openLocalResponse(delivered.response, exchange.sentAt) };
}

/** The 8.13 template: `preparation` sent for local delivery, the device's response returned with 8.13 (see the file header). */
async function returnOne(preparation: DuisTemplate, target: DitTarget, out: Outcome, deviceTypes: Map<string, string>): Promise<Outcome> {
  let exchange: DuisExchange;
  try {
    exchange = await sendTemplate(target, preparation, { commandVariant: findSrv(preparation.srv)?.critical ? 6 : 2 });
  } catch (e) {
    return { ...out, reason: `the local delivery of ${preparation.key} behind it failed: ${(e as Error).message}` };
  }
  const got = await deliverLocally(target, exchange);
  if ('reason' in got) return { ...out, reason: `the local delivery of ${preparation.key} behind it: ${got.reason}` };
  const returned = await target.duis.returnLocalResponse(exchange, got.response.bytes);
  const withFrame: Outcome = { ...out, ackCode: returned.code, elapsedMs: got.response.elapsedMs, frame: got.response.frame };
  if (returned.code !== 'I99') {
    const note = dccNote(returned.reply.body);
    return { ...withFrame, reason: `${codeText(returned.code)} from the DCC for the returned ${preparation.useCase} response${note ? `: ${note}` : ''}` };
  }
  return { ...withFrame, answered: true, ...judgeResponse(preparation.useCase, got.response, deviceTypes) };
}

async function sendOne(template: DuisTemplate, decision: Decision, opts: SweepOptions, url: string | undefined, windowMs: number, deviceTypes: Map<string, string>): Promise<Outcome> {
  const seed = `${opts.seed}/${template.key}`;
  const target = await createTarget({
    config: {
      runId: 'duis-send-all',
      runSeed: seed,
      target: opts.target,
      programmeDate: opts.programmeDate ?? '2019-04-12',
      premisesFile: opts.premisesFile,
      ...(url ? { url } : {}),
    },
    premises: opts.premises,
    seed,
  });
  const out: Outcome = { answered: false, decodable: false, reason: null, ackCode: null, responseCode: null, elapsedMs: null, frame: null };
  try {
    if (decision.preparation) return await returnOne(decision.preparation, target, out, deviceTypes);
    let exchange: DuisExchange;
    try {
      exchange = await sendTemplate(target, template);
    } catch (e) {
      return { ...out, reason: `request failed: ${(e as Error).message}` };
    }
    out.ackCode = exchange.code;
    const cv = exchange.request.commandVariant;
    if (!sendsOverWan(cv) && exchange.code === 'I0') {
      // CV 2 / 6: the command came back; the device's response to local delivery is what the row judges
      const got = await deliverLocally(target, exchange);
      if ('reason' in got) return { ...out, reason: got.reason };
      return { ...out, answered: true, elapsedMs: got.response.elapsedMs, frame: got.response.frame, ...judgeResponse(template.useCase, got.response, deviceTypes) };
    }
    if (returnsLocalCommand(cv) && exchange.code === 'I99' && !exchange.localCommand) {
      return { ...out, reason: 'I99 from the DCC without the copy for local delivery (ResponseMessage/LocalCommand)' };
    }
    if (exchange.code !== 'I99') {
      const note = dccNote(exchange.reply.body);
      return { ...out, reason: `${codeText(exchange.code)} from the DCC${note ? `: ${note}` : ''}` };
    }
    let response: DeviceResponse;
    try {
      response = await exchange.response({ within: windowMs });
    } catch (e) {
      return { ...out, reason: `no response within ${windowMs / 60_000} min (virtual; two GSME wake intervals): ${(e as Error).message}` };
    }
    out.responseCode = response.message.responseCode;
    out.elapsedMs = response.elapsedMs;
    out.frame = response.frame;
    if (response.message.responseCode !== 'I0' || !response.message.gbcsPayload) {
      return { ...out, reason: `${codeText(response.message.responseCode)} from the DCC after ${response.elapsedMs / 1000} s (virtual)` };
    }
    out.answered = true;
    return { ...out, ...judgeResponse(template.useCase, response, deviceTypes) };
  } finally {
    await target.close();
  }
}

/** Runs the sweep: decides every template, sends the implemented ones, compares with RTDS. */
export async function runDuisSweep(opts: SweepOptions): Promise<SweepResult> {
  const started = performance.now();
  const catalogue = await loadTemplateCatalogue();
  const keys = catalogue.keys().filter((k) => !opts.only || opts.only(k));
  const table = emulatedUseCases();
  const deviceTypes = deviceTypesOf(opts.premises);
  const windowMs = responseWindowMs(opts.premises);
  const rtdsDir = opts.rtdsDir ?? defaultRtdsDir();
  const rtdsPresent = rtdsAvailable(rtdsDir);
  const rtdsResponses = rtdsPresent ? listRtdsMessages(rtdsDir).filter((m) => m.kind === 'RESPONSE') : [];
  if (opts.url && opts.target !== 'loopback') throw new Error('--url needs --target loopback');
  const loopback = opts.target === 'loopback' && !opts.url ? await startLoopbackDcc() : undefined;
  const url = opts.url ?? loopback?.url;
  const rows: SweepRow[] = [];
  try {
    for (const key of keys) {
      const template = catalogue.get(key);
      const decision = decideImplemented(template, opts.premises, table, catalogue);
      const base = {
        srv: template.srv,
        useCase: template.useCase,
        commandVariant: template.commandVariant,
        targetType: decision.targetType,
      };
      if (!decision.implemented) {
        rows.push({ template: key, implemented: false, answered: false, decodable: false, reason: decision.reason, rtdsShape: null, rtdsNote: null, ...base, ackCode: null, responseCode: null, elapsedMs: null });
        continue;
      }
      const outcome = await sendOne(template, decision, opts, url, windowMs, deviceTypes);
      // an 8.13 row's response is its preparation's: compared with the RTDS response of that use case
      const judgedAs = decision.preparation ?? template;
      let rtdsShape: boolean | null = null;
      let rtdsNote: string | null = null;
      if (!outcome.frame) rtdsNote = 'no response frame to compare';
      else if (!rtdsPresent) rtdsNote = `RTDS folder absent (${rtdsDir}): shape not compared`;
      else {
        const reference = rtdsReferenceFor(judgedAs, rtdsResponses);
        if (!reference) rtdsNote = `RTDS has no ${judgedAs.useCase} ${judgedAs.srv} response`;
        else {
          const c = compareWithRtds(outcome.frame, reference);
          rtdsShape = c.same;
          rtdsNote = c.note;
        }
      }
      rows.push({
        template: key,
        implemented: true,
        answered: outcome.answered,
        decodable: outcome.decodable,
        reason: outcome.reason,
        rtdsShape,
        rtdsNote,
        ...base,
        ackCode: outcome.ackCode,
        responseCode: outcome.responseCode,
        elapsedMs: outcome.elapsedMs,
      });
    }
  } finally {
    await loopback?.close();
  }
  return { rows, rtds: { dir: rtdsDir, available: rtdsPresent }, wallMs: performance.now() - started, windowMs };
}

/** True when every implemented row was answered with a decodable response. */
export function sweepPassed(rows: readonly SweepRow[]): boolean {
  return rows.filter((r) => r.implemented).every((r) => r.answered && r.decodable);
}

const yes = (b: boolean | null) => (b === null ? '-' : b ? 'yes' : 'NO');

/** The human table: implemented rows, then the others grouped by reason, then totals. */
export function formatSweep(result: SweepResult): string {
  const { rows } = result;
  const impl = rows.filter((r) => r.implemented);
  const notImpl = rows.filter((r) => !r.implemented);
  const lines: string[] = [];
  const w = Math.max(8, ...impl.map((r) => r.template.length));
  lines.push(`implemented (${impl.length}):`);
  lines.push(`  ${'template'.padEnd(w)}  ${'type'.padEnd(4)}  answered  decodable  rtds  response / reason`);
  for (const r of impl) {
    const detail = r.reason ?? `${r.responseCode ?? (r.ackCode === 'I99' ? 'delivered locally, returned with 8.13 (I99)' : 'delivered locally, answered')} after ${(r.elapsedMs ?? 0) / 1000} s${r.rtdsNote ? `; ${r.rtdsNote}` : ''}`;
    lines.push(`  ${r.template.padEnd(w)}  ${(r.targetType ?? '-').padEnd(4)}  ${yes(r.answered).padEnd(8)}  ${yes(r.decodable).padEnd(9)}  ${yes(r.rtdsShape).padEnd(4)}  ${detail}`);
  }
  lines.push('');
  lines.push(`not implemented (${notImpl.length}):`);
  const w2 = Math.max(8, ...notImpl.map((r) => r.template.length));
  for (const r of notImpl) lines.push(`  ${r.template.padEnd(w2)}  ${r.reason ?? ''}`);
  lines.push('');
  const answered = impl.filter((r) => r.answered).length;
  const decodable = impl.filter((r) => r.decodable).length;
  const compared = impl.filter((r) => r.rtdsShape !== null);
  const rtdsText = result.rtds.available
    ? `RTDS shape ${compared.filter((r) => r.rtdsShape).length}/${compared.length} compared alike`
    : `RTDS shape not compared (no RTDS folder at ${result.rtds.dir}; set DIT_RTDS_DIR)`;
  lines.push(
    `${rows.length} templates: ${impl.length} implemented, ${answered} answered, ${decodable} decodable, ${notImpl.length} not implemented; ${rtdsText}; ` +
      `window ${result.windowMs / 60_000} min virtual; ${(result.wallMs / 1000).toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}
