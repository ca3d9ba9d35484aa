// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The device-logs property: a random sequence of changes to the CHF Device Log, reads of it, the
 * GSME's join service and time passing (device-log-steps.ts) on one fresh premises, driven
 * through the DUIS client and the Bench alone, with the invariants of device-log-invariants.ts
 * checked after each step and once more when every window has passed (sequence-runner.ts).
 */
import fc from 'fast-check';
import type { XMLData } from '@smartdcc/duis-parser';
import type { DitTarget } from '../../harness/dit/dit-target.ts';
import { toDuisEui } from '../../harness/protocol/duis/eui.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { meterOfType } from '../../harness/programme/premises-spec.ts';
import { installCodeHex, JOIN_TIME_PERIOD_S } from '../device-log-requests.ts';
import { MINUTE } from '../han-checks.ts';
import { DeviceLogInvariants } from './device-log-invariants.ts';
import { deviceLogSequence, describeDeviceLogStep, INVENTED_IHD, type DeviceLogSequence, type DeviceLogStep, type LogDevice } from './device-log-steps.ts';
import { REQUEST_KINDS } from './premises-steps.ts';
import { describePropertySequence, runPropertySequence, type SequenceKind, type SequenceLog, type TargetForSeed } from './sequence-runner.ts';

/** A device's EUI-64 and install code (16 ASCII characters): a meter's from the premises, the IHD's invented. */
function deviceOf(target: DitTarget, device: LogDevice): { eui: Eui64; installCode: string } {
  if (device === 'IHD') return INVENTED_IHD;
  const meter = meterOfType(target.premises, device);
  if (!meter) throw new Error(`the device-logs property needs a premises with a ${device}`);
  return meter;
}

/** The IHD's own join service request on the GSME (RTDS CS03B, CS04B bodies). */
const JOIN_SERVICE = {
  join: { template: 'CS03B_8.7.2', body: { JoinServiceNonCritical: { OtherDeviceID: toDuisEui(INVENTED_IHD.eui) } } },
  unjoin: { template: 'CS04B_8.8.2', body: { UnjoinServiceNonCritical: { OtherDeviceID: toDuisEui(INVENTED_IHD.eui) } } },
} as const;

async function runStep(step: DeviceLogStep, target: DitTarget, invariants: DeviceLogInvariants): Promise<void> {
  const { duis, bench } = target;
  const chf = target.premises.commsHub.chf;
  const title = describeDeviceLogStep(step).replace(/^send /, '');
  switch (step.kind) {
    case 'add':
    case 'remove': {
      const { eui, installCode } = deviceOf(target, step.device);
      const body: XMLData =
        step.kind === 'add'
          ? { DeviceID: toDuisEui(eui), RequestType: 'Add', AddDeviceToCHFWhitelist: { JoinTimePeriod: String(JOIN_TIME_PERIOD_S), InstallCode: installCodeHex(installCode) } }
          : { DeviceID: toDuisEui(eui), RequestType: 'Remove' };
      const exchange = await duis.send(step.kind === 'add' ? 'CCS01_8.11' : 'CCS02_8.11', { target: chf, body: { UpdateHANDeviceLog: body } });
      invariants.changed(step.kind, eui, invariants.base.sentRequest(`ccs-${step.kind}`, { title, target: 'CHF' }, exchange));
      if (step.kind === 'remove' && step.settle) await bench.advance(MINUTE);
      return;
    }
    case 'restore': {
      const exchange = await duis.send('CCS03_8.12.1', { target: chf, body: { RestoreHANDeviceLog: { OldCHFID: toDuisEui(chf) } } });
      invariants.changed('restore', null, invariants.base.sentRequest('ccs-restore', { title, target: 'CHF' }, exchange));
      return;
    }
    case 'request': {
      const info = REQUEST_KINDS[step.request];
      const exchange = await duis.send(info.template, { target: invariants.base.eui(info.target), ...('body' in info ? { body: info.body } : {}) });
      const request = invariants.base.sentRequest(step.request, info, exchange);
      if (info.target === 'CHF') invariants.read(request);
      else invariants.meterRequest(request);
      return;
    }
    case 'join-service': {
      const { template, body } = JOIN_SERVICE[step.service];
      const exchange = await duis.send(template, { target: invariants.base.eui('GSME'), body });
      invariants.meterRequest(invariants.base.sentRequest(`join-service-${step.service}`, { title, target: 'GSME' }, exchange));
      return;
    }
    case 'advance':
      return bench.advance(step.minutes * MINUTE);
  }
}

/** How the device-logs property runs its sequences (sequence-runner.ts). */
export const DEVICE_LOG_SEQUENCES: SequenceKind<DeviceLogStep, DeviceLogInvariants> = {
  seedSpace: 'device-logs-property',
  describeStep: describeDeviceLogStep,
  invariants: (target) => new DeviceLogInvariants(target.duis, target.bench, target.premises),
  runStep,
};

/** The sequence for people: its world seed and its steps, numbered. */
export function describeDeviceLogSequence(sequence: DeviceLogSequence): string[] {
  return describePropertySequence(DEVICE_LOG_SEQUENCES, sequence);
}

/** Runs one sequence on a fresh target, checking the invariants after each step and once every window has passed. */
export function runDeviceLogSequence(sequence: DeviceLogSequence, targetFor: TargetForSeed, log?: SequenceLog): Promise<void> {
  return runPropertySequence(DEVICE_LOG_SEQUENCES, sequence, targetFor, log);
}

/** The property over random sequences, for fast-check. */
export function deviceLogProperty(targetFor: TargetForSeed): fc.IAsyncPropertyWithHooks<[DeviceLogSequence]> {
  return fc.asyncProperty(deviceLogSequence, (sequence) => runDeviceLogSequence(sequence, targetFor));
}
