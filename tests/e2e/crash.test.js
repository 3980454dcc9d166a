// A dev node killed with SIGKILL while it authors an epoch block, restarted on the same base
// path: its JSON-RPC answers again within 10 s, the finalized chain it had is unchanged (same
// hashes, so the same state roots), the state at the last finalized block reads the same, and
// it authors and finalizes new blocks (back at the tip) within 60 s.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { sendAndFinalize, startDevNode } from './lib/node.js';
import { findEvent, watchBlocks } from './lib/chain.js';

describe('crash: kill -9 while authoring', () => {
  let node = null;
  after(async () => {
    if (node) await node.stop();
  });

  it('restarts on the same base path with its finalized chain and state intact', async () => {
    node = await startDevNode();
    let api = node.api;
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(alice.address), alice);
    const netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    const nextEpoch = async () => (await api.rpc.subnets.list()).toJSON().find((s) => s.netuid === netuid).next_epoch_block;

    // Some finalized history first, then kill it as soon as the block before an epoch is its
    // best: it is then authoring the epoch block.
    await watchBlocks(api, async () => {
      const f = await api.rpc.chain.getFinalizedHead();
      return (await api.rpc.chain.getHeader(f)).number.toNumber() >= 20;
    }, 60_000);
    let target = await nextEpoch();
    await watchBlocks(api, async (_hash, number) => {
      if (number >= target) target = await nextEpoch();
      return number === target - 1;
    }, 60_000);
    const finalized = await api.rpc.chain.getFinalizedHead();
    const finalizedNumber = (await api.rpc.chain.getHeader(finalized)).number.toNumber();
    const hashes = [];
    for (let n = 0; n <= finalizedNumber; n += 1) hashes.push((await api.rpc.chain.getBlockHash(n)).toHex());
    const listAt = JSON.stringify((await api.rpc.subnets.list(finalized)).toJSON());
    const aliceAt = (await (await api.at(finalized)).query.system.account(alice.address)).toJSON();
    process.kill(node.pid, 'SIGKILL');
    const reuse = node.reuse;
    await node.stop({ keepBasePath: true });

    const restarted = performance.now();
    node = await startDevNode({ reuse, minBlock: 0 });
    api = node.api;
    const rpcMs = performance.now() - restarted;
    assert.ok(rpcMs < 10_000, `RPC back in ${Math.round(rpcMs)} ms`);

    // The finalized chain is unchanged, block by block, and its state reads the same.
    for (let n = 0; n <= finalizedNumber; n += 1) {
      assert.equal((await api.rpc.chain.getBlockHash(n)).toHex(), hashes[n], `block #${n}`);
    }
    assert.equal(JSON.stringify((await api.rpc.subnets.list(finalized)).toJSON()), listAt);
    assert.deepEqual((await (await api.at(finalized)).query.system.account(alice.address)).toJSON(), aliceAt);

    // Back at the tip: new blocks authored and finalized past what it had, epochs included.
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    let epochs = 0;
    await watchBlocks(api, async (_hash, number, evs) => {
      if (evs.some(({ event }) => api.events.yuma.EpochCompleted.is(event))) epochs += 1;
      return number >= best + 12 && epochs >= 1;
    }, 60_000);
    await watchBlocks(api, async () => {
      const f = await api.rpc.chain.getFinalizedHead();
      return (await api.rpc.chain.getHeader(f)).number.toNumber() > best;
    }, 60_000);
    const tipMs = performance.now() - restarted;
    assert.ok(tipMs < 60_000, `back at the tip in ${Math.round(tipMs)} ms`);
    console.log(
      `crash: killed at #${target - 1} (epoch block #${target} in authoring), finalized #${finalizedNumber} kept; ` +
        `RPC back in ${Math.round(rpcMs)} ms, authoring and finalizing past #${best} in ${Math.round(tipMs)} ms`,
    );
  });
});
