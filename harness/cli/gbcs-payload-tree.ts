// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The generic payload tree of a frame (payload/describe-payload.ts) for `dit gbcs decode` when no
 * typed codec reads the message: the tree itself for --json, and as indented text lines
 * `name = value [hex] (note)`.
 */
import type { GbcsFrame } from '../protocol/gbcs/frame-types.ts';
import { describePayload, type PayloadDescription, type PayloadNode } from '../protocol/gbcs/payload/describe-payload.ts';
import type { PayloadContext } from '../protocol/gbcs/payload/payload-context.ts';

export interface PayloadTree {
  readonly description: PayloadDescription;
  /** The payload carries sealed (inner-encrypted) content (a "Security Header" node). */
  readonly hasSealedContent: boolean;
}

/** Describes the payload; opens sealed content when the context has a cipher. Never throws on malformed bytes. */
export function genericPayloadTree(frame: GbcsFrame, ctx: PayloadContext): PayloadTree {
  const description = describePayload(frame.payload, { messageCode: frame.messageCode, cra: frame.cra, ...(ctx.cipher ? { cipher: ctx.cipher } : {}) });
  return { description, hasSealedContent: description.nodes.some(hasSecurityHeader) };
}

function hasSecurityHeader(node: PayloadNode): boolean {
  return node.name === 'Security Header' || (node.children ?? []).some(hasSecurityHeader);
}

/** Indented text of the tree, one node a line. */
export function payloadTreeLines(description: PayloadDescription, indent = 0): string[] {
  const lines: string[] = [];
  const walk = (node: PayloadNode, depth: number): void => {
    let line = `${' '.repeat(indent + 2 * depth)}${node.name}`;
    if (node.value !== undefined) line += ` = ${node.value === null ? 'null' : node.value === '' ? '(empty)' : String(node.value)}`;
    if (node.hex !== undefined && node.hex !== '' && node.hex !== String(node.value)) line += ` [${node.hex}]`;
    if (node.note !== undefined) line += ` (${node.note})`;
    lines.push(line);
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  // an undecodable payload's only node is the raw payload, which the caller prints anyway
  if (description.error) return [`${' '.repeat(indent)}not decodable: ${description.error.message}`];
  for (const node of description.nodes) walk(node, 0);
  return lines;
}
