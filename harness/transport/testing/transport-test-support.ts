// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support for the transports' own tests: a DUIS device alert to file, and closing after
 * each test the transports it opened (an open in-process transport blocks the next one).
 */
import { afterEach } from 'vitest';
import { buildDeviceAlert } from '../../protocol/duis/build-response.ts';
import type { Transport } from '../transport.ts';

/** An 8F35 device alert from an ESME to the supplier, as the DCC delivers it. */
export const DEVICE_ALERT_XML = buildDeviceAlert({
  device: '00-DB-12-34-56-78-90-A0',
  recipient: '90-B3-D5-1F-30-01-00-00',
  counter: 3n,
  alertCode: '8F35',
  gbcsPayload: Uint8Array.of(0xdf),
  at: Date.UTC(2024, 0, 1),
});

/** Registers an afterEach that closes every transport passed to the returned function, which returns it. */
export function closeAfterEach(): <T extends Transport>(transport: T) => T {
  const opened: Transport[] = [];
  afterEach(async () => {
    for (const transport of opened.splice(0)) await transport.close();
  });
  return (transport) => {
    opened.push(transport);
    return transport;
  };
}
