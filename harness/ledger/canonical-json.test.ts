// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { canonicalJson, JsonShapeError, parseJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so equal values have equal text', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
    expect(b).toBe(a);
    expect(parseJson(a)).toEqual({ a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 });
  });

  it('leaves out properties that are undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, gbcs: undefined })).toBe('{"a":1}');
  });

  it('accepts objects without a prototype and strings that need escaping', () => {
    const bare = Object.assign(Object.create(null) as object, { q: 'a"\n' });
    expect(canonicalJson(bare)).toBe('{"q":"a\\"\\n"}');
  });

  it.each([
    [{ a: { n: Number.NaN } }, 'a.n', 'finite number'],
    [{ a: [1, undefined] }, 'a[1]', 'got undefined'],
    [{ big: 1n }, 'big', 'got bigint'],
    [{ when: new Date(0) }, 'when', 'got Date'],
    [{ bytes: new Uint8Array(2) }, 'bytes', 'bytes to hex'],
    [{ f: () => 1 }, 'f', 'got function'],
    [undefined, '', 'got undefined'],
  ])('refuses %o at %s', (value, path, expected) => {
    let error: unknown;
    try {
      canonicalJson(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonShapeError);
    expect((error as JsonShapeError).path).toBe(path);
    expect((error as JsonShapeError).message).toContain(expected);
  });

  it('refuses cycles but accepts shared (non-cyclic) references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/self: expected JSON, got a cycle/);
  });

  it('prefixes paths with the given root', () => {
    expect(() => canonicalJson({ x: Infinity }, 'options')).toThrow(/^options\.x: expected a finite number/);
  });
});
