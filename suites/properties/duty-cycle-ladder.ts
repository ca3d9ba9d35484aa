// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The sub-GHz duty-cycle state machine as a receiver of the CHF's alerts sees it (DOMAIN.md "The
 * two HAN bands"): Normal ↔ Limited ↔ Critical ↔ Suspended, one step at a time, each step
 * announced by its alert [V: GBCS alert codes]:
 *
 * | alert | step                  |
 * | ----- | --------------------- |
 * | 8F20  | Normal → Limited      |
 * | 8F22  | Limited → Critical    |
 * | 8F24  | Critical → Suspended  |
 * | 8F25  | Suspended → Critical  |
 * | 8F23  | Critical → Limited    |
 * | 8F21  | Limited → Normal      |
 *
 * An alert whose step does not start from the state the earlier alerts left is an illegal step.
 * After the hub loses mains the receiver no longer knows the state [P: GBCS does not say whether
 * a rebooted hub keeps its duty-cycle level]: the next alert is taken as it comes.
 */

export type DutyCycleLevel = 'Normal' | 'Limited' | 'Critical' | 'Suspended';

/** The step each duty-cycle alert announces. */
export const DUTY_CYCLE_STEPS: Readonly<Record<string, { readonly from: DutyCycleLevel; readonly to: DutyCycleLevel }>> = {
  '8F20': { from: 'Normal', to: 'Limited' },
  '8F22': { from: 'Limited', to: 'Critical' },
  '8F24': { from: 'Critical', to: 'Suspended' },
  '8F25': { from: 'Suspended', to: 'Critical' },
  '8F23': { from: 'Critical', to: 'Limited' },
  '8F21': { from: 'Limited', to: 'Normal' },
};

export class DutyCycleLadder {
  /** null: unknown (after a hub power loss). */
  private level: DutyCycleLevel | null = 'Normal';

  get current(): DutyCycleLevel | null {
    return this.level;
  }

  /** Whether `alertCode` is a duty-cycle step alert. */
  static isStep(alertCode: string): boolean {
    return alertCode.toUpperCase() in DUTY_CYCLE_STEPS;
  }

  /** Takes a step alert; the reason it is illegal, or null. */
  take(alertCode: string): string | null {
    const step = DUTY_CYCLE_STEPS[alertCode.toUpperCase()];
    if (!step) return null;
    const was = this.level;
    this.level = step.to;
    if (was === null || was === step.from) return null;
    return `alert ${alertCode.toUpperCase()} announces ${step.from} → ${step.to}, but the earlier alerts left the duty cycle ${was}`;
  }

  /** The hub lost mains: the level is unknown until its next alert. */
  forget(): void {
    this.level = null;
  }
}
