// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The hash of an assessment's inputs: SHA-256 over the canonical JSON (harness/ledger) of the
 * programme (without the folder it was read from), the control point id, the programme date,
 * the test case catalogue and the ledger snapshot. Equal inputs, equal hash — it also seeds
 * the forecast, so equal inputs give an equal forecast.
 */
import { createHash } from 'node:crypto';
import type { TestCaseMeta } from '../dit/test-case-meta.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import type { Programme } from '../programme/programme.ts';
import type { LedgerSnapshot } from './ledger-snapshot.ts';

export function inputsHash(programme: Programme, controlPointId: string, at: string, cases: readonly TestCaseMeta[], snapshot: LedgerSnapshot): string {
  const { folder: _folder, ...content } = programme;
  void _folder;
  const text = canonicalJson({ programme: content, controlPoint: controlPointId, at, cases, snapshot });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
