// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { assignDefectIds, DEFECT_ID_PATTERN, defectIdOf } from './defect-id.ts';

describe('defect ids', () => {
  it('are DEF- and 8 hex digits of the signature hash, stable', () => {
    const id = defectIdOf('9c0e5b1f2a7d4e11');
    expect(id).toMatch(/^DEF-[0-9a-f]{8}$/);
    expect(id).toMatch(DEFECT_ID_PATTERN);
    expect(defectIdOf('9c0e5b1f2a7d4e11')).toBe(id);
    expect(defectIdOf('9c0e5b1f2a7d4e12')).not.toBe(id);
    // sha256("abc") starts ba7816bf
    expect(defectIdOf('abc')).toBe('DEF-ba7816bf');
  });

  it('lengthen to 16 digits only where two short ids collide', () => {
    // sig-723 and sig-7407: SHA-256 of both starts 38f6c1ae
    expect(defectIdOf('sig-723')).toBe(defectIdOf('sig-7407'));
    const ids = assignDefectIds(['sig-723', 'b', 'sig-7407', 'b']);
    expect(ids.size).toBe(3);
    expect(ids.get('b')).toBe(defectIdOf('b'));
    expect(ids.get('sig-723')).toMatch(/^DEF-38f6c1ae[0-9a-f]{8}$/);
    expect(ids.get('sig-7407')).toMatch(/^DEF-38f6c1ae[0-9a-f]{8}$/);
    expect(ids.get('sig-723')).not.toBe(ids.get('sig-7407'));
    expect(ids.get('sig-723')).toMatch(DEFECT_ID_PATTERN);
  });
});
