// Helpers that follow the chain through polkadot.js: new best blocks, events, epochs.

/** The first event of type `ev` (e.g. `api.events.subnets.NetworkRegistered`) in `events`. */
export const findEvent = (events, ev) => events.find(({ event }) => ev.is(event))?.event;

/** Whether `events` hold an event of type `ev` about subnet `netuid` (a `netuid` field). */
export const hasSubnetEvent = (events, ev, netuid) =>
  events.some(({ event }) => ev.is(event) && event.data.netuid.toNumber() === netuid);

/**
 * The endpoint uid `uid` of `netuid` serves, from storage (`Subnets.NeuronPages`, 64 uids a
 * page): `{ url, block }` with the URL as text, or null.
 */
export async function axonOf(api, netuid, uid) {
  const page = await api.query.subnets.neuronPages(netuid, Math.floor(uid / 64));
  const entry = page[uid % 64];
  if (!entry || entry.axon.isNone) return null;
  const axon = entry.axon.unwrap();
  return { url: axon.url.toUtf8(), block: axon.block.toNumber() };
}

/**
 * Calls `onBlock(hash, number, events)` for every new best block until it returns true;
 * rejects after `ms` milliseconds.
 */
export function watchBlocks(api, onBlock, ms) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let busy = Promise.resolve();
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      if (unsub) unsub();
      reject(new Error('timed out waiting for blocks'));
    }, ms);
    api.rpc.chain
      .subscribeNewHeads((header) => {
        busy = busy.then(async () => {
          if (done) return;
          const hash = header.hash;
          const events = await (await api.at(hash)).query.system.events();
          if (await onBlock(hash, header.number.toNumber(), events)) {
            done = true;
            clearTimeout(timer);
            if (unsub) unsub();
            resolve();
          }
        });
      })
      .then((u) => {
        unsub = u;
        if (done) u();
      });
  });
}

/**
 * The first `count` epochs of `netuid` in blocks after `afterNumber`, walking every block by
 * number (the best chain may already be ahead): `[{ number, hash, parentHash, emission }]`.
 */
export async function epochsAfter(api, netuid, afterNumber, count, maxBlocks = 60) {
  const epochs = [];
  for (let number = afterNumber + 1; epochs.length < count; number += 1) {
    if (number > afterNumber + maxBlocks) {
      throw new Error(`fewer than ${count} epochs of netuid ${netuid} within ${maxBlocks} blocks`);
    }
    await watchBlocks(api, async (_hash, best) => best >= number, 30_000);
    const hash = await api.rpc.chain.getBlockHash(number);
    const header = await api.rpc.chain.getHeader(hash);
    const events = await (await api.at(hash)).query.system.events();
    for (const { event } of events) {
      if (api.events.yuma.EpochCompleted.is(event) && event.data.netuid.toNumber() === netuid) {
        epochs.push({ number, hash, parentHash: header.parentHash, emission: event.data.emission.toBigInt() });
      }
    }
  }
  return epochs;
}

/**
 * Money is conserved: total issuance equals Σ (free + reserved) over every account, at the
 * finalized block.
 */
export async function assertIssuanceIsAllBalances(api, assert) {
  const at = await api.at(await api.rpc.chain.getFinalizedHead());
  const issuance = (await at.query.balances.totalIssuance()).toBigInt();
  let sum = 0n;
  for (const [, account] of await at.query.system.account.entries()) {
    sum += account.data.free.toBigInt() + account.data.reserved.toBigInt();
  }
  assert.equal(sum, issuance, 'total issuance = Σ balances');
}
