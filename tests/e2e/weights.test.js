// Weights from polkadot.js: a validator sets weights directly; on a commit-reveal subnet
// another validator commits to a row hashed in JavaScript (blake2 over the SCALE encoding
// built with @polkadot/types) and reveals it in its window, the subnet's epoch
// `commit_reveal_period` after the commit's, as `subnets_list` counts epochs. Both hotkeys hold
// no funds: the weights calls are feeless.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat } from '@polkadot/util';
import { blake2AsU8a, mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, sendAndFinalize } from './lib/node.js';
import { findEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;

describe('weights pallet', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const [ownerHk, valiA, valiB, miner1, miner2] = [0, 1, 2, 3, 4].map(() =>
    keyring.addFromMnemonic(mnemonicGenerate()),
  );
  let netuid;
  const uidOf = {};

  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  // Resolves once the chain reaches block `n` (new heads subscription, no polling sleeps).
  const untilBlock = (n) =>
    new Promise((resolve) => {
      let unsub = null;
      api.rpc.chain
        .subscribeNewHeads((header) => {
          if (header.number.toNumber() >= n) {
            if (unsub) unsub();
            resolve();
          }
        })
        .then((u) => {
          unsub = u;
        });
    });
  const permit = async (uid) => (await api.query.yuma.validatorPermit(netuid)).toJSON()[uid] === true;
  // The subnet's entry of `subnets_list` at block `hash`: `epoch`, `next_epoch_block`, ...
  const subnetAt = async (hash) =>
    (await api.rpc.subnets.list(hash)).toJSON().find((s) => s.netuid === netuid);

  before(async () => {
    node = await startDevNode();
    api = node.api;
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(ownerHk.address), alice);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    for (const hk of [valiA, valiB, miner1, miner2]) {
      const r = await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, hk.address), bob);
      uidOf[hk.address] = findEvent(r.events, api.events.subnets.NeuronRegistered).data.uid.toNumber();
    }
    // Stake makes the two validators the top of the subnet: the next epoch gives them permits.
    await sendAndFinalize(api, api.tx.staking.addStake(valiA.address, 100n * MYL), bob);
    await sendAndFinalize(api, api.tx.staking.addStake(valiB.address, 100n * MYL), bob);
    // No rate limit, so the test does not wait 100 blocks between rows.
    await sendAndFinalize(
      api,
      api.tx.subnets.setHyperparameter(netuid, { WeightsRateLimit: 1 }),
      alice,
    );
    const tempo = (await api.query.subnets.hyperparams(netuid)).unwrap().tempo.toNumber();
    // Wait for an epoch after the stake: at most two tempos.
    const start = await best();
    for (let b = start + 1; !(await permit(uidOf[valiA.address])); b += 1) {
      assert.ok(b < start + 3 * tempo + 5, 'validator permits were handed out');
      await untilBlock(b);
    }
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('a validator without funds sets weights; the row is stored max-upscaled', async () => {
    const uids = [uidOf[miner1.address], uidOf[miner2.address]];
    const { events } = await sendAndFinalize(
      api,
      api.tx.weights.setWeights(netuid, uids, [300, 100], 0),
      valiA,
    );
    const ev = findEvent(events, api.events.weights.WeightsSet);
    assert.equal(ev.data.uid.toNumber(), uidOf[valiA.address]);
    const row = (await api.query.weights.weights(netuid, uidOf[valiA.address])).unwrap().toJSON();
    assert.deepEqual(row, [
      [uids[0], 65535],
      [uids[1], 21845],
    ]);
    assert.equal((await api.query.system.account(valiA.address)).data.free.toBigInt(), 0n);
  });

  it('a refused row names its error: a miner has no validator permit', async () => {
    await assert.rejects(
      sendAndFinalize(api, api.tx.weights.setWeights(netuid, [0], [1], 0), miner1),
      /Custom error: 13/,
    );
  });

  it('another validator commits a row hashed in JavaScript and reveals it in its window', async () => {
    await sendAndFinalize(
      api,
      api.tx.subnets.setHyperparameter(netuid, { CommitRevealEnabled: true }),
      alice,
    );
    const uids = [uidOf[miner1.address], uidOf[miner2.address]];
    const weights = [1000, 3000];
    const salt = [7, 42, 9];
    const versionKey = 0;
    const reg = api.registry;
    const encoded = u8aConcat(
      reg.createType('AccountId', valiB.address).toU8a(),
      reg.createType('u16', netuid).toU8a(),
      reg.createType('Vec<u16>', uids).toU8a(),
      reg.createType('Vec<u16>', weights).toU8a(),
      reg.createType('Vec<u16>', salt).toU8a(),
      reg.createType('u64', versionKey).toU8a(),
    );
    const commit = blake2AsU8a(encoded, 256);
    const { events, blockHash } = await sendAndFinalize(
      api,
      api.tx.weights.commitWeights(netuid, commit),
      valiB,
    );
    const committed = findEvent(events, api.events.weights.WeightsCommitted);
    assert.equal(committed.data.commit.toHex(), reg.createType('H256', commit).toHex());
    const hp = (await api.query.subnets.hyperparams(netuid)).unwrap();
    const period = hp.commitRevealPeriod.toNumber();
    // The window is the subnet's epoch `period` after the epoch of the commit's block.
    const commitEpoch = (await subnetAt(blockHash)).epoch;
    const windowEpoch = commitEpoch + period;
    // Too early: refused in the pool (code 16) while the chain is still in the commit's epoch
    // (and that epoch does not end within the next few blocks, while the reveal is sent).
    const head = await api.rpc.chain.getHeader();
    const now = await subnetAt(head.hash);
    if (now.epoch === commitEpoch && now.next_epoch_block > head.number.toNumber() + 3) {
      await assert.rejects(
        sendAndFinalize(api, api.tx.weights.revealWeights(netuid, uids, weights, salt, versionKey), valiB),
        /Custom error: 16/,
      );
    }
    // Then the first best block in the window epoch.
    let epochSeen = null;
    await watchBlocks(
      api,
      async (hash) => {
        epochSeen = (await subnetAt(hash)).epoch;
        return epochSeen >= windowEpoch;
      },
      60_000,
    );
    assert.equal(epochSeen, windowEpoch, `the window (epoch ${windowEpoch}) was not skipped`);
    const { events: revealed } = await sendAndFinalize(
      api,
      api.tx.weights.revealWeights(netuid, uids, weights, salt, versionKey),
      valiB,
    );
    assert.ok(findEvent(revealed, api.events.weights.WeightsRevealed), 'WeightsRevealed');
    const row = (await api.query.weights.weights(netuid, uidOf[valiB.address])).unwrap().toJSON();
    assert.deepEqual(row, [
      [uids[0], 21845],
      [uids[1], 65535],
    ]);
  });
});
