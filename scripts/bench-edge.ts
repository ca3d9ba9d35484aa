// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The bench's "edge" figure: the emulated DCC served by `dit emulate` (a child process, the
 * loopback world server) under N concurrent DUIS clients in this process. Each client has its
 * own world (POST /worlds: premises, DCC, virtual clock), its own receiver (the HTTP transport's
 * node:http receiver) and a DuisClient, and loops: ECS17b 4.1.1 to the ESME → the DCC's I99
 * acknowledgement → the device response delivered to the receiver (the client drives the
 * world's virtual clock over the Bench HTTP endpoints, as `dit run --target loopback` does).
 * A service request counts as completed when both have arrived; its latency is from sending
 * it to its response being taken from the inbox.
 *
 * XML-signature checking: "on" — every request signed with the user's DS key and checked by the
 * DCC (its default, strict); "off" — the worlds are created with `acceptUnsigned` and the
 * clients send unsigned requests, so neither side does any XML-DSig work (the DCC only looks
 * for the Signature element, absent).
 *
 *   npx tsx scripts/bench-edge.ts [--clients 64] [--seconds 10] [--signatures off|on] [--url <dit emulate>]
 *
 * Prints one JSON line: `{ clients, signatures, completed, seconds, rps, p50ms, p99ms, errors }`.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpBenchDriver } from '../harness/bench/http-bench-driver.ts';
import { DuisClient } from '../harness/dit/duis-client.ts';
import { worldStartMs } from '../harness/dit/run-config.ts';
import { loadTemplateCatalogue } from '../harness/protocol/duis/templates.ts';
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
const WINDOW_MS = 60_000;

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
  readonly duis: DuisClient;
  close(): Promise<void>;
}

async function connect(i: number): Promise<EdgeClient> {
  const seed = `edge-${i}`;
  const created = await fetch(`${url}/worlds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed, startMs: worldStartMs('2019-04-12'), premises, acceptUnsigned: !signed }),
  });
  if (created.status !== 201) throw new Error(`POST /worlds: HTTP ${created.status} ${await created.text()}`);
  const world = (await created.json()) as { id: string; duisBaseUrl: string; benchUrl: string };
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
    duis,
    async close() {
      await duis.close();
      await transport.close();
      await fetch(`${url}/worlds/${world.id}`, { method: 'DELETE' });
    },
  };
}

async function once(client: EdgeClient): Promise<number> {
  const t = performance.now();
  const exchange = await client.duis.send('ECS17b_4.1.1_SINGLE', { target: esme!.eui });
  if (exchange.code !== 'I99') throw new Error(`the DCC answered ${exchange.code}`);
  const response = await exchange.response({ within: WINDOW_MS });
  if (response.message.responseCode !== 'I0') throw new Error(`the device response is ${response.message.responseCode}`);
  return performance.now() - t;
}

const all = await Promise.all(Array.from({ length: clients }, (_, i) => connect(i)));
// warm-up: one exchange per client (JIT, key derivation, connection pools)
await Promise.all(all.map((c) => once(c)));
const latencies: number[] = [];
let errors = 0;
let firstError = '';
const t0 = performance.now();
const deadline = t0 + seconds * 1000;
await Promise.all(
  all.map(async (c) => {
    while (performance.now() < deadline) {
      try {
        latencies.push(await once(c));
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
latencies.sort((a, b) => a - b);
const pct = (p: number): number => (latencies.length === 0 ? NaN : Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10);
console.log(
  JSON.stringify({
    clients,
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
