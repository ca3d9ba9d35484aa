// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, ShardError } from './shard.ts';

const items = Array.from({ length: 7 }, (_, i) => ({ id: `PI-${String(i).padStart(3, '0')}` }));

describe('sharding by plan item', () => {
  it('deals every item to exactly one shard, sizes differing by at most one', () => {
    const shards = [1, 2, 3].map((index) => selectShard(items, { index, count: 3 }));
    expect(shards.map((s) => s.length)).toEqual([3, 2, 2]);
    expect(shards.flat().map((i) => i.id).sort()).toEqual(items.map((i) => i.id));
  });

  it('does not depend on the order the plan arrives in', () => {
    expect(selectShard([...items].reverse(), { index: 2, count: 3 })).toEqual(selectShard(items, { index: 2, count: 3 }));
  });

  it('refuses more shards than items, and malformed shards', () => {
    expect(() => selectShard(items.slice(0, 2), { index: 1, count: 3 })).toThrow(ShardError);
    expect(() => parseShard('0/2')).toThrow(/i must be 1..n/);
    expect(() => parseShard('two')).toThrow(/not i\/n/);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});
