// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DBCH01 on the emulated CHF: read the operating sub-GHz channel. Protection as RTDS
 * DBCH01_6.31_SUCCESS_RESPONSE: MAC, no signature, no header date-time, the command's
 * supplementary remote party carried back.
 */
import { dbch01 } from '../../harness/protocol/gbcs/payload/use-cases/dbch01.ts';
import { subGhzChannelMask } from '../../harness/protocol/gbcs/payload/use-cases/sub-ghz-channel-mask.ts';
import { emulateUseCase } from './emulated-use-case.ts';

export const dbch01OnChf = emulateUseCase(dbch01, {
  targets: ['CHF'],
  command: { sign: false },
  response: { mac: true, sign: false, dateTime: null },
  innerEncryption: false,

  respond(_command, { premises, payload }) {
    return dbch01.encodeResponse({ ok: true, channel: subGhzChannelMask(premises.chf.subGhzChannelMask) }, payload);
  },
});
