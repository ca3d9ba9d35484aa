// SPDX-License-Identifier: GPL-3.0-or-later
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSoakTraceFile, soakTraceLine, SoakTraceFileError } from './soak-trace.ts';

const AT = Date.parse('2019-04-12T09:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the soak trace', () => {
  it('writes one JSON object a line: world time, direction, event, then what it is about, in a fixed order', () => {
    expect(soakTraceLine({ kind: 'request', at: AT, srv: '4.1.1', useCase: 'ECS17b', commandVariant: 1, requestId: 'R', target: '00DB1234567890A0' })).toBe(
      '{"t":"2019-04-12T09:00:00.000Z","dir":"user→dcc","event":"request","srv":"4.1.1","useCase":"ECS17b","commandVariant":1,"requestId":"R","target":"00DB1234567890A0"}',
    );
    expect(soakTraceLine({ kind: 'device-alert', at: AT + 1, alert: '8F26', useCase: 'DBCH07', code: 'I0', from: '00DB1234567890A2', mac: 'uncheckable', signature: 'absent' })).toBe(
      '{"t":"2019-04-12T09:00:00.001Z","dir":"dcc→user","event":"device-alert","alert":"8F26","useCase":"DBCH07","code":"I0","from":"00DB1234567890A2","mac":"uncheckable","signature":"absent"}',
    );
    expect(soakTraceLine({ kind: 'bench', at: AT, action: 'interfere', channel: { page: 28, channel: 0 }, levelDbm: -60 })).toBe(
      '{"t":"2019-04-12T09:00:00.000Z","dir":"bench","event":"interfere","channel":{"page":28,"channel":0},"levelDbm":-60}',
    );
    expect(soakTraceLine({ kind: 'finding', at: AT, text: 'no alert 8F43' })).toBe('{"t":"2019-04-12T09:00:00.000Z","dir":"soak","event":"finding","text":"no alert 8F43"}');
  });

  it('creates the folder of the trace file, and refuses a path it cannot write with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soak-trace-'));
    dirs.push(dir);
    const file = join(dir, 'a', 'b', 'trace.jsonl');
    const sink = openSoakTraceFile(file);
    sink.write({ kind: 'step', at: AT, scenario: 'outage', text: 'off' });
    sink.close();
    expect(readFileSync(file, 'utf8')).toBe('{"t":"2019-04-12T09:00:00.000Z","dir":"soak","event":"step","scenario":"outage","text":"off"}\n');
    expect(() => openSoakTraceFile(dir)).toThrow(SoakTraceFileError);
    expect(() => openSoakTraceFile(join(file, 'x.jsonl'))).toThrow(/--trace .*x\.jsonl: cannot write the trace there \(ENOTDIR/);
  });
});
