// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { isNonEssential, ZclSuspension } from './zcl-suspension.ts';

const MINUTE = 60_000;
const LOW_BATTERY = { kind: 'alert', alertCode: 0x8f1f, useCase: 'GNCA' } as const;

function suspension(faults: { ignores?: boolean; loses?: boolean } = {}) {
  const clock = new VirtualClock(Date.UTC(2019, 3, 12, 9));
  const sent: string[] = [];
  const s = new ZclSuspension(clock, 'GSME 00DB1234567890A1', { ignoresSuspend: () => faults.ignores ?? false, losesHeld: () => faults.loses ?? false });
  const send = (what: string) => () => void sent.push(`${what} at +${(clock.now() - Date.UTC(2019, 3, 12, 9)) / MINUTE} min`);
  return { clock, s, sent, send };
}

describe('a meter suspending its ZCL messages', () => {
  it('holds non-essential messages for the period and sends them, oldest first, when it ends', async () => {
    const { clock, s, sent, send } = suspension();
    expect(s.suspend(60)).toBe(true);
    expect(s.suspendedUntil).toBe(clock.now() + 60 * MINUTE);
    await clock.advance(10 * MINUTE);
    expect(s.hold(LOW_BATTERY, send('0x8F1F'))).toBe(true);
    expect(s.hold({ kind: 'alert', alertCode: 0x8f49, useCase: 'GNCA' }, send('0x8F49'))).toBe(true);
    expect(s.hold({ kind: 'response', useCase: 'GCS38' }, send('GCS38')), 'responses go at once').toBe(false);
    expect(s.hold({ kind: 'alert', alertCode: 0x8f1d, useCase: 'GNCA' }, send('0x8F1D')), 'a last gasp goes at once').toBe(false);
    expect(s.heldCount).toBe(2);
    await clock.advance(50 * MINUTE);
    expect(sent).toEqual(['0x8F1F at +60 min', '0x8F49 at +60 min']);
    expect(s.suspendedUntil).toBeNull();
    expect(s.hold(LOW_BATTERY, send('later')), 'not suspended any more').toBe(false);
  });

  it('a second suspension extends it to the later end, never shortens it', async () => {
    const { clock, s, sent, send } = suspension();
    s.suspend(60);
    await clock.advance(30 * MINUTE);
    s.suspend(60);
    s.suspend(1);
    s.hold(LOW_BATTERY, send('0x8F1F'));
    await clock.advance(59 * MINUTE);
    expect(sent).toEqual([]);
    await clock.advance(MINUTE);
    expect(sent).toEqual(['0x8F1F at +90 min']);
  });

  it('firmware faults: one that ignores SuspendZCLMessages, one that loses what it held', async () => {
    const ignoring = suspension({ ignores: true });
    expect(ignoring.s.suspend(60)).toBe(false);
    expect(ignoring.s.hold(LOW_BATTERY, ignoring.send('0x8F1F'))).toBe(false);
    const losing = suspension({ loses: true });
    losing.s.suspend(60);
    losing.s.hold(LOW_BATTERY, losing.send('0x8F1F'));
    await losing.clock.advance(2 * 60 * MINUTE);
    expect(losing.sent).toEqual([]);
    expect(() => losing.s.suspend(0)).toThrow(/1\.\.255 minutes/);
  });

  it('says which messages are non-essential', () => {
    expect(isNonEssential({ kind: 'alert', alertCode: 0x8f1f })).toBe(true);
    expect(isNonEssential({ kind: 'alert', alertCode: 0x8f35 })).toBe(false);
    expect(isNonEssential({ kind: 'response' })).toBe(false);
  });
});
