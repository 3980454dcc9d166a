// Staking from polkadot.js: Alice stakes to her own hotkey, Bob nominates it, Alice lowers
// her take, Bob moves and removes part of his stake. Balances, holds and events must agree.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, sendAndFinalize } from './lib/node.js';

const MYL = 1_000_000_000n;

describe('staking pallet', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const aliceHotkey = keyring.addFromMnemonic(mnemonicGenerate());
  const bobHotkey = keyring.addFromMnemonic(mnemonicGenerate());

  const findEvent = (events, ev) => events.find(({ event }) => ev.is(event))?.event;
  const fee = (events) =>
    findEvent(events, api.events.transactionPayment.TransactionFeePaid).data.actualFee.toBigInt();
  const account = async (who) => (await api.query.system.account(who.address)).data;
  const stakeOf = async (coldkey, hotkey) => {
    const position = await api.query.staking.stakes(hotkey.address, coldkey.address);
    return position.isSome ? position.unwrap().held.toBigInt() : 0n;
  };

  before(async () => {
    node = await startDevNode();
    api = node.api;
    // Hotkeys get their owners by registering: Alice's through a subnet, Bob's as a neuron.
    const { events } = await sendAndFinalize(
      api,
      api.tx.subnets.registerNetwork(aliceHotkey.address),
      alice,
    );
    const netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid;
    await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, bobHotkey.address), bob);
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('refuses stake to a hotkey nobody owns with HotkeyHasNoOwner', async () => {
    const stranger = keyring.addFromMnemonic(mnemonicGenerate());
    await assert.rejects(
      sendAndFinalize(api, api.tx.staking.addStake(stranger.address, MYL), alice),
      /staking\.HotkeyHasNoOwner/,
    );
  });

  it('Alice stakes to her hotkey: the amount moves from free to held', async () => {
    const before = await account(alice);
    const { events } = await sendAndFinalize(
      api,
      api.tx.staking.addStake(aliceHotkey.address, 100n * MYL),
      alice,
    );
    const ev = findEvent(events, api.events.staking.StakeAdded);
    assert.ok(ev, 'StakeAdded');
    assert.equal(ev.data.coldkey.toString(), alice.address);
    assert.equal(ev.data.hotkey.toString(), aliceHotkey.address);
    assert.equal(ev.data.amount.toBigInt(), 100n * MYL);
    assert.equal(ev.data.stake.toBigInt(), 100n * MYL);
    const after = await account(alice);
    assert.equal(before.free.toBigInt() - after.free.toBigInt(), 100n * MYL + fee(events));
    assert.equal(after.reserved.toBigInt() - before.reserved.toBigInt(), 100n * MYL);
    assert.equal(await stakeOf(alice, aliceHotkey), 100n * MYL);
  });

  it('Bob nominates Alice\'s hotkey; the pool holds both stakes', async () => {
    const before = await account(bob);
    const { events } = await sendAndFinalize(
      api,
      api.tx.staking.addStake(aliceHotkey.address, 50n * MYL),
      bob,
    );
    assert.ok(findEvent(events, api.events.staking.StakeAdded));
    const after = await account(bob);
    assert.equal(before.free.toBigInt() - after.free.toBigInt(), 50n * MYL + fee(events));
    assert.equal(after.reserved.toBigInt() - before.reserved.toBigInt(), 50n * MYL);
    const pool = (await api.query.staking.pools(aliceHotkey.address)).unwrap();
    assert.equal(pool.stake.toBigInt(), 150n * MYL);
    assert.equal((await api.query.staking.totalStake()).toBigInt(), 150n * MYL);
  });

  it('Alice lowers her take; Bob may not set it', async () => {
    const tenPercent = 100_000_000; // Perbill
    const { events } = await sendAndFinalize(
      api,
      api.tx.staking.setTake(aliceHotkey.address, tenPercent),
      alice,
    );
    const ev = findEvent(events, api.events.staking.TakeSet);
    assert.equal(ev.data.take.toNumber(), tenPercent);
    assert.equal((await api.query.staking.takes(aliceHotkey.address)).toNumber(), tenPercent);
    await assert.rejects(
      sendAndFinalize(api, api.tx.staking.setTake(aliceHotkey.address, 0), bob),
      /staking\.NotHotkeyOwner/,
    );
  });

  it('Bob moves part of his stake to his own hotkey, free balance untouched but the fee', async () => {
    const before = await account(bob);
    const { events } = await sendAndFinalize(
      api,
      api.tx.staking.moveStake(aliceHotkey.address, bobHotkey.address, 10n * MYL),
      bob,
    );
    const ev = findEvent(events, api.events.staking.StakeMoved);
    assert.equal(ev.data.amount.toBigInt(), 10n * MYL);
    const after = await account(bob);
    assert.equal(before.free.toBigInt() - after.free.toBigInt(), fee(events));
    assert.equal(after.reserved.toBigInt(), before.reserved.toBigInt());
    assert.equal(await stakeOf(bob, aliceHotkey), 40n * MYL);
    assert.equal(await stakeOf(bob, bobHotkey), 10n * MYL);
  });

  it('Bob removes part of his stake: held back to free, never more than his own', async () => {
    await assert.rejects(
      sendAndFinalize(api, api.tx.staking.removeStake(aliceHotkey.address, 41n * MYL), bob),
      /staking\.NotEnoughStake/,
    );
    const before = await account(bob);
    const { events } = await sendAndFinalize(
      api,
      api.tx.staking.removeStake(aliceHotkey.address, 15n * MYL),
      bob,
    );
    const ev = findEvent(events, api.events.staking.StakeRemoved);
    assert.equal(ev.data.amount.toBigInt(), 15n * MYL);
    assert.equal(ev.data.stake.toBigInt(), 25n * MYL);
    const after = await account(bob);
    assert.equal(after.free.toBigInt() - before.free.toBigInt(), 15n * MYL - fee(events));
    assert.equal(before.reserved.toBigInt() - after.reserved.toBigInt(), 15n * MYL);
    assert.equal((await api.query.staking.totalStake()).toBigInt(), 135n * MYL);
  });
});
