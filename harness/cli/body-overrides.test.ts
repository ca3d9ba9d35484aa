// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { applyBodyOverrides, parseBodyOverride } from './body-overrides.ts';
import { UserError } from './user-error.ts';

const BODY = { SetCHFSubGHzConfiguration: { LowerBandSubGHzChannels0To26: { Channel1: '' }, LowerBandSubGHzChannels27To34: '', GSMECurfew: '7' } };

describe('--set PATH=VALUE on a template body', () => {
  it('replaces a value, adds an element on the way, and leaves the template alone', () => {
    const changed = applyBodyOverrides(BODY, [
      parseBodyOverride('SetCHFSubGHzConfiguration/GSMECurfew=8'),
      parseBodyOverride('SetCHFSubGHzConfiguration/LowerBandSubGHzChannels0To26/Channel40='),
      parseBodyOverride('SetCHFSubGHzConfiguration/LowerBandSubGHzChannels27To34/Channel62='),
    ]);
    expect(changed).toEqual({
      SetCHFSubGHzConfiguration: { LowerBandSubGHzChannels0To26: { Channel1: '', Channel40: '' }, LowerBandSubGHzChannels27To34: { Channel62: '' }, GSMECurfew: '8' },
    });
    expect(BODY.SetCHFSubGHzConfiguration.GSMECurfew).toBe('7');
  });

  it('refuses what is not PATH=VALUE, and a path through a value', () => {
    for (const bad of ['GSMECurfew', '=7', 'a//=1', 'x y=1']) expect(() => parseBodyOverride(bad), bad).toThrow(UserError);
    expect(() => applyBodyOverrides(BODY, [parseBodyOverride('SetCHFSubGHzConfiguration/GSMECurfew/Hours=1')])).toThrow(/GSMECurfew holds a value/);
  });

  it('refuses a first element the body does not have (a misspelt request element), naming the body', () => {
    expect(() => applyBodyOverrides(BODY, [parseBodyOverride('SetCHFSubGhzConfiguration/GSMECurfew=8')])).toThrow(
      /has no SetCHFSubGhzConfiguration element; its body is SetCHFSubGHzConfiguration/,
    );
  });
});
