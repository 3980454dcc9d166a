// myelin-worker on a dev chain (tempo 10): one validator and three miners, all started as the
// `myelin-worker` binary. The miners register themselves (each coldkey pays its burn) and
// publish their axons; one answers fast, one is slowed down by 300 ms, one returns wrong
// products. The validator scores them with Freivalds' check and sets weights. After three
// epochs: incentive(fast) > incentive(slow) > incentive(cheat) = 0. When the node restarts
// the validator reconnects and carries on; every worker stops cleanly on Ctrl-C (SIGINT,
// exit code 0).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { freePort, startDevNode, startWorker, sendAndFinalize } from './lib/node.js';
import { epochsAfter, findEvent, hasSubnetEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;

describe('myelin-worker: one validator, three miners', () => {
  let node;
  let api;
  let netuid;
  const workers = [];
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((k) =>
    keyring.addFromUri(k),
  );
  const secrets = { validator: mnemonicGenerate(), fast: mnemonicGenerate(), slow: mnemonicGenerate(), cheat: mnemonicGenerate() };
  const hk = Object.fromEntries(Object.entries(secrets).map(([k, s]) => [k, keyring.addFromMnemonic(s)]));
  const metagraph = async () => (await api.rpc.subnets.metagraph(netuid)).toJSON();
  const neuronOf = (mg, pair) => mg.neurons.find((n) => n.hotkey === pair.address);
  const logs = () => workers.map((w) => `--- ${w.name} ${JSON.stringify(w.exit)}\n${w.log.slice(-10_000)}`).join('\n');

  before(async () => {
    node = await startDevNode();
    api = node.api;
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(alice.address), charlie);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    await sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { WeightsRateLimit: 1 }), charlie);
    // The validator's hotkey is registered and staked from polkadot.js, as an operator would.
    await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, hk.validator.address), alice);
    await sendAndFinalize(api, api.tx.staking.addStake(hk.validator.address, 100n * MYL), alice);
  });

  after(async () => {
    for (const w of workers) if (w.exit === null) w.child.kill('SIGKILL');
    if (node) await node.stop();
  });

  it('scores fast above slow above a cheat, whose incentive is 0', async () => {
    const url = node.wsUrl;
    const miner = async (name, coldkey, extra) => {
      const port = await freePort();
      workers.push(
        startWorker(name, [
          'miner', '--url', url, '--netuid', String(netuid), '--suri', secrets[name],
          '--coldkey', coldkey, '--max-burn', '10', '--listen', `127.0.0.1:${port}`, ...extra,
        ]),
      );
    };
    await miner('fast', '//Bob', []);
    await miner('slow', '//Dave', ['--delay-ms', '300']);
    await miner('cheat', '//Eve', ['--corrupt']);

    // The miners register themselves and publish their axons.
    await watchBlocks(
      api,
      async () => {
        const mg = await metagraph();
        return ['fast', 'slow', 'cheat'].every((m) => neuronOf(mg, hk[m])?.axon);
      },
      90_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    for (const w of workers) assert.equal(w.exit, null, `${w.name} exited:\n${logs()}`);

    workers.push(
      startWorker('validator', [
        'validator', '--url', url, '--netuid', String(netuid), '--suri', secrets.validator,
        '--interval', '5', '--size', '64', '--reference-ms', '50', '--timeout-ms', '3000',
      ]),
    );
    // The validator's first weights, then three epochs.
    let firstWeights = null;
    await watchBlocks(
      api,
      async (_hash, number, events) => {
        if (hasSubnetEvent(events, api.events.weights.WeightsSet, netuid)) firstWeights = number;
        return firstWeights !== null;
      },
      120_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    const epochs = await epochsAfter(api, netuid, firstWeights, 3);
    const mg = (await api.rpc.subnets.metagraph(netuid, epochs[2].hash)).toJSON();
    const [fast, slow, cheat] = ['fast', 'slow', 'cheat'].map((m) => neuronOf(mg, hk[m]).incentive);
    assert.ok(fast > slow, `incentive fast ${fast} > slow ${slow}\n${logs()}`);
    assert.ok(slow > cheat, `incentive slow ${slow} > cheat ${cheat}\n${logs()}`);
    assert.equal(cheat, 0, 'the cheat earns nothing');

    if (process.env.SHOW_WORKER_LOGS) console.log(`incentive ${fast} ${slow} ${cheat}\n${logs()}`);
    const v = workers.find((w) => w.name === 'validator');
    assert.match(v.log, /set weights \[.*\] in block #\d+/);
    assert.match(v.log, /wrong answer -> score 0\.000/);
  });

  it('the validator reconnects when the node restarts and sets weights again', async () => {
    const v = workers.find((w) => w.name === 'validator');
    const before = v.log.length;
    const reuse = node.reuse;
    await node.stop({ keepBasePath: true });
    node = await startDevNode({ reuse });
    api = node.api;
    const since = (await api.rpc.chain.getHeader()).number.toNumber();
    await watchBlocks(
      api,
      async (_hash, number, events) =>
        number > since && hasSubnetEvent(events, api.events.weights.WeightsSet, netuid),
      120_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    const afterRestart = v.log.slice(before);
    assert.match(afterRestart, /lost the node; reconnecting/);
    assert.match(afterRestart, /retrying in \d+s/);
    assert.match(afterRestart, /connected to ws:/);
    for (const w of workers) assert.equal(w.exit, null, `${w.name} exited:\n${logs()}`);
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
