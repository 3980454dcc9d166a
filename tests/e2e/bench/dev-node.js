// Measures a dev node: time from start to the first block, the block interval and finality lag
// over 100 blocks, and the node's resident memory one minute after start. Prints figures.
//   node bench/dev-node.js            (or `make bench-node` from the repository root)
import { readFileSync } from 'node:fs';
import { startDevNode } from '../lib/node.js';

const BLOCKS = Number(process.env.BLOCKS || 100);

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]);
  return kb / 1024;
}

const node = await startDevNode({ minBlock: 1, pollMs: 10 });
const startedAt = performance.now() - node.readyMs;
try {
  const { api } = node;
  const arrivals = [];
  const lags = [];
  await new Promise((resolve) => {
    let unsub;
    api.rpc.chain
      .subscribeNewHeads(async (header) => {
        arrivals.push({ number: header.number.toNumber(), at: performance.now() });
        const fin = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
        lags.push(header.number.toNumber() - fin.number.toNumber());
        if (arrivals.length > BLOCKS) {
          unsub();
          resolve();
        }
      })
      .then((u) => (unsub = u));
  });
  const first = arrivals[0];
  const last = arrivals[arrivals.length - 1];
  const blocks = last.number - first.number;
  const wallInterval = (last.at - first.at) / blocks;
  const tsFirst = (await api.query.timestamp.now.at(await api.rpc.chain.getBlockHash(first.number))).toNumber();
  const tsLast = (await api.query.timestamp.now.at(await api.rpc.chain.getBlockHash(last.number))).toNumber();
  lags.sort((a, b) => a - b);

  const waitMs = 60_000 - (performance.now() - startedAt);
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  const rss = rssMiB(node.pid);

  console.log(`start to first block:          ${node.readyMs.toFixed(0)} ms`);
  console.log(`blocks measured:               ${blocks} (#${first.number}..#${last.number})`);
  console.log(`mean block interval (arrival): ${wallInterval.toFixed(1)} ms`);
  console.log(`mean block interval (on-chain):${((tsLast - tsFirst) / blocks).toFixed(1)} ms`);
  console.log(`finality lag (blocks): median ${lags[lags.length >> 1]}, max ${lags[lags.length - 1]}`);
  console.log(`node RSS 1 min after start:    ${rss.toFixed(0)} MiB`);
} finally {
  await node.stop();
}
