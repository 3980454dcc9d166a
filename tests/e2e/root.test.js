// Root consensus on the dev chain (root tempo 10): two subnets, two root validators. One
// weighting the subnets 3:1 makes their emission shares 3:1 and their per-block accrual
// follows; a hotkey outside the root set is refused by name; a second root validator with less
// stake cannot move the shares past kappa clipping.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { rawRpc, sendAndFinalize, startDevNode } from './lib/node.js';
import { findEvent, hasSubnetEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;
const BILLION = 1_000_000_000;

describe('root consensus', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const [ownerA, ownerB, rootA, rootB, outsider] = [0, 1, 2, 3, 4].map(() =>
    keyring.addFromMnemonic(mnemonicGenerate()),
  );
  let a;
  let b;

  /** `subnets_list` at `hash` (default best), by netuid. */
  const list = async (hash) => {
    const { reply } = await rawRpc(node.rpcPort, 'subnets_list', hash ? [hash.toHex()] : []);
    assert.ok(reply.result, JSON.stringify(reply));
    return Object.fromEntries(reply.result.map((s) => [s.netuid, s]));
  };
  /** Waits for a root epoch in a block after the current best; returns its block hash. */
  const nextRootEpoch = async () => {
    const from = (await api.rpc.chain.getHeader()).number.toNumber();
    let at = null;
    await watchBlocks(
      api,
      async (hash, number, events) => {
        if (number > from && findEvent(events, api.events.root.RootEpochCompleted)) at = hash;
        return at !== null;
      },
      60_000,
    );
    return at;
  };

  before(async () => {
    node = await startDevNode();
    api = node.api;
    for (const owner of [ownerA, ownerB]) {
      const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(owner.address), alice);
      const netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
      if (a === undefined) a = netuid;
      else b = netuid;
    }
    for (const hk of [rootA, rootB, outsider]) {
      await sendAndFinalize(api, api.tx.subnets.burnedRegister(a, hk.address), alice);
    }
    await sendAndFinalize(api, api.tx.staking.addStake(rootA.address, 700n * MYL), alice);
    await sendAndFinalize(api, api.tx.staking.addStake(rootB.address, 300n * MYL), alice);
    await sendAndFinalize(api, api.tx.root.register(rootA.address), alice);
    await sendAndFinalize(api, api.tx.root.register(rootB.address), alice);
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('shares are equal before any root weights', async () => {
    const subnets = await list();
    assert.equal(subnets[a].emission_share, BILLION / 2);
    assert.equal(subnets[b].emission_share, BILLION / 2);
    const root = (await rawRpc(node.rpcPort, 'subnets_root')).reply.result;
    assert.deepEqual(
      root.validators.map((v) => v.hotkey).sort(),
      [rootA.address, rootB.address].sort(),
    );
  });

  it('one root validator weighting 3:1 makes the shares and the accrual 3:1', async () => {
    // Feeless: the hotkey holds no funds.
    await sendAndFinalize(api, api.tx.root.setWeights([a, b], [3, 1]), rootA);
    const epoch = await nextRootEpoch();
    const subnets = await list(epoch);
    const [sa, sb] = [subnets[a].emission_share, subnets[b].emission_share];
    assert.ok(Math.abs(sa - 0.75 * BILLION) <= BILLION / 100, `share of a: ${sa}`);
    assert.ok(Math.abs(sb - 0.25 * BILLION) <= BILLION / 100, `share of b: ${sb}`);
    assert.equal(sa + sb, BILLION);
    const root = (await rawRpc(node.rpcPort, 'subnets_root', [epoch.toHex()])).reply.result;
    const header = await api.rpc.chain.getHeader(epoch);
    assert.equal(root.last_root_epoch_block, header.number.toNumber());
    const row = root.validators.find((v) => v.hotkey === rootA.address).weights;
    assert.deepEqual(row, [[a, 3], [b, 1]]);

    // The per-block accrual of pending_emission follows the shares: in a block without the
    // subnet's epoch, it grows by exactly its emission_per_block.
    let checked = 0;
    await watchBlocks(
      api,
      async (hash, _number, events) => {
        const parent = (await api.rpc.chain.getHeader(hash)).parentHash;
        const [before, now] = [await list(parent), await list(hash)];
        for (const netuid of [a, b]) {
          if (hasSubnetEvent(events, api.events.yuma.EpochCompleted, netuid)) continue;
          if (findEvent(events, api.events.root.RootEpochCompleted)) continue;
          const grew = BigInt(now[netuid].pending_emission) - BigInt(before[netuid].pending_emission);
          assert.equal(grew, BigInt(now[netuid].emission_per_block));
          checked += 1;
        }
        return checked >= 6;
      },
      60_000,
    );
    const now = await list();
    const ratio = Number(BigInt(now[a].emission_per_block)) / Number(BigInt(now[b].emission_per_block));
    assert.ok(Math.abs(ratio - 3) < 0.03 * 3, `accrual ratio ${ratio}`);
  });

  it('refuses a hotkey outside the root set by name', async () => {
    // Directly: refused in the pool (code 21), nothing included.
    await assert.rejects(
      sendAndFinalize(api, api.tx.root.setWeights([a], [1]), outsider),
      /Custom error: 21/,
    );
    // Wrapped (so the dispatch runs, paid by the hotkey): the error by name.
    await sendAndFinalize(api, api.tx.balances.transferKeepAlive(outsider.address, 10n * MYL), alice);
    await assert.rejects(
      sendAndFinalize(api, api.tx.utility.batchAll([api.tx.root.setWeights([a], [1])]), outsider),
      /root\.NotRootValidator/,
    );
  });

  it('a second root validator with less stake cannot move the shares past kappa clipping', async () => {
    // rootB (30% of the root stake) puts everything on b. Consensus is rootA's row (a 0.75,
    // b 0.25): rootB's weight on b is clipped to 0.25, so a keeps 0.525 / 0.775 ≈ 67.7%
    // (unclipped, it would drop to 52.5%).
    await sendAndFinalize(api, api.tx.root.setWeights([b], [1]), rootB);
    const subnets = await list(await nextRootEpoch());
    const sa = subnets[a].emission_share;
    assert.ok(Math.abs(sa - 0.6774 * BILLION) <= BILLION / 100, `share of a: ${sa}`);
  });
});
