// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyFileError } from './errors.ts';
import { chfKeys, esmeKeys, GBCS_18_4, TEST_CERTIFICATE_PEM, TEST_PRIVATE_KEY_PEM, TEST_PRIVATE_SCALAR_HEX, TEST_PUBLIC_POINT_HEX } from './gbcs-test-fixtures.ts';
import { bytesToHex } from './hex.ts';
import { KeyStore } from './keystore.ts';
import { rtdsAvailable, rtdsKeystoreDir } from './rtds.ts';

const folders: string[] = [];
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dit-keystore-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('KeyStore in memory', () => {
  it('returns registered parties by any EUI spelling', () => {
    const store = KeyStore.fromParties([esmeKeys, chfKeys]);
    expect(store.get('00-db-12-34-56-78-90-a0')).toEqual(esmeKeys);
    expect(store.key(chfKeys.eui, 'ka')).toEqual(chfKeys.ka);
    expect(store.get('00DB1234567890A9')).toBeUndefined();
    expect(store.euis()).toEqual([esmeKeys.eui, chfKeys.eui].sort());
  });

  it('needs both DS and KA keys for get()', () => {
    const store = new KeyStore().registerKey('00DB1234567890A1', 'ka', esmeKeys.ka);
    expect(store.get('00DB1234567890A1')).toBeUndefined();
    expect(store.key('00DB1234567890A1', 'ka')).toEqual(esmeKeys.ka);
  });
});

describe('KeyStore.fromDirectory', () => {
  it('reads <eui>-<name>.pem certificates and .key private keys', () => {
    const dir = folderWith({
      '00db1234567890a0-ka.pem': TEST_CERTIFICATE_PEM,
      '90b3d51f30010000-ka.pem': TEST_CERTIFICATE_PEM,
      '90b3d51f30010000-ka.key': TEST_PRIVATE_KEY_PEM,
      'abababababababab-pp-ka.key': TEST_PRIVATE_KEY_PEM,
      'README.txt': 'not a key',
    });
    const store = KeyStore.fromDirectory(dir);
    expect(store.euis()).toEqual(['00DB1234567890A0', '90B3D51F30010000', 'ABABABABABABABAB']);
    expect(bytesToHex(store.key('00DB1234567890A0', 'ka')?.publicKey ?? new Uint8Array(0))).toBe(TEST_PUBLIC_POINT_HEX);
    expect(store.key('00DB1234567890A0', 'ka')?.privateKey).toBeUndefined();
    expect(bytesToHex(store.key('90B3D51F30010000', 'ka')?.privateKey ?? new Uint8Array(0))).toBe(TEST_PRIVATE_SCALAR_HEX);
    expect(bytesToHex(store.key('ABABABABABABABAB', 'pp-ka')?.publicKey ?? new Uint8Array(0))).toBe(TEST_PUBLIC_POINT_HEX);
    expect(store.get('00DB1234567890A0')).toBeUndefined();
  });

  it('names the file that cannot be used', () => {
    const dir = folderWith({ '00db1234567890a0-ds.pem': 'garbage', '00db1234567890a1-ka.pem': TEST_CERTIFICATE_PEM, '00db1234567890a1-ka.key': esmeKeyPem() });
    const store = KeyStore.fromDirectory(dir);
    expect(() => store.key('00DB1234567890A0', 'ds')).toThrow(KeyFileError);
    expect(() => store.key('00DB1234567890A0', 'ds')).toThrow(/00db1234567890a0-ds\.pem/);
    expect(() => store.key('00DB1234567890A1', 'ka')).toThrow(/does not match the certificate/);
    expect(() => KeyStore.fromDirectory(join(dir, 'missing'))).toThrow(/missing.*does not exist/);
  });

  it('lets registered keys replace file keys', () => {
    const store = KeyStore.fromDirectory(folderWith({ '00db1234567890a0-ka.pem': 'garbage' }));
    store.registerKey('00DB1234567890A0', 'ka', esmeKeys.ka);
    expect(store.key('00DB1234567890A0', 'ka')).toEqual(esmeKeys.ka);
  });
});

function esmeKeyPem(): string {
  // A valid key that is not the test certificate's: triggers the mismatch check.
  return `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgQIg5kNpbNy3E7JbH
a1dr9dQgbjv9NMv2C2JEjx+bpUShRANCAASSdP/4o69W1rAW06j6YNo+V5VR6ylY
GcgOt6Q/MHIrIlUEKF5KUXa5YzTbty6gz8DJxuQKCuPCiTfDQljw6EC6
-----END PRIVATE KEY-----
`;
}

describe.skipIf(!rtdsAvailable())('KeyStore on the RTDS keystore (skipped: RTDS folder not found, set DIT_RTDS_DIR)', () => {
  it('knows 211 EUIs; the supplier and ACB have private keys matching their certificates; devices have certificates only', () => {
    const store = KeyStore.fromDirectory(rtdsKeystoreDir());
    expect(store.euis().length).toBe(211);
    for (const eui of ['90B3D51F30010000', '90B3D51F30000002']) {
      const party = store.get(eui);
      expect(party?.ka.privateKey?.length, eui).toBe(32);
      expect(party?.ds.privateKey?.length, eui).toBe(32);
    }
    expect(store.key('90B3D51F30010000', 'pp-ka')?.privateKey?.length).toBe(32);
    const esme = store.get('00DB1234567890A0');
    expect(esme?.ka.publicKey.length).toBe(65);
    expect(esme?.ka.privateKey).toBeUndefined();
    let parsed = 0;
    for (const eui of store.euis()) for (const name of ['ds', 'ka', 'pp-ka']) if (store.key(eui, name)) parsed++;
    expect(parsed).toBe(435 - 18 + 2); // 435 files; 16 private keys sit beside their certificate, 2 stand alone
    expect(bytesToHex(store.key('FFFFFFFFFFFFFFFE', 'ka')?.publicKey ?? new Uint8Array(0))).toBe(`04${GBCS_18_4.deviceA.kaPublicKey}`);
  });
});
