// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GBCS message codes (the first two bytes of other-information) as data: message-codes.json,
 * built from the RTDS 4.5.0 messages (each use case's messages carry its code) and the GBCS
 * use-case titles. `useCase` null marks an alert that belongs to no single use case (the
 * future-dated execution alerts); `aliases` are other labels for the same message, such as the
 * RTDS folder variants `CS04ACCritical` or `ECS70Commission`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type MessageScope = 'remote-party' | 'han-only';

export interface MessageCodeInfo {
  readonly code: number;
  /** GBCS use case id, e.g. "ECS17b"; null for alerts that belong to no single use case. */
  readonly useCase: string | null;
  /** Short description (GBCS use-case title). */
  readonly name: string;
  readonly aliases: readonly string[];
  /** 'han-only': a HAN message between devices (e.g. PPMID → GSME), never carrying remote-party keys. */
  readonly scope: MessageScope;
}

const TABLE_FILE = new URL('./message-codes.json', import.meta.url);

const tableSchema = z.object({
  codes: z.record(
    z.string().regex(/^0x[0-9A-F]{4}$/, 'keys are message codes written 0xHHHH'),
    z.strictObject({
      useCase: z.string().min(1).nullable(),
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).optional(),
      scope: z.enum(['remote-party', 'han-only']).optional(),
    }),
  ),
});

function loadTable(): ReadonlyMap<number, MessageCodeInfo> {
  const parsed = tableSchema.safeParse(JSON.parse(readFileSync(TABLE_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`invalid ${TABLE_FILE.pathname}:\n${z.prettifyError(parsed.error)}`);
  const table = new Map<number, MessageCodeInfo>();
  for (const [key, entry] of Object.entries(parsed.data.codes)) {
    const code = Number.parseInt(key.slice(2), 16);
    table.set(code, { code, useCase: entry.useCase, name: entry.name, aliases: entry.aliases ?? [], scope: entry.scope ?? 'remote-party' });
  }
  return table;
}

const TABLE = loadTable();

/** `0x0027`. */
export function formatMessageCode(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function messageCodeInfo(code: number): MessageCodeInfo | undefined {
  return TABLE.get(code);
}

/** Every known code, ascending. */
export function allMessageCodes(): readonly MessageCodeInfo[] {
  return [...TABLE.values()].sort((a, b) => a.code - b.code);
}

/** True when `label` (a use case id or alias) names the message with this code. */
export function messageCodeMatchesUseCase(code: number, label: string): boolean {
  const info = TABLE.get(code);
  return info !== undefined && (info.useCase === label || info.aliases.includes(label));
}

/** Codes whose use case or aliases include `label`. */
export function messageCodesForUseCase(label: string): MessageCodeInfo[] {
  return allMessageCodes().filter((info) => info.useCase === label || info.aliases.includes(label));
}

/** `0x0027 ECS17b Read Import Energy / Consumption Registers`, or `0x9999 (unknown message code)`. */
export function describeMessageCode(code: number): string {
  const info = TABLE.get(code);
  if (!info) return `${formatMessageCode(code)} (unknown message code)`;
  return `${formatMessageCode(code)} ${info.useCase ?? '-'} ${info.name}`;
}
