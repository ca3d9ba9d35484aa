// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The sleepy GSME behind the comms hub, as a Service User sees it through DUIS and the Bench:
 * commands wait in the CHF's sleepy buffer until the GSME wakes, the GPF mirror answers reads
 * without waking it, and what becomes of a command the hub cannot deliver.
 *
 * The CHF's delivery failures never appear on DUIS by name (DOMAIN.md); the emulated DCC maps
 * them [P: the project's mapping, emulators/comms-hub/sleepy-relay.ts]:
 * - too many pending (the CHF's queue for the GSME is full): I99, then at once E20 (Unable to
 *   Communicate with Device) for the command it could not queue;
 * - no mirror (the GPF holds no mirror of the GSME: it has not reported since it rejoined): I99,
 *   then E20; a read through the GPF answers, with every attribute unsupported;
 * - send timeout (the GSME did not collect the command in time): I99, then E21 (No Response
 *   Received from Device) when the hub gives up, and nothing when the GSME wakes later.
 * [P] The limits behind them are the emulated hub's: fewer than PROBE_COMMANDS commands fill
 * its queue, and it gives up on a command after SEND_TIMEOUT_MS.
 */
import { expect } from 'vitest';
import { ditCase } from '../harness/dit/dit-case.ts';
import type { DeviceResponse, DuisExchange } from '../harness/dit/duis-client.ts';
import { expectDeviceResponse, expectNoUnexpectedMessages, expectQuietFor } from '../harness/dit/expectations.ts';
import { RESPONSE_CODE } from '../harness/protocol/duis/response-codes.ts';
import { gcs13a } from '../harness/protocol/gbcs/payload/use-cases/gcs13a.ts';
import { gcs38 } from '../harness/protocol/gbcs/payload/use-cases/gcs38.ts';
import { addToDeviceLogAndRejoin, removeFromDeviceLog } from './device-log-requests.ts';
import { gpfMirrorFollowsTheMeter, MAINS_WINDOW_MS, MINUTE, queuedCommandsAllAnswered, sleepyWindow } from './han-checks.ts';

/** [P] More commands than the comms hub queues for one sleepy device. */
const PROBE_COMMANDS = 16;
/** [P] How long the comms hub holds a command the GSME does not collect (the emulated hub: a day). */
const SEND_TIMEOUT_MS = 24 * 60 * MINUTE;
/** The hub's report of a failed delivery reaches the user within a minute. */
const FAILURE_WINDOW_MS = MINUTE;

/** What every case here has in common. */
const GSME_CASE = { bands: ['868MHz', '2.4GHz'], tags: ['formal', 'regression'] } as const;

ditCase(
  {
    id: 'SLEEPY-QUEUED-COMMANDS-ANSWERED',
    title: 'Two commands queued for the GSME together are both answered at its next wake',
    useCase: 'GCS38',
    srv: '11.2',
    deviceTypes: ['GSME'],
    ...GSME_CASE,
    severity: 2,
  },
  queuedCommandsAllAnswered,
);

ditCase(
  {
    id: 'SLEEPY-GPF-MIRROR-FOLLOWS',
    title: 'The GPF mirror is refreshed at each GSME wake: a GPF read is not older than the meter’s own reading',
    useCase: 'GCS13a',
    srv: '4.1.1',
    deviceTypes: ['GPF'],
    ...GSME_CASE,
    severity: 2,
    needs: ['clock'],
  },
  gpfMirrorFollowsTheMeter,
);

ditCase(
  {
    id: 'SLEEPY-TOO-MANY-PENDING',
    title: 'More commands than the hub can queue for the GSME: the ones past its limit get E20 at once, the queued ones are answered at the next wake',
    useCase: 'GCS38',
    srv: '11.2',
    deviceTypes: ['GSME'],
    ...GSME_CASE,
    severity: 3,
  },
  async ({ duis, meter }) => {
    // sent back to back: no world time passes, so the GSME cannot wake in between
    const sent: DuisExchange[] = [];
    for (let i = 0; i < PROBE_COMMANDS; i++) sent.push(await duis.send('GCS38_11.2', { target: meter.eui }));
    expect(sent.map((e) => e.code), 'DCC acknowledgements').toEqual(sent.map(() => 'I99'));
    const last = await sent.at(-1)!.response({ within: FAILURE_WINDOW_MS });
    expect(last.message.responseCode, `the ${PROBE_COMMANDS}th command: the hub could not queue it`).toBe(RESPONSE_CODE.cannotCommunicate);

    const window = sleepyWindow(meter);
    const answers: DeviceResponse[] = [];
    for (const exchange of sent.slice(0, -1)) answers.push(await exchange.response({ within: window }));
    const codes = answers.map((a) => a.message.responseCode);
    const queued = codes.indexOf(RESPONSE_CODE.cannotCommunicate);
    expect(queued, 'at least the first command was queued').toBeGreaterThan(0);
    expect(codes.slice(queued), 'once the queue is full, every further command is refused').toEqual(codes.slice(queued).map(() => RESPONSE_CODE.cannotCommunicate));
    for (const answer of answers.slice(0, queued)) expectDeviceResponse(answer, gcs38, { from: meter.eui, within: window });
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'SLEEPY-NO-MIRROR',
    title: 'GSME removed and added back: until it reports to the GPF again there is no mirror — GSME commands get E20, GPF reads answer unsupported',
    useCase: 'GCS13a',
    srv: '4.1.1',
    deviceTypes: ['GSME'],
    ...GSME_CASE,
    severity: 3,
    needs: ['clock'],
  },
  async ({ duis, bench, premises, meter, skip }) => {
    const { chf, gpf } = premises.commsHub;
    await removeFromDeviceLog(duis, chf, meter);
    await addToDeviceLogAndRejoin(duis, chf, meter);

    // rejoined, not yet woken: the GPF has no mirror of it [P: the mirror goes when the GSME leaves].
    // Both requests leave at the same instant, so both see the same mirror (or the lack of one).
    const command = await duis.send('GCS38_11.2', { target: meter.eui });
    const read = await duis.send('GCS13a_4.1.1_RELIABLE_GPF', { target: gpf });
    expect([command.code, read.code], 'DCC acknowledgements').toEqual(['I99', 'I99']);
    const fields = expectDeviceResponse(await read.response({ within: MAINS_WINDOW_MS }), gcs13a, { from: gpf, within: MAINS_WINDOW_MS });
    if (fields.currentSummationDelivered.status === 'success') {
      skip('the GSME woke and reported to the GPF between its rejoin and the requests: no moment without a mirror to observe');
    }
    const refused = await command.response({ within: FAILURE_WINDOW_MS });
    expect(refused.message.responseCode, 'a command the hub has no mirror to flag').toBe(RESPONSE_CODE.cannotCommunicate);

    // within a wake interval the GSME wakes and reports: the mirror is back, and so are reads and queued commands
    const window = sleepyWindow(meter);
    await bench.advance(window - MINUTE);
    const again = await duis.send('GCS38_11.2', { target: meter.eui });
    expectDeviceResponse(await again.response({ within: window }), gcs38, { from: meter.eui, within: window });
    const reread = await duis.send('GCS13a_4.1.1_RELIABLE_GPF', { target: gpf });
    const mirrored = expectDeviceResponse(await reread.response({ within: MAINS_WINDOW_MS }), gcs13a, { from: gpf, within: MAINS_WINDOW_MS });
    expect(mirrored.currentSummationDelivered.status, 'a GPF read once the GSME reported').toBe('success');
    expectNoUnexpectedMessages(duis);
  },
);

ditCase(
  {
    id: 'SLEEPY-SEND-TIMEOUT',
    title: 'A GSME out of radio reach does not collect its command: E21 when the hub gives up, and no late answer once it is back',
    useCase: 'GCS38',
    srv: '11.2',
    deviceTypes: ['GSME'],
    ...GSME_CASE,
    severity: 3,
    needs: ['radio-loss', 'clock'],
  },
  async ({ duis, bench, meter }) => {
    await bench.radioLoss(meter.eui);
    const exchange = await duis.send('GCS38_11.2', { target: meter.eui });
    expect(exchange.code, 'DCC acknowledgement').toBe('I99');
    const timedOut = await exchange.response({ within: SEND_TIMEOUT_MS + FAILURE_WINDOW_MS });
    expect(timedOut.message.responseCode, 'the hub gave up on the command').toBe(RESPONSE_CODE.noResponseFromDevice);
    expect(timedOut.elapsedMs, 'not before the send timeout').toBeGreaterThanOrEqual(SEND_TIMEOUT_MS);
    await bench.radioRestore(meter.eui);
    // the GSME wakes and reaches the hub again: the discarded command is not delivered late
    await expectQuietFor(duis, bench, sleepyWindow(meter));
  },
);
