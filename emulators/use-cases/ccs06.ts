// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * CCS06 on the emulated CHF: read the CHF Device Log with, per device, its link signal and when
 * the CHF last heard from it. Protection as RTDS CCS06_8.9_SUCCESS_RESPONSE: MAC, no signature,
 * no header date-time, the command's supplementary remote party carried back.
 *
 * Per entry, in Device Log order [P unless noted]:
 * - signal (RSSI max / average / min, LQI min / max): radio/link-signal.ts, from the premises'
 *   seed and the link (hub, device, band) — the same on every read; a device the premises does
 *   not hold (restored by CCS03, e.g. an IHD) is taken to be on 2.4 GHz;
 * - band code: CCS06_BAND_CODE of the device's band;
 * - last communication: a sleepy GSME's last wake (not before it joined); a mains-powered device
 *   that is joined, powered and linked with the hub powered: now (a ZigBee router is heard every
 *   few seconds); otherwise when it joined; "not specified" for an entry that never joined;
 * - status bits and the five trailing counters: the RTDS values (their meaning is not public).
 * Refused (a firmware fault): the get result read-write-denied (or the result the fault names).
 */
import { COSEM_DATE_TIME_NOT_SPECIFIED, cosemDateTimeFromDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { DataAccessResults } from '../../harness/protocol/gbcs/payload/dlms/dlms-results.ts';
import { ccs06, CCS06_BAND_CODE, type Ccs06Response, type ChfDeviceLogLink } from '../../harness/protocol/gbcs/payload/use-cases/ccs06.ts';
import type { DeviceLogEntry } from '../comms-hub/device-log.ts';
import type { HanBand } from '../device.ts';
import { Gsme } from '../meters/gsme.ts';
import type { Premises } from '../premises.ts';
import { seededLinkSignal } from '../radio/link-signal.ts';
import { emulateUseCase, failureNames } from './emulated-use-case.ts';

/** RTDS status bits and trailing counters of both entries [V: RTDS; meaning P]. */
const STATUS_BITS = '11001000';
const LINK_COUNTERS = [1, 0, 100, 1, 1] as const;
/** [P] The band of a Device Log entry the premises holds no device for. */
const UNKNOWN_DEVICE_BAND: HanBand = '2.4GHz';

function lastHeardAt(entry: DeviceLogEntry, premises: Premises): number | null {
  if (entry.joinedAt === null) return null;
  const device = premises.device(entry.eui);
  if (device instanceof Gsme) return Math.max(entry.joinedAt, device.lastWakeAt ?? entry.joinedAt);
  if (device && entry.state === 'joined' && device.reachable && premises.commsHub.powered) return premises.clock.now();
  return entry.joinedAt;
}

function linkOf(entry: DeviceLogEntry, premises: Premises): ChfDeviceLogLink {
  const band = premises.device(entry.eui)?.band ?? UNKNOWN_DEVICE_BAND;
  const heard = lastHeardAt(entry, premises);
  return {
    deviceId: entry.eui,
    statusBits: STATUS_BITS,
    ...seededLinkSignal(premises.seed, { hub: premises.chf.eui, device: entry.eui, band }),
    band: band === '868MHz' ? CCS06_BAND_CODE.subGhz : CCS06_BAND_CODE.band24GHz,
    lastCommunicationAt: heard === null ? COSEM_DATE_TIME_NOT_SPECIFIED : cosemDateTimeFromDate(new Date(heard)),
    linkCounters: LINK_COUNTERS,
  };
}

export const ccs06OnChf = emulateUseCase(ccs06, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: failureNames(DataAccessResults.entries, 'read-write-denied'),
  refuse: (_command, result) => ({ ok: false, result }) as Ccs06Response,

  respond(_command, { premises }): Ccs06Response {
    return { ok: true, devices: premises.chf.deviceLog.entries().map((e) => linkOf(e, premises)) };
  },
});
