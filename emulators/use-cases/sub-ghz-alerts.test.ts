// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { decodeTypedMessage } from '../../harness/protocol/gbcs/payload/registry.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { SubGhzChannelEvent } from '../comms-hub/sub-ghz-channel-manager.ts';
import { DEFAULT_SUB_GHZ_CONFIGURATION } from '../comms-hub/sub-ghz-config.ts';
import { buildOutgoing } from '../firmware/fault-effects.ts';
import { createPremises } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { openDeviceMessage } from '../testing/dcc-side.ts';
import { subGhzAlert } from './sub-ghz-alerts.ts';

const AT = Date.UTC(2019, 3, 12, 9);
const P28C0 = { page: 28, channel: 0 } as const;
const P31C1 = { page: 31, channel: 1 } as const;

describe('subGhzAlert: the CHF alert of each channel-management step', () => {
  it('builds each alert from the CHF to the ACB, MAC only, decodable with its typed codec', () => {
    const premises = createPremises({ seed: 'sub-ghz-alerts', clock: new VirtualClock(AT) });
    const events: Array<[SubGhzChannelEvent, number, Record<string, unknown>]> = [
      [{ kind: 'scan-initiated', at: AT, cause: 'requested' }, 0x8f27, {}],
      [{ kind: 'scan-assessed', at: AT, outcome: 'changeLimitReached', readings: [], quietest: null }, 0x8f28, { outcome: 2, detail: 0 }],
      [{ kind: 'channel-changed', at: AT, from: P28C0, to: P31C1, cause: 'interference', gsmeFollowed: true }, 0x8f26, { channel: { mask: 0xf8000002, page: 31, channels: [1] }, qualifier: 1 }],
      [{ kind: 'channel-not-changed', at: AT, cause: 'requested', changesThisWeek: 5, limit: 5 }, 0x8f2b, {}],
      [{ kind: 'lost-gsme-searches-failed', at: AT, gsme: premises.gsme.eui }, 0x8f29, {}],
      [{ kind: 'configuration-changed', at: AT, configuration: DEFAULT_SUB_GHZ_CONFIGURATION }, 0x8f2a, { configuration: DEFAULT_SUB_GHZ_CONFIGURATION }],
    ];
    for (const [event, code, fields] of events) {
      const built = subGhzAlert(premises.chf, premises.keys, event);
      expect(built.info, event.kind).toMatchObject({ kind: 'alert', alertCode: code, originator: premises.chf.eui, recipient: REMOTE_PARTY.accessControlBroker });
      const { frame } = buildOutgoing(built.message, []);
      const opened = openDeviceMessage(premises.keys, frame!);
      expect([opened.mac, opened.signature, opened.frame.dateTime], event.kind).toEqual(['valid', 'absent', null]);
      const typed = decodeTypedMessage(opened.frame);
      expect(typed?.fields, event.kind).toMatchObject({ ...fields, timeStamp: { year: 2019, month: 4, dayOfMonth: 12, hour: 9 } });
    }
  });
});
