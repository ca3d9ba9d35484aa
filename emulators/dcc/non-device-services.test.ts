// SPDX-License-Identifier: GPL-3.0-or-later
import { beforeAll, describe, expect, it } from 'vitest';
import type { XMLData } from '@smartdcc/duis-parser';
import { buildServiceRequest } from '../../harness/protocol/duis/build-request.ts';
import { parseDuisRequest, parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { CommsHubInventory } from './comms-hub-inventory.ts';
import { findNonDeviceService, type NonDeviceContext } from './non-device-services.ts';
import { RequestBodyError } from './request-body-error.ts';

const CHF = '00DB1234567890A2';
const DEVICES = [
  { eui: CHF, deviceType: 'CHF' as const },
  { eui: '00DB1234567890A0', deviceType: 'ESME' as const },
];
const KEYS = {
  '8.14.1': '8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL',
  '8.14.2': '8.14.2_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL_NO_SM_WAN',
  '8.14.3': '8.14.3_COMMUNICATIONS_HUB_STATUS_UPDATE_FAULT_RETURN',
  '8.14.4': '8.14.4_COMMUNICATIONS_HUB_STATUS_UPDATE_NO_FAULT_RETURN',
} as const;

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

function context(): NonDeviceContext {
  return { deviceTypeOf: (eui) => DEVICES.find((d) => d.eui === eui)?.deviceType, commsHubs: new CommsHubInventory(() => DEVICES) };
}

/** The template's request (counter 1), its body edited by `edit`, answered by the service. */
function answer(srv: keyof typeof KEYS, ctx: NonDeviceContext, edit?: (body: XMLData) => void): string {
  const template = templates.get(KEYS[srv]);
  const body = structuredClone(template.request.body) as XMLData;
  edit?.(body);
  const built = buildServiceRequest({ template, originator: REMOTE_PARTY.supplier, target: REMOTE_PARTY.accessControlBroker, counter: 1n, body });
  return findNonDeviceService(srv)!.answer(parseDuisRequest(new TextEncoder().encode(built.xml)), 0, ctx);
}

describe('non-device services 8.14.x (Communications Hub Status Update)', () => {
  it('each template is answered I0 and moves the hub in the inventory', () => {
    for (const [srv, status] of [
      ['8.14.1', 'installed'],
      ['8.14.2', 'installed-no-sm-wan'],
      ['8.14.4', 'returned-no-fault'],
      ['8.14.3', 'returned-faulty'],
    ] as const) {
      const ctx = context();
      expect(parseDuisUserMessage(answer(srv, ctx)).responseCode, srv).toBe('I0');
      expect(ctx.commsHubs.statusOf(CHF), srv).toBe(status);
    }
  });

  it('a hub returned as faulty takes no later update (E5, invalid device status)', () => {
    const ctx = context();
    answer('8.14.3', ctx);
    const refused = (() => {
      try {
        answer('8.14.1', ctx);
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(RequestBodyError);
    expect(refused).toMatchObject({ problem: 'invalid-device-status' });
  });

  it('refuses a DeviceID that is no CHF of the inventory, and a malformed OtherDeviceID', () => {
    const deviceId = (id: string) => (b: XMLData) => void ((Object.values(b)[0] as XMLData)['DeviceID'] = id);
    expect(() => answer('8.14.4', context(), deviceId('00-DB-12-34-56-78-90-A0'))).toThrow(/no comms hub function/);
    expect(() => answer('8.14.2', context(), deviceId('not-an-eui'))).toThrow(RequestBodyError);
    expect(() => answer('8.14.3', context(), (b) => void ((b['CHFFaultReturn'] as XMLData)['OtherDeviceID'] = 'x'))).toThrow(/OtherDeviceID/);
  });
});
