// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the HAN-event fault primitives do (profile-schema.ts): each keeps one HAN event from
 * happening, where the emulators reach that event —
 * - `stale-mirror`: a GSME wake report the GPF does not take (comms-hub/comms-hub.ts);
 * - `fails-to-rejoin`: a meter's rejoin after a power cycle or a re-add to the Device Log
 *   (premises.ts);
 * - `lose-queued`: the GSME collecting its queued commands at a wake (comms-hub/comms-hub.ts);
 * - `ignores-suspend-zcl`: a meter acting on a SuspendZCLMessages (meters/zcl-suspension.ts);
 * - `loses-held-after-suspension`: a meter sending what it held when its suspension ends
 *   (meters/zcl-suspension.ts).
 * The first fault that acts is logged as applied, any other that fired on the same event as not
 * needed.
 */
import type { FirmwareFaults, HanEventSubject } from './firmware-faults.ts';
import type { HanEventPrimitive } from './profile-schema.ts';

const EFFECT: Readonly<Record<HanEventPrimitive, string>> = {
  'stale-mirror': 'the GPF did not take the GSME report: its mirror keeps the values of an earlier one',
  'fails-to-rejoin': 'the meter did not rejoin the HAN',
  'lose-queued': 'the CHF lost the commands it held for the GSME: none is delivered',
  'ignores-suspend-zcl': 'the meter ignored SuspendZCLMessages: it keeps sending its non-essential messages',
  'loses-held-after-suspension': 'the meter dropped the messages it held while suspended',
};

/** true when a fault of the premises keeps this HAN event from happening (and logs it). */
export function hanEventFails(faults: FirmwareFaults, subject: HanEventSubject): boolean {
  const [first, ...others] = faults.fireHanEvent(subject);
  if (!first) return false;
  first.record(true, EFFECT[subject.primitive]);
  for (const other of others) other.record(false, `fault ${first.fault.id} already acted on this event`);
  return true;
}
