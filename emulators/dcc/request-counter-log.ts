// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DCC's replay check on DUIS RequestIDs: each originator's counter must be strictly above
 * the last one the DCC accepted from it, whatever the target [V: DOMAIN.md "counters must
 * increase"]. A request the DCC rejects for another reason does not consume its counter [P]:
 * only a request that passed every check is recorded, so a user may resend a corrected request
 * with the same counter.
 */
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';

export class RequestCounterLog {
  private readonly last = new Map<Eui64, bigint>();

  /** The last accepted counter of `originator`, or null before its first request. */
  lastOf(originator: Eui64): bigint | null {
    return this.last.get(originator) ?? null;
  }

  /** Whether `counter` is above the last one accepted from `originator`. */
  isFresh(originator: Eui64, counter: bigint): boolean {
    const last = this.last.get(originator);
    return last === undefined || counter > last;
  }

  /** Records an accepted request's counter (call only after isFresh). */
  record(originator: Eui64, counter: bigint): void {
    if (!this.isFresh(originator, counter)) {
      throw new Error(`counter ${counter} of ${originator} is not above the last accepted ${this.last.get(originator)}`);
    }
    this.last.set(originator, counter);
  }
}
