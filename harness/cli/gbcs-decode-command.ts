// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit gbcs decode HEX|@FILE [--keystore DIR] [--json]`: decodes one GBCS frame, checks its MAC
 * and signature and opens its protected content when a keystore is given, and shows the payload
 * as typed fields (a typed use-case codec exists) or as the generic payload tree.
 * Exit 0 decoded (and verified where checkable), 1 a check failed (wrong MAC or signature,
 * protected content that does not open, a payload its codec rejects), 2 bad input.
 */
import { GbcsCryptoError, GbcsDecodeError, KeyFileError } from '../protocol/gbcs/errors.ts';
import type { GbcsFrame } from '../protocol/gbcs/frame-types.ts';
import { bytesToHex } from '../protocol/gbcs/hex.ts';
import { KeyStore } from '../protocol/gbcs/keystore.ts';
import { formatMessageCode, messageCodeInfo } from '../protocol/gbcs/message-codes.ts';
import type { PayloadDescription } from '../protocol/gbcs/payload/describe-payload.ts';
import { PayloadContextError } from '../protocol/gbcs/payload/payload-errors.ts';
import type { PayloadCipher } from '../protocol/gbcs/payload/payload-cipher.ts';
import type { PayloadContext } from '../protocol/gbcs/payload/payload-context.ts';
import { openFrame, payloadCipherFor, type OpenOptions } from '../protocol/gbcs/secure-frame.ts';
import { processIo, type CommandIo } from './gbcs-command-io.ts';
import { dateTimeText } from './gbcs-date-time-text.ts';
import { decodeErrorText } from './gbcs-decode-error-text.ts';
import { fieldLines } from './gbcs-field-text.ts';
import { isNoKey, macKeysFor, payloadKeysFor, signerKeyFor } from '../protocol/gbcs/frame-keys.ts';
import { readHexInput } from './gbcs-hex-input.ts';
import { genericPayloadTree, payloadTreeLines } from './gbcs-payload-tree.ts';
import { typedCodecFor } from './gbcs-typed-codecs.ts';
import { toJson } from './json-output.ts';
import { EXIT, UserError } from './user-error.ts';

export interface GbcsDecodeOptions {
  readonly keystore?: string;
  readonly json?: boolean;
}

export type CheckStatus = 'valid' | 'invalid' | 'uncheckable' | 'absent';

export interface CheckResult {
  readonly status: CheckStatus;
  /** Why uncheckable or invalid. */
  readonly reason?: string;
  /** Which keys were used. */
  readonly keys?: string;
}

/** Protected (inner-encrypted) content: 'valid' = opened, 'absent' = the codec opened none. */
export interface ProtectedContentResult extends CheckResult {
  readonly blocks: number;
}

/** What `--json` prints. */
export interface DecodedFrameReport {
  readonly source: string;
  readonly length: number;
  /** false when a check failed: see problems. */
  readonly ok: boolean;
  /** What failed: "MAC invalid", "signature invalid", "protected content does not open", "payload rejected by its typed codec". */
  readonly problems: string[];
  readonly frame: {
    /** "MAC-wrapped, signed", "unwrapped, unsigned", "pre-command"... */
    readonly kind: string;
    readonly macProtected: boolean;
    readonly signed: boolean;
    readonly preCommand: boolean;
    readonly cra: number;
    readonly craName: 'command' | 'response' | 'alert';
    readonly counter: bigint;
    readonly originator: string;
    readonly recipient: string;
    readonly dateTime: { readonly hex: Uint8Array; readonly text: string } | null;
    readonly messageCode: { readonly code: string; readonly useCase: string | null; readonly name: string | null };
    readonly supplementaryRemoteParty: {
      readonly id: string;
      readonly counter?: bigint;
      readonly originatorCounter?: bigint;
      readonly certificate?: Uint8Array;
    } | null;
    readonly payloadLength: number;
    readonly signaturePresent: boolean;
    readonly signature: Uint8Array | null;
    readonly mac: Uint8Array | null;
  };
  readonly verification: {
    readonly keystore: string | null;
    readonly mac: CheckResult;
    readonly signature: CheckResult;
    readonly protectedContent: ProtectedContentResult;
  };
  readonly payload: {
    readonly hex: Uint8Array;
    /** Present when a typed codec exists for this message. */
    readonly typed?: { readonly codec: string; readonly direction: string; readonly title: string; readonly fields?: unknown; readonly error?: string };
    /** The generic tree (describePayload), when there is no typed codec or it failed; `error` set when it did not decode. */
    readonly tree?: PayloadDescription;
  };
}

const CRA_NAME = { 1: 'command', 2: 'response', 3: 'alert' } as const;

function loadKeyStore(dir: string): KeyStore {
  try {
    return KeyStore.fromDirectory(dir);
  } catch (error) {
    if (error instanceof KeyFileError) throw new UserError(`--keystore ${dir}: ${error.reason} (expected a folder of <eui>-ds|ka.pem certificates and .key private keys, RTDS layout)`);
    throw error;
  }
}

/** A cipher that counts the blocks the payload codec opened through it. */
class ObservedCipher implements PayloadCipher {
  opened = 0;
  failure: string | undefined;

  constructor(private readonly inner: PayloadCipher) {}

  seal(plaintext: Uint8Array): Uint8Array {
    return this.inner.seal(plaintext);
  }

  open(sealed: Uint8Array): Uint8Array {
    try {
      const plain = this.inner.open(sealed);
      this.opened++;
      return plain;
    } catch (error) {
      if (error instanceof GbcsCryptoError) this.failure = error.reason;
      throw error;
    }
  }
}

function frameKind(frame: GbcsFrame): string {
  if (frame.preCommand === true) return 'pre-command (no signature field: awaiting the user\'s signature), not MAC-wrapped';
  return `${frame.macProtected ? 'MAC-wrapped (General Ciphering)' : 'not MAC-wrapped'}, ${frame.signature ? 'signed' : 'unsigned (signature length 00)'}`;
}

/**
 * Decodes, verifies and describes one frame; throws UserError for bad input.
 * @param loadedKeys the keystore already loaded from opts.keystore (decoding many frames).
 */
export function buildDecodeReport(frameArgument: string, opts: GbcsDecodeOptions, loadedKeys?: KeyStore): DecodedFrameReport {
  const input = readHexInput(frameArgument);
  const keys = loadedKeys ?? (opts.keystore !== undefined ? loadKeyStore(opts.keystore) : undefined);
  const bytes = input.bytes;

  let opened: ReturnType<typeof openFrame>;
  try {
    opened = openFrame(bytes);
  } catch (error) {
    if (error instanceof GbcsDecodeError) throw new UserError(`${input.source}: ${decodeErrorText(error, 'frame', bytes.length)}`);
    throw error;
  }
  let frame = opened.frame;
  const noKeystore = 'no --keystore given';

  // MAC and signature
  let mac: CheckResult = { status: opened.mac };
  let signature: CheckResult = { status: opened.signature };
  if (opened.mac === 'uncheckable') mac = { status: 'uncheckable', reason: noKeystore };
  if (opened.signature === 'uncheckable') signature = { status: 'uncheckable', reason: noKeystore };
  if (keys) {
    const openOpts: { -readonly [K in keyof OpenOptions]: OpenOptions[K] } = {};
    const macChoice = frame.macProtected ? macKeysFor(frame, keys) : undefined;
    const signerChoice = frame.signature ? signerKeyFor(frame, keys) : undefined;
    if (macChoice && !isNoKey(macChoice)) openOpts.mac = macChoice.keys;
    if (signerChoice && !isNoKey(signerChoice)) openOpts.signerDsPublic = signerChoice.publicKey;
    const checked = openFrame(bytes, openOpts);
    frame = checked.frame;
    mac = checkResult(checked.mac, macChoice, 'the MAC does not verify: the frame was altered, or MACed with other keys or another counter');
    signature = checkResult(checked.signature, signerChoice, `the signature does not verify with the DS key of ${frame.originator}`);
  }

  // payload: typed fields, or the generic tree
  let cipher: ObservedCipher | undefined;
  let cipherReason = noKeystore;
  let cipherKeys: string | undefined;
  if (keys) {
    const choice = payloadKeysFor(frame, keys);
    if (isNoKey(choice)) cipherReason = choice.reason;
    else {
      cipher = new ObservedCipher(payloadCipherFor(frame, choice.keys));
      cipherKeys = choice.description;
    }
  }
  const ctx: PayloadContext = cipher ? { header: frame, cipher } : { header: frame };
  let needsCipher = false;
  const payload: { hex: Uint8Array; typed?: NonNullable<DecodedFrameReport['payload']['typed']>; tree?: PayloadDescription } = { hex: frame.payload };
  const match = typedCodecFor(frame);
  let typedFailed = false;
  if (match) {
    const typed = { codec: match.useCase, direction: match.direction, title: match.title };
    try {
      payload.typed = { ...typed, fields: match.decode(frame.payload, ctx) };
    } catch (error) {
      if (error instanceof PayloadContextError) {
        needsCipher = true;
        payload.typed = { ...typed, error: `not decoded: the protected content must be opened first (${cipherReason})` };
      } else if (error instanceof GbcsDecodeError) {
        typedFailed = true;
        payload.typed = { ...typed, error: decodeErrorText(error, 'payload', frame.payload.length) };
      } else if (error instanceof GbcsCryptoError) {
        payload.typed = { ...typed, error: `protected content does not open: ${error.reason}` };
      } else throw error;
    }
  }
  if (!payload.typed || payload.typed.error !== undefined) {
    const tree = genericPayloadTree(frame, ctx);
    payload.tree = tree.description;
    if (tree.hasSealedContent && !cipher) needsCipher = true;
  }

  let protectedContent: ProtectedContentResult;
  if (cipher?.failure !== undefined) protectedContent = { status: 'invalid', reason: `protected content does not open: ${cipher.failure}`, blocks: cipher.opened, ...(cipherKeys ? { keys: cipherKeys } : {}) };
  else if (cipher && cipher.opened > 0) protectedContent = { status: 'valid', blocks: cipher.opened, ...(cipherKeys ? { keys: cipherKeys } : {}) };
  else if (needsCipher) protectedContent = { status: 'uncheckable', reason: cipherReason, blocks: 0 };
  else protectedContent = { status: 'absent', blocks: 0 };

  const info = messageCodeInfo(frame.messageCode);
  const s = frame.supplementary;
  const problems: string[] = [];
  if (mac.status === 'invalid') problems.push('MAC invalid');
  if (signature.status === 'invalid') problems.push('signature invalid');
  if (protectedContent.status === 'invalid') problems.push('protected content does not open');
  if (typedFailed) problems.push('payload rejected by its typed codec');
  return {
    source: input.source,
    length: bytes.length,
    ok: problems.length === 0,
    problems,
    frame: {
      kind: frameKind(frame),
      macProtected: frame.macProtected,
      signed: frame.signature !== null,
      preCommand: frame.preCommand === true,
      cra: frame.cra,
      craName: CRA_NAME[frame.cra],
      counter: frame.counter,
      originator: frame.originator,
      recipient: frame.recipient,
      dateTime: frame.dateTime ? { hex: frame.dateTime, text: dateTimeText(frame.dateTime) } : null,
      messageCode: { code: formatMessageCode(frame.messageCode), useCase: info?.useCase ?? null, name: info?.name ?? null },
      supplementaryRemoteParty: s
        ? {
            id: s.remotePartyId,
            counter: s.remotePartyCounter,
            ...(s.originatorCounter !== undefined ? { originatorCounter: s.originatorCounter } : {}),
            ...(s.remotePartyCertificate !== undefined ? { certificate: s.remotePartyCertificate } : {}),
          }
        : frame.supplementaryRemotePartyIdOnly !== undefined
          ? { id: frame.supplementaryRemotePartyIdOnly }
          : null,
      payloadLength: frame.payload.length,
      signaturePresent: frame.signature !== null,
      signature: frame.signature,
      mac: frame.mac,
    },
    verification: { keystore: opts.keystore ?? null, mac, signature, protectedContent },
    payload,
  };
}

function checkResult(status: CheckStatus, choice: { description: string } | { reason: string } | undefined, invalidReason: string): CheckResult {
  const keysUsed = choice && 'description' in choice ? { keys: choice.description } : {};
  if (status === 'uncheckable') return { status, reason: choice && 'reason' in choice ? choice.reason : 'no key' };
  if (status === 'invalid') return { status, reason: invalidReason, ...keysUsed };
  if (status === 'valid') return { status, ...keysUsed };
  return { status };
}

export async function gbcsDecodeCommand(frameArgument: string, opts: GbcsDecodeOptions, io: CommandIo = processIo): Promise<number> {
  const report = buildDecodeReport(frameArgument, opts);
  io.out(opts.json ? `${toJson(report)}\n` : renderDecodeReport(report));
  return report.ok ? EXIT.ok : EXIT.failed;
}

function checkText(c: CheckResult): string {
  const status = c.status === 'invalid' ? 'INVALID' : c.status;
  const detail = c.reason ?? c.keys;
  return detail ? `${status} (${detail})` : status;
}

/** The human form of a decoded frame. */
export function renderDecodeReport(r: DecodedFrameReport): string {
  const f = r.frame;
  const rows: Array<[string, string]> = [
    ['frame', f.kind],
    ['CRA', `${f.cra} ${f.craName}`],
    ['counter', `${f.counter} (0x${f.counter.toString(16).toUpperCase().padStart(16, '0')})`],
    ['originator', f.originator],
    ['recipient', f.recipient],
    ['date-time', f.dateTime ? `${f.dateTime.text} (${bytesToHex(f.dateTime.hex)})` : 'absent'],
    ['message code', `${f.messageCode.code} ${f.messageCode.useCase ?? (f.messageCode.name ? '-' : '(unknown message code)')}${f.messageCode.name ? ` ${f.messageCode.name}` : ''}`],
    ['remote party', remotePartyText(f.supplementaryRemoteParty)],
    ['payload', `${f.payloadLength} bytes`],
    ['signature', f.signature ? `present ${bytesToHex(f.signature)}` : f.preCommand ? 'none (pre-command)' : 'absent (length 00)'],
    ['MAC', f.mac ? bytesToHex(f.mac) : 'none (not MAC-wrapped)'],
  ];
  const v = r.verification;
  const checks: Array<[string, string]> = [
    ['MAC', checkText(v.mac)],
    ['signature', checkText(v.signature)],
    ['protected content', v.protectedContent.status === 'valid' ? `decrypted (${v.protectedContent.blocks} block${v.protectedContent.blocks === 1 ? '' : 's'}${v.protectedContent.keys ? `; ${v.protectedContent.keys}` : ''})` : v.protectedContent.status === 'absent' ? 'none' : checkText(v.protectedContent)],
  ];
  const width = Math.max(...[...rows, ...checks].map(([k]) => k.length));
  const lines: string[] = [`GBCS frame from ${r.source} (${r.length} bytes)`];
  for (const [k, val] of rows) lines.push(`  ${k.padEnd(width)}  ${val}`);
  lines.push('', `verification${v.keystore ? ` (keystore ${v.keystore})` : ' (no --keystore: MAC, signature and protected content not checked)'}`);
  for (const [k, val] of checks) lines.push(`  ${k.padEnd(width)}  ${val}`);

  const p = r.payload;
  lines.push('');
  if (p.typed) {
    lines.push(`payload: ${p.typed.codec} ${p.typed.direction} — ${p.typed.title} (typed)`);
    if (p.typed.error !== undefined) lines.push(`  ${p.typed.error}`);
    else lines.push(...fieldLines(p.typed.fields, 2));
  }
  if (p.tree !== undefined) {
    lines.push(`${p.typed ? 'payload (generic)' : 'payload (generic: no typed codec for this message)'}: ${p.tree.kind}, ${p.tree.length} bytes`);
    lines.push(...payloadTreeLines(p.tree, 2));
  }
  lines.push(`  hex ${bytesToHex(p.hex)}`);
  lines.push('');
  lines.push(r.ok ? 'OK' : `FAILED: ${r.problems.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function remotePartyText(s: DecodedFrameReport['frame']['supplementaryRemoteParty']): string {
  if (!s) return 'none';
  const parts = [s.id];
  if (s.counter !== undefined) parts.push(`counter ${s.counter}`);
  if (s.originatorCounter !== undefined) parts.push(`originator counter ${s.originatorCounter}`);
  if (s.certificate !== undefined) parts.push(`KA certificate ${s.certificate.length} bytes`);
  return parts.join(', ');
}
