// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The RTDS DUIS request templates of @smartdcc/duis-templates 0.5.0, loaded once per process.
 *
 * Keys are `<use case>_<SRV>[_<variant>]`, e.g. `ECS52_11.2`, `ECS17b_4.1.1_SINGLE`,
 * `GCS13a_4.1.1_RELIABLE_GSME`, `CCS01_8.11`, `DBCH04_6.28`; non-device ones are named by SRV
 * (`8.14.1_COMMUNICATIONS_HUB_STATUS_UPDATE_INSTALL`). `loadTemplates({})` loads 264 of the 293
 * files (the rest lack a use-case entry) [V: TOOLCHAIN.md pitfall 10].
 *
 * Lookup accepts the exact key, the exact key in another case, or a prefix that names exactly
 * one template (`GCS38` → `GCS38_11.2`). `ECS17b_4.1.1` is itself a key (command variant 2)
 * and wins over its longer siblings. Anything else is a TemplateLookupError listing candidates.
 */
import { loadTemplates, type Template } from '@smartdcc/duis-templates';
import type { SimplifiedDuisOutputRequest } from '@smartdcc/duis-parser';
import { closeMatches } from './close-matches.ts';
import type { CommandVariantNumber } from './command-variant.ts';
import { formatRequestId } from './request-id.ts';
import { tryDuisEui } from './eui.ts';

export interface DuisTemplate {
  /** The catalogue key, e.g. `ECS17b_4.1.1_SINGLE`. */
  readonly key: string;
  /** Service Reference Variant, e.g. `4.1.1`. */
  readonly srv: string;
  /** GBCS use case (ECS17b, GCS13a, CCS01, DBCH04...), or null for non-device requests. */
  readonly useCase: string | null;
  /** The RTDS variant tag after the SRV (SINGLE, RELIABLE_GSME...), or null. */
  readonly variant: string | null;
  readonly title: string | null;
  readonly commandVariant: CommandVariantNumber;
  /** The RequestID the RTDS file carries (originator/target EUIs are the reference identities). */
  readonly rtdsRequestId: string;
  /** The request as duis-parser's simplified structure (counter as bigint). */
  readonly request: SimplifiedDuisOutputRequest;
  readonly fileName: string;
}

export class TemplateLookupError extends Error {
  constructor(
    readonly wanted: string,
    readonly candidates: readonly string[],
    readonly ambiguous: boolean,
  ) {
    super(
      ambiguous
        ? `DUIS template ${JSON.stringify(wanted)} is ambiguous; it matches ${candidates.join(', ')}: give the full key`
        : `no DUIS template ${JSON.stringify(wanted)}; close matches: ${candidates.join(', ') || '(none)'}`,
    );
    this.name = 'TemplateLookupError';
  }
}

export class TemplateCatalogue {
  private readonly byKey: ReadonlyMap<string, DuisTemplate>;
  private readonly sortedKeys: readonly string[];

  constructor(templates: Iterable<DuisTemplate>) {
    const m = new Map<string, DuisTemplate>();
    for (const t of templates) m.set(t.key, t);
    this.byKey = m;
    this.sortedKeys = Object.freeze([...m.keys()].sort());
  }

  /** Every key, sorted. */
  keys(): readonly string[] {
    return this.sortedKeys;
  }

  get size(): number {
    return this.byKey.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Resolves a key or an unambiguous prefix (see the module comment). */
  get(keyOrPrefix: string): DuisTemplate {
    const wanted = keyOrPrefix.trim();
    const exact = this.byKey.get(wanted);
    if (exact) return exact;
    const lower = wanted.toLowerCase();
    const sameCase = this.sortedKeys.filter((k) => k.toLowerCase() === lower);
    if (sameCase.length === 1) return this.byKey.get(sameCase[0]!)!;
    const prefixed = lower.length === 0 ? [] : this.sortedKeys.filter((k) => k.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return this.byKey.get(prefixed[0]!)!;
    if (prefixed.length > 1) throw new TemplateLookupError(wanted, prefixed, true);
    throw new TemplateLookupError(wanted, closeMatches(wanted, this.sortedKeys), false);
  }

  /** Templates whose SRV is `srv` (e.g. every 4.1.1 variant). */
  forSrv(srv: string): DuisTemplate[] {
    return this.sortedKeys.map((k) => this.byKey.get(k)!).filter((t) => t.srv === srv);
  }

  /** Templates of a GBCS use case (e.g. `GCS13a`). */
  forUseCase(useCase: string): DuisTemplate[] {
    return this.sortedKeys.map((k) => this.byKey.get(k)!).filter((t) => t.useCase === useCase);
  }
}

function toDuisTemplate(key: string, t: Template): DuisTemplate {
  const h = t.simplified.header;
  const srv = h.serviceReferenceVariant['Service Reference Variant'];
  const o = tryDuisEui(h.requestId.originatorId) ?? h.requestId.originatorId;
  const g = tryDuisEui(h.requestId.targetId) ?? h.requestId.targetId;
  return Object.freeze({
    key,
    srv,
    useCase: t.gbcs ?? null,
    variant: t.info ?? null,
    title: t.gbcsTitle ?? h.serviceReferenceVariant['Service Request Name'] ?? null,
    commandVariant: h.commandVariant.number,
    rtdsRequestId: formatRequestId({ originator: o, target: g, counter: h.requestId.counter }),
    request: t.simplified,
    fileName: t.fileName,
  });
}

let loading: Promise<TemplateCatalogue> | null = null;

/** The catalogue, loaded on first use and shared by the process. */
export function loadTemplateCatalogue(): Promise<TemplateCatalogue> {
  if (loading === null) {
    loading = loadTemplates({}).then(
      (dir) => new TemplateCatalogue(Object.entries(dir).map(([k, t]) => toDuisTemplate(k, t))),
      (e: unknown) => {
        loading = null;
        throw new Error(`could not load @smartdcc/duis-templates: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }
  return loading;
}

/** Shorthand: one template by key or unambiguous prefix. */
export async function findTemplate(keyOrPrefix: string): Promise<DuisTemplate> {
  return (await loadTemplateCatalogue()).get(keyOrPrefix);
}
