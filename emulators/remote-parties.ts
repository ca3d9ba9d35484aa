// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The remote parties the emulated devices talk to, with the RTDS identities (DOMAIN.md):
 * the supplier that originates service requests and the DCC Access Control Broker, which MACs
 * every command on the DCC's behalf, originates commands to the CHF and receives CHF alerts,
 * and the network operator that receives the ESME's ECS80 supply-restored alert.
 *
 * TRUSTED_REMOTE_PARTIES stands for the Device Security Credentials every emulated device holds:
 * the parties whose commands it accepts. A command from any other originator (a registered DCC
 * user whose certificate is not on the device) is refused with alert 0x8F30
 * (command-handler.ts) [P: one set for every device of a premises; per-role rules by use case are
 * not modelled].
 */
import { ACCESS_CONTROL_BROKER } from '../harness/protocol/gbcs/frame-keys.ts';
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';

export const REMOTE_PARTY = {
  supplier: '90B3D51F30010000',
  accessControlBroker: ACCESS_CONTROL_BROKER,
  /** The electricity network operator: RTDS ECS80 (0x8F36 supply restored) is addressed to it [I]. */
  networkOperator: '90B3D51F30020000',
} as const satisfies Record<string, Eui64>;

export const TRUSTED_REMOTE_PARTIES: readonly Eui64[] = [REMOTE_PARTY.supplier, REMOTE_PARTY.networkOperator, REMOTE_PARTY.accessControlBroker];
