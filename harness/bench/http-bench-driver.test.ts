// SPDX-License-Identifier: GPL-3.0-or-later
import { afterEach, describe, expect, it } from 'vitest';
import { serveFetchHandler, type ServedHandler } from '../protocol/duis/http-serve.ts';
import { Bench } from './bench.ts';
import { createHttpBenchDriver, HttpBenchError } from './http-bench-driver.ts';

const START = Date.UTC(2019, 3, 12, 9);

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** A stand-in bench controller speaking the protocol; the world server's own test drives a real one. */
async function stubBench(options: { capabilities?: unknown; refuse?: string; fail?: boolean; advancing?: Promise<void> } = {}) {
  let now = START;
  const calls: Call[] = [];
  const served = await serveFetchHandler({
    handler: async (request) => {
      const path = new URL(request.url).pathname.replace(/^\/bench/, '');
      const text = await request.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      calls.push({ method: request.method, path, body });
      const reply = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
      if (options.fail) return new Response('boom', { status: 500 });
      if (path === '/capabilities') return reply(200, { name: 'stub', capabilities: options.capabilities ?? ['clock', 'battery'], now });
      if (options.refuse && path === `/${options.refuse}`) return reply(400, { error: `the stub cannot ${options.refuse} that device` });
      if (path === '/local-delivery') return reply(200, { now, response: body?.['device'] === '00DB1234567890A0' ? 'DD00' : null, note: 'stub terminal' });
      if (path === '/advance') {
        await options.advancing;
        now += body?.['ms'] as number;
      }
      return reply(200, { now });
    },
  });
  return { served, calls, base: `${served.url}/bench` };
}

describe('createHttpBenchDriver', () => {
  let served: ServedHandler | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('reads the name, capabilities and world time, then drives the bench by POST', async () => {
    const stub = await stubBench();
    served = stub.served;
    const driver = await createHttpBenchDriver(`${stub.base}/`);
    expect(driver.name).toBe('stub');
    expect([...driver.capabilities]).toEqual(['clock', 'battery']);
    expect(driver.now()).toBe(START);
    const bench = new Bench(driver);
    expect(bench.lacking('radio-loss')).toBe('the stub bench lacks radio-loss');
    await bench.advance(90_000);
    expect(driver.now()).toBe(START + 90_000);
    await bench.setBattery('00DB1234567890A1', 20);
    await driver.setSupply('00DB1234567890A0', false);
    await driver.setRadioLink('00DB1234567890A1', true);
    await driver.transmitFiller?.('00DB1234567890A1', 20_000);
    expect(stub.calls).toEqual([
      { method: 'GET', path: '/capabilities', body: null },
      { method: 'POST', path: '/advance', body: { ms: 90_000 } },
      { method: 'POST', path: '/battery', body: { device: '00DB1234567890A1', percent: 20 } },
      { method: 'POST', path: '/supply', body: { device: '00DB1234567890A0', on: false } },
      { method: 'POST', path: '/radio', body: { device: '00DB1234567890A1', up: true } },
      { method: 'POST', path: '/filler', body: { device: '00DB1234567890A1', bytes: 20_000 } },
    ]);
  });

  it('hands a command to a device locally and reads back its response (hex) or none', async () => {
    const stub = await stubBench({ capabilities: ['local-delivery'] });
    served = stub.served;
    const bench = new Bench(await createHttpBenchDriver(stub.base));
    expect(await bench.deliverLocally('00DB1234567890A0', Uint8Array.of(0xdd, 0x01))).toEqual({ response: Uint8Array.of(0xdd, 0x00), note: 'stub terminal' });
    expect(await bench.deliverLocally('00DB1234567890A1', Uint8Array.of(0xdd, 0x01))).toEqual({ response: null, note: 'stub terminal' });
    expect(stub.calls.slice(1)).toEqual([
      { method: 'POST', path: '/local-delivery', body: { device: '00DB1234567890A0', command: 'DD01' } },
      { method: 'POST', path: '/local-delivery', body: { device: '00DB1234567890A1', command: 'DD01' } },
    ]);
  });

  it('reports the target of an advance in flight (device messages arrive before its answer)', async () => {
    let finish!: () => void;
    const stub = await stubBench({ advancing: new Promise<void>((resolve) => (finish = resolve)) });
    served = stub.served;
    const driver = await createHttpBenchDriver(stub.base);
    const advancing = driver.advance(5_000);
    expect(driver.now()).toBe(START + 5_000);
    finish();
    await advancing;
    expect(driver.now()).toBe(START + 5_000);
  });

  it("throws the world's refusal (HTTP 400) as a RangeError with its explanation", async () => {
    const stub = await stubBench({ refuse: 'battery' });
    served = stub.served;
    const driver = await createHttpBenchDriver(stub.base);
    await expect(driver.setBatteryPercent('00DB1234567890A0', 50)).rejects.toThrow(new RangeError('the stub cannot battery that device'));
  });

  it('names the URL and status of any other failure', async () => {
    const failing = await stubBench({ fail: true });
    served = failing.served;
    const err = await createHttpBenchDriver(failing.base).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpBenchError);
    expect((err as Error).message).toBe(`the bench at ${failing.base}/capabilities failed with HTTP 500: boom`);

    const odd = await stubBench({ capabilities: ['clock', 'time-travel'] });
    await expect(createHttpBenchDriver(odd.base)).rejects.toThrow(/expected "capabilities" to list bench capabilities/);
    await odd.served.close();
    await expect(createHttpBenchDriver(odd.base)).rejects.toThrow(/the bench at .*\/capabilities failed: unreachable/);
  });
});
