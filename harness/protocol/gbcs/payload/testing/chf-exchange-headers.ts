// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: grouping headers of messages to and from the CHF as RTDS shapes them — commands
 * from the DCC Access Control Broker on behalf of the supplier (supplementary remote party id and
 * counter), responses back to the ACB, alerts from the CHF to the ACB — for payload codec tests
 * that build their own payloads.
 */
import type { GbcsHeader } from '../../frame-types.ts';
import { ACB, CHF, SUPPLIER } from './payloads-md-fixtures.ts';

export interface HeaderContext {
  readonly header: GbcsHeader;
}

function ctx(cra: 1 | 2 | 3, counter: bigint, originator: string, recipient: string, messageCode: number, supplementary: GbcsHeader['supplementary']): HeaderContext {
  return { header: { cra, counter, originator, recipient, dateTime: null, messageCode, supplementary } };
}

/** A command from the ACB to the CHF (remote party: the supplier, its counter `remoteCounter`). */
export function chfCommand(messageCode: number, counter: bigint, remoteCounter = 1000n): HeaderContext {
  return ctx(1, counter, ACB, CHF, messageCode, { remotePartyId: SUPPLIER, remotePartyCounter: remoteCounter });
}

/** The CHF's response to {@link chfCommand} with the same counters. */
export function chfResponse(messageCode: number, counter: bigint, remoteCounter = 1000n): HeaderContext {
  return ctx(2, counter, CHF, ACB, messageCode, { remotePartyId: SUPPLIER, remotePartyCounter: remoteCounter });
}

/** An alert from the CHF to the ACB. */
export function chfAlert(messageCode: number, counter: bigint): HeaderContext {
  return ctx(3, counter, CHF, ACB, messageCode, null);
}
