// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The GSME's ZCL attributes, as data. The Metering cluster values follow the RTDS GCS13a /
 * GCS38 responses in PAYLOADS.md: divisor 1000 (UINT24), multiplier 1 (UINT24), unit of
 * measure 01 = m³ (ENUM8), current summation delivered (UINT48, so in litres), current meter
 * id 0x0206 = the firmware version octet string.
 */
import { hexToBytes } from '../../harness/protocol/gbcs/hex.ts';
import { dateToZclUtc } from '../../harness/protocol/gbcs/payload/zcl/zcl-utc-time.ts';
import { ZseUnitsOfMeasure } from '../../harness/protocol/gbcs/payload/zcl/zse-metering.ts';
import { BASIC_ATTRIBUTE, METERING_ATTRIBUTE, POWER_CONFIGURATION_ATTRIBUTE, TIME_ATTRIBUTE, ZCL_CLUSTER, type ZclAttribute } from './zcl-clusters.ts';

export interface GsmeClusterInit {
  readonly manufacturer: string;
  readonly model: string;
  /** Firmware version octet string, hex. */
  readonly firmwareVersion: string;
  /** Volume delivered so far, in summation units (divisor 1000: litres). */
  readonly summation: number;
  readonly batteryPercent: number;
  readonly nowMs: number;
}

/** Battery percentage → BatteryPercentageRemaining (units of 0.5 %). */
export function batteryHalfPercent(percent: number): number {
  return Math.round(Math.min(100, Math.max(0, percent)) * 2);
}

export function gsmeAttributeDefinitions(init: GsmeClusterInit): ZclAttribute[] {
  const metering = ZCL_CLUSTER.metering;
  const basic = ZCL_CLUSTER.basic;
  return [
    { clusterId: basic, id: BASIC_ATTRIBUTE.zclVersion, name: 'ZCLVersion', value: { type: 'uint8', value: 1 } },
    { clusterId: basic, id: BASIC_ATTRIBUTE.applicationVersion, name: 'ApplicationVersion', value: { type: 'uint8', value: 1 } },
    { clusterId: basic, id: BASIC_ATTRIBUTE.manufacturerName, name: 'ManufacturerName', value: { type: 'char-string', value: init.manufacturer } },
    { clusterId: basic, id: BASIC_ATTRIBUTE.modelIdentifier, name: 'ModelIdentifier', value: { type: 'char-string', value: init.model } },
    { clusterId: basic, id: BASIC_ATTRIBUTE.powerSource, name: 'PowerSource', value: { type: 'enum8', value: 0x03 /* battery */ } },
    {
      clusterId: ZCL_CLUSTER.powerConfiguration,
      id: POWER_CONFIGURATION_ATTRIBUTE.batteryPercentageRemaining,
      name: 'BatteryPercentageRemaining',
      value: { type: 'uint8', value: batteryHalfPercent(init.batteryPercent) },
    },
    { clusterId: ZCL_CLUSTER.time, id: TIME_ATTRIBUTE.time, name: 'Time', value: { type: 'utc-time', value: dateToZclUtc(new Date(init.nowMs)) } },
    { clusterId: metering, id: METERING_ATTRIBUTE.currentSummationDelivered, name: 'CurrentSummationDelivered', value: { type: 'uint48', value: init.summation } },
    { clusterId: metering, id: METERING_ATTRIBUTE.status, name: 'Status', value: { type: 'bitmap8', value: 0 } },
    { clusterId: metering, id: METERING_ATTRIBUTE.currentMeterId, name: 'CurrentMeterId', value: { type: 'octet-string', value: hexToBytes(init.firmwareVersion, 'firmware version') } },
    { clusterId: metering, id: METERING_ATTRIBUTE.unitOfMeasure, name: 'UnitOfMeasure', value: { type: 'enum8', value: ZseUnitsOfMeasure.codeOf('m3', 'unit of measure') } },
    { clusterId: metering, id: METERING_ATTRIBUTE.multiplier, name: 'Multiplier', value: { type: 'uint24', value: 1 } },
    { clusterId: metering, id: METERING_ATTRIBUTE.divisor, name: 'Divisor', value: { type: 'uint24', value: 1000 } },
    { clusterId: metering, id: METERING_ATTRIBUTE.meteringDeviceType, name: 'MeteringDeviceType', value: { type: 'bitmap8', value: 0x01 /* gas */ } },
  ];
}
