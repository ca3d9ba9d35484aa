// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { Bench, BenchCapabilityMissing, type BenchCapability, type BenchDriver } from './bench.ts';

function driver(capabilities: BenchCapability[]): BenchDriver & { calls: string[] } {
  let now = 1000;
  const calls: string[] = [];
  return {
    name: 'test',
    capabilities: new Set(capabilities),
    calls,
    now: () => now,
    advance: async (ms) => {
      now += ms;
      calls.push(`advance ${ms}`);
    },
    setSupply: async (d, on) => void calls.push(`supply ${d} ${on}`),
    setBatteryPercent: async (d, p) => void calls.push(`battery ${d} ${p}`),
    setRadioLink: async (d, up) => void calls.push(`radio ${d} ${up}`),
    setInterference: async (c, level) => void calls.push(`interference ${c.page}/${c.channel} ${level}`),
    transmitFiller: async (d, bytes) => void calls.push(`filler ${d} ${bytes}`),
    deliverLocally: async (d, command) => {
      calls.push(`local ${d} ${command.length} bytes`);
      return { response: Uint8Array.of(0xdd), note: 'answered' };
    },
  };
}

describe('Bench', () => {
  it('passes actions to its driver', async () => {
    const d = driver(['clock', 'supply-power', 'battery', 'radio-loss']);
    const bench = new Bench(d);
    await bench.advance(500);
    await bench.powerOff('00DB1234567890A0');
    await bench.powerOn('00DB1234567890A0');
    await bench.setBattery('00DB1234567890A1', 5);
    await bench.radioLoss('00DB1234567890A1');
    await bench.radioRestore('00DB1234567890A1');
    expect(bench.now()).toBe(1500);
    expect(d.calls).toEqual([
      'advance 500',
      'supply 00DB1234567890A0 false',
      'supply 00DB1234567890A0 true',
      'battery 00DB1234567890A1 5',
      'radio 00DB1234567890A1 false',
      'radio 00DB1234567890A1 true',
    ]);
  });

  it('says what it lacks, so a test can be skipped with the reason', async () => {
    const bench = new Bench(driver(['clock']));
    expect(bench.lacking('clock')).toBeNull();
    expect(bench.lacking('clock', 'battery', 'radio-loss')).toBe('the test bench lacks battery, radio-loss');
    await expect(bench.setBattery('00DB1234567890A1', 5)).rejects.toBeInstanceOf(BenchCapabilityMissing);
  });

  it('puts interference on a sub-GHz channel and takes it off', async () => {
    const d = driver(['interference']);
    const bench = new Bench(d);
    await bench.interfere({ page: 28, channel: 0 }, -60);
    await bench.clearInterference({ page: 28, channel: 0 });
    expect(d.calls).toEqual(['interference 28/0 -60', 'interference 28/0 null']);
    await expect(bench.interfere({ page: 28, channel: 0 }, Number.NaN)).rejects.toThrow(/dBm/);
    await expect(new Bench(driver(['clock'])).interfere({ page: 28, channel: 0 }, -60)).rejects.toBeInstanceOf(BenchCapabilityMissing);
  });

  it('makes the hub transmit filler (duty-cycle pressure) and cuts a link for a while', async () => {
    const d = driver(['duty-cycle-pressure', 'radio-loss', 'clock']);
    const bench = new Bench(d);
    await bench.transmitFiller('00DB1234567890A1', 20_000);
    await bench.radioLossFor('00DB1234567890A0', 60_000);
    expect(d.calls).toEqual(['filler 00DB1234567890A1 20000', 'radio 00DB1234567890A0 false', 'advance 60000', 'radio 00DB1234567890A0 true']);
    await expect(bench.transmitFiller('00DB1234567890A1', 0)).rejects.toThrow(/whole number of bytes/);
    await expect(new Bench(driver(['clock'])).transmitFiller('00DB1234567890A1', 1)).rejects.toBeInstanceOf(BenchCapabilityMissing);
  });

  it('hands a command to a device locally and gives back its response (local delivery)', async () => {
    const d = driver(['local-delivery']);
    const bench = new Bench(d);
    expect(await bench.deliverLocally('00DB1234567890A0', Uint8Array.of(0xdd, 0x00))).toEqual({ response: Uint8Array.of(0xdd), note: 'answered' });
    expect(d.calls).toEqual(['local 00DB1234567890A0 2 bytes']);
    await expect(bench.deliverLocally('00DB1234567890A0', new Uint8Array(0))).rejects.toThrow(/needs a GBCS command frame/);
    await expect(new Bench(driver(['clock'])).deliverLocally('00DB1234567890A0', Uint8Array.of(0xdd))).rejects.toBeInstanceOf(BenchCapabilityMissing);
  });

  it('refuses nonsense values', async () => {
    const bench = new Bench(driver(['clock', 'battery']));
    await expect(bench.advance(-1)).rejects.toThrow(/non-negative/);
    await expect(bench.setBattery('00DB1234567890A1', 101)).rejects.toThrow(/0\.\.100/);
  });
});
