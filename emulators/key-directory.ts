// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Where the emulated world finds a GBCS party's keys: its own devices' key pairs and the public
 * (and, for the emulated DCC world, private) keys of remote parties such as the supplier and
 * the DCC Access Control Broker. The emulated premises and the emulated DCC share one
 * directory derived from the same seed, so each side can check what the other sealed.
 */
import { normalizeEui } from '../harness/protocol/gbcs/eui.ts';
import type { PartyKeySource } from '../harness/protocol/gbcs/frame-keys.ts';
import type { Eui64, PartyKeys } from '../harness/protocol/gbcs/frame-types.ts';
import { deriveParty } from '../harness/protocol/gbcs/keys.ts';

/** Also a PartyKeySource, so frame-keys.ts chooses a frame's keys from it. */
export interface KeyDirectory extends PartyKeySource {
  /** The keys of a party; throws when the directory does not know it. */
  keysOf(eui: Eui64): PartyKeys;
}

/** Every party's keys = deriveParty(seed, eui), computed once per EUI. */
export function derivedKeyDirectory(seed: string): KeyDirectory {
  const cache = new Map<Eui64, PartyKeys>();
  const keysOf = (eui: Eui64): PartyKeys => {
    const id = normalizeEui(eui);
    let keys = cache.get(id);
    if (!keys) {
      keys = deriveParty(seed, id);
      cache.set(id, keys);
    }
    return keys;
  };
  return { keysOf, key: (eui, name) => keysOf(eui)[name] };
}
