// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Sharding by plan item, never by file: items sorted by id are dealt round-robin, so shards
 * differ in size by at most one and no shard is empty while items remain for it.
 */
import type { PlanItem } from './plan-item.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new ShardError(`--shard "${text}" is not i/n (e.g. 1/4)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new ShardError(`--shard "${text}": i must be 1..n and n ≥ 1`);
  return { index, count };
}

export function selectShard<T extends Pick<PlanItem, 'id'>>(items: readonly T[], shard: Shard): T[] {
  if (shard.count > items.length && items.length > 0) {
    throw new ShardError(`--shard ${shard.index}/${shard.count}: the plan has only ${items.length} item(s); use at most ${items.length} shards so none is empty`);
  }
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
