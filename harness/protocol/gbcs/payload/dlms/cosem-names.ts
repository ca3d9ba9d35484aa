// SPDX-License-Identifier: GPL-3.0-or-later
/** Names of COSEM classes, GBCS objects, attributes and methods, for describe-payload (labels only). */
import type { ObisCode } from './obis.ts';

export const COSEM_CLASS_NAMES: Readonly<Record<number, string>> = {
  1: 'Data',
  3: 'Register',
  4: 'Extended Register',
  5: 'Demand Register',
  7: 'Profile Generic',
  8: 'Clock',
  9: 'Script Table',
  11: 'Special Days Table',
  15: 'Association LN',
  18: 'Image Transfer',
  20: 'Activity Calendar',
  21: 'Register Monitor',
  22: 'Single Action Schedule',
  30: 'Data Protection',
  40: 'Push Setup',
  70: 'Disconnect Control',
  71: 'Limiter',
  104: 'ZigBee Network Control',
  111: 'Account',
  112: 'Credit',
  113: 'Charge',
  115: 'Token Gateway',
};

/** Objects named in PAYLOADS.md. */
export const GBCS_OBJECT_NAMES: Readonly<Record<string, string>> = {
  '0-0:43.2.8.255': 'Import Register Collection',
  '0-0:30.3.0.255': 'Device Log (CHF)',
  '0-0:94.44.10.2': 'Operating Sub GHz Channel',
};

const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '*:2': 'Value',
  '104:2': 'Enable Disable Joining',
  '104:3': 'Join Timeout',
};

const METHOD_NAMES: Readonly<Record<string, string>> = {
  '30:1': 'Get Protected Attributes',
  '104:1': 'Register Device',
};

export function cosemClassName(classId: number): string | undefined {
  return COSEM_CLASS_NAMES[classId];
}

export function gbcsObjectName(obis: ObisCode): string | undefined {
  return GBCS_OBJECT_NAMES[obis];
}

export function cosemAttributeName(classId: number, attributeId: number): string | undefined {
  return ATTRIBUTE_NAMES[`${classId}:${attributeId}`] ?? (classId === 1 || classId === 3 ? ATTRIBUTE_NAMES[`*:${attributeId}`] : undefined);
}

export function cosemMethodName(classId: number, methodId: number): string | undefined {
  return METHOD_NAMES[`${classId}:${methodId}`];
}
