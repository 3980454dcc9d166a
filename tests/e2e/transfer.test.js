// Alice transfers MYL to a fresh account on a dev chain; the test waits for finalization and
// checks the balance and the `balances.Transfer` event.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, sendAndFinalize } from './lib/node.js';

const MYL = 1_000_000_000n;

describe('dev chain', () => {
  let node;
  before(async () => {
    node = await startDevNode();
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('announces MYL with 9 decimals and SS58 prefix 42', async () => {
    const props = await node.api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'MYL');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 9);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.equal(node.api.consts.system.ss58Prefix.toNumber(), 42);
  });

  it('runs 250 ms slots from genesis', async () => {
    assert.equal(node.api.consts.aura.slotDuration.toNumber(), 250);
    assert.equal((await node.api.query.blockTime.slotDuration()).toNumber(), 250);
    assert.equal(node.api.consts.timestamp.minimumPeriod.toNumber(), 125);
  });

  it('endows Alice…Ferdie with 1,000,000 MYL', async () => {
    const keyring = new Keyring({ type: 'sr25519' });
    for (const who of ['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) {
      const { data } = await node.api.query.system.account(keyring.addFromUri(`//${who}`).address);
      assert.equal(data.free.toBigInt(), 1_000_000n * MYL, who);
    }
  });

  it('finalizes a transfer from Alice to a fresh account', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const fresh = keyring.addFromMnemonic(mnemonicGenerate());
    const amount = 12n * MYL + 345n;

    const before = await node.api.query.system.account(fresh.address);
    assert.equal(before.data.free.toBigInt(), 0n);

    const { blockHash, events } = await sendAndFinalize(
      node.api,
      node.api.tx.balances.transferKeepAlive(fresh.address, amount),
      alice,
    );

    const transfer = events.find(({ event }) => node.api.events.balances.Transfer.is(event));
    assert.ok(transfer, 'a balances.Transfer event');
    const [from, to, value] = transfer.event.data;
    assert.equal(from.toString(), alice.address);
    assert.equal(to.toString(), fresh.address);
    assert.equal(value.toBigInt(), amount);
    assert.ok(events.some(({ event }) => node.api.events.system.ExtrinsicSuccess.is(event)));

    const finalized = await node.api.rpc.chain.getFinalizedHead();
    const finalizedNumber = (await node.api.rpc.chain.getHeader(finalized)).number.toNumber();
    const inclusion = (await node.api.rpc.chain.getHeader(blockHash)).number.toNumber();
    assert.ok(finalizedNumber >= inclusion, 'the inclusion block is finalized');

    const atBlock = await node.api.at(blockHash);
    const after = await atBlock.query.system.account(fresh.address);
    assert.equal(after.data.free.toBigInt(), amount);
  });
});
