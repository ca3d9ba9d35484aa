// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Trace, traceHash } from './trace.ts';

describe('message trace', () => {
  it('hashes the same entries to the same hash and any change to another', () => {
    const t = new Trace();
    t.record({ at: 1, direction: 'user→dcc', protocol: 'duis', summary: 'request', body: '<x/>' });
    t.record({ at: 2, direction: 'device→dcc', protocol: 'gbcs', summary: 'ECS52 response', body: 'DD00' });
    const same = traceHash([...t.all]);
    expect(t.hash()).toBe(same);
    expect(traceHash([{ ...t.all[0]!, at: 3 }, t.all[1]!])).not.toBe(same);
    expect(traceHash([t.all[0]!, { ...t.all[1]!, body: 'DD01' }])).not.toBe(same);
    expect(traceHash([])).toMatch(/^[0-9a-f]{64}$/);
  });
});
