// Bad extrinsics at the node, over plain HTTP JSON-RPC (`author_submitExtrinsic`): malformed
// SCALE, an extrinsic above the block length, a bad signature and a stale nonce each get a
// JSON-RPC error naming the cause, none of them reaches a block, and the node keeps authoring.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { rawRpc, sendAndFinalize, startDevNode } from './lib/node.js';
import { watchBlocks } from './lib/chain.js';

describe('author_submitExtrinsic bad input', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const submit = (hex) => rawRpc(node.rpcPort, 'author_submitExtrinsic', [hex]);
  const expectRefused = async (hex, code, pattern) => {
    const { reply } = await submit(hex);
    assert.ok(reply.error, `expected an error, got ${JSON.stringify(reply).slice(0, 200)}`);
    assert.equal(reply.error.code, code, JSON.stringify(reply.error));
    assert.match(`${reply.error.message} ${JSON.stringify(reply.error.data ?? '')}`, pattern);
    return reply.error;
  };
  const signed = async (tx, options = {}) => (await tx.signAsync(alice, options)).toHex();

  before(async () => {
    node = await startDevNode();
    api = node.api;
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('malformed SCALE: a decode error', async () => {
    // Bytes that are not even a length-prefixed extrinsic: the node names the decode error.
    for (const hex of ['0x', '0x1234', '0xffffffffff']) {
      await expectRefused(hex, 1040, /Could not decode/);
    }
    // A well-framed payload that is not an extrinsic reaches the runtime, whose
    // `validate_transaction` cannot decode it: refused as a verification error. (The message
    // names a trap in `TaggedTransactionQueue_validate_transaction`, not the decode error:
    // runtime APIs abort on undecodable input.)
    for (const hex of ['0x00', '0x0c010203']) {
      await expectRefused(hex, 1002, /Verification Error.*validate_transaction/s);
    }
  });

  it('an extrinsic above the block length: refused as exhausting the block', async () => {
    // 4 MiB of remark: above the 3.75 MiB a normal extrinsic may take of a 5 MiB block. (A hex
    // string: polkadot.js reads a Uint8Array given for `Bytes` as already length-prefixed.)
    const big = await signed(api.tx.system.remark(u8aToHex(new Uint8Array(4 * 1024 * 1024).fill(7))));
    assert.ok(big.length / 2 > 4 * 1024 * 1024, 'the extrinsic is above 4 MiB');
    await expectRefused(big, 1010, /exhaust the block limits|ExhaustsResources/i);
  });

  it('a bad signature: refused as such', async () => {
    const u8a = hexToU8a(await signed(api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000n)));
    // Length prefix, version byte, MultiAddress (1 + 32), MultiSignature (1 + 64): flip a byte
    // inside the signature.
    const [prefix] = compactFromU8a(u8a);
    const at = prefix + 1 + 33 + 1 + 10;
    const bad = u8a.slice();
    bad[at] ^= 0xff;
    await expectRefused(u8aToHex(bad), 1010, /bad signature|BadProof/i);
  });

  it('a stale nonce: refused as outdated', async () => {
    await sendAndFinalize(api, api.tx.system.remark('0x01'), alice);
    const stale = await signed(api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000n), { nonce: 0 });
    await expectRefused(stale, 1010, /outdated|Stale/i);
  });

  it('the node keeps authoring, and nothing refused reached a block', async () => {
    const from = (await api.rpc.chain.getHeader()).number.toNumber();
    const free = (await api.query.system.account(bob.address)).data.free.toBigInt();
    await watchBlocks(api, async (_hash, number) => number >= from + 8, 30_000);
    assert.equal((await api.query.system.account(bob.address)).data.free.toBigInt(), free);
    const { reply } = await rawRpc(node.rpcPort, 'author_pendingExtrinsics');
    assert.deepEqual(reply.result, []);
  });
});
