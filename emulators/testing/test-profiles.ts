// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Test support: a firmware behaviour profile built in code, checked by the profile schema but
 * not against a programme (tests of fault effects should not depend on the programme fixture).
 */
import { z } from 'zod';
import { FirmwareProfileSchema, type Fault, type FirmwareProfile, type FirmwareProfileData } from '../firmware/profile-schema.ts';

export interface TestProfileOptions {
  readonly id?: string;
  readonly kind?: FirmwareProfile['kind'];
  readonly faults?: readonly Fault[];
  readonly timings?: FirmwareProfileData['timings'];
}

/** A fault with the fields every fault needs filled in. */
export function testFault<F extends Fault>(fault: Omit<F, 'description' | 'illustrative'> & Partial<Pick<F, 'description' | 'illustrative'>>): F {
  return { description: `test fault ${fault.id}`, illustrative: true, ...fault } as F;
}

export function testProfile(options: TestProfileOptions = {}): FirmwareProfile {
  const data = {
    id: options.id ?? 'TEST-PROFILE',
    model: 'TEST-MODEL',
    release: 'TEST-RELEASE',
    description: 'a profile built by a test',
    ...(options.timings ? { timings: options.timings } : {}),
    faults: [...(options.faults ?? [])],
  };
  const parsed = FirmwareProfileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`test profile ${data.id} is not valid:\n${z.prettifyError(parsed.error)}`);
  return { ...parsed.data, source: `test:${data.id}`, kind: options.kind ?? 'comms-hub', manufacturer: 'TEST' };
}
