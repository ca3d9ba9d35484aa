// SPDX-License-Identifier: GPL-3.0-or-later
/** The use cases the emulated devices answer, by message code. */
import { ccs01OnChf } from './ccs01.ts';
import { ccs02OnChf } from './ccs02.ts';
import { ccs03OnChf } from './ccs03.ts';
import { ccs06OnChf } from './ccs06.ts';
import { ccs07OnChf } from './ccs07.ts';
import { cs06OnDevices } from './cs06.ts';
import { cs07OnGsme } from './cs07.ts';
import { gcs59OnGpf } from './gcs59.ts';
import { dbch01OnChf } from './dbch01.ts';
import { dbch02OnChf } from './dbch02.ts';
import { dbch03OnChf } from './dbch03.ts';
import { dbch04OnChf } from './dbch04.ts';
import { dbch05OnChf } from './dbch05.ts';
import { ecs01aOnEsme } from './ecs01a.ts';
import { ecs17bOnEsme } from './ecs17b.ts';
import { ecs52OnEsmeOrHub } from './ecs52.ts';
import { ecs70OnEsme } from './ecs70.ts';
import { gcs28OnGsme } from './gcs28.ts';
import type { EmulatedUseCase } from './emulated-use-case.ts';
import { gcs01aOnGsme } from './gcs01a.ts';
import { gcs13aOnGpfOrGsme } from './gcs13a.ts';
import { gcs38OnGsme } from './gcs38.ts';
import { cs03a1OnEsme, cs03bOnGsme, cs03cOnGsme, cs04acOnMeters, cs04bOnGsme } from './join-service.ts';

export const EMULATED_USE_CASES: readonly EmulatedUseCase[] = [ecs17bOnEsme, gcs13aOnGpfOrGsme, ecs52OnEsmeOrHub, gcs38OnGsme, ccs01OnChf, dbch01OnChf, ccs02OnChf, cs03bOnGsme, cs04bOnGsme, ecs70OnEsme, gcs28OnGsme, cs03a1OnEsme, cs03cOnGsme, cs04acOnMeters, ccs06OnChf, ccs07OnChf, cs07OnGsme, ccs03OnChf, gcs59OnGpf, ecs01aOnEsme, gcs01aOnGsme, dbch04OnChf, dbch05OnChf, dbch03OnChf, dbch02OnChf, cs06OnDevices];

/** A message-code table of use cases; refuses two for one code. */
export function useCaseTable(useCases: readonly EmulatedUseCase[] = EMULATED_USE_CASES): ReadonlyMap<number, EmulatedUseCase> {
  const table = new Map<number, EmulatedUseCase>();
  for (const u of useCases) {
    const other = table.get(u.messageCode);
    if (other) throw new RangeError(`use cases ${other.name} and ${u.name} share message code 0x${u.messageCode.toString(16)}`);
    table.set(u.messageCode, u);
  }
  return table;
}
