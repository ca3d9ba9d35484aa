// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { buildServiceRequest } from './build-request.ts';
import { parseDuisMessage, parseDuisRequest } from './parse.ts';
import { findTemplate } from './templates.ts';

const SUPPLIER = '90-B3-D5-1F-30-01-00-00';
const ESME = '00-DB-12-34-56-78-90-A0';
const GPF = '00-DB-12-34-56-78-90-A3';

describe('buildServiceRequest', () => {
  it('builds ECS52 (11.2) from its template with our RequestID, and parses back', async () => {
    const built = buildServiceRequest({ template: await findTemplate('ECS52_11.2'), originator: SUPPLIER, target: ESME, counter: 1_700_000_000_123n });
    expect(built).toMatchObject({
      requestIdText: `${SUPPLIER}:${ESME}:1700000000123`,
      srv: '11.2',
      serviceReference: '11.2',
      commandVariant: 1,
      servicePath: '/api/v1/serviceS',
      schemaVersion: '5.2',
    });
    expect(built.xml).toContain('xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway"');
    expect(built.xml).toContain('schemaVersion="5.2"');
    expect(built.xml).not.toContain(':1000<'); // the template's RequestID is gone
    const parsed = parseDuisRequest(built.xml);
    expect(parsed).toMatchObject({
      kind: 'request',
      requestId: built.requestId,
      srv: '11.2',
      commandVariant: 1,
      responseCode: null,
      gbcsPayload: null,
      body: { ReadFirmwareVersion: '' },
    });
    expect(parsed.srvInfo.name).toBe('Read Firmware Version');
  });

  it('builds ECS17b (4.1.1) and GCS13a with a command variant override', async () => {
    const ecs17b = buildServiceRequest({ template: await findTemplate('ECS17b_4.1.1_SINGLE'), originator: SUPPLIER, target: ESME, counter: 7 });
    const p = parseDuisMessage(ecs17b.xml);
    expect(p).toMatchObject({ kind: 'request', srv: '4.1.1', serviceReference: '4.1', commandVariant: 1, body: { ReadInstantaneousImportRegisters: '' } });

    const local = buildServiceRequest({ template: await findTemplate('GCS13a_4.1.1_RELIABLE_GPF'), originator: SUPPLIER, target: GPF, counter: 8, commandVariant: 2 });
    expect(local.servicePath).toBe('/api/v1/serviceD');
    expect(parseDuisMessage(local.xml)).toMatchObject({ commandVariant: 2, requestId: { target: GPF, counter: 8n } });
  });

  it('keeps structured bodies (CCS01) and routes critical requests to /serviceT', async () => {
    const ccs01 = buildServiceRequest({ template: await findTemplate('CCS01_8.11'), originator: SUPPLIER, target: '00DB1234567890A2', counter: 9 });
    const p = parseDuisMessage(ccs01.xml);
    expect(p.body).toMatchObject({ UpdateHANDeviceLog: { DeviceID: ESME, RequestType: 'Add', AddDeviceToCHFWhitelist: { JoinTimePeriod: '90' } } });
    const cs06 = buildServiceRequest({ template: await findTemplate('CS06_11.3_IMMEDIATE'), originator: SUPPLIER, target: ESME, counter: 10 });
    expect(cs06.commandVariant).toBe(4);
    expect(cs06.servicePath).toBe('/api/v1/serviceT');
  });

  it('builds from a simplified request object and a replaced body', () => {
    const built = buildServiceRequest({
      request: {
        header: { type: 'request', requestId: { originatorId: 'x', targetId: 'y', counter: 1 }, commandVariant: 1, serviceReference: '6.31', serviceReferenceVariant: '6.31' },
        body: { ReadCHFSubGHzChannel: '' },
      },
      originator: SUPPLIER,
      target: '00-DB-12-34-56-78-90-A2',
      counter: 11n,
    });
    expect(parseDuisMessage(built.xml)).toMatchObject({ srv: '6.31', requestId: { counter: 11n }, body: { ReadCHFSubGHzChannel: '' } });
  });

  it('refuses bad EUIs, counters and SRVs with messages naming them', async () => {
    const t = await findTemplate('ECS52_11.2');
    expect(() => buildServiceRequest({ template: t, originator: 'x', target: ESME, counter: 1 })).toThrow(/not an EUI-64: "x"/);
    expect(() => buildServiceRequest({ template: t, originator: SUPPLIER, target: ESME, counter: 0 })).toThrow(/outside 1 \.\. 2\^64-1/);
    expect(() =>
      buildServiceRequest({
        request: { header: { type: 'request', requestId: { originatorId: 'x', targetId: 'y', counter: 1 }, commandVariant: 1, serviceReference: '99', serviceReferenceVariant: '99.9' }, body: {} },
        originator: SUPPLIER,
        target: ESME,
        counter: 1,
      }),
    ).toThrow(/unknown-srv/);
  });
});
