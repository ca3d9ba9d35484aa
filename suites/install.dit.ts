// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Installing a meter with a dual-band comms hub, the steps an installer's Service User drives
 * through DUIS (DOMAIN.md "Joining and commissioning"), on each meter type and band:
 *
 * 1. SRV 8.14.1 Communications Hub Status Update – Install Success: answered by the DCC (I0);
 * 2. SRV 8.11 Update HAN Device Log, Add (CCS01): the meter whitelisted in the CHF Device Log
 *    with its install code — CS14 0x8F12 lists it, and lists it again once it has joined;
 *    A GSME is commissioned once the GPF holds its mirror (its first wake report after joining,
 *    seen as a GPF read whose consumption is no longer unsupported): until then the CHF has no
 *    mirror to queue a command on and the DCC answers E20 [P] (sleepy-relay);
 * 3. SRV 8.1.1 Commission Device (critical: pre-command, user signature, CV 5): the meter sets
 *    its clock inside its tolerance (60 s ESME, 3600 s GSME);
 * 4. SRV 11.2 Read Firmware Version: the meter answers with the firmware it was delivered with.
 *
 * The emulated premises (like a lab rig re-used between runs) starts with the meter installed,
 * so the case first takes it out of the Device Log (CCS02) and then installs it as a new one.
 * Measurements: the DCC's answer to 8.14.1, the time the meter took to join after it was
 * whitelisted (limit: the join window the request gives plus a minute), the commissioning
 * clock offset and the firmware version.
 */
import { ditCase } from '../harness/dit/dit-case.ts';
import type { Bench } from '../harness/bench/bench.ts';
import type { DuisClient } from '../harness/dit/duis-client.ts';
import { expectNoUnexpectedMessages } from '../harness/dit/expectations.ts';
import { COMMISSIONING, commissionMeter } from './commission-requests.ts';
import { addToDeviceLogAndRejoin, REJOIN_WINDOW_MS, removeFromDeviceLog } from './device-log-requests.ts';
import { readFirmwareVersion, readGsmeFirmwareVersion } from './firmware-version-reads.ts';
import { meterWindow, readGasRegisters } from './han-checks.ts';

const CH_INSTALL = '8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL';
const MINUTE = 60_000;
/** How long the case waits for the GSME's first report to the GPF: two default wake intervals. */
const MIRROR_WAIT_MS = 2 * 30 * MINUTE;
/** How often it looks (a GPF read costs the GSME nothing: the GPF answers from its mirror). */
const MIRROR_POLL_MS = 5 * MINUTE;

/**
 * Reads the GPF until its mirror of the GSME holds a consumption (status success); the world time
 * that took, or null when it did not within `limitMs`.
 */
async function untilTheGpfMirrors(duis: DuisClient, bench: Bench, gpf: string, limitMs: number): Promise<number | null> {
  const from = duis.now();
  for (;;) {
    const fields = await readGasRegisters(duis, 'GCS13a_4.1.1_RELIABLE_GPF', gpf, MINUTE);
    if (fields.currentSummationDelivered.status === 'success') return duis.now() - from;
    if (duis.now() - from + MIRROR_POLL_MS > limitMs) return null;
    await bench.advance(MIRROR_POLL_MS);
  }
}

for (const type of ['ESME', 'GSME'] as const) {
  const { toleranceS } = COMMISSIONING[type];
  ditCase(
    {
      id: `INSTALL-${type}`,
      title: `Install the ${type}: CH install (8.14.1), whitelisted in the CHF Device Log (8.11 CCS01, CS14), joined, commissioned (8.1.1), firmware version read (11.2)`,
      useCase: 'CCS01',
      srv: '8.11',
      deviceTypes: [type],
      bands: type === 'ESME' ? ['2.4GHz', '868MHz'] : ['868MHz', '2.4GHz'],
      tags: ['smoke', 'confidence', 'formal', 'regression'],
      // a meter that cannot be installed blocks the premises (DOMAIN.md: severity 1)
      severity: 1,
      needs: ['clock'],
    },
    async ({ duis, bench, premises, meter, measure }) => {
      const chf = premises.commsHub.chf;
      const install = await duis.send(CH_INSTALL);
      measure('8.14.1 CH install: DCC response code', install.code, { equals: 'I0' });

      await removeFromDeviceLog(duis, chf, meter);
      const joinedAfterMs = await addToDeviceLogAndRejoin(duis, chf, meter);
      measure(`${type} joined after whitelisting`, joinedAfterMs, { max: REJOIN_WINDOW_MS, unit: 'ms' });
      // [P] the CHF queues commands for a sleepy GSME only once the GPF holds its mirror: its first wake report
      if (type === 'GSME') {
        const reportedAfterMs = await untilTheGpfMirrors(duis, bench, premises.commsHub.gpf, MIRROR_WAIT_MS);
        measure('GSME first report to the GPF after joining', reportedAfterMs, { max: meterWindow(meter), unit: 'ms' });
        if (reportedAfterMs === null) return;
      }

      const commissioned = await commissionMeter(duis, meter);
      measure(`${type} clock set by commissioning`, commissioned.set, { equals: true });
      measure(`${type} clock offset from the DCC time after commissioning`, commissioned.offsetS, { min: -toleranceS, max: toleranceS, unit: 's' });

      const version = type === 'ESME' ? await readFirmwareVersion(duis, meter.eui, 'valid') : await readGsmeFirmwareVersion(duis, meter.eui, meterWindow(meter));
      measure(`${type} firmware version`, version, { equals: meter.firmwareImage });
      expectNoUnexpectedMessages(duis);
    },
  );
}
