// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The sub-GHz duty cycle of a dual-band comms hub, as a Service User sees it through DUIS while
 * the Bench puts duty-cycle pressure on the hub (filler the hub transmits to a meter): the CHF's
 * alerts as its duty cycle climbs Normal → Limited → Critical → Suspended and falls back, the
 * message it discards while Suspended, a meter holding its alerts while the hub has it suspended
 * — and none of it on 2.4 GHz, where no duty cycle applies (DOMAIN.md "The two HAN bands").
 * The checks themselves are in duty-cycle-checks.ts.
 */
import { ditCase } from '../harness/dit/dit-case.ts';
import { heldAlertsFollowTheSuspension, hubDutyCycleEscalatesAndRecovers, noDutyCycleOn24GHz } from './duty-cycle-checks.ts';

ditCase(
  {
    id: 'DUTY-CYCLE-ESCALATION-AND-RECOVERY',
    title: 'Hub pushed past Limited on 868 MHz: 0x8F20, 0x8F22, 0x8F24 in order, a command discarded while Suspended (0x8F2C), back to Normal with 0x8F25, 0x8F23, 0x8F21',
    useCase: 'DBCH06',
    srv: 'NA',
    deviceTypes: ['GSME'],
    bands: ['868MHz'],
    tags: ['formal', 'regression'],
    severity: 2,
    needs: ['duty-cycle-pressure', 'clock'],
  },
  hubDutyCycleEscalatesAndRecovers,
);

ditCase(
  {
    id: 'DUTY-CYCLE-NONE-ON-2.4GHZ',
    title: 'The same pressure towards a meter on 2.4 GHz: no duty-cycle alert, the meter answers at once',
    useCase: 'ECS52',
    srv: '11.2',
    deviceTypes: ['ESME'],
    bands: ['2.4GHz'],
    tags: ['formal', 'regression'],
    severity: 3,
    needs: ['duty-cycle-pressure', 'clock'],
  },
  noDutyCycleOn24GHz,
);

ditCase(
  {
    id: 'DUTY-CYCLE-SUSPENDED-METER-HOLDS-ALERTS',
    title: 'A meter the hub suspends at Limited holds its low battery alert until the suspension ends, then sends it',
    useCase: 'GNCA',
    srv: 'NA',
    deviceTypes: ['GSME'],
    bands: ['868MHz'],
    tags: ['formal', 'regression'],
    severity: 3,
    needs: ['duty-cycle-pressure', 'battery', 'clock'],
  },
  heldAlertsFollowTheSuspension,
);
