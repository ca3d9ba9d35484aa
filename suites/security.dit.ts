// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Security, tried as a new Service User would: requests the DCC must refuse, each refused at
 * the layer DOMAIN.md assigns it, with a clear DUIS answer, and nothing reaching a device.
 *
 * | what the user sends                          | layer that refuses it | what the user sees |
 * | -------------------------------------------- | --------------------- | ------------------ |
 * | an SRV its role is not eligible for          | DCC edge              | E2 at once, nothing follows |
 * | a RequestID counter not above its last one   | DCC edge              | E9002 at once, nothing follows (a replay included) |
 * | XML that is not well-formed                  | DCC edge              | E9001 at once, nothing follows |
 * | an SRV the request matrix does not know      | DCC edge              | E9003 at once, nothing follows |
 * | a broken or missing XML signature            | DCC edge              | E9004 at once, nothing follows |
 * | an originator that is no registered DCC user | DCC edge              | E1 at once, nothing follows |
 *
 * "Nothing follows" is what a DUIS user can see of "no device saw it": no response and no alert
 * in the minute after, and the same request, made correctly, still goes through. (Response codes
 * marked provisional in harness/protocol/duis/response-codes.ts are the project's numbers.)
 *
 * The device layer is tested where a user can reach it: a critical command whose pre-command the
 * user signed wrongly passes the DCC (I99) and the device refuses it — no response
 * (commission.dit.ts, COMMISSION-ESME-WRONG-SIGNATURE). A wrong GBCS MAC or a replayed GBCS
 * counter cannot come from a DUIS user (the DCC applies the MAC, and its RequestID check stops a
 * replay first), nor a command from an originator the device has no credentials for (the
 * device's alert 0x8F30): the emulators' own tests cover those (emulators/command-handler.test.ts,
 * emulators/use-cases/no-authority-alert.test.ts).
 */
import { expect } from 'vitest';
import { ditCase, type DitContext } from '../harness/dit/dit-case.ts';
import type { DuisExchange } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectQuietFor } from '../harness/dit/expectations.ts';
import { buildServiceRequest, type BuiltServiceRequest } from '../harness/protocol/duis/build-request.ts';
import { describeResponseCode, RESPONSE_CODE } from '../harness/protocol/duis/response-codes.ts';
import { loadTemplateCatalogue } from '../harness/protocol/duis/templates.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';

const MINUTE = 60_000;
const MAINS_WINDOW_MS = MINUTE;
const READ = 'ECS52_11.2';

const META = {
  srv: '11.2',
  useCase: 'ECS52',
  deviceTypes: ['ESME'],
  bands: ['2.4GHz', '868MHz'],
  tags: ['formal', 'regression'],
  // a security check that fails is a severity 1 defect (DOMAIN.md)
  severity: 1,
  needs: ['clock'],
} as const;

/** The DCC edge refused it with `code` at once, and nothing arrives after (no device saw it). */
async function refusedAtTheEdge({ duis, bench }: DitContext, exchange: DuisExchange, code: string): Promise<void> {
  const info = describeResponseCode(code);
  expect(info?.layer, `${code} is a DCC edge code`).toBe('dcc');
  expect(exchange.code, `refused by the DCC edge with ${code} (${info?.title})`).toBe(code);
  await expect(exchange.response({ within: MAINS_WINDOW_MS }), 'no device response follows a rejection').rejects.toThrow(/no device response follows/);
  await expectQuietFor(duis, bench, MAINS_WINDOW_MS);
}

/** The read, made correctly, goes through: the device answers it. */
async function readWorks({ duis, meter }: DitContext): Promise<void> {
  const exchange = await duis.send(READ, { target: meter.eui });
  expect(exchange.code, 'DCC acknowledgement of the correct request').toBe('I99');
  expectDeviceResponse(await exchange.response({ within: MAINS_WINDOW_MS }), ecs52, { from: meter.eui, within: MAINS_WINDOW_MS });
}

/** The read with this RequestID counter, built as the user would (signed by the client when sent). */
async function readRequest({ duis, meter }: DitContext, counter: bigint): Promise<BuiltServiceRequest> {
  const template = (await loadTemplateCatalogue()).get(READ);
  return buildServiceRequest({ template, originator: duis.user.eui, target: meter.eui, counter });
}

ditCase(
  {
    ...META,
    id: 'SECURITY-INELIGIBLE-ROLE',
    title: 'An SRV the user’s role may not send (4.2, Export Supplier / Distributor only) is refused by the DCC edge: E2',
    useCase: 'ECS17a',
    srv: '4.2',
  },
  async (ctx) => {
    await refusedAtTheEdge(ctx, await ctx.duis.send('ECS17a_4.2', { target: ctx.meter.eui }), RESPONSE_CODE.roleNotEligible);
    await readWorks(ctx);
  },
);

ditCase(
  {
    ...META,
    id: 'SECURITY-REQUEST-ID-COUNTER',
    title: 'A replayed RequestID, and one with an older counter, are refused by the DCC edge: E9002',
  },
  async (ctx) => {
    const first = await ctx.duis.send(READ, { target: ctx.meter.eui });
    expect(first.code, 'DCC acknowledgement').toBe('I99');
    expectDeviceResponse(await first.response({ within: MAINS_WINDOW_MS }), ecs52, { from: ctx.meter.eui, within: MAINS_WINDOW_MS });
    const counter = first.request.requestId.counter;
    await refusedAtTheEdge(ctx, await ctx.duis.sendBuilt(await readRequest(ctx, counter)), RESPONSE_CODE.requestIdCounterNotIncreasing);
    await refusedAtTheEdge(ctx, await ctx.duis.sendBuilt(await readRequest(ctx, counter - 1n)), RESPONSE_CODE.requestIdCounterNotIncreasing);
    await readWorks(ctx);
  },
);

ditCase(
  {
    ...META,
    id: 'SECURITY-MALFORMED-XML',
    title: 'A request whose XML is not well-formed is refused by the DCC edge: E9001',
  },
  async (ctx) => {
    const request = await readRequest(ctx, BigInt(ctx.duis.now()));
    const broken = request.xml.replace(/<\/(\w+:)?Body>/, '');
    expect(broken, 'the closing Body tag is gone').not.toBe(request.xml);
    // not well-formed XML cannot carry an XML signature: it goes unsigned
    await refusedAtTheEdge(ctx, await ctx.duis.sendBuilt({ ...request, xml: broken }, { signature: 'none' }), RESPONSE_CODE.malformedRequest);
    await readWorks(ctx);
  },
);

ditCase(
  {
    ...META,
    id: 'SECURITY-UNKNOWN-SRV',
    title: 'A request naming an SRV outside the DUIS request matrix is refused by the DCC edge: E9003',
  },
  async (ctx) => {
    const request = await readRequest(ctx, BigInt(ctx.duis.now()));
    const unknown = request.xml.replace(/>11\.2</g, '>99.9<');
    expect(unknown, 'the SRV is replaced').not.toBe(request.xml);
    await refusedAtTheEdge(ctx, await ctx.duis.sendBuilt({ ...request, xml: unknown }), RESPONSE_CODE.unknownSrv);
    await readWorks(ctx);
  },
);

ditCase(
  {
    ...META,
    id: 'SECURITY-XML-SIGNATURE',
    title: 'A request with a broken XML signature, and one with none, are refused by the DCC edge: E9004',
  },
  async (ctx) => {
    await refusedAtTheEdge(ctx, await ctx.duis.send(READ, { target: ctx.meter.eui, signature: 'broken' }), RESPONSE_CODE.invalidXmlSignature);
    await refusedAtTheEdge(ctx, await ctx.duis.send(READ, { target: ctx.meter.eui, signature: 'none' }), RESPONSE_CODE.invalidXmlSignature);
    await readWorks(ctx);
  },
);

/** An EUI-64 no SEC party holds (the user's own with its last octet changed, so it is never a premises device either). */
function unregisteredOriginator(user: string): string {
  const last = parseInt(user.slice(-2), 16);
  return `${user.slice(0, -2)}${((last + 0x5a) & 0xff).toString(16).toUpperCase().padStart(2, '0')}`;
}

ditCase(
  {
    ...META,
    id: 'SECURITY-UNAUTHORISED-ORIGINATOR',
    title: 'A request from an originator that is no registered DCC user is refused by the DCC edge: E1',
  },
  async (ctx) => {
    const template = (await loadTemplateCatalogue()).get(READ);
    const originator = unregisteredOriginator(ctx.duis.user.eui);
    const request = buildServiceRequest({ template, originator, target: ctx.meter.eui, counter: BigInt(ctx.duis.now()) });
    await refusedAtTheEdge(ctx, await ctx.duis.sendBuilt(request), RESPONSE_CODE.invalidUserRole);
    await readWorks(ctx);
  },
);
