// Latency of `subnets_metagraph` over HTTP JSON-RPC on a dev node, for a subnet of 256 and one
// of 4096 neurons (registered through `utility.batchAll`, 64 of them staked, one epoch run so
// every per-uid output exists). Baseline in the same run: `chain_getHeader`. Each metagraph call
// is at another block, since the node caches answers per block. Prints figures.
//   node bench/metagraph.js            (or `make bench-rpc` from the repository root)
import { Keyring } from '@polkadot/keyring';
import { encodeAddress } from '@polkadot/util-crypto';
import { rawRpc, sendAndFinalize, startDevNode } from '../lib/node.js';
import { findEvent, hasSubnetEvent, watchBlocks } from '../lib/chain.js';

const SIZES = (process.env.SIZES || '256,4096').split(',').map(Number);
const CALLS = Number(process.env.CALLS || 30);
// A dev block carries 125 ms of weight, one extrinsic at most 81 ms: burned_register declares
// 1.45 ms at its worst (a full 4096 subnet), add_stake 3.5 ms (settling owed rewards first).
const BATCH = 32;
const STAKE_BATCH = 16;
const MYL = 1_000_000_000n;

const node = await startDevNode();
const { api } = node;
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

/** Sends `txs` from Alice with consecutive nonces; resolves when all are in finalized blocks. */
async function sendAll(txs) {
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await Promise.all(txs.map((tx, k) => sendAndFinalize(api, tx, alice, { nonce: nonce + k })));
}

/** A subnet with `n` neurons, 64 of them staked, after one epoch. Returns its netuid. */
async function populate(n) {
  const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(alice.address), alice);
  const netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
  const sudo = (param) => api.tx.sudo.sudo(api.tx.subnets.setHyperparameter(netuid, param));
  await sendAll([sudo({ MaxAllowedUids: n }), sudo({ MinBurn: 1 }), sudo({ MaxBurn: 1 })]);
  const hotkeys = Array.from({ length: n - 1 }, (_, i) => {
    const raw = new Uint8Array(32).fill(0x5a);
    raw.set([netuid >> 8, netuid & 255, i >> 8, i & 255]);
    return encodeAddress(raw, 42);
  });
  const started = performance.now();
  const batches = [];
  for (let i = 0; i < hotkeys.length; i += BATCH) {
    batches.push(api.tx.utility.batchAll(hotkeys.slice(i, i + BATCH).map((hk) => api.tx.subnets.burnedRegister(netuid, hk))));
  }
  await sendAll(batches);
  const stake = hotkeys.slice(0, 64).map((hk) => api.tx.staking.addStake(hk, 10n * MYL));
  const stakeBatches = [];
  for (let i = 0; i < stake.length; i += STAKE_BATCH) {
    stakeBatches.push(api.tx.utility.batchAll(stake.slice(i, i + STAKE_BATCH)));
  }
  await sendAll(stakeBatches);
  const registeredS = (performance.now() - started) / 1000;
  const epochAfter = (await api.rpc.chain.getHeader()).number.toNumber();
  await watchBlocks(
    api,
    async (_h, number, events) =>
      number > epochAfter && hasSubnetEvent(events, api.events.yuma.EpochCompleted, netuid),
    120_000,
  );
  return { netuid, registeredS };
}

const median = (xs) => xs[Math.floor(xs.length / 2)];
const p95 = (xs) => xs[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Median and p95 of `CALLS` calls; `params` is an array, or a function of the call's index. */
async function latency(method, params, check = () => {}) {
  const paramsOf = typeof params === 'function' ? params : () => params;
  for (let i = 0; i < 3; i++) await rawRpc(node.rpcPort, method, paramsOf(CALLS + i)); // warm-up
  const times = [];
  let bytes = 0;
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    const { reply } = await rawRpc(node.rpcPort, method, paramsOf(i));
    times.push(performance.now() - t);
    if (reply.error) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    check(reply.result);
    bytes = JSON.stringify(reply.result).length;
  }
  times.sort((a, b) => a - b);
  return { median: median(times), p95: p95(times), bytes };
}

try {
  const base = await latency('chain_getHeader', []);
  console.log(`baseline chain_getHeader:   median ${base.median.toFixed(2)} ms, p95 ${base.p95.toFixed(2)} ms`);
  for (const n of SIZES) {
    const { netuid, registeredS } = await populate(n);
    // The node caches a metagraph per (block, netuid): each timed call asks for another of the
    // last CALLS + 3 blocks, so every one is computed; `cached` repeats one block.
    // Every timed block holds the whole subnet: wait until the last CALLS + 3 blocks all came
    // after it was filled.
    const filled = (await api.rpc.chain.getHeader()).number.toNumber();
    await watchBlocks(api, async (_h, number) => number >= filled + CALLS + 3, 120_000);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const hashes = [];
    for (let i = 0; i < CALLS + 3; i++) hashes.push((await api.rpc.chain.getBlockHash(best - i)).toHex());
    const whole = (result) => {
      if (result.neurons.length !== n) throw new Error(`a metagraph of ${result.neurons.length} neurons, not ${n}`);
    };
    const mg = await latency('subnets_metagraph', (i) => [netuid, hashes[i]], whole);
    const cached = await latency('subnets_metagraph', [netuid, hashes[0]]);
    const one = await latency('subnets_neuron', [netuid, n - 1]);
    // The runtime API alone (SCALE out, no JSON): `state_call` with the SCALE-encoded netuid.
    const arg = `0x${(netuid & 255).toString(16).padStart(2, '0')}${(netuid >> 8).toString(16).padStart(2, '0')}`;
    const scale = await latency('state_call', ['SubnetsApi_metagraph', arg]);
    console.log(`n = ${n} (registered in ${registeredS.toFixed(1)} s):`);
    console.log(
      `  subnets_metagraph: median ${mg.median.toFixed(1)} ms, p95 ${mg.p95.toFixed(1)} ms, ` +
        `${(mg.bytes / 1024).toFixed(0)} KiB, ${(mg.median / base.median).toFixed(0)}x chain_getHeader, ` +
        `${((mg.median * 1000) / n).toFixed(1)} µs per neuron`,
    );
    console.log(`  subnets_metagraph, cached (one block): median ${cached.median.toFixed(1)} ms, p95 ${cached.p95.toFixed(1)} ms`);
    console.log(`  state_call SubnetsApi_metagraph (SCALE): median ${scale.median.toFixed(1)} ms, p95 ${scale.p95.toFixed(1)} ms`);
    console.log(`  subnets_neuron:    median ${one.median.toFixed(2)} ms, p95 ${one.p95.toFixed(2)} ms`);
  }
} finally {
  await node.stop();
}
