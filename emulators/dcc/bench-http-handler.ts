// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The server side of the Bench over HTTP (harness/bench/http-bench-protocol.ts) for one world:
 * `/capabilities`, `/now`, `/advance`, `/supply`, `/battery`, `/radio`, `/interference`, `/filler`, `/local-delivery`, answered from a Bench
 * driver (the world's emulated driver). Bodies are checked before anything moves; a refusal by
 * the driver (a RangeError: wrong device for the operation, unknown device) is a 400 carrying
 * its explanation, so the HTTP driver can throw the same error the emulated driver throws.
 */
import { z } from 'zod';
import type { BenchCapability, BenchDriver } from '../../harness/bench/bench.ts';
import { BENCH_PATH, type BenchCapabilitiesBody, type BenchLocalDeliveryAnswer, type BenchTimeBody } from '../../harness/bench/http-bench-protocol.ts';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import { bytesToHex, hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { HttpProblem, json, readJson, requireMethod } from './json-http.ts';

const device = z.string().refine(isEui64, 'an EUI-64 as 16 hex digits').transform(normalizeEui);

const BODIES = {
  advance: z.strictObject({ ms: z.number().finite().nonnegative() }),
  supply: z.strictObject({ device, on: z.boolean() }),
  battery: z.strictObject({ device, percent: z.number().min(0).max(100) }),
  radio: z.strictObject({ device, up: z.boolean() }),
  interference: z.strictObject({ page: z.number().int(), channel: z.number().int(), levelDbm: z.number().finite().nullable() }),
  filler: z.strictObject({ device, bytes: z.number().int().min(1) }),
  localDelivery: z.strictObject({ device, command: z.string().regex(/^(?:[0-9A-Fa-f]{2})+$/, 'a GBCS frame as hex') }),
};

async function body<S extends z.ZodType>(request: Request, path: string, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJson(request, `POST ${path}`));
  if (!parsed.success) throw new HttpProblem(400, `POST ${path}: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}`);
  return parsed.data;
}

export type BenchHttpHandler = (subpath: string, request: Request) => Promise<Response>;

/** Serves `driver` on the bench paths; `subpath` is the path after the bench URL (e.g. `/advance`). */
export function benchHttpHandler(driver: BenchDriver, name: string): BenchHttpHandler {
  const time = (): BenchTimeBody => {
    const due = driver.nextDueIn?.();
    return { now: driver.now(), ...(due === undefined ? {} : { nextDueAt: due === null ? null : driver.now() + due }) };
  };
  const need = (capability: BenchCapability, path: string) => {
    if (!driver.capabilities.has(capability)) throw new HttpProblem(400, `${path}: this bench cannot ${capability}`);
  };
  const act = async (run: () => Promise<object | void>): Promise<Response> => {
    let extra: object | void;
    try {
      extra = await run();
    } catch (e) {
      if (e instanceof RangeError) throw new HttpProblem(400, e.message);
      throw e;
    }
    return json(200, { ...time(), ...extra });
  };

  return async (subpath, request) => {
    switch (subpath) {
      case BENCH_PATH.capabilities: {
        requireMethod(request, subpath, 'GET');
        const answer: BenchCapabilitiesBody = { name, capabilities: [...driver.capabilities], ...time() };
        return json(200, answer);
      }
      case BENCH_PATH.now:
        requireMethod(request, subpath, 'GET');
        return json(200, time());
      case BENCH_PATH.advance: {
        requireMethod(request, subpath, 'POST');
        need('clock', subpath);
        const { ms } = await body(request, subpath, BODIES.advance);
        return act(() => driver.advance(ms));
      }
      case BENCH_PATH.supply: {
        requireMethod(request, subpath, 'POST');
        need('supply-power', subpath);
        const b = await body(request, subpath, BODIES.supply);
        return act(() => driver.setSupply(b.device, b.on));
      }
      case BENCH_PATH.battery: {
        requireMethod(request, subpath, 'POST');
        need('battery', subpath);
        const b = await body(request, subpath, BODIES.battery);
        return act(() => driver.setBatteryPercent(b.device, b.percent));
      }
      case BENCH_PATH.radio: {
        requireMethod(request, subpath, 'POST');
        need('radio-loss', subpath);
        const b = await body(request, subpath, BODIES.radio);
        return act(() => driver.setRadioLink(b.device, b.up));
      }
      case BENCH_PATH.interference: {
        requireMethod(request, subpath, 'POST');
        need('interference', subpath);
        const b = await body(request, subpath, BODIES.interference);
        return act(() => driver.setInterference({ page: b.page, channel: b.channel }, b.levelDbm));
      }
      case BENCH_PATH.filler: {
        requireMethod(request, subpath, 'POST');
        need('duty-cycle-pressure', subpath);
        const b = await body(request, subpath, BODIES.filler);
        const transmit = driver.transmitFiller?.bind(driver);
        if (!transmit) throw new HttpProblem(400, `${subpath}: this bench cannot duty-cycle-pressure`);
        return act(() => transmit(b.device, b.bytes));
      }
      case BENCH_PATH.localDelivery: {
        requireMethod(request, subpath, 'POST');
        need('local-delivery', subpath);
        const b = await body(request, subpath, BODIES.localDelivery);
        const deliver = driver.deliverLocally?.bind(driver);
        if (!deliver) throw new HttpProblem(400, `${subpath}: this bench cannot local-delivery`);
        return act(async (): Promise<Omit<BenchLocalDeliveryAnswer, keyof BenchTimeBody>> => {
          const outcome = await deliver(b.device, hexToBytes(b.command, `POST ${subpath} command`));
          return { response: outcome.response ? bytesToHex(outcome.response) : null, note: outcome.note };
        });
      }
      default:
        throw new HttpProblem(404, `no bench endpoint ${subpath || '/'}; the bench answers ${Object.values(BENCH_PATH).join(', ')}`);
    }
  };
}
