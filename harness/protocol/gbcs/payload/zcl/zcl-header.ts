// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ZCL frame header: frame control (bits 0..1 frame type 0 global / 1 cluster specific,
 * bit 2 manufacturer specific, bit 3 direction 1 = server to client, bit 4 disable default
 * response, bits 5..7 reserved), manufacturer code (2, LE, only when bit 2 is set), transaction
 * sequence number, command id. RTDS: commands 00 00 00 (global Read Attributes), responses
 * 08 00 01 / 18 00 01 (global, server to client, [disable default response], Read Attributes Response).
 */
import type { PayloadReader } from '../payload-reader.ts';
import type { PayloadWriter } from '../payload-writer.ts';
import { PayloadEncodeError } from '../payload-errors.ts';

export interface ZclFrameControl {
  readonly frameType: 'global' | 'cluster';
  readonly direction: 'client-to-server' | 'server-to-client';
  readonly disableDefaultResponse: boolean;
}

export interface ZclHeader {
  readonly frameControl: ZclFrameControl;
  /** Present only for manufacturer-specific commands. */
  readonly manufacturerCode: number | null;
  readonly sequenceNumber: number;
  readonly commandId: number;
}

export const ZCL_GLOBAL_COMMAND = { readAttributes: 0x00, readAttributesResponse: 0x01, defaultResponse: 0x0b } as const;

export function readZclHeader(r: PayloadReader, field: string): ZclHeader {
  const at = r.offset;
  const fc = r.u8(`${field}.frame-control`);
  const type = fc & 0x03;
  if (type > 1) r.fail(`${field}.frame-control`, 'frame type 0 (global) or 1 (cluster specific)', `0x${fc.toString(16).padStart(2, '0')}`, at);
  if (fc & 0xe0) r.fail(`${field}.frame-control`, 'reserved bits 5..7 clear', `0x${fc.toString(16).padStart(2, '0')}`, at);
  const manufacturerCode = fc & 0x04 ? r.uintLe(2, `${field}.manufacturer-code`) : null;
  const sequenceNumber = r.u8(`${field}.sequence-number`);
  const commandId = r.u8(`${field}.command-id`);
  return {
    frameControl: {
      frameType: type === 0 ? 'global' : 'cluster',
      direction: fc & 0x08 ? 'server-to-client' : 'client-to-server',
      disableDefaultResponse: (fc & 0x10) !== 0,
    },
    manufacturerCode,
    sequenceNumber,
    commandId,
  };
}

export function writeZclHeader(w: PayloadWriter, h: ZclHeader, field: string): void {
  const { frameType, direction, disableDefaultResponse } = h.frameControl;
  if (frameType !== 'global' && frameType !== 'cluster') throw new PayloadEncodeError(`${field}.frame-type`, 'global or cluster', String(frameType));
  if (direction !== 'client-to-server' && direction !== 'server-to-client') {
    throw new PayloadEncodeError(`${field}.direction`, 'client-to-server or server-to-client', String(direction));
  }
  const fc =
    (frameType === 'cluster' ? 0x01 : 0) |
    (h.manufacturerCode !== null ? 0x04 : 0) |
    (direction === 'server-to-client' ? 0x08 : 0) |
    (disableDefaultResponse ? 0x10 : 0);
  w.u8(fc, `${field}.frame-control`);
  if (h.manufacturerCode !== null) w.uintLe(h.manufacturerCode, 2, `${field}.manufacturer-code`);
  w.u8(h.sequenceNumber, `${field}.sequence-number`);
  w.u8(h.commandId, `${field}.command-id`);
}

/** Header of a global command sent by the client (the DCC side), e.g. Read Attributes. */
export function globalRequestHeader(commandId: number, sequenceNumber: number): ZclHeader {
  return {
    frameControl: { frameType: 'global', direction: 'client-to-server', disableDefaultResponse: false },
    manufacturerCode: null,
    sequenceNumber,
    commandId,
  };
}

/** Header of a global response sent by the server (the meter / GPF). */
export function globalResponseHeader(commandId: number, sequenceNumber: number, disableDefaultResponse: boolean): ZclHeader {
  return {
    frameControl: { frameType: 'global', direction: 'server-to-client', disableDefaultResponse },
    manufacturerCode: null,
    sequenceNumber,
    commandId,
  };
}
