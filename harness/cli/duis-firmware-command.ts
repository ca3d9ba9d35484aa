// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit duis update-firmware --device D --firmware V`: SRV 11.1 Update Firmware from the CLI, which
 * has no DUIS template to send (the RTDS template set has none for 11.1). Sends the request to an
 * emulated premises, prints the DCC's answer (a version not in the firmware catalogue, or one for
 * another model, is refused there, with the reason) and, when it is accepted, waits in virtual
 * time for the device's firmware distribution receipt (alert 8F72) and prints when it came.
 * Activation (11.3) stays a separate, critical request, as in DUIS.
 */
import type { DuisDeviceAlertMessage } from '../protocol/duis/message.ts';
import type { TargetKind } from '../dit/run-config.ts';
import { isEui64, normalizeEui } from '../protocol/gbcs/eui.ts';
import type { PremisesSpec } from '../programme/premises-spec.ts';
import { versionOctetsOf } from '../programme/firmware-catalogue.ts';
import { codeText, dccNote } from './duis-answer-text.ts';
import { toJson } from './json-output.ts';
import { checkWorldTargetOptions, withWorldTarget, worldPremises } from './world-target.ts';
import { EXIT, UserError } from './user-error.ts';

export interface DuisFirmwareOptions {
  device: string;
  firmware: string;
  target: TargetKind;
  url?: string;
  seed: string;
  premises: string;
  json?: boolean;
}

/** The firmware distribution receipt alert a device sends once it holds the image [V: GBCS]. */
const RECEIPT_ALERT = '8F72';
/** An 868 MHz transfer paced by the hub's duty-cycle budget takes about an hour; allow a day. */
const RECEIPT_WINDOW_MS = 24 * 60 * 60_000;

/** The device's EUI: an EUI-64 of the premises, or its type (ESME, GSME, CHF). */
export function deviceEuiOf(premises: PremisesSpec, device: string): string {
  const byType: Record<string, string | undefined> = {
    CHF: premises.commsHub.chf,
    ...Object.fromEntries(premises.meters.map((m) => [m.type, m.eui])),
  };
  const wanted = device.toUpperCase();
  const eui = byType[wanted] ?? (isEui64(device) ? normalizeEui(device) : undefined);
  const known = new Set([premises.commsHub.chf, ...premises.meters.map((m) => m.eui)].map((e) => normalizeEui(e)));
  if (eui === undefined || !known.has(normalizeEui(eui))) {
    throw new UserError(`--device ${JSON.stringify(device)}: expected ${Object.keys(byType).join(', ')} or the EUI-64 of one of the premises' devices (${[...known].join(', ')})`);
  }
  return normalizeEui(eui);
}

/** The version octets: `hex:0102…` as given, else the release version's ASCII bytes (as the catalogue names images). */
export function versionOctetsFrom(version: string): string {
  if (version.startsWith('hex:')) {
    const hex = version.slice(4);
    if (!/^([0-9A-Fa-f]{2}){1,32}$/.test(hex)) throw new UserError(`--firmware ${version}: expected hex: followed by 1 to 32 bytes in hex`);
    return hex.toUpperCase();
  }
  if (version.trim() === '') throw new UserError('--firmware: expected a release version such as 2.1.0, or hex:OCTETS');
  return versionOctetsOf(version);
}

export async function duisFirmwareCommand(opts: DuisFirmwareOptions): Promise<number> {
  checkWorldTargetOptions(opts);
  const loaded = worldPremises(opts);
  const eui = deviceEuiOf(loaded.premises, opts.device);
  const versionOctets = versionOctetsFrom(opts.firmware);
  return withWorldTarget(
    opts,
    'duis-update-firmware',
    async (target, url) => {
      const exchange = await target.duis.sendRequest('11.1', { target: eui, body: { UpdateFirmware: { FirmwareVersion: versionOctets } } });
      const answer = { responseCode: exchange.code, meaning: codeText(exchange.code), reason: dccNote(exchange.reply.body), requestId: exchange.request.requestIdText };
      let receipt: { alertCode: string; afterMs: number } | null = null;
      let waitError: string | null = null;
      if (exchange.code === 'I0') {
        const sentAt = target.duis.now();
        try {
          const alert = (await target.duis.transport.inbox.awaitAlert({ kind: 'device-alert', alertCode: RECEIPT_ALERT, from: eui }, { within: RECEIPT_WINDOW_MS })) as DuisDeviceAlertMessage;
          receipt = { alertCode: alert.alertCode ?? RECEIPT_ALERT, afterMs: target.duis.now() - sentAt };
        } catch (e) {
          waitError = (e as Error).message;
        }
      }
      if (opts.json) {
        process.stdout.write(`${toJson({ device: eui, versionOctets, target: opts.target, answer, receipt, error: waitError })}\n`);
      } else {
        process.stdout.write(`11.1 Update Firmware ${versionOctets} → ${eui} (${opts.target}${url ? ` ${url}` : ''})\n`);
        process.stdout.write(`DCC: ${answer.meaning}${answer.reason ? ` — ${answer.reason}` : ''}\n`);
        if (receipt) process.stdout.write(`the device holds the image: alert ${receipt.alertCode} after ${(receipt.afterMs / 60_000).toFixed(1)} min (virtual); activate it with 11.3\n`);
        if (waitError) process.stdout.write(`no receipt: ${waitError}\n`);
      }
      return receipt ? EXIT.ok : EXIT.failed;
    },
    loaded,
  );
}
