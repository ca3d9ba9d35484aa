// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Reading the content of DCC alerts a user receives (the DCCAlert element of a DCCAlertMessage)
 * into typed fields. AD1 (power outage at the comms hub) is read with the element names
 * powerOutageAlertContent() writes (build-response.ts, where the [P] on those names lives).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { duisEuiToHex } from './eui.ts';

export interface PowerOutageAlert {
  /** Comms hub id, 16 hex digits. */
  readonly commsHubId: string;
  /** When the outage started, epoch ms. */
  readonly startedAt: number;
  readonly mpxns: readonly string[];
}

function text(value: unknown, element: string): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  throw new Error(`AD1 content: ${element} is missing or not text`);
}

/** The AD1 content as typed fields; an Error naming the element when it is not AD1's shape. */
export function readPowerOutageAlert(content: XMLData): PowerOutageAlert {
  const event = content['PowerOutageEvent'];
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new Error('AD1 content: no PowerOutageEvent element');
  const e = event as XMLData;
  const started = Date.parse(text(e['PowerOutageStartDateTime'], 'PowerOutageStartDateTime'));
  if (Number.isNaN(started)) throw new Error('AD1 content: PowerOutageStartDateTime is not a date-time');
  const raw = e['MPxN'];
  const list: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return {
    commsHubId: duisEuiToHex(text(e['CommsHubID'], 'CommsHubID')),
    startedAt: started,
    mpxns: list.map((m, i) => text(m, `MPxN[${i}]`)),
  };
}
