// SPDX-License-Identifier: GPL-3.0-or-later
/** An ordered list of listeners: added with a function that removes them, called in order. */

export class Listeners<F extends (...args: never[]) => unknown> {
  private readonly list: F[] = [];

  /** Adds a listener; returns a function that removes it. */
  add(listener: F): () => void {
    this.list.push(listener);
    return () => {
      const i = this.list.indexOf(listener);
      if (i >= 0) this.list.splice(i, 1);
    };
  }

  /** The listeners as they are now (a copy: a listener may add or remove others). */
  snapshot(): readonly F[] {
    return [...this.list];
  }

  clear(): void {
    this.list.length = 0;
  }
}
