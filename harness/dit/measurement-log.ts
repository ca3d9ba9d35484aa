// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The measurements of the execution a DIT worker is running. The worker runs one execution at a
 * time (vitest runs a file's tests one after another), so the log of the running attempt is held
 * here while it runs: `ditCase` opens it before the body and closes it after, the body records
 * through `ctx.measure`, and the shared expectations (expectations.ts) record the measurements
 * every case takes without asking — the response window of each device response and alert, and
 * the count of messages nobody asked for. Outside an execution (a unit test calling an
 * expectation directly) recording is a no-op.
 */
import { measurementOf, type MeasuredValue, type Measurement, type MeasurementSpec } from './measurement.ts';

export class MeasurementLog {
  readonly #taken: Measurement[] = [];

  record(name: string, value: MeasuredValue, spec: MeasurementSpec): Measurement {
    const m = measurementOf(name, value, spec);
    this.#taken.push(m);
    return m;
  }

  get all(): readonly Measurement[] {
    return this.#taken;
  }

  get failed(): readonly Measurement[] {
    return this.#taken.filter((m) => m.outcome === 'fail');
  }
}

let active: MeasurementLog | undefined;

/** Opens the log of the attempt about to run (the worker's runAttempt). */
export function openMeasurementLog(): MeasurementLog {
  active = new MeasurementLog();
  return active;
}

/** Closes the running attempt's log. */
export function closeMeasurementLog(log: MeasurementLog): void {
  if (active === log) active = undefined;
}

/** Records a measurement in the running execution's log (none running: decided, not kept). */
export function recordMeasurement(name: string, value: MeasuredValue, spec: MeasurementSpec): Measurement {
  return active ? active.record(name, value, spec) : measurementOf(name, value, spec);
}
