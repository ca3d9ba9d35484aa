// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Where GBCS parties' keys come from: the RTDS keystore folder (real test PKI) and/or keys that
 * emulated devices register in memory (seed-derived, see keys.ts).
 *
 * Folder layout (RTDS 4.5.0 keystore): `<eui16hex>-<name>.pem` X.509 certificates (one is a bare
 * PUBLIC KEY) and
 * `<eui16hex>-<name>.key` PKCS#8 private keys, where name is `ds` (digital signature), `ka`
 * (key agreement) or `pp-ka` (a supplier's second, prepayment key agreement key). Devices have
 * certificates only; 18 remote-party private keys exist. Files are parsed on first use.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileError } from './errors.ts';
import { normalizeEui } from './eui.ts';
import type { EcKey, Eui64, PartyKeys } from './frame-types.ts';
import { bytesEqual } from './hex.ts';
import { keyPairFromPrivateKeyPem, publicKeyFromPem } from './keys.ts';

/** `ds`, `ka`, or another key name found in a keystore folder (RTDS: `pp-ka`). */
export type KeyName = 'ds' | 'ka' | (string & {});

const KEY_FILE = /^([0-9a-fA-F]{16})-([a-z][a-z0-9-]*)\.(pem|key)$/;

interface KeyFiles {
  certificate?: string;
  privateKey?: string;
}

export class KeyStore {
  private readonly loaded = new Map<string, EcKey>();
  private readonly files = new Map<string, KeyFiles>();

  /** Reads the file names of a keystore folder; the files themselves are parsed on first use. */
  static fromDirectory(directory: string): KeyStore {
    if (!existsSync(directory) || !statSync(directory).isDirectory()) {
      throw new KeyFileError(directory, 'keystore folder does not exist');
    }
    const store = new KeyStore();
    for (const name of readdirSync(directory).sort()) {
      const match = KEY_FILE.exec(name);
      if (!match) continue;
      const slot = store.slot(normalizeEui(match[1] as string), match[2] as string);
      const files = store.files.get(slot) ?? {};
      if (match[3] === 'pem') files.certificate = join(directory, name);
      else files.privateKey = join(directory, name);
      store.files.set(slot, files);
    }
    return store;
  }

  /** A store holding the given parties' keys (e.g. seed-derived keys of emulated devices). */
  static fromParties(parties: Iterable<PartyKeys>): KeyStore {
    const store = new KeyStore();
    for (const party of parties) store.register(party);
    return store;
  }

  /** Adds or replaces a party's DS and KA keys. */
  register(party: PartyKeys): this {
    this.registerKey(party.eui, 'ds', party.ds);
    this.registerKey(party.eui, 'ka', party.ka);
    return this;
  }

  /** Adds or replaces one named key of a party. */
  registerKey(eui: Eui64, name: KeyName, key: EcKey): this {
    const slot = this.slot(normalizeEui(eui), name);
    this.files.delete(slot);
    this.loaded.set(slot, key);
    return this;
  }

  /** The party's DS and KA keys, or undefined unless both are known. */
  get(eui: Eui64): PartyKeys | undefined {
    const id = normalizeEui(eui);
    const ds = this.key(id, 'ds');
    const ka = this.key(id, 'ka');
    return ds && ka ? { eui: id, ds, ka } : undefined;
  }

  /**
   * One named key: public point always, private scalar when a private key is known.
   * @throws KeyFileError naming the file when a key file cannot be read or parsed.
   */
  key(eui: Eui64, name: KeyName): EcKey | undefined {
    const slot = this.slot(normalizeEui(eui), name);
    const cached = this.loaded.get(slot);
    if (cached) return cached;
    const files = this.files.get(slot);
    if (!files) return undefined;
    const key = loadKey(files);
    this.loaded.set(slot, key);
    return key;
  }

  /** Every EUI this store knows a key for (normalised, sorted). */
  euis(): Eui64[] {
    const ids = new Set<string>();
    for (const slot of [...this.files.keys(), ...this.loaded.keys()]) ids.add(slot.slice(0, 16));
    return [...ids].sort();
  }

  private slot(eui: Eui64, name: KeyName): string {
    return `${eui}/${name}`;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyFileError(file, `cannot read (${(error as Error).message})`);
  }
}

function loadKey(files: KeyFiles): EcKey {
  const fromCertificate = files.certificate === undefined ? undefined : publicKeyFromPem(readText(files.certificate), files.certificate);
  if (files.privateKey === undefined) {
    if (!fromCertificate) throw new KeyFileError('(none)', 'no certificate or private key file');
    return { publicKey: fromCertificate };
  }
  const pair = keyPairFromPrivateKeyPem(readText(files.privateKey), files.privateKey);
  if (fromCertificate && !bytesEqual(fromCertificate, pair.publicKey)) {
    throw new KeyFileError(files.privateKey, `private key does not match the certificate ${files.certificate ?? ''}`);
  }
  return { publicKey: fromCertificate ?? pair.publicKey, privateKey: pair.privateKey };
}
