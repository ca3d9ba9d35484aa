// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { XMLData } from '@smartdcc/duis-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateCatalogue, type TemplateCatalogue } from '../../harness/protocol/duis/templates.ts';
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import { cosemDateTimeToDate } from '../../harness/protocol/gbcs/payload/dlms/cosem-date-time.ts';
import { defaultRtdsDir, rtdsAvailable } from '../../harness/protocol/gbcs/rtds.ts';
import { DEFAULT_EUIS } from '../premises.ts';
import { REMOTE_PARTY } from '../remote-parties.ts';
import { buildPreCommand } from './command-sealing.ts';
import { RequestBodyError } from './request-body-error.ts';
import { findSrvTransform } from './srv-transforms.ts';
import { ecs01aCommandFromBody, gcs01aCommandFromBody } from './update-import-tariff-body.ts';

const RTDS = defaultRtdsDir();
const AVAILABLE = rtdsAvailable(RTDS);
const SKIP_REASON = `RTDS folder not found at ${RTDS} (set DIT_RTDS_DIR)`;
/** The RTDS "now": the GCS01a issuer event ids are 2015-01-01T00:00:00Z. */
const RTDS_NOW = Date.UTC(2015, 0, 1);
const context = { deviceTypeOf: () => undefined, now: () => RTDS_NOW };

let templates: TemplateCatalogue;
beforeAll(async () => {
  templates = await loadTemplateCatalogue();
});

const bodyOf = (key: string) => structuredClone(templates.get(key).request.body) as XMLData;

describe('SRV 1.1.1 Update Import Tariff (Primary Element) bodies', () => {
  it('reads the ESME template: switching table, special days, thresholds, prices, immediate', () => {
    const cmd = ecs01aCommandFromBody(bodyOf('ECS01a_1.1.1_IMMEDIATE_TOU'));
    expect(cmd.dayProfiles.map((d) => [d.dayId, d.actions.map((a) => [a.startTime.hour, a.scriptSelector])])).toEqual([
      [1, [[0, 2], [7, 3]]],
      [2, [[6, 3], [23, 2]]],
      [3, [[0, 1]]],
    ]);
    expect(cmd.priceMatrix.touPrices.slice(0, 3)).toEqual([2121, 3127, 4744]);
    expect(cmd.activation.priceMatrix).toEqual({ kind: 'immediate' });
    const future = ecs01aCommandFromBody(bodyOf('ECS01a_1.1.1_FUTURE_DATED_TOU_BLOCK'));
    const at = future.activation.switchingTable;
    expect(at.kind === 'at' && cosemDateTimeToDate(at.dateTime)?.toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(ecs01aCommandFromBody(bodyOf('ECS01a_1.1.1_CANCELLATION_TOU_BLOCK')).activation.thresholdMatrix).toEqual({ kind: 'cancel' });
  });

  it('says which element is wrong', () => {
    const body = bodyOf('ECS01a_1.1.1_IMMEDIATE_TOU') as { UpdateImportTariffPrimaryElement: { ElecTariffElements: Record<string, unknown> } };
    body.UpdateImportTariffPrimaryElement.ElecTariffElements['CurrencyUnits'] = 'USD';
    expect(() => ecs01aCommandFromBody(body as unknown as XMLData)).toThrow(/ElecTariffElements\/CurrencyUnits: expected one of GBP, EUR/);
    expect(() => ecs01aCommandFromBody({})).toThrow(RequestBodyError);
    expect(() => gcs01aCommandFromBody({ UpdateImportTariffPrimaryElement: { ExecutionDateTime: 'soon' } } as XMLData, context)).toThrow(/ExecutionDateTime: expected an xs:dateTime/);
  });

  describe.skipIf(!AVAILABLE)('each RTDS template becomes its RTDS pre-command, byte for byte', () => {
    const rtdsHex = (folder: string, name: string) => readFileSync(join(RTDS, 'RTDS-4.5.0', folder, `${name}_GBCS.HEX`), 'utf8').replace(/\s+/g, '').toUpperCase();
    const CASES = [
      ['ECS01a_1.1.1_IMMEDIATE_TOU', 'ESME', 'ECS01a_1.1.1_IMMEDIATE_TOU_SUCCESS'],
      ['ECS01a_1.1.1_IMMEDIATE_BLOCK', 'ESME', 'ECS01a_1.1.1_IMMEDIATE_BLOCK_SUCCESS'],
      ['ECS01a_1.1.1_FUTURE_DATED_TOU_BLOCK', 'ESME', 'ECS01a_1.1.1_FUTURE_DATED_TOU_BLOCK_SUCCESS'],
      ['ECS01a_1.1.1_CANCELLATION_TOU_BLOCK', 'ESME', 'ECS01a_1.1.1_CANCELLATION_TOU_BLOCK_SUCCESS'],
      ['GCS01a_1.1.1_IMMEDIATE_TOU', 'GSME', 'GCS01a_1.1.1_IMMEDIATE_TOU_SUCCESS'],
      ['GCS01a_1.1.1_FUTURE_DATED_BLOCK', 'GSME', 'GCS01a_1.1.1_FUTURE_DATED_BLOCK_SUCCESS'],
      ['GCS01a_1.1.1_CANCELLATION_BLOCK', 'GSME', 'GCS01a_1.1.1_CANCELLATION_BLOCK_SUCCESS'],
    ] as const;
    for (const [key, target, stem] of CASES) {
      it(key, () => {
        const template = templates.get(key);
        const transform = findSrvTransform('1.1.1', target)!;
        const pre = buildPreCommand({
          transform,
          fields: transform.commandFields(bodyOf(key), context),
          user: REMOTE_PARTY.supplier,
          requestCounter: template.request.header.requestId.counter,
          device: target === 'ESME' ? DEFAULT_EUIS.esme : DEFAULT_EUIS.gsme,
          nextAcbCounter: () => 1n,
        });
        expect(bytesToHex(pre.frame)).toBe(rtdsHex(`1.1.1_${stem.slice(0, 6)}`, `${stem}_PRECOMMAND`));
      });
    }
  });
});

if (!AVAILABLE) {
  describe.skip(`RTDS pre-command comparison skipped: ${SKIP_REASON}`, () => {
    it('needs the RTDS folder', () => {});
  });
}
