// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Checks the codec and crypto against every RTDS 4.5.0 message: decode, byte-exact round trip,
 * CRA flag vs the file's kind, message code vs the folder's use case (with the documented
 * exceptions of rtds-known-exceptions.json), no signature on pre-commands, MACs and signatures.
 *
 * Keys (rtds/README.md) as frame-keys.ts chooses them: a command's MAC from the DCC Access
 * Control Broker's KA private key and the recipient device's KA certificate (the DCC applies it,
 * whoever originated the command); a response's or alert's MAC from the recipient's KA private
 * key and the originating device's KA certificate. Signatures verify with the originator's DS key.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { GbcsDecodeError, HexFormatError } from './errors.ts';
import { encodeFrame } from './frame.ts';
import { isNoKey, macKeysFor, signerKeyFor } from './frame-keys.ts';
import { bytesEqual, hexToBytes } from './hex.ts';
import { KeyStore } from './keystore.ts';
import { formatMessageCode, messageCodeInfo, messageCodeMatchesUseCase } from './message-codes.ts';
import { defaultRtdsDir, listRtdsMessages, rtdsKeystoreDir, type RtdsKind, type RtdsMessage, type RtdsOutcome } from './rtds.ts';
import { openFrame } from './secure-frame.ts';

export interface RtdsFailure {
  readonly file: string;
  readonly reason: string;
}

export interface RtdsException {
  readonly file: string;
  readonly messageCode: string;
  readonly useCase: string;
  readonly reason: string;
}

export interface RtdsUncheckable {
  readonly file: string;
  readonly check: 'mac' | 'signature';
  readonly reason: string;
}

export interface RtdsReport {
  readonly total: number;
  readonly decoded: number;
  readonly errors: number;
  readonly mac: { valid: number; invalid: number; absent: number; uncheckable: number };
  readonly signature: { valid: number; invalid: number; absent: number; uncheckable: number };
  readonly roundTrip: { equal: number; different: number };
  /** Everything that is wrong: one entry per failed check. */
  readonly failures: RtdsFailure[];
  /** Message-code mismatches explained by rtds-known-exceptions.json. */
  readonly exceptions: RtdsException[];
  /** MACs and signatures no key was available for, with the reason. */
  readonly uncheckable: RtdsUncheckable[];
}

export interface VerifyRtdsOptions {
  /** Keys to check with (default: the keystore folder beside the messages). */
  readonly keyStore?: KeyStore;
}

const KIND_SCHEMA = z.enum(['COMMAND', 'PRECOMMAND', 'RESPONSE', 'ALERT']);
const exceptionsSchema = z.object({
  exceptions: z.array(
    z.strictObject({
      messageCode: z.string().regex(/^0x[0-9A-F]{4}$/),
      kind: z.union([KIND_SCHEMA, z.array(KIND_SCHEMA)]),
      useCases: z.array(z.string()).optional(),
      alertCodes: z.array(z.string()).optional(),
      outcome: z.enum(['SUCCESS', 'ERROR', 'NOT_FOUND', 'UNSPECIFIED']).optional(),
      reason: z.string().min(1),
    }),
  ),
});

interface KnownException {
  readonly messageCode: number;
  readonly kinds: readonly RtdsKind[];
  readonly useCases?: readonly string[];
  readonly alertCodes?: readonly string[];
  readonly outcome?: RtdsOutcome;
  readonly reason: string;
}

const EXCEPTIONS_FILE = new URL('./rtds-known-exceptions.json', import.meta.url);

/** The documented message-code exceptions (rtds-known-exceptions.json). */
export function loadKnownExceptions(): readonly KnownException[] {
  const parsed = exceptionsSchema.safeParse(JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`invalid ${EXCEPTIONS_FILE.pathname}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data.exceptions.map((e) => ({
    messageCode: Number.parseInt(e.messageCode.slice(2), 16),
    kinds: Array.isArray(e.kind) ? e.kind : [e.kind],
    ...(e.useCases ? { useCases: e.useCases } : {}),
    ...(e.alertCodes ? { alertCodes: e.alertCodes } : {}),
    ...(e.outcome ? { outcome: e.outcome } : {}),
    reason: e.reason,
  }));
}

function findException(exceptions: readonly KnownException[], message: RtdsMessage, code: number): KnownException | undefined {
  return exceptions.find(
    (e) =>
      e.messageCode === code &&
      e.kinds.includes(message.kind) &&
      (e.useCases === undefined || e.useCases.includes(message.useCase)) &&
      (e.alertCodes === undefined || (message.alertCode !== null && e.alertCodes.includes(message.alertCode))) &&
      (e.outcome === undefined || e.outcome === message.outcome),
  );
}

/** Verifies every RTDS message under `dir` (see module comment). */
export function verifyRtds(dir: string = defaultRtdsDir(), opts: VerifyRtdsOptions = {}): RtdsReport {
  const messages = listRtdsMessages(dir);
  const keys = opts.keyStore ?? KeyStore.fromDirectory(rtdsKeystoreDir(dir));
  const exceptions = loadKnownExceptions();
  const report = {
    total: messages.length,
    decoded: 0,
    errors: 0,
    mac: { valid: 0, invalid: 0, absent: 0, uncheckable: 0 },
    signature: { valid: 0, invalid: 0, absent: 0, uncheckable: 0 },
    roundTrip: { equal: 0, different: 0 },
    failures: [] as RtdsFailure[],
    exceptions: [] as RtdsException[],
    uncheckable: [] as RtdsUncheckable[],
  };

  for (const message of messages) {
    const file = message.relPath;
    const fail = (reason: string): void => {
      report.failures.push({ file, reason });
    };
    let bytes: Uint8Array;
    let opened: ReturnType<typeof openFrame>;
    try {
      bytes = hexToBytes(message.hex, file);
      const first = openFrame(bytes);
      const macKeys = first.frame.macProtected ? macKeysFor(first.frame, keys) : undefined;
      const signer = first.frame.signature ? signerKeyFor(first.frame, keys) : undefined;
      opened = openFrame(bytes, {
        ...(macKeys && !isNoKey(macKeys) ? { mac: macKeys.keys } : {}),
        ...(signer && !isNoKey(signer) ? { signerDsPublic: signer.publicKey } : {}),
      });
      if (macKeys && isNoKey(macKeys)) report.uncheckable.push({ file, check: 'mac', reason: macKeys.reason });
      if (signer && isNoKey(signer)) report.uncheckable.push({ file, check: 'signature', reason: signer.reason });
    } catch (error) {
      if (!(error instanceof GbcsDecodeError || error instanceof HexFormatError)) throw error;
      report.errors++;
      fail(`decode: ${error.message}`);
      continue;
    }
    report.decoded++;
    const { frame } = opened;

    if (bytesEqual(encodeFrame(frame), bytes)) report.roundTrip.equal++;
    else {
      report.roundTrip.different++;
      fail('re-encoding the decoded frame gives different bytes');
    }

    if (frame.cra !== message.expectedCra) fail(`CRA flag ${frame.cra}, but the file is a ${message.kind} (expected ${message.expectedCra})`);

    const code = frame.messageCode;
    if (!messageCodeMatchesUseCase(code, message.useCase)) {
      const known = findException(exceptions, message, code);
      if (known) report.exceptions.push({ file, messageCode: formatMessageCode(code), useCase: message.useCase, reason: known.reason });
      else {
        const info = messageCodeInfo(code);
        fail(`message code ${formatMessageCode(code)} (${info ? (info.useCase ?? info.name) : 'unknown'}) does not belong to use case ${message.useCase}`);
      }
    }

    if (message.kind === 'PRECOMMAND') {
      if (frame.signature !== null || frame.preCommand !== true) fail('a pre-command must end after its payload, with no signature');
    } else if (frame.preCommand === true) {
      fail(`a ${message.kind} must carry a signature length (it ends after its payload like a pre-command)`);
    }

    report.mac[opened.mac]++;
    if (opened.mac === 'invalid') fail('MAC does not verify');
    report.signature[opened.signature]++;
    if (opened.signature === 'invalid') fail(`signature does not verify with the DS key of ${frame.originator}`);
  }
  return report;
}
