// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { parseDuisUserMessage } from '../../harness/protocol/duis/parse.ts';
import { commentSafe, notDuisAnswer, rejectionAnswer, REJECTION_HEADER } from './dcc-answer.ts';

const requestId = { originator: '90-B3-D5-1F-30-01-00-00', target: '00-DB-12-34-56-78-90-A0', counter: 7n };
const AT = Date.UTC(2019, 3, 12, 9);

describe('dcc-answer', () => {
  it('writes a rejection that parses, with its reason in a comment and a header', async () => {
    const r = rejectionAnswer({ requestId, srv: '11.2', responseCode: 'E2', reason: 'role OU -- not eligible…', at: AT });
    expect(r.status).toBe(200);
    expect(r.headers.get(REJECTION_HEADER)).toBe('E2 role OU - - not eligible...');
    const text = await r.text();
    expect(text).toContain('<!-- dit emulated DCC: E2 role OU - - not eligible... -->');
    expect(parseDuisUserMessage(text)).toMatchObject({ kind: 'error', responseCode: 'E2', srv: '11.2', responseDateTime: new Date(AT).toISOString() });
  });

  it('rejects an SRV outside the matrix without echoing it', async () => {
    const text = await rejectionAnswer({ requestId, srv: '99.9', responseCode: 'E9003', reason: 'unknown SRV', at: AT }).text();
    const m = parseDuisUserMessage(text);
    expect(m).toMatchObject({ kind: 'error', responseCode: 'E9003', srv: null });
    expect(m.requestId).toEqual(requestId);
  });

  it('answers HTTP 400 text when no DUIS answer is possible', async () => {
    const r = notDuisAnswer('no RequestID');
    expect([r.status, r.headers.get('content-type')]).toEqual([400, 'text/plain; charset=utf-8']);
    expect(await r.text()).toBe('not a DUIS request the emulated DCC can answer: no RequestID\n');
  });

  it('keeps comment text printable and free of "--"', () => {
    expect(commentSafe('a---b\u0000c-')).toBe('a- - -b?c- ');
    expect(commentSafe('channels 0\u201326')).toBe('channels 0-26');
  });
});
