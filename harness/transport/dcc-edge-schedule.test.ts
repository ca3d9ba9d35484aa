// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/project-root.ts';
import { DccEdgeScheduleError, loadDccEdgeSchedule, mergeSchedules, parseDccEdgeSchedule, scheduleOfEdgeFault } from './dcc-edge-schedule.ts';

const SHIPPED = join(PROJECT_ROOT, 'fixtures/dcc-faults/programme-2019-04-incidents.json');

function refusal(json: unknown): string {
  try {
    parseDccEdgeSchedule(json, 'faults.json');
  } catch (e) {
    expect(e).toBeInstanceOf(DccEdgeScheduleError);
    return (e as Error).message;
  }
  throw new Error('the schedule was accepted');
}

const http500 = { id: 'lb', kind: 'http-error', status: 500, description: 'load balancer' };

describe('DCC edge fault schedule', () => {
  it('loads the shipped PROGRAMME-2019-04 incidents: four incidents, one of each kind, all illustrative', () => {
    const s = loadDccEdgeSchedule(SHIPPED);
    expect(s.incidents.map((i) => i.kind)).toEqual(['http-error', 'service-stopped', 'lost-device-alerts', 'lost-dcc-alerts']);
    expect(s.incidents.every((i) => i.illustrative)).toBe(true);
    expect(s.incidents[1]).toMatchObject({ fromMs: 120_000, restartAfterMs: 71_000 });
    expect(s.incidents[2]).toMatchObject({ alertCodes: ['8F12'] });
    expect(s.incidents[3]).toMatchObject({ alertCodes: ['AD1'] });
  });

  it('fills defaults: every 1, not illustrative, a time window from 0', () => {
    const s = parseDccEdgeSchedule({ incidents: [{ ...http500, window: { untilMs: 10 } }] }, 'x');
    expect(s.incidents[0]).toEqual({ ...http500, every: 1, illustrative: false, window: { fromMs: 0, untilMs: 10 } });
  });

  it('accepts a request-count window and "all" alert codes', () => {
    const s = parseDccEdgeSchedule(
      { incidents: [{ ...http500, requests: { fromRequest: 2, untilRequest: 4 } }, { id: 'lost', kind: 'lost-device-alerts', alertCodes: 'all', description: 'everything' }] },
      'x',
    );
    expect(s.incidents).toHaveLength(2);
  });

  it.each([
    ['a status that is not 5xx', { incidents: [{ ...http500, status: 404 }] }, /a 5xx status[\s\S]*incidents\[0\]\.status/],
    ['an unknown kind', { incidents: [{ ...http500, kind: 'meteor-strike' }] }, /incidents\[0\]\.kind/],
    ['both a time and a request window', { incidents: [{ ...http500, window: { fromMs: 0 }, requests: { fromRequest: 1 } }] }, /not both[\s\S]*incidents\[0\]\.requests/],
    ['a window that ends before it starts', { incidents: [{ ...http500, window: { fromMs: 10, untilMs: 5 } }] }, /untilMs must be after fromMs[\s\S]*incidents\[0\]\.window\.untilMs/],
    ['a device alert code that is not four hex digits', { incidents: [{ id: 'l', kind: 'lost-device-alerts', alertCodes: ['birth'], description: 'd' }] }, /8F12[\s\S]*incidents\[0\]\.alertCodes/],
    ['a stopped service with no start', { incidents: [{ id: 's', kind: 'service-stopped', description: 'd' }] }, /incidents\[0\]\.fromMs/],
    ['an unknown field', { incidents: [{ ...http500, duration: 5 }] }, /duration/],
    ['the same id twice', { incidents: [http500, http500] }, /"lb" is used twice[\s\S]*incidents\[1\]\.id/],
    ['no incidents', { incidents: [] }, /incidents/],
  ])('refuses %s, naming the file and the path', (_what, json, reason) => {
    const message = refusal(json);
    expect(message).toMatch(/^faults\.json: not a valid DCC edge fault schedule/);
    expect(message).toMatch(reason);
  });

  it('refuses a missing file and a file that is not JSON, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dcc-faults-'));
    expect(() => loadDccEdgeSchedule(join(dir, 'none.json'))).toThrow(/none\.json: cannot read the DCC edge fault schedule \(ENOENT\)/);
    writeFileSync(join(dir, 'bad.json'), '{ incidents: ');
    expect(() => loadDccEdgeSchedule(join(dir, 'bad.json'))).toThrow(/bad\.json: not JSON/);
  });

  it('makes --inject-dcc-error STATUS/N a one-incident schedule, which merges with a file', () => {
    const shorthand = scheduleOfEdgeFault({ status: 503, every: 3 });
    expect(shorthand.incidents).toEqual([expect.objectContaining({ id: 'inject-dcc-error', kind: 'http-error', status: 503, every: 3 })]);
    const merged = mergeSchedules(loadDccEdgeSchedule(SHIPPED), shorthand);
    expect(merged.incidents.map((i) => i.id)).toContain('inject-dcc-error');
    expect(() => mergeSchedules(shorthand, shorthand)).toThrow(/"inject-dcc-error" is used twice/);
  });
});
