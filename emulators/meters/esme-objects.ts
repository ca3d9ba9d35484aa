// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The ESME's COSEM objects, as data. OBIS codes and shapes follow the RTDS messages in
 * PAYLOADS.md: ECS17b asks the Data Protection object 0-0:43.2.8.255 ("Import Register
 * Collection") for the protected value of 0-0:94.44.34.10, which the ESME answers with
 * structure { active import value, scaler_unit (Wh), reactive import value, scaler_unit (varh) };
 * ECS52 reads the firmware version 0-0:0.2.1.255 (class 1, attribute 2, an octet string).
 * Assumption (no public GBCS object table at hand): the collection is made of the active and
 * reactive import total registers 1-0:1.8.0.255 and 1-0:3.8.0.255, attributes 2 and 3.
 * The import tariff objects (ECS01a) are listed in esme-tariff.ts.
 */
import { cosem } from './cosem-data.ts';
import { obisToBytes } from '../../harness/protocol/gbcs/payload/dlms/obis.ts';
import { COSEM_CLASS, type AttributeRef, type CosemObjectDefinition } from './cosem-objects.ts';
import { esmeTariffObjects } from './esme-tariff.ts';

export const ESME_OBIS = {
  clock: '0-0:1.0.0.255',
  firmwareVersion: '0-0:0.2.1.255',
  activeImport: '1-0:1.8.0.255',
  activeExport: '1-0:2.8.0.255',
  reactiveImport: '1-0:3.8.0.255',
  reactiveExport: '1-0:4.8.0.255',
  importRegisterValues: '0-0:94.44.34.10',
  importRegisterCollection: '0-0:43.2.8.255',
  disconnectControl: '0-0:96.3.10.255',
} as const;

/** Disconnect control control_state (class 70 attribute 3). */
export const CONTROL_STATE = { disconnected: 0, connected: 1, readyForReconnection: 2 } as const;
export type ControlState = (typeof CONTROL_STATE)[keyof typeof CONTROL_STATE];

/** The attributes the import register values collection is made of, in order. */
export const IMPORT_REGISTER_PARTS: readonly AttributeRef[] = [
  { classId: COSEM_CLASS.register, obis: ESME_OBIS.activeImport, attribute: 2 },
  { classId: COSEM_CLASS.register, obis: ESME_OBIS.activeImport, attribute: 3 },
  { classId: COSEM_CLASS.register, obis: ESME_OBIS.reactiveImport, attribute: 2 },
  { classId: COSEM_CLASS.register, obis: ESME_OBIS.reactiveImport, attribute: 3 },
];

export interface EsmeObjectInit {
  /** Octet string of the firmware version, hex (RTDS: "0123ABCD"). */
  readonly firmwareVersion: string;
  readonly activeImportWh: number;
  readonly reactiveImportVarh: number;
  readonly nowMs: number;
}

function energyRegister(obis: string, name: string, value: number, unit: 'Wh' | 'varh'): CosemObjectDefinition {
  return {
    classId: COSEM_CLASS.register,
    obis,
    name,
    attributes: {
      2: { name: 'value', value: cosem.doubleLongUnsigned(value) },
      3: { name: 'scaler_unit', value: cosem.scalerUnit(0, unit) },
    },
  };
}

export function esmeObjectDefinitions(init: EsmeObjectInit): CosemObjectDefinition[] {
  return [
    {
      classId: COSEM_CLASS.clock,
      obis: ESME_OBIS.clock,
      name: 'Clock',
      attributes: {
        2: { name: 'time', value: cosem.dateTime(init.nowMs) },
        3: { name: 'time_zone', value: cosem.long(0) },
      },
    },
    {
      classId: COSEM_CLASS.data,
      obis: ESME_OBIS.firmwareVersion,
      name: 'Active firmware identifier',
      attributes: { 2: { name: 'value', value: cosem.octets(init.firmwareVersion) } },
    },
    energyRegister(ESME_OBIS.activeImport, 'Active energy import total', init.activeImportWh, 'Wh'),
    energyRegister(ESME_OBIS.activeExport, 'Active energy export total', 0, 'Wh'),
    energyRegister(ESME_OBIS.reactiveImport, 'Reactive energy import total', init.reactiveImportVarh, 'varh'),
    energyRegister(ESME_OBIS.reactiveExport, 'Reactive energy export total', 0, 'varh'),
    {
      classId: COSEM_CLASS.data,
      obis: ESME_OBIS.importRegisterValues,
      name: 'Import energy register values',
      attributes: {},
      composedOf: IMPORT_REGISTER_PARTS,
    },
    {
      classId: COSEM_CLASS.dataProtection,
      obis: ESME_OBIS.importRegisterCollection,
      name: 'Import Register Collection',
      attributes: {
        3: {
          name: 'protection_object_list',
          value: cosem.array(
            cosem.structure(
              cosem.longUnsigned(COSEM_CLASS.data),
              cosem.octets(obisToBytes(ESME_OBIS.importRegisterValues)),
              cosem.integer(2),
              cosem.longUnsigned(0),
            ),
          ),
        },
      },
    },
    {
      classId: COSEM_CLASS.disconnectControl,
      obis: ESME_OBIS.disconnectControl,
      name: 'Supply disconnect control',
      attributes: {
        2: { name: 'output_state', value: cosem.boolean(true) },
        3: { name: 'control_state', value: cosem.enum(CONTROL_STATE.connected) },
        4: { name: 'control_mode', value: cosem.enum(0), writable: true },
      },
    },
    ...esmeTariffObjects(),
  ];
}
