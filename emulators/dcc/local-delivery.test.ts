// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import type { BuiltServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { encodeGbcsPayload } from '../../harness/protocol/duis/gbcs-payload.ts';
import type { DuisUserMessage } from '../../harness/protocol/duis/message.ts';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { formatRequestId, type RequestId } from '../../harness/protocol/duis/request-id.ts';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import { loadTemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import { ecs17b } from '../../harness/protocol/gbcs/payload/use-cases/ecs17b.ts';
import { ecs70 } from '../../harness/protocol/gbcs/payload/use-cases/ecs70.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { endPartyCipher, openDeviceMessage } from '../testing/dcc-side.ts';
import { duisWorld, type DuisWorld } from '../testing/duis-world.ts';
import { signedPreCommandRequest } from '../testing/signed-pre-command.ts';

const SUPPLIER = REMOTE_PARTY.supplier;
const ACB = REMOTE_PARTY.accessControlBroker;
const ESME = DEFAULT_EUIS.esme;
const RETURN_TEMPLATE = '8.13_RETURN_LOCAL_COMMAND_RESPONSE_CS06';

/** The command for local delivery a DCC answer carries (ResponseMessage/LocalCommand/GBCSPayload). */
function localCommandOf(answer: DuisUserMessage): Uint8Array {
  expect(answer.gbcsPayloadElement).toBe('Response/Body/ResponseMessage/LocalCommand/GBCSPayload');
  return answer.gbcsPayload!;
}

/** Hands the command to the ESME through the world's Bench driver; the ESME's response frame. */
async function deliverToEsme(d: DuisWorld, command: Uint8Array): Promise<Uint8Array> {
  const outcome = await d.w.benchDriver.deliverLocally!(ESME, command);
  if (!outcome.response) throw new Error(`no local response: ${outcome.note}`);
  return outcome.response;
}

/** SRV 8.13 to the DCC: the device's response to the command of `original`. */
function returnResponse(d: DuisWorld, original: RequestId, response: Uint8Array, originator?: string) {
  return d.send(RETURN_TEMPLATE, ACB, {
    body: { ReturnLocalCommandResponse: { OriginalRequestID: formatRequestId(original), DeviceGBCSResponse: encodeGbcsPayload(response) } },
    ...(originator ? { originator } : {}),
  });
}

/** CV 4 for a critical template, then the signed pre-command under the same RequestID as `cv`. */
async function signedPreCommand(d: DuisWorld, key: string, cv: 5 | 6 | 7): Promise<{ request: BuiltServiceRequest; answer: DuisUserMessage }> {
  const templates = await loadTemplateCatalogue();
  const { request, answer: pre } = await d.send(key, ESME, { commandVariant: 4 });
  expect(pre.responseCode).toBe('I0');
  const signed = signedPreCommandRequest({ template: templates.get(key), request, preCommand: pre.gbcsPayload!, ds: d.w.keys.keysOf(SUPPLIER).ds, commandVariant: cv });
  const reply = await d.w.dcc(new Request(`http://dcc.test${signed.servicePath}`, { method: 'POST', body: signed.xml, headers: { 'content-type': 'application/xml' } }));
  return { request: signed, answer: parseDuisUserMessage(await reply.text()) };
}

describe('emulated DCC: commands for local delivery (CV 2, 3, 6, 7) and SRV 8.13', () => {
  it('CV 2: I0 with the ECS17b command, built and MACed as for the WAN, sent nowhere; delivered locally, the ESME answers; 8.13 returns the response (I99)', async () => {
    const d = await duisWorld();
    const { request, answer } = await d.send('ECS17b_4.1.1', ESME);
    expect(request.servicePath).toBe('/api/v1/serviceD');
    expect(answer).toMatchObject({ kind: 'response', responseCode: 'I0', srv: '4.1.1' });
    const command = localCommandOf(answer);
    expect(decodeFrame(command)).toMatchObject({ cra: 1, macProtected: true, originator: SUPPLIER, recipient: ESME, messageCode: ecs17b.messageCode, counter: request.requestId.counter });
    expect(d.w.dccTrace.of('command')).toEqual([]);
    expect(d.w.dccTrace.of('local-command')).toMatchObject([{ srv: '4.1.1', useCase: 'ECS17b', responseCode: 'I0' }]);

    const response = await deliverToEsme(d, command);
    const opened = openDeviceMessage(d.w.keys, response);
    expect(opened).toMatchObject({ mac: 'valid', frame: { cra: 2, originator: ESME, recipient: SUPPLIER, counter: request.requestId.counter } });
    const fields = ecs17b.decodeResponse(opened.frame.payload, { header: opened.frame, cipher: endPartyCipher(d.w.keys, opened.frame) });
    expect(fields.ok && fields.registers.length).toBeGreaterThan(0);

    const returned = await returnResponse(d, request.requestId, response);
    expect(returned.answer).toMatchObject({ kind: 'ack', responseCode: RESPONSE_CODE.acknowledged, srv: '8.13' });
    expect(d.w.dccTrace.of('non-device').at(-1)).toMatchObject({ srv: '8.13', responseCode: 'I99' });
    await d.w.clock.advance(60_000);
    expect(d.received).toEqual([]);
  });

  it('CV 3: sent over the WAN (I99 with the copy), the response comes as usual; the copy finds its counter spent', async () => {
    const d = await duisWorld();
    const { request, answer } = await d.send('ECS17b_4.1.1_SINGLE', ESME, { commandVariant: 3 });
    expect(request.servicePath).toBe('/api/v1/serviceS');
    expect(answer).toMatchObject({ kind: 'ack', responseCode: 'I99' });
    const copy = localCommandOf(answer);
    expect(d.w.dccTrace.of('command')).toMatchObject([{ gbcs: expect.any(String) }]);
    await d.w.clock.advance(60_000);
    expect(d.answerTo(request)).toMatchObject({ kind: 'response', responseCode: 'I0' });
    expect(await d.w.benchDriver.deliverLocally!(ESME, copy)).toEqual({ response: null, note: expect.stringMatching(/counter-not-increasing/) });
  });

  it('CV 4 → CV 6: the signed pre-command comes back MACed (I0), the ESME checks the signature and answers ECS70; CV 7 also goes over the WAN', async () => {
    const d = await duisWorld();
    const { request, answer } = await signedPreCommand(d, 'ECS70Commission_8.1.1', 6);
    expect(request.servicePath).toBe('/api/v1/serviceD');
    expect(answer).toMatchObject({ kind: 'response', responseCode: 'I0' });
    const command = localCommandOf(answer);
    expect(decodeFrame(command)).toMatchObject({ macProtected: true, signature: expect.any(Uint8Array), messageCode: ecs70.messageCode });
    const response = await deliverToEsme(d, command);
    expect(openDeviceMessage(d.w.keys, response)).toMatchObject({ signature: 'valid', frame: { cra: 2, messageCode: ecs70.messageCode, originator: ESME } });
    expect((await returnResponse(d, request.requestId, response)).answer.responseCode).toBe('I99');

    const both = await signedPreCommand(d, 'ECS70Commission_8.1.1', 7);
    expect(both.answer).toMatchObject({ kind: 'ack', responseCode: 'I99' });
    localCommandOf(both.answer);
    await d.w.clock.advance(60_000);
    expect(d.answerTo(both.request)).toMatchObject({ kind: 'response', responseCode: 'I0' });
  });

  it('E17 for a command the ACB originates (the CHF), E12 for a local variant that does not fit the SRV', async () => {
    const d = await duisWorld();
    const { answer } = await d.send('CCS06_8.9', DEFAULT_EUIS.chf, { commandVariant: 2 });
    expect(answer).toMatchObject({ kind: 'error', responseCode: RESPONSE_CODE.localCommandNotAvailable });
    expect((await d.send('ECS70Commission_8.1.1', ESME, { commandVariant: 2 })).answer.responseCode).toBe(RESPONSE_CODE.commandVariantNotApplicable);
    expect((await d.send('ECS17b_4.1.1', ESME, { commandVariant: 6 })).answer.responseCode).toBe(RESPONSE_CODE.commandVariantNotApplicable);
    expect(d.w.dccTrace.of('local-command')).toEqual([]);
  });

  it('8.13 refuses (E9001, with the element) a request it returned nothing under, another user, and a frame that is not that command’s response', async () => {
    const d = await duisWorld({ users: [{ eui: SUPPLIER, role: 'IS' }, { eui: '90B3D51F30020000', role: 'IS' }] });
    const { request, answer } = await d.send('ECS17b_4.1.1', ESME);
    const response = await deliverToEsme(d, localCommandOf(answer));
    const refusal = async (original: RequestId, frame: Uint8Array, originator?: string) => {
      const { answer: a } = await returnResponse(d, original, frame, originator);
      expect(a.responseCode).toBe(RESPONSE_CODE.malformedRequest);
      return d.w.dccTrace.of('rejected').at(-1)!.detail;
    };
    expect(await refusal({ ...request.requestId, counter: request.requestId.counter + 7n }, response)).toMatch(/OriginalRequestID: no command was returned for local delivery under/);
    expect(await refusal(request.requestId, response, '90B3D51F30020000')).toMatch(/was returned to 90-B3-D5-1F-30-01-00-00, not to 90-B3-D5-1F-30-02-00-00/);
    expect(await refusal(request.requestId, localCommandOf(answer))).toMatch(/DeviceGBCSResponse: not the response to the ECS17b command of .*CRA flag 1, not a response/);
    // the template as RTDS wrote it names a request this DCC never saw
    expect((await d.send(RETURN_TEMPLATE, ACB)).answer.responseCode).toBe(RESPONSE_CODE.malformedRequest);
    expect((await returnResponse(d, request.requestId, response)).answer.responseCode).toBe('I99');
  });
});
