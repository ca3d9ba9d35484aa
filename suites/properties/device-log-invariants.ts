// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What must hold while a Service User changes the CHF Device Log (device-log-steps.ts), checked
 * from the DUIS answers and messages alone. The premises invariants (premises-invariants.ts) all
 * hold — every acknowledged request gets at most one outcome, and one within its window; a
 * device response matches its request; counters increase; a CCS06/CCS07 read lists at most
 * DEVICE_LOG_LIMIT devices, each once, each a meter of the premises or a device a CCS01 added —
 * and these too:
 *
 * | invariant             | holds when                                                                 |
 * | --------------------- | -------------------------------------------------------------------------- |
 * | device-log-limits     | each CS14 0x8F12 lists at most DEVICE_LOG_LIMIT devices, each once        |
 * | removal-alerted       | a successful CCS02 gives a CS14 within a minute of its response (unless the device was added again first) |
 * | removed-not-listed    | a CS14 after a removal's own (the last within that minute, and every later one) does not list the device until a CCS01 or CCS03 brings it back; a CCS06/CCS07 read sent while it is removed does not list it |
 * | removed-device-silent | a request to a meter sent while it is removed gets no device response before a CCS01 or CCS03 brings it back |
 *
 * A device is removed from the arrival of its CCS02's success response until the next CCS01
 * that adds it or CCS03 that restores it is sent. A CCS03 restores the devices of the last CCS07
 * CHF Device Log that arrived before it was sent (the DCC's record, emulators/dcc/
 * device-log-records.ts) [P]. Excused from one-outcome-in-window: a request to a meter that is
 * removed, or being removed or added again while it waits (after a CCS01 the meter must rejoin:
 * the user cannot see when it has [P]).
 *
 * Not checked: the Historic Device Log's limit (15 [V: DOMAIN.md], emulators/comms-hub/
 * device-log.ts): no DUIS read gives it to a Service User.
 */
import type { Bench } from '../../harness/bench/bench.ts';
import type { DuisClient } from '../../harness/dit/duis-client.ts';
import { sameEui } from '../../harness/protocol/duis/eui.ts';
import { describeMessage } from '../../harness/transport/inbox.ts';
import type { PremisesSpec } from '../../harness/programme/premises-spec.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { ccs02 } from '../../harness/protocol/gbcs/payload/use-cases/ccs02.ts';
import { ccs03 } from '../../harness/protocol/gbcs/payload/use-cases/ccs03.ts';
import { ccs06 } from '../../harness/protocol/gbcs/payload/use-cases/ccs06.ts';
import { ccs07 } from '../../harness/protocol/gbcs/payload/use-cases/ccs07.ts';
import { ALERT_CHF_DEVICE_LOG_CHANGED, cs14DeviceLogChanged } from '../../harness/protocol/gbcs/payload/use-cases/cs14-device-log-changed.ts';
import { ALERT_WINDOW_MS, MAINS_WINDOW_MS } from '../han-checks.ts';
import { clockText, InvariantViolation, PremisesInvariants, type Arrival, type SentRequest } from './premises-invariants.ts';
import type { SequenceInvariants } from './sequence-runner.ts';

/** A request that changes the CHF Device Log: which change, of which device (none: a restore). */
interface LogChange {
  readonly kind: 'add' | 'remove' | 'restore';
  readonly device: Eui64 | null;
  readonly request: SentRequest;
}

/** Where a device stands, as the user can tell: in the log, removed, or on its way out or back. */
type LogState = 'present' | 'removed' | 'changing';

const CS14_CODE = ALERT_CHF_DEVICE_LOG_CHANGED.toString(16).toUpperCase();

export class DeviceLogInvariants implements SequenceInvariants {
  readonly base: PremisesInvariants;
  private readonly changes: LogChange[] = [];
  private readonly reads: SentRequest[] = [];
  private readonly meterRequests: SentRequest[] = [];

  constructor(
    duis: DuisClient,
    private readonly bench: Bench,
    premises: PremisesSpec,
  ) {
    this.base = new PremisesInvariants(duis, bench, premises, { excuse: (r, deadline) => this.excuse(r, deadline) });
  }

  get received(): readonly Arrival[] {
    return this.base.received;
  }

  /** A change of the log was sent (`device`: what it adds or removes). */
  changed(kind: LogChange['kind'], device: Eui64 | null, request: SentRequest): void {
    if (kind === 'add' && device) this.base.mayList(device);
    this.changes.push({ kind, device, request });
  }

  /** A CCS06/CCS07 read of the CHF Device Log was sent. */
  read(request: SentRequest): void {
    this.reads.push(request);
  }

  /** A request to a meter was sent. */
  meterRequest(request: SentRequest): void {
    this.meterRequests.push(request);
  }

  horizon(): number {
    let latest = this.base.horizon();
    for (const c of this.changes) if (c.kind === 'remove') latest = Math.max(latest, c.request.sentAt + MAINS_WINDOW_MS + ALERT_WINDOW_MS);
    return latest;
  }

  check(final = false): void {
    this.base.check(final);
    const now = this.bench.now();
    const cs14s = this.cs14s();
    for (const { at, devices } of cs14s) this.base.checkDeviceLog(`CS14 0x8F12 at ${clockText(at)}`, devices, true);
    for (const c of this.changes) if (c.kind === 'remove' && c.device) this.checkRemoval(c, c.device, cs14s, now, final);
    for (const r of this.reads) this.checkRead(r);
    for (const r of this.meterRequests) this.checkSilence(r);
  }

  close(): void {
    this.base.close();
  }

  /** Each CS14 that arrived, with the devices it lists (the CHF sends them to the ACB: the user cannot check their MAC). */
  private cs14s(): { at: number; devices: string[] }[] {
    const found: { at: number; devices: string[] }[] = [];
    for (const { at, message: m } of this.base.received) {
      if (m.kind !== 'device-alert' || m.alertCode?.toUpperCase() !== CS14_CODE) continue;
      const opened = this.base.open(m);
      if (!opened) continue;
      const alert = cs14DeviceLogChanged.decodeAlert(opened.frame.payload, { header: opened.frame, ...(opened.cipher ? { cipher: opened.cipher } : {}) });
      found.push({ at, devices: alert.devices.map((d) => d.deviceId) });
    }
    return found;
  }

  /** The devices a CCS03 restores: those of the last CCS07 CHF Device Log that arrived before it was sent. */
  private restored(restore: SentRequest): readonly string[] {
    let latest: { at: number; devices: string[] } | null = null;
    for (const r of this.reads) {
      if (r.kind !== 'chf-device-logs-security-read') continue;
      const response = this.base.responseOf(r, (payload, ctx) => ccs07.decodeResponse(payload, ctx));
      if (!response || response.at > restore.sentAt || !response.fields.chfDeviceLog.ok) continue;
      if (!latest || response.at >= latest.at) latest = { at: response.at, devices: response.fields.chfDeviceLog.details.devices.map((d) => d.deviceId) };
    }
    return latest?.devices ?? [];
  }

  /** Whether `c` adds `eui` to the log (a CCS01 of it, or a CCS03 whose record lists it). */
  private bringsBack(c: LogChange, eui: Eui64): boolean {
    if (c.kind === 'add') return c.device !== null && sameEui(c.device, eui);
    return c.kind === 'restore' && this.restored(c.request).some((d) => sameEui(d, eui));
  }

  /** Where `eui` stands at world time `t`, from the changes sent by then (see the file header). */
  private stateAt(eui: Eui64, t: number): LogState {
    const before = this.changes.filter((c) => c.request.sentAt <= t && (c.kind === 'restore' || (c.device !== null && sameEui(c.device, eui))));
    const stateOf = (i: number): LogState => {
      const c = before[i];
      if (!c) return 'present';
      if (c.kind === 'remove') {
        const response = this.base.responseOf(c.request, (payload, ctx) => ccs02.decodeResponse(payload, ctx));
        if (!response || response.at > t) return 'changing';
        return response.fields.unregisterDevice === 'success' ? 'removed' : stateOf(i - 1);
      }
      const prior = stateOf(i - 1);
      if (prior === 'present' || !this.bringsBack(c, eui)) return prior;
      if (c.kind === 'add') return 'changing';
      const response = this.base.responseOf(c.request, (payload, ctx) => ccs03.decodeResponse(payload, ctx));
      return response && response.at <= t && response.fields.restoreDeviceLog === 'success' ? 'present' : 'changing';
    };
    return stateOf(before.length - 1);
  }

  /** When `eui`, removed by `removal`, is next brought back (a CCS01 or CCS03 sent), or Infinity. */
  private backAt(removal: LogChange, eui: Eui64): number {
    const back = this.changes.slice(this.changes.indexOf(removal) + 1).find((c) => this.bringsBack(c, eui));
    return back?.request.sentAt ?? Infinity;
  }

  private excuse(r: SentRequest, deadline: number): string | null {
    if (r.targetType !== 'ESME' && r.targetType !== 'GSME') return null;
    const state = this.stateAt(r.target, r.sentAt);
    if (state === 'removed') return 'its meter was out of the CHF Device Log';
    if (state === 'changing') return 'its meter was being removed from or added back to the CHF Device Log';
    const removal = this.changes.find((c) => c.kind === 'remove' && c.device !== null && sameEui(c.device, r.target) && c.request.sentAt >= r.sentAt && c.request.sentAt <= deadline);
    return removal ? `a CCS02 removed its meter at ${clockText(removal.request.sentAt)} while it waited` : null;
  }

  private checkRemoval(removal: LogChange, eui: Eui64, cs14s: readonly { at: number; devices: string[] }[], now: number, final: boolean): void {
    const response = this.base.responseOf(removal.request, (payload, ctx) => ccs02.decodeResponse(payload, ctx));
    if (!response || response.fields.unregisterDevice !== 'success') return;
    const windowEnd = response.at + ALERT_WINDOW_MS;
    const backAt = this.backAt(removal, eui);
    const after = cs14s.filter((a) => a.at > removal.request.sentAt && a.at < backAt);
    const inWindow = after.filter((a) => a.at <= windowEnd);
    const judged = final || now > windowEnd;
    if (!judged) return;
    const what = `${removal.request.title} (answered success at ${clockText(response.at)})`;
    if (inWindow.length === 0 && backAt > windowEnd) throw new InvariantViolation('removal-alerted', `${what}: no CS14 0x8F12 by ${clockText(windowEnd)}`);
    const last = inWindow[inWindow.length - 1];
    for (const cs14 of [...(last ? [last] : []), ...after.filter((a) => a.at > windowEnd)]) {
      if (cs14.devices.some((d) => sameEui(d, eui))) {
        throw new InvariantViolation('removed-not-listed', `${what}: the CS14 0x8F12 at ${clockText(cs14.at)} still lists ${eui} (${cs14.devices.join(', ')})`);
      }
    }
  }

  private checkRead(r: SentRequest): void {
    const response = this.base.responseOf(r, (payload, ctx) => {
      if (r.kind === 'chf-device-log-read') {
        const log = ccs06.decodeResponse(payload, ctx);
        return log.ok ? log.devices.map((d) => d.deviceId) : [];
      }
      const logs = ccs07.decodeResponse(payload, ctx);
      return logs.chfDeviceLog.ok ? logs.chfDeviceLog.details.devices.map((d) => d.deviceId) : [];
    });
    for (const device of response?.fields ?? []) {
      if (this.stateAt(device, r.sentAt) === 'removed') {
        throw new InvariantViolation('removed-not-listed', `${r.title} (sent at ${clockText(r.sentAt)}) lists ${device}, removed from the CHF Device Log before it was sent`);
      }
    }
  }

  private checkSilence(r: SentRequest): void {
    if (this.stateAt(r.target, r.sentAt) !== 'removed') return;
    const back = this.changes.find((c) => c.request.sentAt >= r.sentAt && this.bringsBack(c, r.target))?.request.sentAt ?? Infinity;
    const answered = this.base.outcomesOf(r).find((o) => o.message.kind === 'response' && o.at < back);
    if (answered) {
      throw new InvariantViolation('removed-device-silent', `${r.title} (sent at ${clockText(r.sentAt)}, its meter out of the CHF Device Log) was answered: ${describeMessage(answered.message)} at ${clockText(answered.at)}`);
    }
  }
}
