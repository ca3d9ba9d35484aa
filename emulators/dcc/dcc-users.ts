// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The Service Users the emulated DCC knows: each user's EUI-64 and the DUIS user role it acts
 * in. A request from an EUI that is not registered is rejected E1 (invalid user / user role);
 * a registered user whose role is not eligible for the SRV is rejected E2.
 *
 * Default: the RTDS supplier 90B3D51F30010000 as Import Supplier ('IS'), the identity every
 * RTDS request template and the harness's DUIS client use. [P] One role per EUI: DUIS lets one
 * party hold several roles under different EUIs, which is what a second entry models.
 */
import { isEui64, normalizeEui } from '../../harness/protocol/gbcs/eui.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { USER_ROLES, type UserRole } from '../../harness/protocol/duis/srv-matrix.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';

export interface DccUser {
  /** The user's EUI-64 (16 hex digits; the dashed DUIS form is accepted too). */
  readonly eui: Eui64;
  readonly role: UserRole;
}

export const DEFAULT_DCC_USERS: readonly DccUser[] = [{ eui: REMOTE_PARTY.supplier, role: 'IS' }];

export class DccUserRegistry {
  private readonly roles = new Map<Eui64, UserRole>();

  constructor(users: readonly DccUser[] = DEFAULT_DCC_USERS) {
    for (const user of users) {
      if (!USER_ROLES.includes(user.role)) {
        throw new RangeError(`user ${user.eui}: role ${JSON.stringify(user.role)} is not a DUIS user role (${USER_ROLES.join(', ')})`);
      }
      const eui = normalizeEui(user.eui);
      if (this.roles.has(eui)) throw new RangeError(`user ${eui} is registered twice`);
      this.roles.set(eui, user.role);
    }
  }

  /** The role of the user with this EUI (dashed or not), or undefined when it is no registered user. */
  roleOf(eui: string): UserRole | undefined {
    return isEui64(eui) ? this.roles.get(normalizeEui(eui)) : undefined;
  }

  has(eui: string): boolean {
    return this.roleOf(eui) !== undefined;
  }

  users(): DccUser[] {
    return [...this.roles].map(([eui, role]) => ({ eui, role }));
  }
}
