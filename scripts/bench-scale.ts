// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The bench's "scale" figure: N emulated premises (comms hub CHF + GPF, ESME on 2.4 GHz, GSME on
 * 868 MHz) alive in one process on one virtual clock, each with its own seed (its own install
 * codes, keys and radio environment). "Commission" is what createPremises does for a premises
 * (emulators/premises.ts): both meters whitelisted in the CHF Device Log with their install
 * codes and joined to the HAN, the GSME in the GPF Device Log and its first report in the GPF
 * mirror, the GSME's wake cycle scheduled on the clock — the world's own install/join path,
 * without the DUIS service requests a suite sends (those are per execution, in the cycle figure).
 * Keys are derived lazily from the seed when a party first needs them; commissioning needs none
 * of them, so the figure does not include the point multiplications of key derivation.
 *
 * Memory per premises: the heap used after a full GC with the N premises held, minus the heap
 * before, divided by N (needs `--expose-gc`; bench.ts runs this file in a child process so).
 *
 *   node --expose-gc --import tsx scripts/bench-scale.ts [--premises 10000]
 *
 * Prints one JSON line: `{ premises, commissionSeconds, bytesPerPremises, heapUsedMB }`.
 */
import { VirtualClock } from '../emulators/clock/virtual-clock.ts';
import { createPremises, type Premises } from '../emulators/premises.ts';

const i = process.argv.indexOf('--premises');
const count = Number(i >= 0 ? process.argv[i + 1] : 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (bench.ts does)');

const clock = new VirtualClock(Date.parse('2019-04-12T09:00:00Z'));
// warm-up: module state, JIT (not counted)
for (let k = 0; k < 50; k++) createPremises({ seed: `warm-${k}`, clock: new VirtualClock(Date.parse('2019-04-12T09:00:00Z')) });
gc();
gc();
const before = process.memoryUsage().heapUsed;
const held: Premises[] = [];
const t0 = performance.now();
for (let k = 0; k < count; k++) held.push(createPremises({ seed: `scale-${k}`, clock }));
const commissionSeconds = (performance.now() - t0) / 1000;
gc();
gc();
const after = process.memoryUsage().heapUsed;
const joined = held.filter((p) => p.commsHub.chf.deviceLog.entries().filter((e) => e.state === 'joined').length === 2).length;
console.log(
  JSON.stringify({
    premises: held.length,
    joined,
    commissionSeconds: Math.round(commissionSeconds * 100) / 100,
    bytesPerPremises: Math.round((after - before) / count),
    heapUsedMB: Math.round(after / 1024 / 1024),
  }),
);
