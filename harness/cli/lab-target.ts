// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * A DIT target in a real lab (`--target lab --url URL`): DUIS over HTTP to a DCC — DCC Boxed, or
 * any DCC that speaks DUIS — with the asynchronous responses and alerts coming back to this
 * process's DUIS receiver, the Service User's keys and the devices' certificates read from a
 * keystore folder (RTDS layout: DCC Boxed runs on the RTDS test PKI), response windows passing
 * in real time, and the lab Bench (harness/bench/lab-bench-driver.ts: the wall clock; tests that
 * need to switch power or radio are skipped with the reason). RequestID counters are epoch
 * milliseconds of the wall clock, so they keep increasing across runs as a DCC requires.
 * The premises description names the lab rig's devices (their EUIs are the DCC inventory's).
 */
import { Bench } from '../bench/bench.ts';
import { createLabBenchDriver } from '../bench/lab-bench-driver.ts';
import type { DitTarget, TargetRequest } from '../dit/dit-target.ts';
import { DuisClient } from '../dit/duis-client.ts';
import { loadTemplateCatalogue } from '../protocol/duis/templates.ts';
import { normalizeEui } from '../protocol/gbcs/eui.ts';
import { KeyStore } from '../protocol/gbcs/keystore.ts';
import { createHttpTransport } from '../transport/http-transport.ts';
import { realTimeWait } from '../transport/wait.ts';

export async function createLabTarget({ config, premises }: TargetRequest): Promise<DitTarget> {
  if (!config.url) throw new Error('a lab target needs the DCC URL (--url)');
  if (!config.lab) throw new Error('a lab target needs its keystore, user and receiver (--keystore, --user, --receiver)');
  const keystore = KeyStore.fromDirectory(config.lab.keystore);
  const userEui = normalizeEui(config.lab.user);
  const userKeys = keystore.get(userEui);
  if (!userKeys?.ds.privateKey || !userKeys.ka.privateKey) {
    throw new Error(`the keystore ${config.lab.keystore} holds no DS and KA private keys for user ${userEui} (files ${userEui.toLowerCase()}-ds.key, -ka.key)`);
  }
  const bench = new Bench(createLabBenchDriver());
  const transport = await createHttpTransport({
    baseUrl: config.url,
    wait: realTimeWait,
    receiver: {
      host: config.lab.receiver.host,
      port: config.lab.receiver.port,
      // the host is the engineer's explicit --receiver choice: any address it names may be bound
      allowNonLoopback: true,
      ...(config.lab.receiver.advertisedUrl ? { advertisedUrl: config.lab.receiver.advertisedUrl } : {}),
    },
  });
  const duis = new DuisClient({
    transport,
    templates: await loadTemplateCatalogue(),
    user: { eui: userEui, keys: userKeys },
    keys: (eui) => keystore.get(eui),
    now: () => bench.now(),
  });
  return {
    kind: 'lab',
    premises,
    duis,
    bench,
    async close() {
      await duis.close();
      await transport.close();
    },
  };
}
