// SPDX-License-Identifier: GPL-3.0-or-later
import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EcKey, GbcsHeader } from '../protocol/gbcs/frame-types.ts';
import { bytesToHex } from '../protocol/gbcs/hex.ts';
import { deriveParty } from '../protocol/gbcs/keys.ts';
import { ecs17b } from '../protocol/gbcs/payload/use-cases/ecs17b.ts';
import { KeyStore } from '../protocol/gbcs/keystore.ts';
import { defaultRtdsDir, listRtdsMessages, rtdsAvailable, rtdsKeystoreDir } from '../protocol/gbcs/rtds.ts';
import { payloadCipherFor, sealFrame } from '../protocol/gbcs/secure-frame.ts';
import { buildDecodeReport, gbcsDecodeCommand, type DecodedFrameReport } from './gbcs-decode-command.ts';
import { capture, resetExitCodeAfterEach, runDit } from './gbcs-test-support.ts';
import { UserError } from './user-error.ts';

const SUPPLIER = '90B3D51F30010000';
const ACB = '90B3D51F30000002';
const ESME = '00DB1234567890A0';
const SEED = 'gbcs-decode-command-test';
const supplier = deriveParty(SEED, SUPPLIER);
const acb = deriveParty(SEED, ACB);
const esme = deriveParty(SEED, ESME);

async function decodeJson(frame: string, opts: { keystore?: string } = {}): Promise<{ code: number; report: DecodedFrameReport }> {
  const io = capture();
  const code = await gbcsDecodeCommand(frame, { ...opts, json: true }, io);
  return { code, report: JSON.parse(io.stdout) as DecodedFrameReport };
}

resetExitCodeAfterEach();

const work = mkdtempSync(join(tmpdir(), 'dit-gbcs-decode-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jwkOf(key: EcKey): JsonWebKey {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  return {
    kty: 'EC',
    crv: 'P-256',
    x: b64(key.publicKey.subarray(1, 33)),
    y: b64(key.publicKey.subarray(33, 65)),
    ...(key.privateKey ? { d: b64(key.privateKey) } : {}),
  };
}

/** A keystore folder in the RTDS layout: public keys as .pem, private keys as PKCS#8 .key. */
function writeKeystore(dir: string, entries: Array<{ eui: string; name: string; key: EcKey; withPrivate: boolean }>): string {
  for (const { eui, name, key, withPrivate } of entries) {
    const jwk = jwkOf(key);
    const pub = createPublicKey({ key: { ...jwk, d: undefined }, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    writeFileSync(join(dir, `${eui.toLowerCase()}-${name}.pem`), pub);
    if (withPrivate) writeFileSync(join(dir, `${eui.toLowerCase()}-${name}.key`), createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }));
  }
  return dir;
}

// A remote party's view, as in RTDS: private keys of the supplier and the ACB, device keys public only.
const keystore = writeKeystore(mkdtempSync(join(work, 'keystore-')), [
  { eui: SUPPLIER, name: 'ka', key: supplier.ka, withPrivate: true },
  { eui: SUPPLIER, name: 'ds', key: supplier.ds, withPrivate: true },
  { eui: ACB, name: 'ka', key: acb.ka, withPrivate: true },
  { eui: ESME, name: 'ka', key: esme.ka, withPrivate: false },
  { eui: ESME, name: 'ds', key: esme.ds, withPrivate: false },
]);

const responseHeader: GbcsHeader = {
  cra: 2,
  counter: 1000n,
  originator: ESME,
  recipient: SUPPLIER,
  dateTime: Uint8Array.of(0x07, 0xdf, 0x01, 0x01, 0xff, 0, 0, 0, 0, 0x80, 0, 0xff),
  messageCode: 0x0027,
  supplementary: null,
};

/** An ECS17b response as the ESME seals it: registers encrypted for the supplier, MACed. */
function ecs17bResponseFrame(): Uint8Array {
  const cipher = payloadCipherFor(responseHeader, { localKaPrivate: esme.ka.privateKey as Uint8Array, peerKaPublic: supplier.ka.publicKey });
  const payload = ecs17b.encodeResponse(
    { ok: true, registers: [{ value: 4321, scaler: 0, unit: 'Wh' }, { value: 17, scaler: -1, unit: 'varh' }] },
    { header: responseHeader, cipher },
  );
  return sealFrame(responseHeader, payload, { mac: { localKaPrivate: esme.ka.privateKey as Uint8Array, peerKaPublic: supplier.ka.publicKey } });
}

function flipLastByte(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[copy.length - 1] = (copy[copy.length - 1] as number) ^ 0x01;
  return copy;
}

describe('dit gbcs decode (self-made frames and keystore)', () => {
  const frameHex = bytesToHex(ecs17bResponseFrame());

  it('decodes the header fields and checks the MAC and opens the registers with the keystore', async () => {
    const { code, report } = await decodeJson(frameHex, { keystore });
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.frame).toMatchObject({
      macProtected: true,
      signed: false,
      preCommand: false,
      cra: 2,
      craName: 'response',
      counter: '1000',
      originator: ESME,
      recipient: SUPPLIER,
      dateTime: { hex: '07DF0101FF000000008000FF', text: '2015-01-01 00:00:00.00' },
      messageCode: { code: '0x0027', useCase: 'ECS17b' },
      supplementaryRemoteParty: null,
      signaturePresent: false,
    });
    expect(report.verification.mac.status).toBe('valid');
    expect(report.verification.mac.keys).toContain(`KA private key of ${SUPPLIER}`);
    expect(report.verification.signature.status).toBe('absent');
    expect(report.verification.protectedContent).toMatchObject({ status: 'valid', blocks: 1 });
    expect(report.payload.typed).toMatchObject({
      codec: 'ECS17b',
      direction: 'response',
      fields: { ok: true, registers: [{ value: 4321, scaler: 0, unit: 'Wh' }, { value: 17, scaler: -1, unit: 'varh' }] },
    });
  });

  it('prints the frame, the checks and the typed fields for people', async () => {
    const io = capture();
    expect(await gbcsDecodeCommand(`${frameHex.slice(0, 40)}\n  ${frameHex.slice(40)}\n`, { keystore }, io)).toBe(0);
    expect(io.stdout).toMatch(/frame +MAC-wrapped/);
    expect(io.stdout).toMatch(/message code +0x0027 ECS17b/);
    expect(io.stdout).toMatch(/MAC +valid/);
    expect(io.stdout).toMatch(/protected content +decrypted \(1 block/);
    expect(io.stdout).toContain('value: 4321');
    expect(io.stdout).toContain('unit: varh');
    expect(io.stdout.trimEnd().endsWith('OK')).toBe(true);
  });

  it('reports a MAC with one flipped byte as invalid and exits 1', async () => {
    const flipped = bytesToHex(flipLastByte(ecs17bResponseFrame()));
    const { code, report } = await decodeJson(flipped, { keystore });
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.verification.mac.status).toBe('invalid');
    const io = capture();
    expect(await gbcsDecodeCommand(flipped, { keystore }, io)).toBe(1);
    expect(io.stdout).toMatch(/MAC +INVALID \(the MAC does not verify/);
    expect(io.stdout).toContain('FAILED: MAC invalid');
  });

  it('reports a tampered sealed block as protected content that does not open (exit 1)', async () => {
    const frame = ecs17bResponseFrame();
    const tampered = Uint8Array.from(frame);
    // a ciphertext byte well inside the payload's sealed block, before the tag and the MAC
    const at = frame.length - 12 - 1 - 12 - 3;
    tampered[at] = (tampered[at] as number) ^ 0xff;
    const { code, report } = await decodeJson(bytesToHex(tampered), { keystore });
    expect(code).toBe(1);
    expect(report.verification.mac.status).toBe('invalid');
    expect(report.verification.protectedContent.status).toBe('invalid');
  });

  it('without a keystore: decodes, and says what it could not check', async () => {
    const { code, report } = await decodeJson(frameHex);
    expect(code).toBe(0);
    expect(report.verification.mac).toEqual({ status: 'uncheckable', reason: 'no --keystore given' });
    expect(report.verification.protectedContent).toMatchObject({ status: 'uncheckable', reason: 'no --keystore given' });
    expect(report.payload.typed?.error).toMatch(/the protected content must be opened first \(no --keystore given\)/);
  });

  it('checks a signature with the originator DS key, and a command MAC with the ACB key', async () => {
    const commandHeader: GbcsHeader = { ...responseHeader, cra: 1, originator: SUPPLIER, recipient: ESME, dateTime: null };
    const frame = sealFrame(commandHeader, Uint8Array.of(0xd9, 0x00), {
      sign: { dsPrivateKey: supplier.ds.privateKey as Uint8Array },
      mac: { localKaPrivate: acb.ka.privateKey as Uint8Array, peerKaPublic: esme.ka.publicKey },
    });
    const { report } = await decodeJson(bytesToHex(frame), { keystore });
    expect(report.frame.signed).toBe(true);
    expect(report.verification.signature).toMatchObject({ status: 'valid' });
    expect(report.verification.mac).toMatchObject({ status: 'valid' });
    expect(report.verification.mac.keys).toContain(`${ACB} (Access Control Broker)`);
  });

  it('reports a payload its typed codec rejects (exit 1), naming the payload offset and field', async () => {
    const commandHeader: GbcsHeader = { ...responseHeader, cra: 1, originator: SUPPLIER, recipient: ESME, dateTime: null };
    // the DLMS invoke id must be the low bits of the header counter: encode it for another counter
    const payload = ecs17b.encodeCommand({ objects: [{ classId: 1, logicalName: '0-0:94.44.34.10', attributeIndex: 2, dataIndex: 0 }] }, { header: { ...commandHeader, counter: 999n } });
    const frame = sealFrame(commandHeader, payload, { mac: { localKaPrivate: acb.ka.privateKey as Uint8Array, peerKaPublic: esme.ka.publicKey } });
    const { code, report } = await decodeJson(bytesToHex(frame), { keystore });
    expect(code).toBe(1);
    expect(report.verification.mac.status).toBe('valid');
    expect(report.problems).toEqual(['payload rejected by its typed codec']);
    expect(report.payload.typed?.error).toMatch(/^malformed payload: at payload byte 1 \(access-request\.long-invoke-id-and-priority\) expected .*1000/);
  });

  it('shows the generic payload tree when no typed codec exists, and an undecodable payload without failing', async () => {
    const header: GbcsHeader = { ...responseHeader, cra: 1, originator: SUPPLIER, recipient: ESME, dateTime: null, messageCode: 0x001a };
    const request = sealFrame(header, Uint8Array.of(0xd9, 0x20, 0x00, 0x03, 0xe8, 0x00, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00, 0x60, 0x01, 0x00, 0xff, 0x02, 0x01, 0x00), {});
    const { code, report } = await decodeJson(bytesToHex(request));
    expect(code).toBe(0);
    expect(report.payload.typed).toBeUndefined();
    expect(report.payload.tree).toMatchObject({ kind: 'dlms-access-request', length: 19 });
    expect(report.payload.tree?.error).toBeUndefined();
    const io = capture();
    await gbcsDecodeCommand(bytesToHex(request), {}, io);
    expect(io.stdout).toContain('payload (generic: no typed codec for this message): dlms-access-request, 19 bytes');
    expect(io.stdout).toMatch(/Long Invoke Id And Priority = 1000/);

    const garbage = sealFrame(header, Uint8Array.of(0xd9, 0xff), {});
    const bad = await decodeJson(bytesToHex(garbage));
    expect(bad.code).toBe(0);
    expect(bad.report.payload.tree?.error?.message).toMatch(/GBCS decode error/);
  });

  it('reads @FILE', async () => {
    const file = join(work, 'frame.hex');
    writeFileSync(file, `${frameHex}\n`);
    const { code, report } = await decodeJson(`@${file}`, { keystore });
    expect(code).toBe(0);
    expect(report.source).toBe(file);
  });

  it('rejects malformed hex with the position of the bad character (exit 2)', async () => {
    await expect(gbcsDecodeCommand('DF09Z1', {}, capture())).rejects.toThrow(UserError);
    await expect(gbcsDecodeCommand('DF09Z1', {}, capture())).rejects.toThrow('invalid hex in the FRAME argument at character 5: "Z" is not a hex digit');
    await expect(gbcsDecodeCommand('DF0', {}, capture())).rejects.toThrow(/odd number of hex digits \(3\)/);
    const file = join(work, 'bad.hex');
    writeFileSync(file, 'DF09\n01 0G\n');
    await expect(gbcsDecodeCommand(`@${file}`, {}, capture())).rejects.toThrow(`invalid hex in ${file} at line 2, column 5`);

    const run = await runDit(['gbcs', 'decode', 'DF09Z1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dit: invalid hex in the FRAME argument at character 5: "Z" is not a hex digit (expected 0-9, A-F; whitespace is ignored)\n');
  });

  it('rejects a truncated frame naming the offset, the field and what was expected (exit 2)', async () => {
    const truncated = frameHex.slice(0, 2 * 40);
    await expect(gbcsDecodeCommand(truncated, {}, capture())).rejects.toThrow(/truncated frame: at byte 9 \(ciphered service\) expected \d+ bytes, found 31 left \(the frame is 40 bytes\)/);
    await expect(gbcsDecodeCommand('DF090100000000', {}, capture())).rejects.toThrow('truncated frame: at byte 3 (originator counter) expected 8 bytes, found 4 left');
    const run = await runDit(['gbcs', 'decode', 'DF0904']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dit: the FRAME argument: malformed frame: at byte 2 \(CRA flag\) expected 01 \(command\), 02 \(response\) or 03 \(alert\), found 04/);
    expect(run.stderr.split('\n').length).toBe(2);
  });

  it('rejects a nonexistent @FILE and a missing keystore naming them (exit 2)', async () => {
    const missing = join(work, 'no-such-frame.hex');
    await expect(gbcsDecodeCommand(`@${missing}`, {}, capture())).rejects.toThrow(`frame file ${missing} does not exist`);
    const run = await runDit(['gbcs', 'decode', `@${missing}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(gbcsDecodeCommand(frameHex, { keystore: join(work, 'no-keystore') }, capture())).rejects.toThrow(/--keystore .*no-keystore: keystore folder does not exist/);
  });
});

const RTDS = defaultRtdsDir();
const ECS17B_RESPONSE = join(RTDS, 'RTDS-4.5.0', '4.1.1_ECS17b', 'ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE_GBCS.HEX');

describe.skipIf(!rtdsAvailable())('dit gbcs decode on RTDS messages (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  it('decodes ECS17b_4.1.1_SINGLE_SUCCESS_RESPONSE: MAC valid, registers decrypted (PAYLOADS.md: 10 Wh, 10 varh)', async () => {
    const { code, report } = await decodeJson(`@${ECS17B_RESPONSE}`, { keystore: rtdsKeystoreDir() });
    expect(code).toBe(0);
    expect(report.frame).toMatchObject({ cra: 2, counter: '1000', originator: ESME, recipient: SUPPLIER, payloadLength: 110 });
    expect(report.verification.mac.status).toBe('valid');
    expect(report.verification.protectedContent).toMatchObject({ status: 'valid', blocks: 1 });
    expect(report.payload.typed?.fields).toEqual({
      ok: true,
      registers: [
        { value: 10, scaler: 0, unit: 'Wh' },
        { value: 10, scaler: 0, unit: 'varh' },
      ],
    });
  });

  it('decodes every RTDS message with the keystore: nothing invalid, every protected block opened, every typed payload accepted', async () => {
    const keys = KeyStore.fromDirectory(rtdsKeystoreDir());
    const notOk: string[] = [];
    const protectedStatus = new Map<string, number>();
    for (const message of listRtdsMessages()) {
      const report = buildDecodeReport(message.hex, { keystore: rtdsKeystoreDir() }, keys);
      if (!report.ok) notOk.push(`${message.file}: ${report.problems.join(', ')} ${report.payload.typed?.error ?? ''}`);
      const status = report.verification.protectedContent.status;
      protectedStatus.set(status, (protectedStatus.get(status) ?? 0) + 1);
    }
    expect(notOk).toEqual([]);
    expect(protectedStatus.get('uncheckable')).toBeUndefined();
    expect(protectedStatus.get('valid')).toBeGreaterThanOrEqual(46);
  });

  it('opens the ciphered GBZ components of GCS16a_4.6.1_ERROR_RESPONSE in the generic tree', async () => {
    const file = join(RTDS, 'RTDS-4.5.0', '4.6.1_GCS16a', 'GCS16a_4.6.1_ERROR_RESPONSE_GBCS.HEX');
    const { code, report } = await decodeJson(`@${file}`, { keystore: rtdsKeystoreDir() });
    expect(code).toBe(0);
    expect(report.verification.mac.status).toBe('valid');
    expect(report.verification.protectedContent).toMatchObject({ status: 'valid', blocks: 3 });
    expect(report.payload.tree?.kind).toBe('gbz');
    expect(JSON.stringify(report.payload.tree)).toContain('Decrypted Payload');
  });

  it('exits 1 with the MAC reported invalid when one MAC byte of the RTDS message is flipped', async () => {
    const hex = readFileSync(ECS17B_RESPONSE, 'utf8').trim();
    const flipped = `${hex.slice(0, -2)}${((Number.parseInt(hex.slice(-2), 16) ^ 0x80) & 0xff).toString(16).padStart(2, '0')}`;
    const run = await runDit(['gbcs', 'decode', flipped, '--keystore', rtdsKeystoreDir()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/MAC +INVALID/);
    expect(run.stderr).toBe('');
  });
});
