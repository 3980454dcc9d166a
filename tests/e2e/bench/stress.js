// The stress chain (`myelin-node --dev --chain stress`): subnet 1 with 4096 neurons and 256
// validators weighting every uid, tempo 20, 250 ms slots. Waits for EPOCHS epochs of subnet 1
// (default 5), then reads every block from the first epoch on: its Aura slot (pre-runtime
// digest) and timestamp, its Yuma events, and its declared weight. Prints the slots missed
// (slots without a block between consecutive blocks), the longest block interval, each epoch
// block with its interval and weight, and the owed payouts left.
//   node bench/stress.js            (or `make bench-stress` from the repository root)
import { startDevNode } from '../lib/node.js';

const EPOCHS = Number(process.env.EPOCHS || 5);
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS || 15 * 60_000);

const started = performance.now();
const node = await startDevNode({ extraArgs: ['--chain', 'stress'], timeoutMs: 10 * 60_000 });
console.log(`stress: genesis built and block 1 authored ${(node.readyMs / 1000).toFixed(1)} s after start`);
try {
  const { api } = node;
  const n = (await api.query.subnets.subnetworkN(1)).toNumber();
  const entries = (await api.query.weights.entries(1)).toNumber();
  console.log(`stress: subnet 1 has ${n} neurons and ${entries} weight entries`);

  // The time the node took to build each block it authored, from its log.
  const proposed = new Map();
  const readLog = () => {
    for (const m of node.log().matchAll(/Prepared block for proposing at (\d+) \((\d+) ms\)/g)) {
      proposed.set(Number(m[1]), Number(m[2]));
    }
  };
  // Wait for the epochs, following blocks by number.
  const epochBlocks = [];
  let next = 1;
  const deadline = Date.now() + TIMEOUT_MS;
  while (epochBlocks.length < EPOCHS) {
    if (Date.now() > deadline) throw new Error(`only ${epochBlocks.length} epochs in ${TIMEOUT_MS} ms`);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (; next <= best && epochBlocks.length < EPOCHS; next += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(next));
      const events = await at.query.system.events();
      if (events.some(({ event }) => api.events.yuma.EpochCompleted.is(event) && event.data.netuid.toNumber() === 1)) {
        epochBlocks.push(next);
      }
    }
    readLog();
    await new Promise((r) => setTimeout(r, 250)); // polling interval while blocks come
  }

  // Every block from the one before the first epoch to the one after the last.
  const from = Math.max(1, epochBlocks[0] - 1);
  const to = epochBlocks[epochBlocks.length - 1] + 1;
  while ((await api.rpc.chain.getHeader()).number.toNumber() < to) {
    readLog();
    await new Promise((r) => setTimeout(r, 250));
  }
  readLog();
  const blocks = [];
  for (let b = from; b <= to; b += 1) {
    const hash = await api.rpc.chain.getBlockHash(b);
    const header = await api.rpc.chain.getHeader(hash);
    const aura = header.digest.logs.find((log) => log.isPreRuntime && log.asPreRuntime[0].toString() === 'aura');
    const slot = api.registry.createType('u64', aura.asPreRuntime[1]).toNumber();
    const at = await api.at(hash);
    const timestamp = (await at.query.timestamp.now()).toNumber();
    const weight = await at.query.system.blockWeight();
    const ms = (w) => w.refTime.toBigInt();
    const declared = Number(ms(weight.normal) + ms(weight.operational) + ms(weight.mandatory)) / 1e9;
    blocks.push({ number: b, slot, timestamp, declared, epoch: epochBlocks.includes(b) });
  }
  let missed = 0;
  let longest = { ms: 0, number: 0 };
  for (let i = 1; i < blocks.length; i += 1) {
    missed += blocks[i].slot - blocks[i - 1].slot - 1;
    const interval = blocks[i].timestamp - blocks[i - 1].timestamp;
    if (interval > longest.ms) longest = { ms: interval, number: blocks[i].number };
    blocks[i].interval = interval;
  }
  const owed = (await api.query.yuma.totalOwed()).toBigInt();
  const maxBlock = api.consts.system.blockWeights.maxBlock.refTime.toBigInt();
  console.log(`stress: ${EPOCHS} epochs of subnet 1 in blocks ${epochBlocks.join(', ')}`);
  console.log(`stress: blocks #${from}..#${to}: ${blocks.length} blocks over ${blocks[blocks.length - 1].slot - blocks[0].slot + 1} slots, ${missed} slots missed`);
  console.log(`stress: longest block interval ${longest.ms} ms (before #${longest.number}); the slot is 250 ms`);
  for (const b of blocks.filter((x) => x.epoch)) {
    const after = blocks.find((x) => x.number === b.number + 1);
    const built = proposed.has(b.number) ? `built in ${proposed.get(b.number)} ms` : 'build time not logged';
    console.log(`stress:   epoch block #${b.number}: ${built}, declared weight ${b.declared.toFixed(1)} ms; came ${b.interval} ms after the block before it (${b.slot - blocks[blocks.indexOf(b) - 1].slot - 1} slots missed); the next came ${after.interval} ms later`);
  }
  const heaviest = blocks.reduce((a, b) => (b.declared > a.declared ? b : a));
  const others = blocks.filter((x) => !x.epoch && proposed.has(x.number)).map((x) => proposed.get(x.number)).sort((a, b) => a - b);
  if (others.length) console.log(`stress: other blocks built in ${others[others.length >> 1]} ms (median), ${others[others.length - 1]} ms (max)`);
  console.log(`stress: heaviest block #${heaviest.number}: ${heaviest.declared.toFixed(1)} ms declared of a ${Number(maxBlock) / 1e9} ms limit`);
  console.log(`stress: owed payouts left: ${owed} base units; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
} finally {
  await node.stop();
}
