// Yuma on the dev chain (tempo 10): one subnet, two validators, three miners. Both validators
// weight miner A highest. Over two epochs miner A's stake grows most, the subnet owner gets
// exactly 18% of each epoch's emission, and the total issuance grows by exactly what Yuma
// paid (nothing else happens on chain meanwhile: the weights calls are feeless).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, sendAndFinalize } from './lib/node.js';
import { epochsAfter, findEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;

describe('yuma epochs', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const charlie = keyring.addFromUri('//Charlie');
  const [ownerHk, valiA, valiB, minerA, minerB, minerC] = [0, 1, 2, 3, 4, 5].map(() =>
    keyring.addFromMnemonic(mnemonicGenerate()),
  );
  let netuid;
  const uid = {};

  const permitted = async (hk) =>
    (await api.query.yuma.validatorPermit(netuid)).toJSON()[uid[hk.address]] === true;
  const snapshot = async (hash) => {
    const at = await api.at(hash);
    const poolStake = async (hk) => {
      const pool = await at.query.staking.pools(hk.address);
      return pool.isSome ? pool.unwrap().stake.toBigInt() : 0n;
    };
    return {
      issuance: (await at.query.balances.totalIssuance()).toBigInt(),
      paid: (await at.query.yuma.totalPaid()).toBigInt(),
      ownerFree: (await at.query.system.account(charlie.address)).data.free.toBigInt(),
      miners: [await poolStake(minerA), await poolStake(minerB), await poolStake(minerC)],
    };
  };

  before(async () => {
    node = await startDevNode();
    api = node.api;
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(ownerHk.address), charlie);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    for (const hk of [valiA, valiB, minerA, minerB, minerC]) {
      const r = await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, hk.address), alice);
      uid[hk.address] = findEvent(r.events, api.events.subnets.NeuronRegistered).data.uid.toNumber();
    }
    await sendAndFinalize(api, api.tx.staking.addStake(valiA.address, 300n * MYL), alice);
    await sendAndFinalize(api, api.tx.staking.addStake(valiB.address, 200n * MYL), alice);
    await sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { WeightsRateLimit: 1 }), charlie);
    await watchBlocks(api, async () => (await permitted(valiA)) && (await permitted(valiB)), 60_000);
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('pays miner A most, the owner 18%, and mints exactly what it pays', async () => {
    const ids = [minerA, minerB, minerC].map((hk) => uid[hk.address]);
    await sendAndFinalize(api, api.tx.weights.setWeights(netuid, ids, [60_000, 20_000, 5_000], 0), valiA);
    const { blockHash: start } = await sendAndFinalize(
      api,
      api.tx.weights.setWeights(netuid, ids, [50_000, 30_000, 10_000], 0),
      valiB,
    );
    const before = await snapshot(start);
    const startNumber = (await api.rpc.chain.getHeader(start)).number.toNumber();

    // Two epochs of this subnet after both rows are in.
    const found = await epochsAfter(api, netuid, startNumber, 2);
    const epochs = found.map((e) => e.emission);
    const end = found[1].hash;
    const after = await snapshot(end);

    const growth = after.miners.map((s, i) => s - before.miners[i]);
    assert.ok(growth[0] > growth[1] && growth[1] > growth[2], `miner stake growth ${growth}`);
    assert.ok(growth[2] >= 0n);

    const ownerCut = epochs.reduce((sum, e) => sum + (e * 18n) / 100n, 0n);
    assert.equal(after.ownerFree - before.ownerFree, ownerCut, 'the owner got 18% of each epoch');

    const minted = after.paid - before.paid;
    assert.ok(minted > 0n && minted <= epochs.reduce((a, b) => a + b, 0n));
    assert.equal(after.issuance - before.issuance, minted, 'issuance grew by what was paid');
  });
});
