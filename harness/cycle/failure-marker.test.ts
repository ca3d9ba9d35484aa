// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { failureFrom } from './failure.ts';
import { markFailure, stripMarker } from './failure-marker.ts';

const wrongVersion = "firmware version the GSME reports: expected '312E302E39' to be '312E322E30'";

describe('failure markers', () => {
  it('marks a failure the ledger knows with its defect, and leaves a new one unmarked', () => {
    const known = [{ id: 'DEF-12345678', signature: failureFrom('FW-READ-GSME', [wrongVersion]).signature, state: 'verified', intermittent: false }];
    const marked = markFailure('FW-READ-GSME', wrongVersion, known);
    expect(marked.defect?.id).toBe('DEF-12345678');
    expect(marked.prefix).toBe('[known defect DEF-12345678 (verified)] ');
    expect(markFailure('FW-READ-GSME', 'MAC: expected invalid to be valid', known)).toEqual({ prefix: '', defect: null });
  });

  it('marks environment failures and harness errors, never as product defects', () => {
    expect(markFailure('X', 'the DCC answered HTTP 503', []).prefix).toBe('[environment failure] ');
    expect(markFailure('X', "TypeError: cannot read properties of undefined (reading 'registers')", []).prefix).toBe('[harness error] ');
  });

  it('strips a marker so the failure keeps its identity', () => {
    expect(stripMarker(`[known defect DEF-12345678 (verified)] ${wrongVersion}`)).toBe(wrongVersion);
    expect(stripMarker('[environment failure] HTTP 503')).toBe('HTTP 503');
    expect(stripMarker(wrongVersion)).toBe(wrongVersion);
  });
});
