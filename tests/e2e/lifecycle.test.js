// The whole life cycle of a subnet developer on the dev chain (tempo 10), read back over the
// node's `subnets_*` JSON-RPC: create a subnet, register four neurons, stake to two validator
// hotkeys, set weights, wait for epochs; then replay each epoch with
// `myelin-node simulate-epoch` on the inputs read from the chain at the block before it, and
// check the chain's outputs equal the simulator's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { nodeBinary, startDevNode, sendAndFinalize } from './lib/node.js';
import { epochsAfter, findEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;

/** Runs the simulator on `input`; returns its parsed stdout. */
function simulate(input) {
  const run = spawnSync(nodeBinary(), ['simulate-epoch'], { input: JSON.stringify(input), encoding: 'utf8' });
  assert.equal(run.status, 0, `simulate-epoch failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** `[[uid, value], ...]` per uid from the entries of a `(netuid, uid) -> row` storage map. */
function rows(entries, n) {
  const out = Array.from({ length: n }, () => []);
  for (const [key, row] of entries) out[key.args[1].toNumber()] = row.toJSON();
  return out;
}

describe('subnet life cycle over JSON-RPC', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const [ownerHk, valiA, valiB, minerA, minerB] = [0, 1, 2, 3, 4].map(() =>
    keyring.addFromMnemonic(mnemonicGenerate()),
  );
  let netuid;
  const uid = {};
  // `at` is optional: leave it out for the best block (an explicit `undefined` is a zero hash).
  const metagraph = async (at) =>
    (await (at ? api.rpc.subnets.metagraph(netuid, at) : api.rpc.subnets.metagraph(netuid))).toJSON();

  before(async () => {
    node = await startDevNode();
    api = node.api;
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('creates a subnet and registers four neurons, visible in subnets_list and the metagraph', async () => {
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(ownerHk.address), charlie);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    for (const hk of [valiA, valiB, minerA, minerB]) {
      const r = await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, hk.address), alice);
      uid[hk.address] = findEvent(r.events, api.events.subnets.NeuronRegistered).data.uid.toNumber();
    }

    const list = (await api.rpc.subnets.list()).toJSON();
    const info = list.find((s) => s.netuid === netuid);
    assert.ok(info, `netuid ${netuid} listed`);
    assert.equal(info.owner, charlie.address);
    assert.equal(info.owner_hotkey, ownerHk.address);
    assert.equal(info.n, 5);
    assert.equal(info.tempo, 10);
    assert.equal(typeof info.burn, 'string');
    assert.ok(BigInt(info.emission_per_block) > 0n);

    const hp = (await api.rpc.subnets.hyperparameters(netuid)).toJSON();
    assert.equal(hp.tempo, 10);
    assert.equal(hp.max_allowed_uids, 256);
    assert.equal(hp.min_burn, '500000');

    const mg = await metagraph();
    assert.equal(mg.netuid, netuid);
    assert.equal(mg.n, 5);
    assert.deepEqual(mg.neurons.map((n) => n.uid), [0, 1, 2, 3, 4]);
    assert.equal(mg.neurons[0].hotkey, ownerHk.address);
    assert.equal(mg.neurons[0].coldkey, charlie.address);
    assert.equal(mg.neurons[uid[minerA.address]].hotkey, minerA.address);
    assert.equal(mg.neurons[uid[minerA.address]].coldkey, alice.address);
    assert.equal(mg.neurons[uid[minerA.address]].axon, null);

    // The same data through the runtime API (`api.call`).
    const viaCall = (await api.call.subnetsApi.metagraph(netuid)).unwrap();
    assert.equal(viaCall.neurons.length, 5);
    assert.equal(viaCall.neurons[uid[minerA.address]].hotkey.toString(), minerA.address);
  });

  it('shows stake, axons and validator permits', async () => {
    // Read each at the block that included it: later epochs add rewards to the stake.
    const a = await sendAndFinalize(api, api.tx.staking.addStake(valiA.address, 300n * MYL), alice);
    assert.equal((await metagraph(a.blockHash)).neurons[uid[valiA.address]].stake, (300n * MYL).toString());
    const b = await sendAndFinalize(api, api.tx.staking.addStake(valiB.address, 200n * MYL), bob);
    assert.equal((await metagraph(b.blockHash)).neurons[uid[valiB.address]].stake, (200n * MYL).toString());
    await sendAndFinalize(api, api.tx.subnets.serveAxon(netuid, 'http://127.0.0.1:8091'), minerA);
    assert.equal((await metagraph()).neurons[uid[minerA.address]].axon, 'http://127.0.0.1:8091');

    // Permits come with the next epoch.
    await watchBlocks(
      api,
      async () => {
        const m = await metagraph();
        return m.neurons[uid[valiA.address]].validator_permit && m.neurons[uid[valiB.address]].validator_permit;
      },
      60_000,
    );
  });

  it('pays each epoch exactly as simulate-epoch computes it from the same inputs', async () => {
    const miners = [minerA, minerB].map((hk) => uid[hk.address]);
    await sendAndFinalize(api, api.tx.weights.setWeights(netuid, miners, [60_000, 20_000], 0), valiA);
    const { blockHash } = await sendAndFinalize(
      api,
      api.tx.weights.setWeights(netuid, miners, [40_000, 35_000], 0),
      valiB,
    );
    const start = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    // Two epochs: the second starts from the bonds of the first.
    const epochs = await epochsAfter(api, netuid, start, 2);

    for (const epoch of epochs) {
      const before = await metagraph(epoch.parentHash);
      const atParent = await api.at(epoch.parentHash);
      const n = before.n;
      const lastEpoch = (await api.rpc.subnets.list(epoch.parentHash))
        .toJSON()
        .find((s) => s.netuid === netuid).last_epoch_block;
      // The chain weighs each uid by the lesser of its stake now and at the last epoch
      // (`yuma.epochStake`; docs/protocol.md section 8.2).
      const then = (await atParent.query.yuma.epochStake(netuid)).toJSON();
      const input = {
        stake: before.neurons.map((x, i) => (then ? Math.min(Number(x.stake), Number(then[i] ?? 0)) : Number(x.stake))),
        weights: rows(await atParent.query.weights.weights.entries(netuid), n),
        bonds: rows(await atParent.query.yuma.bonds.entries(netuid), n),
        last_update: before.neurons.map((x) => x.last_update),
        registered_at: before.neurons.map((x) => x.registered_at),
        block: epoch.number,
        last_epoch_block: lastEpoch,
        // The owner's 18% is paid first; the epoch shares the rest.
        emission: Number(epoch.emission - (epoch.emission * 18n) / 100n),
        params: (await api.rpc.subnets.hyperparameters(netuid, epoch.parentHash)).toJSON(),
      };
      const sim = simulate(input);

      const mg = await metagraph(epoch.hash);
      assert.equal(mg.block, epoch.number);
      for (const field of ['consensus', 'incentive', 'dividends', 'validator_trust', 'validator_permit']) {
        assert.deepEqual(mg.neurons.map((x) => x[field]), sim[field], `${field} at block ${epoch.number}`);
      }
      assert.deepEqual(mg.neurons.map((x) => Number(x.emission)), sim.emission, `emission at ${epoch.number}`);
      const bonds = rows(await (await api.at(epoch.hash)).query.yuma.bonds.entries(netuid), n);
      assert.deepEqual(bonds, sim.bonds, `bonds at block ${epoch.number}`);

      // Both validators weight miner A above miner B; the validators earn dividends.
      const [a, b] = miners.map((u) => mg.neurons[u].incentive);
      assert.ok(a > b && b > 0, `incentive ${a} > ${b} > 0`);
      assert.ok(mg.neurons[uid[valiA.address]].dividends > 0);
    }
    // The second epoch carried bonds over from the first.
    const firstBonds = rows(await (await api.at(epochs[0].hash)).query.yuma.bonds.entries(netuid), 5);
    assert.ok(firstBonds[uid[valiA.address]].length > 0, 'validator A holds bonds');
  });

  it('refuses an unknown netuid through polkadot.js with the RPC error', async () => {
    await assert.rejects(api.rpc.subnets.metagraph(999), /unknown netuid 999/);
    await assert.rejects(api.rpc.subnets.hyperparameters(999), /unknown netuid 999/);
    assert.ok((await api.call.subnetsApi.metagraph(999)).isNone);
  });
});
