// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { USE_CASE_CODECS } from '../registry.ts';
import { NO_FIELDS } from './use-case-codec.ts';

describe('use-case codec interface', () => {
  it('every registered codec names its use case, SRV, message code and payload family', () => {
    for (const c of USE_CASE_CODECS) {
      // GNCA: GBCS generic alert use cases carry no number; CS03A1: a variant letter and number
      expect(c.name).toMatch(/^[A-Z]+(\d+([a-z]|[A-Z]{1,2}\d?)?)?$/);
      expect(c.title.length).toBeGreaterThan(5);
      expect(['dlms', 'gbz', 'der']).toContain(c.payloadKind);
      expect(c.messageCode).toBeGreaterThan(0);
      if (c.kind === 'alert') expect(c.alertCode).toBeGreaterThan(0x8000);
      else expect(c.srv).toMatch(/^\d+(\.\d+)+$/);
    }
  });

  it('has one frozen empty command', () => {
    expect(NO_FIELDS).toEqual({});
    expect(Object.isFrozen(NO_FIELDS)).toBe(true);
  });
});
