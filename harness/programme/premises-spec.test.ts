// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREMISES_FILE, loadPremisesSpec, parsePremisesSpec, PremisesSpecError, type1DeviceOfType, type PremisesSpec } from './premises-spec.ts';

const shipped = loadPremisesSpec(DEFAULT_PREMISES_FILE);
const FILE = 'premises.json';
const withType1 = (type1Devices: unknown) => ({ ...structuredClone(shipped), type1Devices });
const refusal = (json: unknown): string => {
  try {
    parsePremisesSpec(json, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(PremisesSpecError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('premises description: Type 1 devices of the DCC inventory', () => {
  it('the shipped premises lists the PPMID and HCALCS the RTDS 8.7.1 templates name', () => {
    expect(shipped.type1Devices).toEqual([
      { type: 'PPMID', eui: '00DB123456789098' },
      { type: 'HCALCS', eui: '00DB12345678909A' },
    ]);
    expect(type1DeviceOfType(shipped, 'PPMID')?.eui).toBe('00DB123456789098');
  });

  it('is optional: a description without them has none', () => {
    const { type1Devices: _, ...without } = structuredClone(shipped);
    const spec = parsePremisesSpec(without, FILE);
    expect(spec.type1Devices).toBeUndefined();
    expect(type1DeviceOfType(spec, 'PPMID')).toBeUndefined();
  });

  it('refuses an unknown type, a malformed EUI and an unknown field, naming the file, the place and what is expected', () => {
    const type = refusal(withType1([{ type: 'IHD', eui: '00DB123456789098' }]));
    expect(type).toMatch(/^premises\.json: not a valid premises description:/);
    expect(type).toMatch(/expected one of "PPMID"\|"HCALCS"[\s\S]*→ at type1Devices\[0\]\.type/);
    expect(refusal(withType1([{ type: 'PPMID', eui: '00-DB-12-34-56-78-90-98' }]))).toMatch(/an EUI-64 as 16 upper-case hex digits[\s\S]*→ at type1Devices\[0\]\.eui/);
    expect(refusal(withType1([{ type: 'PPMID', eui: '00DB123456789098', band: '2.4GHz' }]))).toMatch(/Unrecognized key: "band"[\s\S]*→ at type1Devices\[0\]/);
    expect(refusal(withType1({ type: 'PPMID' }))).toMatch(/expected array[\s\S]*→ at type1Devices/);
  });

  it('refuses an EUI that is already a meter, a hub function or another Type 1 device, naming both places', () => {
    expect(refusal(withType1([{ type: 'PPMID', eui: '00DB1234567890A0' }]))).toBe(
      `${FILE}: not a valid premises description:\n✖ EUI 00DB1234567890A0 is already the ESME's (meters[0].eui): expected an EUI no other device of the premises has\n  → at type1Devices[0].eui`,
    );
    expect(refusal(withType1([{ type: 'HCALCS', eui: '00DB1234567890A3' }]))).toMatch(/already the GPF's \(commsHub\.gpf\)[\s\S]*→ at type1Devices\[0\]\.eui/);
    expect(refusal(withType1([{ type: 'PPMID', eui: '00DB123456789098' }, { type: 'HCALCS', eui: '00DB123456789098' }]))).toMatch(/already the PPMID's \(type1Devices\[0\]\.eui\)[\s\S]*→ at type1Devices\[1\]\.eui/);
  });
});

describe('premises description: bands', () => {
  const gsme = shipped.meters.findIndex((m) => m.type === 'GSME');
  const changed = (change: (json: PremisesSpec) => void): PremisesSpec => {
    const json = structuredClone(shipped);
    change(json);
    return json;
  };

  it('takes each meter on a band its model can use, and the hub bands and sub-GHz data rate', () => {
    const spec = changed((j) => {
      j.commsHub.bands = ['2.4GHz', '868MHz'];
      j.commsHub.subGhzBitsPerSecond = 50_000;
    });
    expect(parsePremisesSpec(spec, FILE).meters[gsme]?.bands).toEqual(['868MHz']);
  });

  it('refuses a meter on a band its model cannot use, naming the file, the place and what is expected', () => {
    expect(refusal(changed((j) => (j.meters[gsme]!.band = '2.4GHz')))).toBe(
      `${FILE}: not a valid premises description:\n✖ the GSME's model ${shipped.meters[gsme]!.model} works on 868MHz only, not 2.4GHz: expected one of its bands (meters[${gsme}].bands)\n  → at meters[${gsme}].band`,
    );
  });

  it('refuses a meter on a band the hub does not run, and a band named twice', () => {
    expect(refusal(changed((j) => (j.commsHub.bands = ['2.4GHz'])))).toMatch(new RegExp(`the comms hub runs 2\\.4GHz only, not 868MHz[\\s\\S]*→ at meters\\[${gsme}\\]\\.band`));
    expect(refusal(changed((j) => (j.meters[0]!.bands = ['2.4GHz', '2.4GHz'])))).toMatch(/each band once[\s\S]*→ at meters\[0\]\.bands/);
  });
});

describe('premises description: the sub-GHz channel', () => {
  it('refuses a mask off the GB pages or with other than one channel, naming the place', () => {
    const withChannel = (subGhzChannel: string) => ({ ...structuredClone(shipped), commsHub: { ...shipped.commsHub, subGhzChannel } });
    expect(parsePremisesSpec(withChannel('F8001000'), FILE).commsHub.subGhzChannel).toBe('F8001000');
    expect(refusal(withChannel('D0000001'))).toMatch(/one channel on GB pages 28–31 .* got page 26 with channels 0[\s\S]*→ at commsHub\.subGhzChannel/);
    expect(refusal(withChannel('E0000003'))).toMatch(/got page 28 with channels 0, 1/);
    expect(refusal(withChannel('E0000000'))).toMatch(/got page 28 with no channel/);
    expect(refusal(withChannel('E01'))).toMatch(/8 upper-case hex digits[\s\S]*→ at commsHub\.subGhzChannel/);
  });
});
