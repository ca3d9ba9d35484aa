// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Hardening (issue 8): keys never appear in logs. Runs `dit emulate` with a known seed and sends
 * it DUIS (a signed request, a broken one, a world created over HTTP), then a small `dit run`,
 * and searches everything they wrote — out/logs/dit-emulate.log and out/logs/dit.log (the part
 * written now), and their stdout / stderr — for the private keys (DS and KA, hex and base64)
 * of every party the worlds hold: the meters, the comms hub's CHF and GPF, the Type 1 devices
 * and the remote parties, derived from each seed in play (the emulate seed, the world's, and
 * every execution seed the run recorded). Also refuses a non-loopback bind without the flag.
 *
 *   npx tsx scripts/hardening-logs.ts      (exit 0 when nothing leaked)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { buildServiceRequest } from '../harness/protocol/duis/build-request.ts';
import { loadTemplateCatalogue } from '../harness/protocol/duis/templates.ts';
import { signDuisRequest } from '../harness/protocol/duis/xml-signature.ts';
import { bytesToHex } from '../harness/protocol/gbcs/hex.ts';
import { deriveParty } from '../harness/protocol/gbcs/keys.ts';
import { DEFAULT_PREMISES_FILE, loadPremisesSpec } from '../harness/programme/premises-spec.ts';
import { REMOTE_PARTY } from '../emulators/remote-parties.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'out', 'hardening', 'logs');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const logs = join(root, 'out', 'logs');
const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);
const tail = (file: string, from: number): string => (existsSync(file) ? readFileSync(file).subarray(from).toString('utf8') : '');
let failures = 0;

// a non-loopback bind without the flag: refused, exit 2, promptly
const bind = spawnSync(process.execPath, [join(root, 'bin/dit.js'), 'emulate', '--host', '0.0.0.0', '--port', '0'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
const bindOk = bind.status === 2 && /0\.0\.0\.0/.test(bind.stderr) && !/\n\s+at /.test(bind.stderr);
if (!bindOk) failures += 1;
console.log(`dit emulate --host 0.0.0.0: exit ${bind.status ?? bind.signal}${bindOk ? ', refused' : ' — NOT REFUSED'}: ${bind.stderr.trim().split('\n')[0] ?? ''}`);

// dit emulate with a known seed, under some traffic
const SEED = 'hardening-logs';
const WORLD_SEED = 'hardening-logs-world';
const emulateLog = join(logs, 'dit-emulate.log');
const emulateFrom = sizeOf(emulateLog);
const server = spawn(process.execPath, [join(root, 'bin/dit.js'), 'emulate', '--port', '0', '--seed', SEED], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let serverOut = '';
server.stdout.on('data', (d: Buffer) => (serverOut += d.toString()));
server.stderr.on('data', (d: Buffer) => (serverOut += d.toString()));
const url = await new Promise<string>((done, fail) => {
  const timer = setTimeout(() => fail(new Error(`dit emulate did not start: ${serverOut}`)), 30_000);
  server.stdout.on('data', () => {
    const m = /listening on (http:\/\/\S+)/.exec(serverOut);
    if (m) {
      clearTimeout(timer);
      done(m[1]!);
    }
  });
});
const templates = await loadTemplateCatalogue();
const supplier = deriveParty(SEED, REMOTE_PARTY.supplier);
const built = buildServiceRequest({ template: templates.get('ECS52_11.2'), originator: REMOTE_PARTY.supplier, target: '00DB1234567890A0', counter: BigInt(Date.UTC(2019, 3, 12, 9)) + 1n });
const signed = signDuisRequest(built.xml, { privateKey: supplier.ds.privateKey!, publicKey: supplier.ds.publicKey });
const post = (path: string, body: string, type = 'application/xml') => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body }).then((r) => r.text());
await post(built.servicePath, signed);
await post(built.servicePath, signed.replace('<ds:SignatureValue>', '<ds:SignatureValue>AA'));
await post(built.servicePath, '<not-duis/>');
await post('/worlds', JSON.stringify({ seed: WORLD_SEED, startMs: Date.UTC(2019, 3, 12, 9) }), 'application/json');
await post('/bench/advance', JSON.stringify({ ms: 60_000 }), 'application/json');
server.kill('SIGINT');
await new Promise((done) => server.on('exit', done));

// a small dit run
const runLog = join(logs, 'dit.log');
const runFrom = sizeOf(runLog);
const ledger = join(work, 'run.db');
const run = spawnSync(process.execPath, [join(root, 'bin/dit.js'), 'run', '--no-report', '--tags', 'smoke', '--combination', 'vendor=WNC', '--seed', SEED, '--ledger', ledger, '--allure-dir', join(work, 'allure')], {
  cwd: root,
  encoding: 'utf8',
});
const db = new Database(ledger, { readonly: true });
const executionSeeds = (db.prepare('SELECT DISTINCT seed FROM executions').pluck().all() as string[]) ?? [];
db.close();

// every private key in play
const premises = loadPremisesSpec(DEFAULT_PREMISES_FILE);
const euis = [
  premises.commsHub.chf,
  premises.commsHub.gpf,
  ...premises.meters.map((m) => m.eui),
  ...(premises.type1Devices ?? []).map((d) => d.eui),
  ...Object.values(REMOTE_PARTY),
];
const secrets: string[] = [];
for (const seed of [SEED, WORLD_SEED, ...executionSeeds]) {
  for (const eui of euis) {
    const party = deriveParty(seed, eui);
    for (const key of [party.ds.privateKey, party.ka.privateKey]) {
      if (!key) continue;
      secrets.push(bytesToHex(key).toUpperCase(), Buffer.from(key).toString('base64'));
    }
  }
}
const written = [
  ['out/logs/dit-emulate.log (this run)', tail(emulateLog, emulateFrom)],
  ['out/logs/dit.log (this run)', tail(runLog, runFrom)],
  ['dit emulate stdout/stderr', serverOut],
  ['dit run stdout/stderr', `${run.stdout}${run.stderr}`],
] as const;
for (const [where, text] of written) {
  const upper = text.toUpperCase();
  const leaked = secrets.filter((s) => (/^[0-9A-F]+$/.test(s) ? upper.includes(s) : text.includes(s)));
  if (leaked.length > 0) failures += 1;
  console.log(`${where}: ${text.split('\n').filter(Boolean).length} line(s), ${leaked.length === 0 ? 'no private key' : `${leaked.length} PRIVATE KEY(S) FOUND`}`);
}
console.log(`searched for ${secrets.length} encodings of the private keys of ${euis.length} parties under ${2 + executionSeeds.length} seeds (dit run exit ${run.status})`);
console.log(failures === 0 ? 'logs: ok' : 'logs: FAILED');
process.exitCode = failures === 0 ? 0 : 1;
