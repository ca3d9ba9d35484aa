// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the emulated DCC holds of each comms hub's device logs, to restore them (SRV 8.12.1
 * CCS03, 8.12.2 GCS59): the security details of the CHF Device Log and of the GPF Device Log
 * from the last CCS07 response a hub's CHF sent through the DCC (SRV 8.9 with
 * ReadSecurityDetails).
 *
 * [P] The DCC's real source for a restore is not in the material at hand. CCS07 is the one
 * message that carries both logs with their key material; CS14 0x8F12 alerts are not taken
 * (each follows a change, so after a removal the DCC would hold the log without the device it
 * may want back). A record is keyed by the CHF that sent it and found by the hub's CHF or GPF
 * (the inventory pairs them: one comms hub per premises).
 */
import { decodeFrame } from '../../harness/protocol/gbcs/frame.ts';
import type { Eui64, GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import { CRA } from '../../harness/protocol/gbcs/frame-types.ts';
import { ccs07 } from '../../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import type { DeviceLogSecurityDetails } from '../../harness/protocol/gbcs/payload/use-cases/device-log-security.ts';

export interface DeviceLogRecord {
  /** The CHF whose CCS07 response this is. */
  readonly chf: Eui64;
  /** Virtual time the DCC took it. */
  readonly takenAt: number;
  /** null when that log's read failed. */
  readonly chfDeviceLog: DeviceLogSecurityDetails | null;
  readonly gpfDeviceLog: DeviceLogSecurityDetails | null;
}

export class DeviceLogRecords {
  private readonly byChf = new Map<Eui64, DeviceLogRecord>();

  /** Takes a device message passing through the DCC; keeps it when it is a CCS07 response that decodes. */
  observe(bytes: Uint8Array, at: number): DeviceLogRecord | undefined {
    let frame: GbcsFrame;
    try {
      frame = decodeFrame(bytes);
    } catch {
      return undefined;
    }
    if (frame.cra !== CRA.response || frame.messageCode !== ccs07.messageCode) return undefined;
    let fields;
    try {
      fields = ccs07.decodeResponse(frame.payload, { header: frame });
    } catch {
      return undefined;
    }
    const record: DeviceLogRecord = {
      chf: frame.originator,
      takenAt: at,
      chfDeviceLog: fields.chfDeviceLog.ok ? fields.chfDeviceLog.details : null,
      gpfDeviceLog: fields.gpfDeviceLog.ok ? fields.gpfDeviceLog.details : null,
    };
    this.byChf.set(frame.originator, record);
    return record;
  }

  /** The record of the hub whose CHF this is. */
  ofChf(chf: Eui64): DeviceLogRecord | undefined {
    return this.byChf.get(chf);
  }
}
