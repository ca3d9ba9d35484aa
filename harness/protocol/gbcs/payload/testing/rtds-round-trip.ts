// SPDX-License-Identifier: GPL-3.0-or-later
/** Test support: an RTDS command and response (or alert) through a use-case codec, byte-exact both ways. */
import { expect } from 'vitest';
import { bytesToHex } from '../../hex.ts';
import type { AlertCodec, UseCaseCodec } from '../use-cases/use-case-codec.ts';
import { rtdsPayload } from './rtds-payloads.ts';

/**
 * Decodes the RTDS messages `<stem>_COMMAND` and `<stem>_RESPONSE` of `folder` and checks that
 * each one's fields encode to the same payload bytes again; returns the fields.
 */
export function expectRtdsRoundTrip<C, R>(codec: UseCaseCodec<C, R>, folder: string, stem: string): { readonly command: C; readonly response: R } {
  const cmd = rtdsPayload(folder, `${stem}_COMMAND`);
  const command = codec.decodeCommand(cmd.payload, cmd);
  expect(bytesToHex(codec.encodeCommand(command, cmd))).toBe(bytesToHex(cmd.payload));
  const rsp = rtdsPayload(folder, `${stem}_RESPONSE`);
  const response = codec.decodeResponse(rsp.payload, rsp);
  expect(bytesToHex(codec.encodeResponse(response, rsp))).toBe(bytesToHex(rsp.payload));
  return { command, response };
}

/**
 * Decodes the RTDS alert `name` of `folder`, checks that it carries the codec's message code and
 * that its fields encode to the same payload bytes again; returns the fields.
 */
export function expectRtdsAlertRoundTrip<A>(codec: AlertCodec<A>, folder: string, name: string): A {
  const m = rtdsPayload(folder, name);
  expect(m.header.messageCode).toBe(codec.messageCode);
  const fields = codec.decodeAlert(m.payload, m);
  expect(bytesToHex(codec.encodeAlert(fields, m))).toBe(bytesToHex(m.payload));
  return fields;
}
