// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../emulators/clock/virtual-clock.ts';
import { SoakScheduler, type PassTime } from './soak-scheduler.ts';

/** A world of messages on a virtual clock: `send(at, text)` delivers `text` at `at`. */
function world() {
  const clock = new VirtualClock(0);
  let wanted: ((m: string) => boolean) | null = null;
  let gotWanted = false;
  // event by event, back early once a wanted message arrived (as the soak's inbox wait does)
  const passTime: PassTime<string> = async (ms, want) => {
    const end = clock.now() + ms;
    wanted = want;
    gotWanted = false;
    while (!gotWanted && clock.now() < end) {
      const due = clock.nextDueIn();
      await clock.advance(due === null ? end - clock.now() : Math.min(due, end - clock.now()));
    }
    wanted = null;
  };
  const scheduler = new SoakScheduler<string>({ now: () => clock.now(), passTime });
  const send = (at: number, text: string) =>
    clock.schedule(
      { at },
      () => {
        scheduler.deliver(text, clock.now());
        if (wanted?.(text)) gotWanted = true;
      },
      text,
    );
  return { clock, scheduler, send };
}

describe('the soak scheduler', () => {
  it('interleaves sleeping tasks in time order, ties in the order they were added', async () => {
    const { scheduler } = world();
    const log: string[] = [];
    scheduler.add('a', async (t) => {
      for (const at of [0, 30, 60]) {
        await t.until(at);
        log.push(`a@${t.now()}`);
      }
    });
    scheduler.add('b', async (t) => {
      for (const at of [10, 30, 45]) {
        await t.until(at);
        log.push(`b@${t.now()}`);
      }
    });
    expect(await scheduler.run()).toEqual([]);
    expect(log).toEqual(['a@0', 'b@10', 'a@30', 'b@30', 'b@45', 'a@60']);
  });

  it('wakes a waiting task when its message arrives, not at its deadline; null when the deadline passes first', async () => {
    const { scheduler, send } = world();
    send(100, 'pong');
    const got: unknown[] = [];
    scheduler.add('waiter', async (t) => {
      got.push(await t.waitFor((m) => (m === 'pong' ? m.length : undefined), 1_000));
      got.push(t.now());
      got.push(await t.waitFor((m) => (m === 'never' ? m : undefined), t.now() + 50));
      got.push(t.now());
    });
    await scheduler.run();
    expect(got).toEqual([{ value: 4, at: 100 }, 100, null, 150]);
  });

  it('gives a message to one task only, the first added that wants it', async () => {
    const { scheduler, send } = world();
    send(5, 'x');
    const got: Record<string, unknown> = {};
    for (const name of ['first', 'second']) {
      scheduler.add(name, async (t) => {
        got[name] = await t.waitFor((m) => (m === 'x' ? m : undefined), 20);
      });
    }
    await scheduler.run();
    expect(got).toEqual({ first: { value: 'x', at: 5 }, second: null });
  });

  it('takes a message that came while the task waited for another, when asked for from an earlier time', async () => {
    const { scheduler, send } = world();
    send(10, 'late-partner');
    send(20, 'awaited');
    const got: unknown[] = [];
    scheduler.add('t', async (t) => {
      const since = t.now();
      got.push(await t.waitFor((m) => (m === 'awaited' ? m : undefined), 100));
      got.push(await t.waitFor((m) => (m === 'late-partner' ? m : undefined), t.now(), since));
      got.push(await t.waitFor((m) => (m === 'late-partner' ? m : undefined), t.now()));
    });
    await scheduler.run();
    expect(got).toEqual([{ value: 'awaited', at: 20 }, { value: 'late-partner', at: 10 }, null]);
  });

  it('reports a task that throws and goes on with the others', async () => {
    const { scheduler } = world();
    const log: number[] = [];
    scheduler.add('broken', async (t) => {
      await t.until(5);
      throw new Error('boom');
    });
    scheduler.add('fine', async (t) => {
      await t.until(10);
      log.push(t.now());
    });
    const failures = await scheduler.run();
    expect(failures.map((f) => [f.task, f.at, f.error.message])).toEqual([['broken', 5, 'boom']]);
    expect(log).toEqual([10]);
  });
});
