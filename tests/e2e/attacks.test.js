// The free-call attacks of docs/protocol.md "Guarantees", through the real transaction pool
// (`author_submitExtrinsic` on a dev node), each refused with the code README documents:
// 1. free block-filling: a second feeless `serveAxon` of a hotkey while its first is in the
//    pool (1014, one of a kind per hotkey and subnet), and no rate limit of 0 (the owner's
//    `setHyperparameter` fails with `subnets.ServingRateLimitZero`);
// 2. commits from anyone: a miner without a validator permit commits (1010, custom 13);
// 3. unbounded salt: a reveal with a 33-`u16` salt (1010, custom 17).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { rawRpc, sendAndFinalize, startDevNode } from './lib/node.js';
import { axonOf, findEvent, watchBlocks } from './lib/chain.js';

describe('attacks through the transaction pool', () => {
  let node;
  let api;
  let netuid;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const [ownerHk, miner] = [0, 1].map(() => keyring.addFromMnemonic(mnemonicGenerate()));

  const submit = async (tx, signer, options = {}) => {
    const hex = (await tx.signAsync(signer, options)).toHex();
    return (await rawRpc(node.rpcPort, 'author_submitExtrinsic', [hex])).reply;
  };
  const expectRefused = (reply, code, pattern) => {
    assert.ok(reply.error, `expected an error, got ${JSON.stringify(reply).slice(0, 200)}`);
    assert.equal(reply.error.code, code, JSON.stringify(reply.error));
    assert.match(`${reply.error.message} ${JSON.stringify(reply.error.data ?? '')}`, pattern);
  };

  before(async () => {
    node = await startDevNode();
    api = node.api;
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(ownerHk.address), alice);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, miner.address), bob);
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('1. one feeless call of a kind per hotkey in the pool, and no rate limit of 0', async () => {
    await assert.rejects(
      sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { ServingRateLimit: 0 }), alice),
      /subnets\.ServingRateLimitZero/,
    );
    const nonce = (await api.rpc.system.accountNextIndex(miner.address)).toNumber();
    const first = await submit(api.tx.subnets.serveAxon(netuid, 'http://127.0.0.1:1/a'), miner, { nonce });
    assert.ok(first.result, `the first serveAxon enters the pool: ${JSON.stringify(first.error)}`);
    const second = await submit(api.tx.subnets.serveAxon(netuid, 'http://127.0.0.1:1/b'), miner, {
      nonce: nonce + 1,
    });
    // Refused while the first waits in the pool (1014: same tag); if a block took the first
    // in the few milliseconds between the two, the pool refuses the copy as rate-limited
    // (1010, custom 2). Either way the copy never reaches a block.
    if (second.error?.code === 1010) expectRefused(second, 1010, /Custom error: 2/);
    else expectRefused(second, 1014, /Priority is too low/);
    // Only the first reaches a block.
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    let axon = null;
    await watchBlocks(api, async (_h, number) => {
      axon = await axonOf(api, netuid, 1);
      return axon !== null || number >= start + 40;
    }, 60_000);
    assert.ok(axon, 'the first serveAxon is included within 40 blocks');
    assert.equal(axon.url, 'http://127.0.0.1:1/a');
  });

  it('2. a commit from a miner without a validator permit: code 13', async () => {
    await sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { CommitRevealEnabled: true }), alice);
    const reply = await submit(api.tx.weights.commitWeights(netuid, `0x${'11'.repeat(32)}`), miner);
    expectRefused(reply, 1010, /Custom error: 13/);
  });

  it('3. a reveal with a salt of 33 u16s: code 17, before anything is hashed', async () => {
    const salt = Array.from({ length: 33 }, (_, i) => i);
    const reply = await submit(api.tx.weights.revealWeights(netuid, [0], [1], salt, 0), miner);
    expectRefused(reply, 1010, /Custom error: 17/);
  });
});
