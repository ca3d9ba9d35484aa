// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What leaves and what enters an emulated premises on its WAN side.
 * - A command frame goes in through `Premises.handleCommand` (or, handed over by a hand-held
 *   terminal, `Premises.deliverLocally`), which answers at once with a receipt: accepted (and
 *   routed where) or refused (and why). Refusals are silent on the WAN,
 *   as on a real device: no response frame follows; the receipt is for the emulated DCC's
 *   trace and for tests.
 * - Device messages (responses and alerts) come out later, in virtual time, through the
 *   `onDeviceMessage` listeners, as sealed GBCS frames with a little metadata for traces.
 * - A command the CHF could not deliver to the sleepy GSME is reported to the DCC, later in
 *   virtual time, through the `onDeliveryFailure` listeners (comms-hub/sleepy-relay.ts says
 *   which failures and what a DUIS user sees of each); its refusal receipt says one will follow.
 */
import type { Eui64 } from '../harness/protocol/gbcs/frame-types.ts';
import type { DeviceType } from './device.ts';

export interface DeviceMessageInfo {
  readonly kind: 'response' | 'alert';
  /** Virtual time the message left the comms hub. */
  readonly at: number;
  /** Use case of the message (e.g. "ECS17b", "CS14"). */
  readonly useCase: string;
  readonly messageCode: number;
  readonly originator: Eui64;
  readonly recipient: Eui64;
  /** Alerts: the GBCS alert code (e.g. 0x8F12). */
  readonly alertCode?: number;
}

export type DeviceMessageListener = (frame: Uint8Array, info: DeviceMessageInfo) => void | Promise<void>;

/**
 * Where an accepted command went: answered directly, queued for the sleepy GSME, or handed to
 * the device by a hand-held terminal (local delivery: the response goes back to the terminal).
 */
export type CommandRoute = 'CHF' | 'GPF' | 'ESME' | 'GSME-queued' | 'local';

export type CommandRefusal =
  /** Not a well-formed GBCS frame. */
  | 'malformed-frame'
  /** The recipient EUI is no party of this premises. */
  | 'unknown-recipient'
  /** The comms hub is without mains: nothing answers. */
  | 'comms-hub-unpowered'
  /** No MAC wrapper where the use case requires one. */
  | 'mac-absent'
  /** The MAC does not verify with the ACB's key and the device's. */
  | 'mac-invalid'
  /** The originator is not among the parties the device trusts (its security credentials): meters raise alert 0x8F30. */
  | 'no-authority'
  /** The originator counter is not above the last one accepted from that originator. */
  | 'counter-not-increasing'
  /** The message code is not one the emulated devices implement yet. */
  | 'unsupported-message'
  /** The use case cannot be addressed to this type of device. */
  | 'wrong-recipient-type'
  /** A critical command without the originator's GBCS signature. */
  | 'signature-absent'
  /** A critical command whose signature does not verify with the originator's DS public key. */
  | 'signature-invalid'
  /** The payload does not decode as the use case's command. */
  | 'malformed-payload'
  /** The meter is not joined, not powered or its HAN link is down (the CHF cannot reach it). */
  | 'device-unreachable'
  /** The CHF's store-and-forward queue for the GSME is full (reported: a DeliveryFailure follows). */
  | 'sleepy-queue-full'
  /** The GPF holds no mirror of the GSME to flag the command on (reported: a DeliveryFailure follows). */
  | 'no-mirror'
  /** A fault of the firmware profiles (drop, on the command) lost it before the device acted on it. */
  | 'firmware-fault';

export type CommandReceipt =
  | {
      readonly accepted: true;
      readonly useCase: string;
      readonly recipient: Eui64;
      readonly deviceType: DeviceType;
      readonly route: CommandRoute;
      /**
       * Virtual time the response is due; null for the GSME (at its next wake plus latency) and
       * when a firmware fault keeps the response from being sent.
       */
      readonly responseDueAt: number | null;
    }
  | {
      readonly accepted: false;
      readonly reason: CommandRefusal;
      readonly detail: string;
      /** true: the CHF reports this failure to the DCC (a DeliveryFailure follows); absent: silent. */
      readonly reported?: true;
    };

/**
 * The CHF's statuses for a command it could not deliver to a sleepy device (the vendor SDK's
 * "too many pending messages", "no mirror", "send timeout"; they never appear on DUIS).
 */
export type DeliveryFailureStatus = 'too-many-pending' | 'no-mirror' | 'send-timeout';

/** A command the CHF reports as undeliverable, named the way its response would have named it. */
export interface DeliveryFailure {
  readonly status: DeliveryFailureStatus;
  /** Virtual time the report leaves the comms hub. */
  readonly at: number;
  /** The device the command was for. */
  readonly device: Eui64;
  /** The command's originator (the user, or the ACB) and originator counter. */
  readonly commandOriginator: Eui64;
  readonly commandCounter: bigint;
  readonly useCase: string;
  /** One line for people. */
  readonly detail: string;
}

export type DeliveryFailureListener = (failure: DeliveryFailure) => void | Promise<void>;
