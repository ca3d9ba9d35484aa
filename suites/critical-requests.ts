// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A critical service request as a DUIS user sends it and what it checks on the way: command
 * variant 4 to /serviceT answered synchronously I0 with the pre-command, the user's signature on
 * it (GBCS general signing), the signed pre-command sent as command variant 5 to /serviceS and
 * acknowledged I99. The device's response follows on the returned exchange.
 */
import { expect } from 'vitest';
import type { DuisClient, DuisExchange, SendCriticalOptions } from '../harness/dit/duis-client.ts';

/** Sends `template` through the critical flow; returns the CV 5 exchange. */
export async function sendCriticalRequest(duis: DuisClient, template: string, options: SendCriticalOptions): Promise<DuisExchange> {
  const { preCommand, signed } = await duis.criticalExchanges(template, options);
  expect(preCommand.code, 'CV 4 answered synchronously with the pre-command').toBe('I0');
  expect(preCommand.request.servicePath, 'CV 4 goes to the transform service').toBe('/api/v1/serviceT');
  if (!signed) throw new Error('no signed pre-command was sent');
  expect(signed.request.commandVariant, 'the signed pre-command goes as CV 5').toBe(5);
  expect(signed.request.servicePath, 'CV 5 goes to the command service').toBe('/api/v1/serviceS');
  expect(signed.code, 'DCC acknowledgement of the signed pre-command').toBe('I99');
  return signed;
}
