// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The JSON bodies the world server takes, checked before anything is built: a new world
 * (`POST /worlds`) and a receiver URL (`PUT /worlds/<id>/receiver`, `POST /dit/receiver`).
 * Errors name the field and what was expected; a premises description is checked by the same
 * schema as fixtures/premises (harness/programme/premises-spec.ts).
 */
import { z } from 'zod';
import { parsePremisesSpec, PremisesSpecError, type PremisesSpec } from '../../harness/programme/premises-spec.ts';
import { HttpProblem } from './json-http.ts';

const receiverUrl = z
  .string()
  .refine((u) => {
    try {
      return ['http:', 'https:'].includes(new URL(u).protocol);
    } catch {
      return false;
    }
  }, 'an http(s) URL where the DCC POSTs responses and alerts');

const NewWorldSchema = z.strictObject({
  seed: z.union([z.string().min(1), z.number().finite()]).transform(String),
  startMs: z.number().finite(),
  premises: z.unknown().optional(),
  receiverUrl: receiverUrl.nullable().optional(),
  acceptUnsigned: z.boolean().optional(),
});

const ReceiverSchema = z.strictObject({ url: receiverUrl.nullable() });

export interface NewWorldRequest {
  readonly seed: string;
  readonly startMs: number;
  /** Absent: the default premises description. */
  readonly premises?: PremisesSpec;
  readonly receiverUrl: string | null;
  /** The DCC accepts DUIS requests with no XML signature (default false: strict). */
  readonly acceptUnsigned?: boolean;
}

function check<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpProblem(400, `${what}: ${z.prettifyError(parsed.error).replace(/\n+/g, '; ')}`);
  return parsed.data;
}

export function parseNewWorldRequest(body: unknown): NewWorldRequest {
  const what = 'POST /worlds';
  const b = check(NewWorldSchema, body, what);
  let premises: PremisesSpec | undefined;
  if (b.premises !== undefined) {
    try {
      premises = parsePremisesSpec(b.premises, `${what} body.premises`);
    } catch (e) {
      if (e instanceof PremisesSpecError) throw new HttpProblem(400, e.message.replace(/\n+/g, '; '));
      throw e;
    }
  }
  return { seed: b.seed, startMs: b.startMs, receiverUrl: b.receiverUrl ?? null, ...(premises ? { premises } : {}), ...(b.acceptUnsigned !== undefined ? { acceptUnsigned: b.acceptUnsigned } : {}) };
}

/** `{ "url": "http://…" }`, or `{ "url": null }` to stop delivering. */
export function parseReceiverRequest(body: unknown, what: string): string | null {
  return check(ReceiverSchema, body, what).url;
}
