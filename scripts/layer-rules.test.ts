// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { checkLayers, checkSource } from './layer-rules.ts';

describe('layer rules', () => {
  it('refuses a suite importing an emulator, naming file, line and rule', () => {
    const v = checkSource('suites/read.dit.ts', "import { x } from 'vitest';\nimport { createPremises } from '../emulators/premises.ts';\n");
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: 'suites/read.dit.ts', line: 2, target: 'emulators/premises.ts' });
  });

  it('refuses the harness importing emulators or reports, but not the composition root', () => {
    expect(checkSource('harness/ledger/ledger.ts', "import '../../emulators/clock/virtual-clock.ts';")).toHaveLength(1);
    expect(checkSource('harness/cycle/run.ts', "export { a } from '../../reports/allure.ts';")).toHaveLength(1);
    expect(checkSource('harness/cli/main.ts', "import '../../emulators/premises.ts';")).toHaveLength(0);
  });

  it('lets emulators use the protocol and the bench but not the ledger', () => {
    expect(checkSource('emulators/meters/esme.ts', "import { a } from '../../harness/protocol/gbcs/frame.ts';")).toHaveLength(0);
    expect(checkSource('emulators/meters/esme.ts', "import { a } from '../../harness/ledger/ledger.ts';")).toHaveLength(1);
  });

  it('holds for the project tree', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    expect(checkLayers(root)).toEqual([]);
  });
});
