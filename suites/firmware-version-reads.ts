// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 11.2 Read Firmware Version as a DUIS user sends it: ECS52 to a mains-powered device (the
 * ESME, or the CHF for the comms hub), GCS38 to the GSME (answered at its next wake). The DCC
 * acknowledges (I99), the response arrives inside its window and decodes to the version octet
 * string the device runs (upper-case hex).
 */
import { expect } from 'vitest';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse } from '../harness/dit/expectations.ts';
import { ecs52 } from '../harness/protocol/gbcs/payload/use-cases/ecs52.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import type { MacStatus } from '../harness/protocol/gbcs/secure-frame.ts';

/** Mains-powered devices answer within a minute. */
const MAINS_WINDOW_MS = 60_000;

/**
 * ECS52 on a mains-powered device. The CHF answers the DCC Access Control Broker, which
 * originated the command: the DCC checks that MAC, and a Service User holds no key to check it,
 * so the user sees it 'uncheckable'; an ESME answers the user, whose MAC must verify.
 */
export async function readFirmwareVersion(duis: DuisClient, eui: string, mac: MacStatus): Promise<string> {
  const exchange = await duis.send('ECS52_11.2', { target: eui });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  const response = await exchange.response({ within: MAINS_WINDOW_MS });
  const fields = expectDeviceResponse(response, ecs52, { from: eui, mac, within: MAINS_WINDOW_MS });
  if (!fields.ok) throw new Error(`ECS52 answered ${fields.result}, expected success`);
  return fields.firmwareVersion;
}

/** GCS38 on the GSME, answered at its next wake: within `windowMs`. */
export async function readGsmeFirmwareVersion(duis: DuisClient, eui: string, windowMs: number): Promise<string> {
  const exchange = await duis.send('GCS38_11.2', { target: eui });
  expect(exchange.code, 'DCC acknowledgement').toBe('I99');
  const fields = expectDeviceResponse(await exchange.response({ within: windowMs }), gcs38, { from: eui, within: windowMs });
  if (fields.firmwareVersion.status !== 'success') throw new Error(`GCS38 answered ${fields.firmwareVersion.status}, expected success`);
  return fields.firmwareVersion.value;
}
