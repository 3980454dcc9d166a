// A network partition: four validators (Alice, Bob, Charlie, Dave) of a `local` chain (6 s
// slots, GRANDPA), each in a network namespace of its own made by this test (lib/netns.js).
// Dave's link is cut for 60 s: the three others keep finalizing (3 of 4 is above GRANDPA's
// 2/3), Dave has no peer and finalizes nothing new; then his link comes back, he catches up
// with the finalized chain within 30 s, and the four agree on the finalized hash.
// Needs root (network namespaces); without it the test says why and skips.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { nodeBinary } from './lib/node.js';
import { makeHosts, netnsUnavailable, rpcInside } from './lib/netns.js';

const NAMES = ['alice', 'bob', 'charlie', 'dave'];
const CUT = 3; // Dave
const CUT_MS = 60_000;
const REJOIN_LIMIT_MS = 30_000;
const RPC = 9944;
const P2P = 30333;
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

const unavailable = netnsUnavailable();
if (unavailable) console.log(`partition test skipped: ${unavailable}`);

describe('a validator cut off for 60 s, then rejoining', { skip: unavailable ?? false }, () => {
  let net;
  let dir;
  const nodes = []; // { name, ns, addr, child, log }

  /** A JSON-RPC call to node i over the test's own leg of the network. */
  const rpc = async (i, method, params = []) => {
    const r = await fetch(`http://${nodes[i].addr}:${RPC}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      signal: AbortSignal.timeout(5_000),
    });
    const reply = await r.json();
    if (reply.error) throw new Error(`${nodes[i].name} ${method}: ${JSON.stringify(reply.error)}`);
    return reply.result;
  };
  const finalized = async (i) => parseInt((await rpc(i, 'chain_getHeader', [await rpc(i, 'chain_getFinalizedHead')])).number, 16);
  /** Polls `check` every `everyMs` (a polling interval, not a readiness guess) until it is true. */
  const until = async (what, check, ms, everyMs = 250) => {
    const deadline = Date.now() + ms;
    for (;;) {
      try {
        if (await check()) return;
      } catch {
        // not answering yet
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${ms} ms: ${what}\n` + nodes.map((n) => `== ${n.name}\n${n.log.slice(-3000)}`).join('\n'));
      }
      await delay(everyMs);
    }
  };

  before(async () => {
    await cryptoWaitReady();
    dir = mkdtempSync(join(tmpdir(), 'myelin-partition-'));
    net = makeHosts(NAMES.length);
    // The `local` chain with the four as Aura and GRANDPA authorities.
    const spec = JSON.parse(
      execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'local'], {
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 256 * 1024 * 1024,
      }).toString(),
    );
    const sr = new Keyring({ type: 'sr25519' });
    const ed = new Keyring({ type: 'ed25519' });
    const patch = spec.genesis.runtimeGenesis.patch;
    patch.aura.authorities = NAMES.map((n) => sr.addFromUri(`//${n[0].toUpperCase()}${n.slice(1)}`).address);
    patch.grandpa.authorities = NAMES.map((n) => [ed.addFromUri(`//${n[0].toUpperCase()}${n.slice(1)}`).address, 1]);
    const specPath = join(dir, 'local-4.json');
    writeFileSync(specPath, JSON.stringify(spec));
    // Fixed node keys, so that every node knows the others' addresses before they start.
    const peers = NAMES.map((_, i) => {
      const key = join(dir, `node-key-${i}`);
      writeFileSync(key, (i + 1).toString(16).padStart(2, '0').repeat(32));
      const peerId = execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', key]).toString().trim();
      return { key, multiaddr: `/ip4/${net.hosts[i].addr}/tcp/${P2P}/p2p/${peerId}` };
    });
    NAMES.forEach((name, i) => {
      const { ns, addr } = net.hosts[i];
      const others = peers.filter((_, j) => j !== i).map((p) => p.multiaddr);
      const args = [
        'netns', 'exec', ns, nodeBinary(),
        '--chain', specPath,
        `--${name}`,
        '--base-path', join(dir, name),
        '--node-key-file', peers[i].key,
        '--listen-addr', `/ip4/${addr}/tcp/${P2P}`,
        '--reserved-nodes', ...others,
        '--allow-private-ip',
        '--rpc-external', '--rpc-port', String(RPC), '--rpc-cors', 'all',
        '--no-mdns', '--no-telemetry', '--no-prometheus',
      ];
      const child = spawn('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const node = { name, ns, addr, child, log: '', exit: null };
      child.stderr.on('data', (d) => {
        node.log = (node.log + d.toString()).slice(-50_000);
      });
      child.on('exit', (code, signal) => {
        node.exit = { code, signal };
      });
      nodes.push(node);
    });
    process.once('exit', () => nodes.forEach((n) => n.child.kill('SIGKILL')));
    // Ready: every node answers, sees the three others and has finalized a block.
    await until(
      'four nodes with three peers each, finalizing',
      async () => {
        for (let i = 0; i < nodes.length; i += 1) {
          if ((await rpc(i, 'system_health')).peers < 3 || (await finalized(i)) < 1) return false;
        }
        return true;
      },
      120_000,
    );
  });

  after(async () => {
    await Promise.all(
      nodes.map(
        (n) =>
          new Promise((resolve) => {
            if (n.exit) return resolve();
            const timer = setTimeout(() => n.child.kill('SIGKILL'), 10_000);
            n.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            n.child.kill('SIGINT');
          }),
      ),
    );
    if (net) net.teardown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finality goes on with three; the cut node catches up within 30 s of rejoining; all four agree', async () => {
    const rest = [0, 1, 2].filter((i) => i !== CUT);
    const startFinal = Math.max(...(await Promise.all(rest.map(finalized))));
    net.cut(CUT);
    const cutAt = Date.now();
    await delay(CUT_MS); // the partition's length, not a readiness wait
    const during = await Promise.all(rest.map(finalized));
    const daveFinal = parseInt(
      rpcInside(nodes[CUT].ns, RPC, 'chain_getHeader', [rpcInside(nodes[CUT].ns, RPC, 'chain_getFinalizedHead')]).number,
      16,
    );
    // Dave, seen from inside his namespace, holds none of the blocks the three finalized meanwhile.
    const theirs = await rpc(rest[0], 'chain_getBlockHash', [Math.min(...during)]);
    assert.equal(
      rpcInside(nodes[CUT].ns, RPC, 'chain_getHeader', [theirs]),
      null,
      `Dave never saw block ${theirs}: he was cut off to the end`,
    );
    for (const f of during) {
      // 60 s is ten 6 s slots, a quarter of them Dave's: at least five new finalized blocks.
      assert.ok(f >= startFinal + 5, `finality went on with three: ${startFinal} -> ${f}`);
    }
    assert.ok(daveFinal <= startFinal + 1, `Dave finalized nothing on his own: ${daveFinal} vs ${startFinal}`);

    net.rejoin(CUT);
    const rejoinedAt = Date.now();
    const target = Math.max(...(await Promise.all(rest.map(finalized))));
    let syncedMs = null; // when Dave's best block first reached the target
    await until(
      `Dave's finalized block reaches #${target}`,
      async () => {
        if (syncedMs === null && parseInt((await rpc(CUT, 'chain_getHeader')).number, 16) >= target) {
          syncedMs = Date.now() - rejoinedAt;
        }
        return (await finalized(CUT)) >= target;
      },
      REJOIN_LIMIT_MS,
    );
    const caughtUpMs = Date.now() - rejoinedAt;

    // The four agree on the finalized chain: the same hash at the lowest finalized number.
    const finals = await Promise.all(nodes.map((_, i) => finalized(i)));
    const n = Math.min(...finals);
    const hashes = await Promise.all(nodes.map((_, i) => rpc(i, 'chain_getBlockHash', [n])));
    assert.ok(hashes.every((h) => h === hashes[0]), `one finalized hash at #${n}: ${hashes.join(' ')}`);
    assert.equal(await rpc(CUT, 'chain_getBlockHash', [target]), await rpc(0, 'chain_getBlockHash', [target]));
    console.log(
      `partition: cut Dave for ${Math.round((rejoinedAt - cutAt) / 1000)} s; the three finalized ` +
        `#${startFinal} -> #${Math.min(...during)}; Dave stayed at #${daveFinal}; after rejoining he ` +
        `had block #${target} after ${((syncedMs ?? caughtUpMs) / 1000).toFixed(1)} s and ` +
        `finalized it after ${(caughtUpMs / 1000).toFixed(1)} s; all four agree on #${n} ${hashes[0]}`,
    );
  });
});
