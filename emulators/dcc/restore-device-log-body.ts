// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * SRV 8.12 Restore HAN Device Log (8.12.1) and Restore GPF Device Log (8.12.2), as the DCC reads
 * them to build CCS03 and GCS59 [V: RTDS templates CCS03_8.12.1, GCS59_8.12.2]:
 *
 *   8.12.1 <RestoreHANDeviceLog><OldCHFID>00-DB-12-34-56-78-90-95</OldCHFID></…>  to the (new) CHF
 *     → CCS03 { log identifier, devices with key material } from the DCC's record of the old hub
 *   8.12.2 <RestoreGPFDeviceLog><OldGPFID>00-DB-12-34-56-78-90-B3</OldGPFID></…>  to the (new) GPF
 *     → GCS59 { devices with their GBCS device types } from the DCC's record of the old hub
 *
 * The record is the last CCS07 the old hub's CHF answered (device-log-records.ts); the old hub
 * may be the target's own (a log restored onto the hub it came from). [P] The GPF Device Log's
 * device types come from the DCC's inventory (GBCS codes of device-type-entry.ts); a device the
 * inventory does not hold is taken to be a Type 2 device (an IHD or CAD, which no SMI record
 * needs). [P] When the DCC holds no record of the old hub (no CCS07 was read from it, e.g. the
 * RTDS template's …-95, a hub the emulated DCC never saw), it restores an empty log: the
 * command goes, the device answers, nothing is written.
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import type { Ccs03Command } from '../../harness/protocol/gbcs/payload/use-cases/ccs03.ts';
import { GBCS_DEVICE_TYPE } from '../../harness/protocol/gbcs/payload/use-cases/device-type-entry.ts';
import type { Gcs59Command } from '../../harness/protocol/gbcs/payload/use-cases/gcs59.ts';
import { RequestBodyError } from './request-body-error.ts';
import type { TransformContext } from './srv-transforms.ts';

function oldHubFunction(body: XMLData, root: string, name: string): Eui64 {
  const element = body[root];
  if (typeof element !== 'object' || element === null || Array.isArray(element)) throw new RequestBodyError('malformed', root, `expected the ${root} element with ${name}`);
  const raw = element[name];
  const value = typeof raw === 'string' ? raw.trim() : null;
  if (value === null || !isEui64(value)) throw new RequestBodyError('malformed', `${root}/${name}`, `expected an EUI-64, found ${JSON.stringify(raw ?? null)}`);
  return normalizeEui(value);
}

export function ccs03CommandFromBody(body: XMLData, context: TransformContext): Ccs03Command {
  const oldChf = oldHubFunction(body, 'RestoreHANDeviceLog', 'OldCHFID');
  const log = context.deviceLogRecordOf?.(oldChf)?.chfDeviceLog;
  return log ? { logIdentifier: log.logIdentifier, devices: log.devices } : { logIdentifier: oldChf, devices: [] };
}

export function gcs59CommandFromBody(body: XMLData, context: TransformContext): Gcs59Command {
  const oldGpf = oldHubFunction(body, 'RestoreGPFDeviceLog', 'OldGPFID');
  const log = context.deviceLogRecordOf?.(oldGpf)?.gpfDeviceLog;
  return {
    devices: (log?.devices ?? []).map((d) => {
      const type = context.deviceTypeOf(d.deviceId);
      return { deviceId: d.deviceId, deviceType: type === undefined ? GBCS_DEVICE_TYPE.type2 : GBCS_DEVICE_TYPE[type] };
    }),
  };
}
