// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The soak's firmware update over 868 MHz, as suites/firmware.dit.ts drives one: SRV 11.1 names
 * the GSME's catalogue image (the DCC answers I0); the comms hub sends it to the GSME block by
 * block, paced by the hub's duty-cycle budget, and the GSME sends the firmware distribution
 * receipt 0x8F72 once it holds the image, the CHF CCS08 0x8F8A; SRV 11.3 (CS06, critical)
 * activates it at the GSME's next wake — the response reports success and the new version — the
 * GSME then reports 0x8F43 (executing firmware changed) and SRV 11.2 (GCS38) reads the new
 * version back. The reads go on meanwhile.
 */
import { cs06 } from '../protocol/gbcs/payload/use-cases/cs06.ts';
import { gcs38 } from '../protocol/gbcs/payload/use-cases/gcs38.ts';
import type { SoakContext } from './soak-session.ts';
import type { SoakDevices } from './soak-devices.ts';

const SCENARIO = 'firmware-update';
const MINUTE = 60_000;
/**
 * [P] The image's window: a 512 KiB image takes about an hour of the hub's duty-cycle budget on
 * 868 MHz (README, firmware over the air) and starts at the GSME's next wake; `dit soak` allows
 * four hours (suites/firmware.dit.ts checks the transfer time itself).
 */
const TRANSFER_WINDOW_MS = 4 * 60 * MINUTE;
/** Alerts leave a device within seconds of their event; 0x8F43 after its restart. */
const ALERT_WINDOW_MS = 2 * MINUTE;

export interface FirmwareUpdateOutcome {
  readonly releaseId: string;
  readonly versionOctets: string;
  readonly sizeBytes: number;
  readonly acceptedAt: number | null;
  /** When 0x8F72 arrived: the GSME held the image. */
  readonly receivedAt: number | null;
  /** When 0x8F43 arrived: the GSME runs it. */
  readonly activatedAt: number | null;
  /** The version 11.2 read afterwards (hex), null when not read. */
  readonly readBack: string | null;
}

export async function soakFirmwareUpdate(soak: SoakContext, devices: SoakDevices): Promise<FirmwareUpdateOutcome> {
  const { gsme, chf, wakeMs, gsmeImage: image } = devices;
  const outcome: FirmwareUpdateOutcome = {
    releaseId: image.releaseId,
    versionOctets: image.versionOctets,
    sizeBytes: image.sizeBytes,
    acceptedAt: null,
    receivedAt: null,
    activatedAt: null,
    readBack: null,
  };
  soak.step(SCENARIO, `11.1 ${image.releaseId} (${image.sizeBytes} bytes) to the GSME over 868 MHz`);
  const update = await soak.sendRequest('11.1', { target: gsme, body: { UpdateFirmware: { FirmwareVersion: image.versionOctets } } });
  if (!update) return outcome;
  const acceptedAt = update.sentAt;
  const receipt = await soak.alert('8F72', gsme, { within: TRANSFER_WINDOW_MS, after: '11.1', since: acceptedAt });
  if (!receipt) return { ...outcome, acceptedAt };
  await soak.alert('8F8A', chf, { within: ALERT_WINDOW_MS, after: 'the GSME’s 0x8F72', since: acceptedAt });
  soak.step(SCENARIO, `image held after ${((receipt.at - acceptedAt) / MINUTE).toFixed(1)} min; 11.3 to activate it`);

  const done = { ...outcome, acceptedAt, receivedAt: receipt.at };
  const window = wakeMs + MINUTE;
  const activation = await soak.sendCritical('CS06_11.3_IMMEDIATE', { target: gsme, body: { ActivateFirmware: { FirmwareHash: image.imageHash } }, within: window });
  const response = activation && (await soak.response(activation));
  const activated = response && soak.decode(response, cs06, gsme);
  if (!activation || !activated) return done;
  if (activated.kind !== 'outcome' || activated.result !== 'success' || activated.firmwareVersion !== image.versionOctets) {
    soak.finding(`CS06 from ${gsme}: ${activated.kind === 'outcome' ? `${activated.result}, running ${activated.firmwareVersion}` : 'accepted for later'}, expected success running ${image.versionOctets}`);
  }
  const changed = await soak.alert('8F43', gsme, { within: ALERT_WINDOW_MS, after: 'the CS06 response', since: activation.sentAt });

  const read = await soak.send('GCS38_11.2', { target: gsme, within: window });
  const version = read && (await soak.response(read));
  const fields = version && soak.decode(version, gcs38, gsme);
  const readBack = fields?.firmwareVersion.status === 'success' ? fields.firmwareVersion.value : null;
  if (fields && readBack !== image.versionOctets) soak.finding(`GCS38 from ${gsme} reads ${readBack ?? fields.firmwareVersion.status}, expected the new version ${image.versionOctets}`);
  if (readBack) soak.step(SCENARIO, `11.2 reads ${readBack}`);
  return { ...done, activatedAt: changed?.at ?? null, readBack };
}
