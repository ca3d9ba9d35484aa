// SPDX-License-Identifier: GPL-3.0-or-later
/** Names of the ZCL / ZSE clusters GBCS messages use (for describe-payload). */
import { METERING_ATTRIBUTE_NAMES } from './zse-metering.ts';

export const CLUSTER_NAMES: Readonly<Record<number, string>> = {
  0x0000: 'Basic',
  0x0019: 'OTA Upgrade',
  0x0700: 'Price',
  0x0702: 'Metering',
  0x0703: 'Messaging',
  0x0705: 'Prepayment',
  0x0707: 'Calendar',
  0x0708: 'Device Management',
  0x0709: 'Events',
  0x070b: 'Sub-GHz',
};

export function clusterName(id: number): string | undefined {
  return CLUSTER_NAMES[id];
}

export function attributeName(clusterId: number, attributeId: number): string | undefined {
  return clusterId === 0x0702 ? METERING_ATTRIBUTE_NAMES[attributeId] : undefined;
}
