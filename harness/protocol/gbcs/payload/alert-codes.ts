// SPDX-License-Identifier: GPL-3.0-or-later
/** Names of GBCS alert codes (the DOMAIN.md subset, in its wording), for describe-payload labels. */

export const ALERT_CODE_NAMES: Readonly<Record<number, string>> = {
  0x8f12: 'CHF Device Log Changed',
  0x8f1c: 'Firmware Verification Failed',
  0x8f1d: 'GSME Power Supply Loss',
  0x8f1f: 'Low Battery',
  0x8f20: 'Duty Cycle: Limited Action Taken',
  0x8f21: 'Duty Cycle: Below Limited Threshold',
  0x8f22: 'Duty Cycle: Critical Action Taken',
  0x8f23: 'Duty Cycle: Below Critical Threshold',
  0x8f24: 'Duty Cycle: Regulated Action Taken',
  0x8f25: 'Duty Cycle: Below Regulated Threshold',
  0x8f26: 'Sub GHz Channel Changed',
  0x8f27: 'Sub GHz Energy Scan Initiated',
  0x8f28: 'Sub GHz Energy Scan Outcome',
  0x8f29: 'Three Lost GSME Searches Failed',
  0x8f2a: 'Sub GHz Configuration Changed',
  0x8f2b: 'Sub GHz Channel Not Changed',
  0x8f2c: 'Message Discarded (Duty Cycle)',
  0x8f2d: 'No More Sub GHz Device Capacity',
  0x8f30: 'Source Does Not Have Authority for Command',
  0x8f35: 'Supply Restored (outage ≥ 3 minutes)',
  0x8f36: 'Supply Restored (outage ≥ 3 minutes)',
  0x8f43: 'Executing Firmware Changed',
  0x8f48: 'Device Join Failed',
  0x8f49: 'Device Joined',
  0x8f4a: 'Device Unjoin Failed',
  0x8f4b: 'Device Unjoined',
  0x8f66: 'Future Dated Command Actioned',
  0x8f67: 'Future Dated Command Not Actioned',
  0x8f69: 'Device Commissioned',
  0x8f72: 'Firmware Verification Successful',
  0x8f84: 'Failed to Deliver to ESME',
  0x8f89: 'Firmware Transfer Failed',
  0x8f8a: 'Firmware Transfer Succeeded',
};

export function alertCodeName(code: number): string | undefined {
  return ALERT_CODE_NAMES[code];
}
