// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The bench's "edge" figure: the emulated DCC served by `dit emulate` (a child process, the
 * loopback world server) under N concurrent DUIS clients in this process. Each client has its
 * own world (POST /worlds: premises, DCC, virtual clock) and loops: ECS17b 4.1.1 to the ESME →
 * the DCC's I99 acknowledgement → the device response delivered to a receiver over HTTP (the
 * client drives the world's virtual clock over the Bench HTTP endpoints, as `dit run --target
 * loopback` does). A service request counts as completed when both have arrived; its latency is
 * from sending it to its response reaching the receiver. Two kinds of client:
 * - `raw` (default; the edge's own capacity): the request is built once from the RTDS template
 *   and only its RequestID counter changed (and signed anew when signatures are on); the ack is
 *   checked for I99 by its text; one receiver (node:http) takes every world's responses and
 *   matches them by RequestID; the clock moves by POST /bench/advance of 5 s until it has;
 * - `duis`: the harness's own DuisClient over the HTTP transport (each client its receiver),
 *   which also parses every answer, checks the response's MAC and decodes its payload — what a
 *   suite pays per request over loopback.
 *
 * XML-signature checking: "on" — every request signed with the user's DS key and checked by the
 * DCC (its default, strict); "off" — the worlds are created with `acceptUnsigned` and the
 * clients send unsigned requests, so neither side does any XML-DSig work (the DCC only looks
 * for the Signature element, absent).
 *
 *   npx tsx scripts/bench-edge.ts [--clients 64] [--seconds 10] [--signatures off|on] [--client raw|duis] [--url <dit emulate>]
 *
 * Prints one JSON line: `{ clients, client, signatures, completed, seconds, rps, p50ms, p99ms, errors }`.
 */
import { spawn } from 'node:child_process';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpBenchDriver } from '../harness/bench/http-bench-driver.ts';
import { DuisClient } from '../harness/dit/duis-client.ts';
import { worldStartMs } from '../harness/dit/run-config.ts';
import { buildServiceRequest } from '../harness/protocol/duis/build-request.ts';
import { loadTemplateCatalogue } from '../harness/protocol/duis/templates.ts';
import { signDuisRequest } from '../harness/protocol/duis/xml-signature.ts';
import { deriveParty } from '../harness/protocol/gbcs/keys.ts';
import { DEFAULT_PREMISES_FILE, loadPremisesSpec, meterOfType } from '../harness/programme/premises-spec.ts';
import { createHttpTransport } from '../harness/transport/http-transport.ts';
import { virtualTimeWait } from '../harness/transport/wait.ts';
import { SERVICE_USER_EUI } from '../harness/cli/targets.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const clients = Number(arg('--clients', '64'));
const seconds = Number(arg('--seconds', '10'));
const signed = arg('--signatures', 'off') === 'on';
const clientKind = arg('--client', 'raw') === 'duis' ? 'duis' : 'raw';
const WINDOW_MS = 60_000;

// the server is stopped whatever happens here
process.on('exit', () => server?.kill('SIGTERM'));

// the emulated DCC: `dit emulate` on an ephemeral loopback port, in its own process (or one
// already running: --url, e.g. started under --cpu-prof)
const given = arg('--url', '');
const server = given ? null : spawn(process.execPath, [join(root, 'bin/dit.js'), 'emulate', '--port', '0', '--seed', 'bench'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = given || await new Promise<string>((done, fail) => {
  if (!server) return;
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) done(m[1]!);
  });
  server.once('exit', (code) => fail(new Error(`dit emulate exited ${code} before listening: ${out}`)));
});

const templates = await loadTemplateCatalogue();
const premises = loadPremisesSpec(DEFAULT_PREMISES_FILE);
const esme = meterOfType(premises, 'ESME');
if (!esme) throw new Error('the premises has no ESME');

interface EdgeClient {
  /** One service request: resolves with its latency (ms) once ack and response have arrived. */
  once(): Promise<number>;
  close(): Promise<void>;
}

async function createWorld(seed: string, receiverUrl?: string): Promise<{ id: string; duisBaseUrl: string; benchUrl: string }> {
  const created = await fetch(`${url}/worlds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed, startMs: worldStartMs('2019-04-12'), premises, acceptUnsigned: !signed, ...(receiverUrl ? { receiverUrl } : {}) }),
  });
  if (created.status !== 201) throw new Error(`POST /worlds: HTTP ${created.status} ${await created.text()}`);
  return (await created.json()) as { id: string; duisBaseUrl: string; benchUrl: string };
}

// the raw clients' shared receiver: a response is matched to its request by RequestID
const waiting = new Map<string, () => void>();
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    // every world has its own path (/rx/<client>): the RequestIDs of two clients can be equal
    const id = `${req.url}|${/RequestID>([^<]+)</.exec(Buffer.concat(chunks).toString('utf8'))?.[1]}`;
    res.writeHead(204).end();
    waiting.get(id)?.();
    waiting.delete(id);
  });
});
if (clientKind === 'raw') await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
const agent = new Agent({ keepAlive: true, maxSockets: 2 * clients });
const target = new URL(url);
function post(path: string, body: string, type: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const r = httpRequest({ host: target.hostname, port: target.port, path, method: 'POST', agent, headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    r.on('error', fail);
    r.end(body);
  });
}

async function connectRaw(i: number): Promise<EdgeClient> {
  const seed = `edge-${i}`;
  const world = await createWorld(seed, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rx/${i}`);
  const base = new URL(world.duisBaseUrl).pathname;
  const bench = `${new URL(world.benchUrl).pathname}/advance`;
  const user = deriveParty(seed, SERVICE_USER_EUI).ds;
  let counter = BigInt(worldStartMs('2019-04-12'));
  const template = buildServiceRequest({ template: templates.get('ECS17b_4.1.1_SINGLE'), originator: SERVICE_USER_EUI, target: esme!.eui, counter });
  const prefix = template.requestIdText.slice(0, template.requestIdText.lastIndexOf(':') + 1);
  return {
    async once() {
      const t = performance.now();
      const requestId = `${prefix}${(counter += 1n)}`;
      const unsigned = template.xml.replace(template.requestIdText, requestId);
      const xml = signed ? signDuisRequest(unsigned, { privateKey: user.privateKey!, publicKey: user.publicKey }) : unsigned;
      const arrived = new Promise<void>((done) => waiting.set(`/rx/${i}|${requestId}`, done));
      let got = false;
      void arrived.then(() => (got = true));
      const ack = await post(`${base}${template.servicePath}`, xml, 'application/xml');
      if (ack.status !== 200 || !/ResponseCode>I99</.test(ack.text)) throw new Error(`the DCC answered HTTP ${ack.status}: ${ack.text.slice(0, 200)}`);
      for (let step = 0; !got && step < 12; step++) await post(bench, '{"ms":5000}', 'application/json');
      await Promise.race([arrived, Promise.resolve()]);
      if (!got) throw new Error(`no response to ${requestId} within a minute of virtual time`);
      return performance.now() - t;
    },
    async close() {
      await fetch(`${url}/worlds/${world.id}`, { method: 'DELETE' });
    },
  };
}

async function connect(i: number): Promise<EdgeClient> {
  return clientKind === 'raw' ? connectRaw(i) : connectDuis(i);
}

async function connectDuis(i: number): Promise<EdgeClient> {
  const seed = `edge-${i}`;
  const world = await createWorld(seed);
  const bench = await createHttpBenchDriver(world.benchUrl);
  const transport = await createHttpTransport({
    baseUrl: world.duisBaseUrl,
    wait: virtualTimeWait({ advance: (ms) => bench.advance(ms), nextDueIn: () => bench.nextDueIn?.() ?? null }),
  });
  const put = await fetch(`${url}/worlds/${world.id}/receiver`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: transport.receiver.url }) });
  if (!put.ok) throw new Error(`PUT receiver: HTTP ${put.status}`);
  const keys = new Map<string, ReturnType<typeof deriveParty>>();
  const duis = new DuisClient({
    transport,
    templates,
    user: { eui: SERVICE_USER_EUI, keys: deriveParty(seed, SERVICE_USER_EUI) },
    keys: (eui) => {
      let k = keys.get(eui);
      if (!k) keys.set(eui, (k = deriveParty(seed, eui)));
      return k;
    },
    now: () => bench.now(),
    sign: signed,
  });
  return {
    async once() {
      const t = performance.now();
      const exchange = await duis.send('ECS17b_4.1.1_SINGLE', { target: esme!.eui });
      if (exchange.code !== 'I99') throw new Error(`the DCC answered ${exchange.code}`);
      const response = await exchange.response({ within: WINDOW_MS });
      if (response.message.responseCode !== 'I0') throw new Error(`the device response is ${response.message.responseCode}`);
      return performance.now() - t;
    },
    async close() {
      await duis.close();
      await transport.close();
      await fetch(`${url}/worlds/${world.id}`, { method: 'DELETE' });
    },
  };
}

const all = await Promise.all(Array.from({ length: clients }, (_, i) => connect(i)));
// warm-up: one exchange per client (JIT, key derivation, connection pools)
await Promise.all(all.map((c) => c.once()));
const latencies: number[] = [];
let errors = 0;
let firstError = '';
const t0 = performance.now();
const deadline = t0 + seconds * 1000;
await Promise.all(
  all.map(async (c) => {
    while (performance.now() < deadline) {
      try {
        latencies.push(await c.once());
      } catch (e) {
        errors += 1;
        firstError ||= (e as Error).message;
      }
    }
  }),
);
const elapsed = (performance.now() - t0) / 1000;
await Promise.all(all.map((c) => c.close()));
server?.kill('SIGTERM');
receiver.close();
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p: number): number => (latencies.length === 0 ? NaN : Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10);
console.log(
  JSON.stringify({
    clients,
    client: clientKind,
    signatures: signed ? 'on' : 'off',
    completed: latencies.length,
    seconds: Math.round(elapsed * 100) / 100,
    rps: Math.round(latencies.length / elapsed),
    p50ms: pct(50),
    p99ms: pct(99),
    errors,
    ...(firstError ? { firstError } : {}),
  }),
);
