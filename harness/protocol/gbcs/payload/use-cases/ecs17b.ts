// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * ECS17b — Read ESME Energy Registers (Import Energy), SRV 4.1.1, message code 0x0027.
 *
 * Command: Access request, one action: Data Protection (class 30) 0-0:43.2.8.255 method 1
 * get_protected_attributes, whose parameter names the object read (RTDS: class 1,
 * 0-0:94.44.34.10, attribute 2, data index 0, no restriction) and the protection parameters
 * derived from the header (transaction id 04 ‖ counter, originator, recipient, agreed key 02).
 * Response: one action result; on success the Get-Protected-Attributes response whose sealed
 * block holds structure(1) { structure(n) { value, scaler_unit, value, scaler_unit, … } }
 * (RTDS single element: 10 Wh and 10 varh, scaler 0; twin: a third value without scaler_unit).
 */
import { Axdr, type AxdrData } from '../dlms/axdr-data.ts';
import { expectConstant, expectNumber, expectStructure, expectType, item } from '../dlms/axdr-match.ts';
import type { AccessRequestSpec } from '../dlms/access-request.ts';
import type { ActionResult } from '../dlms/dlms-results.ts';
import { DlmsUnits, type DlmsUnit } from '../dlms/dlms-units.ts';
import {
  DATA_PROTECTION_CLASS_ID,
  expectGbcsProtection,
  gbcsProtectionParameters,
  GET_PROTECTED_ATTRIBUTES_METHOD_ID,
  getProtectedAttributesRequestFromAxdr,
  getProtectedAttributesRequestToAxdr,
  getProtectedAttributesResponseFromAxdr,
  getProtectedAttributesResponseToAxdr,
  openProtectedAttributes,
  sealProtectedAttributes,
} from '../dlms/get-protected-attributes.ts';
import type { ObisCode } from '../dlms/obis.ts';
import { requireCipher } from '../payload-context.ts';
import { PayloadEncodeError } from '../payload-errors.ts';
import { decodeFixedRequest, decodeSingleResultResponse, encodeFixedRequest, encodeSingleResultResponse } from './dlms-exchange.ts';
import type { UseCaseCodec } from './use-case-codec.ts';

export interface ProtectedObjectRef {
  readonly classId: number;
  readonly logicalName: ObisCode;
  readonly attributeIndex: number;
  readonly dataIndex: number;
}

export interface Ecs17bCommand {
  /** The objects read under protection (GBCS / RTDS: {@link ECS17B_IMPORT_REGISTERS}). */
  readonly objects: readonly ProtectedObjectRef[];
}

export interface EnergyRegister {
  readonly value: number;
  /** Power of ten applied to value; null when the register carries no scaler_unit. */
  readonly scaler: number | null;
  readonly unit: DlmsUnit | null;
}

export type Ecs17bResponse =
  | { readonly ok: true; readonly registers: readonly EnergyRegister[] }
  | { readonly ok: false; readonly result: Exclude<ActionResult, 'success'> };

export const ECS17B_INSTANCE: ObisCode = '0-0:43.2.8.255';

/** The object RTDS ECS17b reads: class 1, 0-0:94.44.34.10, attribute 2. */
export const ECS17B_IMPORT_REGISTERS: ProtectedObjectRef = {
  classId: 1,
  logicalName: '0-0:94.44.34.10',
  attributeIndex: 2,
  dataIndex: 0,
};

export const ECS17B_COMMAND_FIELDS: Ecs17bCommand = { objects: [ECS17B_IMPORT_REGISTERS] };

const SPECS: readonly AccessRequestSpec[] = [
  { kind: 'action', classId: DATA_PROTECTION_CLASS_ID, instanceId: ECS17B_INSTANCE, methodId: GET_PROTECTED_ATTRIBUTES_METHOD_ID },
];

const NO_RESTRICTION = Axdr.nullData();

function registersFromAxdr(d: AxdrData): EnergyRegister[] {
  const outer = expectStructure(d, 'protected-attributes(decrypted)', 1);
  const items = expectType(item(outer, 0), 'structure', 'protected-attributes(decrypted).registers').items;
  const registers: EnergyRegister[] = [];
  for (let i = 0; i < items.length; i++) {
    const f = `protected-attributes(decrypted).registers[${registers.length}]`;
    const value = expectNumber(item(items, i), 'double-long-unsigned', `${f}.value`);
    const next = items[i + 1];
    if (next !== undefined && next.type === 'structure') {
      const su = expectStructure(next, `${f}.scaler-unit`, 2);
      registers.push({
        value,
        scaler: expectNumber(item(su, 0), 'integer', `${f}.scaler`),
        unit: DlmsUnits.nameOf(expectNumber(item(su, 1), 'enum', `${f}.unit`)),
      });
      i++;
    } else {
      registers.push({ value, scaler: null, unit: null });
    }
  }
  return registers;
}

function registersToAxdr(registers: readonly EnergyRegister[]): AxdrData {
  const items: AxdrData[] = [];
  registers.forEach((r, i) => {
    const f = `ECS17b response.registers[${i}]`;
    items.push(Axdr.doubleLongUnsigned(r.value));
    if (r.scaler === null && r.unit === null) return;
    if (r.scaler === null || r.unit === null) throw new PayloadEncodeError(f, 'scaler and unit both set or both null', `scaler ${r.scaler}, unit ${r.unit}`);
    items.push(Axdr.structure(Axdr.integer(r.scaler), Axdr.enum(DlmsUnits.codeOf(r.unit, `${f}.unit`))));
  });
  return Axdr.structure(Axdr.structure(...items));
}

export const ecs17b: UseCaseCodec<Ecs17bCommand, Ecs17bResponse> = {
  kind: 'command-response',
  name: 'ECS17b',
  messageCode: 0x0027,
  srv: '4.1.1',
  title: 'Read ESME Energy Registers (Import Energy)',
  payloadKind: 'dlms',

  encodeCommand(fields, ctx) {
    const param = getProtectedAttributesRequestToAxdr({
      objects: fields.objects.map((o) => ({ ...o, restrictionType: 0, restrictionValue: NO_RESTRICTION })),
      protection: gbcsProtectionParameters(ctx.header),
    });
    return encodeFixedRequest(ctx, SPECS, [param]);
  },

  decodeCommand(payload, ctx) {
    const [param] = decodeFixedRequest(payload, ctx, SPECS, 'ECS17b') as [AxdrData];
    const req = getProtectedAttributesRequestFromAxdr(param, 'get-protected-attributes');
    const top = expectStructure(param, 'get-protected-attributes', 2);
    expectGbcsProtection(req.protection, ctx.header, item(expectType(item(top, 1), 'array', 'get-protected-attributes.protection-parameters').items, 0), 'get-protected-attributes.protection-parameters[0]');
    const objectNodes = expectType(item(top, 0), 'array', 'get-protected-attributes.objects').items;
    return {
      objects: req.objects.map((o, i) => {
        const restriction = item(expectStructure(item(objectNodes, i), `get-protected-attributes.object[${i}]`, 5), 4);
        expectConstant(restriction, Axdr.structure(Axdr.enum(0), NO_RESTRICTION), `get-protected-attributes.object[${i}].restriction`, 'no restriction (structure { enum 0, null-data })');
        return { classId: o.classId, logicalName: o.logicalName, attributeIndex: o.attributeIndex, dataIndex: o.dataIndex };
      }),
    };
  },

  encodeResponse(fields, ctx) {
    return encodeSingleResultResponse(ctx, 'action', 'ECS17b', fields, (f) => {
      const cipher = requireCipher(ctx, 'ECS17b response');
      return getProtectedAttributesResponseToAxdr({
        protection: gbcsProtectionParameters(ctx.header),
        protectedAttributes: sealProtectedAttributes(registersToAxdr(f.registers), cipher),
      });
    });
  },

  decodeResponse(payload, ctx) {
    const r = decodeSingleResultResponse(payload, ctx, 'action', 'ECS17b');
    if (!r.ok) return r;
    const d = r.data;
    const rsp = getProtectedAttributesResponseFromAxdr(d, 'access-response.data[0]');
    const prot = item(expectType(item(expectStructure(d, 'access-response.data[0]', 2), 0), 'array', 'access-response.data[0].protection-parameters').items, 0);
    expectGbcsProtection(rsp.protection, ctx.header, prot, 'access-response.data[0].protection-parameters[0]');
    const plain = openProtectedAttributes(rsp.protectedAttributes, requireCipher(ctx, 'ECS17b response'));
    return { ok: true, registers: registersFromAxdr(plain) };
  },
};
