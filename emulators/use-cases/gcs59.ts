// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * GCS59 on the emulated GPF: restore the GPF Device Log (comms-hub/gpf.ts `deviceLog`) from the
 * entries the DCC sends. [P] Each entry not in the log is added (result 0); one already there is
 * kept as it is (result 0: the log holds it); one that does not fit is refused
 * (GCS59_RESULT.deviceLogFull) and the rest are still written. The GPF Device Log has no alert
 * of its own here (GBCS alerts for it are not in the material at hand). Protection as RTDS
 * GCS59_8.12.2_SUCCESS_RESPONSE: MAC, no signature, no header date-time.
 * Refused (a firmware fault): nothing is written, every entry carries the fault's result.
 */
import { gcs59, GCS59_RESULT, type Gcs59Response } from '../../harness/protocol/gbcs/payload/use-cases/gcs59.ts';
import { Gpf } from '../comms-hub/gpf.ts';
import { emulateUseCase } from './emulated-use-case.ts';

type ResultName = Exclude<keyof typeof GCS59_RESULT, 'success'>;

export const gcs59OnGpf = emulateUseCase(gcs59, {
  targets: ['GPF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  refusalResults: ['deviceLogFull'],
  refuse: (command, result): Gcs59Response => ({ results: command.devices.map((device) => ({ device, result: GCS59_RESULT[result as ResultName] })) }),

  respond(command, { device, premises }): Gcs59Response {
    if (!(device instanceof Gpf)) throw new Error(`GCS59 reached a ${device.deviceType}`);
    const at = premises.clock.now();
    return {
      results: command.devices.map((d) => ({
        device: d,
        result: device.deviceLog.join(d.deviceId, d.deviceType, at).ok ? GCS59_RESULT.success : GCS59_RESULT.deviceLogFull,
      })),
    };
  },
});
