// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Runs tasks one at a time in arrival order. A hosted world takes its DUIS requests and Bench
 * operations through one queue, so two HTTP calls never drive its virtual clock at once (the
 * clock refuses that) and a request never lands in the middle of an advance.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
