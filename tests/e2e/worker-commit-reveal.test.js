// myelin-worker's validator on a commit-reveal subnet of a dev chain (tempo 10). The tested
// subnet has netuid 2 or more (another one is registered first), so its epochs are staggered
// off the block numbers: a reveal timed by `block / tempo` would miss its window. One miner
// (started as the `myelin-worker` binary, registering itself) answers; the validator commits
// its weights, then reveals them in the subnet's epoch `commit_reveal_period` after the
// commit's, as `subnets_list` counts epochs. The revealed row is stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { freePort, startDevNode, startWorker, sendAndFinalize } from './lib/node.js';
import { findEvent, hasSubnetEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;

describe('myelin-worker: a validator commits and reveals on netuid >= 2', () => {
  let node;
  let api;
  let netuid;
  let validatorUid;
  const workers = [];
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, charlie] = ['//Alice', '//Charlie'].map((k) => keyring.addFromUri(k));
  const secrets = { validator: mnemonicGenerate(), miner: mnemonicGenerate() };
  const hk = Object.fromEntries(Object.entries(secrets).map(([k, s]) => [k, keyring.addFromMnemonic(s)]));
  const metagraph = async () => (await api.rpc.subnets.metagraph(netuid)).toJSON();
  const neuronOf = (mg, pair) => mg.neurons.find((n) => n.hotkey === pair.address);
  // The subnet's entry of `subnets_list` at block `hash`: `epoch`, `next_epoch_block`, ...
  const subnetAt = async (hash) =>
    (await api.rpc.subnets.list(hash)).toJSON().find((s) => s.netuid === netuid);
  const logs = () => workers.map((w) => `--- ${w.name} ${JSON.stringify(w.exit)}\n${w.log.slice(-10_000)}`).join('\n');

  before(async () => {
    node = await startDevNode();
    api = node.api;
    // Subnets take the lowest free netuid >= 1: register until the new one is 2 or more.
    for (let i = 0; netuid === undefined || netuid < 2; i += 1) {
      assert.ok(i < 3, `netuid ${netuid} after ${i} registrations`);
      const owner = keyring.addFromMnemonic(mnemonicGenerate());
      const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(owner.address), charlie);
      netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    }
    await sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { WeightsRateLimit: 1 }), charlie);
    await sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { CommitRevealEnabled: true }), charlie);
    // The validator's hotkey is registered and staked from polkadot.js, as an operator would.
    const { events } = await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, hk.validator.address), alice);
    validatorUid = findEvent(events, api.events.subnets.NeuronRegistered).data.uid.toNumber();
    await sendAndFinalize(api, api.tx.staking.addStake(hk.validator.address, 100n * MYL), alice);
  });

  after(async () => {
    for (const w of workers) if (w.exit === null) w.child.kill('SIGKILL');
    if (node) await node.stop();
  });

  it('commits, then reveals in the epoch commit_reveal_period later; the row is stored', async () => {
    const hp = (await api.rpc.subnets.hyperparameters(netuid)).toJSON();
    assert.equal(hp.commit_reveal_enabled, true);
    assert.equal(hp.weights_rate_limit, 1);
    const port = await freePort();
    workers.push(
      startWorker('miner', [
        'miner', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets.miner,
        '--coldkey', '//Bob', '--max-burn', '10', '--listen', `127.0.0.1:${port}`,
      ]),
    );
    // The miner registers itself and publishes its axon.
    await watchBlocks(api, async () => Boolean(neuronOf(await metagraph(), hk.miner)?.axon), 90_000).catch((e) =>
      assert.fail(`${e.message}\n${logs()}`),
    );
    const minerUid = neuronOf(await metagraph(), hk.miner).uid;

    workers.push(
      startWorker('validator', [
        'validator', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets.validator,
        '--interval', '5', '--size', '64', '--reference-ms', '50', '--timeout-ms', '3000',
      ]),
    );
    // A commitment, then a reveal (of the last commitment: the validator keeps one at a time).
    let commit = null;
    let reveal = null;
    await watchBlocks(
      api,
      async (hash, number, events) => {
        if (commit && hasSubnetEvent(events, api.events.weights.WeightsRevealed, netuid)) {
          reveal = { hash, number, events };
          return true;
        }
        if (hasSubnetEvent(events, api.events.weights.WeightsCommitted, netuid)) commit = { hash, number, events };
        return false;
      },
      180_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    for (const w of workers) assert.equal(w.exit, null, `${w.name} exited:\n${logs()}`);
    assert.ok(commit.number < reveal.number, `commit #${commit.number} before reveal #${reveal.number}`);
    assert.equal(findEvent(commit.events, api.events.weights.WeightsCommitted).data.uid.toNumber(), validatorUid);
    assert.equal(findEvent(reveal.events, api.events.weights.WeightsRevealed).data.uid.toNumber(), validatorUid);

    // The chain's epochs: the reveal's block is in the commit's epoch + commit_reveal_period.
    const period = (await api.rpc.subnets.hyperparameters(netuid, commit.hash)).toJSON().commit_reveal_period;
    const commitEpoch = (await subnetAt(commit.hash)).epoch;
    assert.equal((await subnetAt(reveal.hash)).epoch, commitEpoch + period, logs());

    // The revealed row is stored: the one miner, max-upscaled.
    const row = await (await api.at(reveal.hash)).query.weights.weights(netuid, validatorUid);
    assert.ok(row.isSome, 'a stored row');
    assert.deepEqual(row.unwrap().toJSON(), [[minerUid, 65535]]);

    // The reveal's block is finalized, and the validator says what it did, with the epochs.
    const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number;
    await watchBlocks(api, async () => (await finalized()).toNumber() >= reveal.number, 30_000);
    assert.equal((await api.rpc.chain.getBlockHash(reveal.number)).toHex(), reveal.hash.toHex());
    const v = workers.find((w) => w.name === 'validator');
    await watchBlocks(api, async () => /revealed the weights committed/.test(v.log), 30_000).catch((e) =>
      assert.fail(`${e.message}\n${logs()}`),
    );
    const [c, r, e] = [commit.number, reveal.number, commitEpoch];
    assert.match(
      v.log,
      new RegExp(`committed weights \\[${minerUid}:\\d+\\] in block #${c} \\(epoch ${e}\\): reveal in epoch ${e + period}`),
    );
    assert.match(
      v.log,
      new RegExp(`revealed the weights committed in block #${c} \\(epoch ${e}\\) in block #${r} \\(epoch ${e + period}\\)`),
    );
    if (process.env.SHOW_WORKER_LOGS) console.log(logs());
  });

  it('stops every worker cleanly on Ctrl-C', async () => {
    for (const w of workers) w.child.kill('SIGINT');
    for (const w of workers) {
      const exit = await Promise.race([w.exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
      assert.deepEqual(exit, { code: 0, signal: null }, `${w.name}:\n${w.log}`);
      assert.match(w.log, /stopped/);
    }
  });
});
