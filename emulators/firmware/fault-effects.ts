// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What each fault primitive does to a message, applied where the emulators build or receive it
 * (command-handler.ts for commands and responses, premises.ts for alerts):
 * - `buildOutgoing` makes a response or alert frame through wrong-value (typed fields) →
 *   encode → corrupt payload → seal → corrupt MAC, and says whether it is sent (drop,
 *   omit-alert), how much later (delay) and how many more times (alert-storm);
 * - `receiveCommand` does the same for a command as it reaches the device: corrupt the bytes
 *   (the device's MAC check then refuses it), drop it, delay it, replace decoded fields, reject it.
 * Every fired fault records in the premises' fault log whether it acted and how.
 */
import type { GbcsFrame } from '../../harness/protocol/gbcs/frame-types.ts';
import type { SeededRandom } from '../clock/seeded-random.ts';
import { firedOf, type FiredFault } from './firmware-faults.ts';
import type { FaultOf } from './profile-schema.ts';

const MAC_LENGTH = 12;

/** A copy of `bytes` with `count` distinct bytes in [start, end) XORed with a non-zero value. */
export function flipBytes(bytes: Uint8Array, start: number, end: number, count: number, random: SeededRandom): { bytes: Uint8Array; offsets: number[] } {
  const out = new Uint8Array(bytes);
  const span = Math.max(0, Math.min(end, bytes.length) - Math.max(0, start));
  const n = Math.min(count, span);
  const offsets: number[] = [];
  while (offsets.length < n) {
    const offset = start + random.int(0, span - 1);
    if (offsets.includes(offset)) continue;
    offsets.push(offset);
    out[offset] = (out[offset] as number) ^ random.int(1, 255);
  }
  return { bytes: out, offsets: offsets.sort((a, b) => a - b) };
}

/** Where a decoded frame's payload and integrity tag (MAC, else signature) sit in its bytes. */
export function frameRegions(bytes: Uint8Array, frame: GbcsFrame): { payload: [number, number]; integrity: [number, number] } {
  const tail = (frame.mac ? MAC_LENGTH : 0) + (frame.preCommand ? 0 : 1) + (frame.signature?.length ?? 0);
  const end = bytes.length - tail;
  const payload: [number, number] = [end - frame.payload.length, end];
  if (frame.mac) return { payload, integrity: [bytes.length - MAC_LENGTH, bytes.length] };
  if (frame.signature) return { payload, integrity: [bytes.length - frame.signature.length, bytes.length] };
  // nothing protects it: the tail of the payload stands in for the tag
  return { payload, integrity: [Math.max(payload[0], end - MAC_LENGTH), end] };
}

function offsetsText(offsets: readonly number[]): string {
  return offsets.map((o) => `+${o}`).join(', ');
}

/** The value at a dotted path, or `absent`. */
function readPath(root: unknown, path: readonly string[]): { found: true; value: unknown } | { found: false } {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return { found: false };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

/** A copy of `root` with the value at `path` replaced (arrays and objects copied along the path). */
function writePath<T>(root: T, path: readonly string[], value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return value as T;
  const node = root as unknown as Record<string, unknown>;
  const child = rest.length === 0 ? value : writePath(node[key], rest, value);
  if (Array.isArray(root)) {
    const copy = [...root] as unknown[];
    copy[Number(key)] = child;
    return copy as unknown as T;
  }
  return { ...node, [key]: child } as T;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Applies one wrong-value fault to typed fields; records what it did. */
export function replaceField<T>(fields: T, fired: FiredFault<FaultOf<'wrong-value'>>): T {
  const { fault, memory } = fired;
  const path = fault.field.split('.');
  const current = readPath(fields, path);
  if (!current.found) {
    fired.record(false, `field ${fault.field} is absent from this ${fault.useCase} ${fault.direction}`);
    return fields;
  }
  const original = current.value;
  let value: unknown;
  const r = fault.replacement;
  if (r.kind === 'constant') {
    if (original !== null && r.value !== null && typeof original !== typeof r.value) {
      fired.record(false, `field ${fault.field} holds a ${typeof original}, the replacement is a ${typeof r.value}`);
      return fields;
    }
    value = r.value;
  } else if (r.kind === 'offset') {
    if (typeof original !== 'number') {
      fired.record(false, `field ${fault.field} holds a ${typeof original}, not a number to offset`);
      return fields;
    }
    value = original + r.by;
  } else {
    if (!memory.has(fault.field)) memory.set(fault.field, original);
    value = memory.get(fault.field);
  }
  fired.record(true, `${fault.field}: ${describe(original)} → ${describe(value)}`);
  return writePath(fields, path, value);
}

/** An outgoing response or alert: its typed fields and how to encode and seal them. */
export interface OutgoingMessage<F> {
  readonly fields: F;
  encode(fields: F): Uint8Array;
  seal(payload: Uint8Array): Uint8Array;
}

export interface Outgoing {
  /** The frame to send; null when a fault keeps it from being sent. */
  readonly frame: Uint8Array | null;
  /** Extra virtual ms before it leaves. */
  readonly delayMs: number;
  /** alert-storm: the same frame is sent again this many virtual ms after it first leaves, once per entry. */
  readonly repeatsAfterMs: readonly number[];
}

/** Builds an outgoing message with the fired faults applied (see the file header). */
export function buildOutgoing<F>(message: OutgoingMessage<F>, fired: readonly FiredFault[]): Outgoing {
  const stoppers = [...firedOf(fired, 'drop'), ...firedOf(fired, 'omit-alert')];
  const stopper = stoppers[0];
  if (stopper) {
    stopper.record(true, stopper.fault.primitive === 'drop' ? `the ${stopper.fault.direction} is not sent` : 'the alert is not raised');
    for (const other of fired) if (other !== stopper) other.record(false, `not sent: fault ${stopper.fault.id} stopped it`);
    return { frame: null, delayMs: 0, repeatsAfterMs: [] };
  }
  let fields = message.fields;
  for (const f of firedOf(fired, 'wrong-value')) fields = replaceField(fields, f);
  let payload = message.encode(fields);
  const corrupt = firedOf(fired, 'corrupt');
  for (const f of corrupt.filter((c) => c.fault.target === 'payload')) {
    const flipped = flipBytes(payload, 0, payload.length, f.fault.bytes ?? 1, f.random);
    payload = flipped.bytes;
    f.record(true, `payload bytes ${offsetsText(flipped.offsets)} flipped before sealing`);
  }
  let frame = message.seal(payload);
  for (const f of corrupt.filter((c) => c.fault.target === 'mac')) {
    const start = frame.length - Math.min(MAC_LENGTH, frame.length);
    const flipped = flipBytes(frame, start, frame.length, f.fault.bytes ?? 1, f.random);
    frame = flipped.bytes;
    f.record(true, `frame bytes ${offsetsText(flipped.offsets)} of the integrity tag flipped after sealing`);
  }
  let delayMs = 0;
  for (const f of firedOf(fired, 'delay')) {
    delayMs += f.fault.delayMs;
    f.record(true, `sent ${f.fault.delayMs} ms late`);
  }
  const repeatsAfterMs: number[] = [];
  for (const f of firedOf(fired, 'alert-storm')) {
    for (let n = 1; n < f.fault.times; n++) repeatsAfterMs.push(n * f.fault.intervalMs);
    f.record(true, `sent ${f.fault.times} times, ${f.fault.intervalMs} ms apart`);
  }
  return { frame, delayMs, repeatsAfterMs: repeatsAfterMs.sort((a, b) => a - b) };
}

/** A command as it reaches the device, after its faults. */
export interface ReceivedCommand {
  /** The bytes the device checks (corrupted ones fail its MAC check). */
  readonly bytes: Uint8Array;
  /** A drop fault: the device never acts on it. */
  readonly dropped: FiredFault | null;
  /** A reject fault: the device answers with an error and does not act. */
  readonly rejected: FiredFault<FaultOf<'reject'>> | null;
  /** Delay faults: the device acts on it `delayMs` (their sum) later. */
  readonly delays: ReadonlyArray<FiredFault<FaultOf<'delay'>>>;
  readonly delayMs: number;
  /** wrong-value faults to apply to the decoded command. */
  readonly wrongValues: ReadonlyArray<FiredFault<FaultOf<'wrong-value'>>>;
  /** The faults still to act once the device accepts the command (reject, delay, wrong-value). */
  readonly pending: readonly FiredFault[];
}

/**
 * Applies the byte-level faults of a command (drop, corrupt: recorded here); the others act
 * only if the device accepts it, and the caller records them then (or, refused, as not acting).
 */
export function receiveCommand(bytes: Uint8Array, frame: GbcsFrame, fired: readonly FiredFault[]): ReceivedCommand {
  const dropped = firedOf(fired, 'drop')[0] ?? null;
  if (dropped) {
    dropped.record(true, 'the command is lost before the device acts on it');
    for (const other of fired) if (other !== dropped) other.record(false, `not acted on: fault ${dropped.fault.id} dropped the command`);
    return { bytes, dropped, rejected: null, delays: [], delayMs: 0, wrongValues: [], pending: [] };
  }
  let out = bytes;
  for (const f of firedOf(fired, 'corrupt')) {
    const regions = frameRegions(out, frame);
    const [start, end] = f.fault.target === 'mac' ? regions.integrity : regions.payload;
    const flipped = flipBytes(out, start, end, f.fault.bytes ?? 1, f.random);
    out = flipped.bytes;
    f.record(true, `command bytes ${offsetsText(flipped.offsets)} (${f.fault.target}) flipped on the way to the device`);
  }
  const delays = firedOf(fired, 'delay');
  const [reject, ...otherRejects] = firedOf(fired, 'reject');
  for (const f of otherRejects) f.record(false, `fault ${reject?.fault.id} already rejects the command`);
  const wrongValues = firedOf(fired, 'wrong-value');
  return {
    bytes: out,
    dropped: null,
    rejected: reject ?? null,
    delays,
    delayMs: delays.reduce((sum, f) => sum + f.fault.delayMs, 0),
    wrongValues,
    pending: [...(reject ? [reject] : []), ...delays, ...wrongValues],
  };
}
