// Staking from polkadot.js: Alice stakes to her own hotkey, Bob nominates it, Alice lowers
// her take, a dividend is paid at an epoch, Bob moves and removes part of his stake.
// Balances, holds and events must agree. Charlie owns the subnet, so the owner's cut of each
// epoch never lands in Alice's or Bob's free balance while the test reads it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, sendAndFinalize } from './lib/node.js';
import { findEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;

describe('staking pallet', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const charlieHotkey = keyring.addFromMnemonic(mnemonicGenerate());
  const aliceHotkey = keyring.addFromMnemonic(mnemonicGenerate());
  const bobHotkey = keyring.addFromMnemonic(mnemonicGenerate());

  // Deposits into a pool that has earned rewards buy shares rounded down, in favour of the
  // pool: the new stake may be worth one base unit less than deposited.
  const near = (actual, expected, what) =>
    assert.ok(
      actual <= expected && expected - actual <= 1n,
      `${what}: ${actual} is not within one unit below ${expected}`,
    );
  const fee = (events) =>
    findEvent(events, api.events.transactionPayment.TransactionFeePaid).data.actualFee.toBigInt();
  const account = async (who) => (await api.query.system.account(who.address)).data;
  // What is held for a position (its value as of the coldkey's last staking call).
  const heldFor = async (coldkey, hotkey) => {
    const position = await api.query.staking.stakes(hotkey.address, coldkey.address);
    return position.isSome ? position.unwrap().held.toBigInt() : 0n;
  };
  // What a position is worth now: its shares of the pool, rewards included.
  const valueOf = async (coldkey, hotkey) => {
    const position = await api.query.staking.stakes(hotkey.address, coldkey.address);
    const pool = await api.query.staking.pools(hotkey.address);
    if (position.isNone || pool.isNone) return 0n;
    const { stake, shares } = pool.unwrap();
    return (position.unwrap().shares.toBigInt() * stake.toBigInt()) / shares.toBigInt();
  };
  // Resolves with the first event matching `filter` in a later block (or rejects after `ms`).
  const nextEvent = (filter, ms) =>
    new Promise((resolve, reject) => {
      let unsub = null;
      const timer = setTimeout(() => {
        if (unsub) unsub();
        reject(new Error('no matching event in time'));
      }, ms);
      let initial = true;
      api.query.system
        .events((records) => {
          // The first call reports the current block, which may predate the caller's state.
          if (initial) {
            initial = false;
            return;
          }
          const hit = records.find(({ event }) => filter(event));
          if (hit) {
            clearTimeout(timer);
            if (unsub) unsub();
            resolve(hit.event);
          }
        })
        .then((u) => {
          unsub = u;
        });
    });

  before(async () => {
    node = await startDevNode();
    api = node.api;
    // Hotkeys get their owners by registering on Charlie's subnet.
    const { events } = await sendAndFinalize(
      api,
      api.tx.subnets.registerNetwork(charlieHotkey.address),
      charlie,
    );
    const netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid;
    await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, aliceHotkey.address), alice);
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
    assert.equal(await heldFor(alice, aliceHotkey), 100n * MYL);
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
    near(after.reserved.toBigInt() - before.reserved.toBigInt(), 50n * MYL, 'held');
    near(await heldFor(bob, aliceHotkey), 50n * MYL, 'position');
    // At least both stakes (an epoch may already have paid a dividend to the pool).
    const pool = (await api.query.staking.pools(aliceHotkey.address)).unwrap();
    assert.ok(pool.stake.toBigInt() >= 150n * MYL);
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

  it('an epoch pays Alice\'s hotkey a dividend: 10% take to Alice, the rest pro rata', async () => {
    const event = await nextEvent(
      (ev) =>
        api.events.staking.DividendPaid.is(ev) && ev.data.hotkey.toString() === aliceHotkey.address,
      60_000,
    );
    const take = event.data.take.toBigInt();
    const toStakers = event.data.toStakers.toBigInt();
    assert.equal(event.data.owner.toString(), alice.address);
    assert.ok(toStakers > 0n, 'stakers were paid');
    // A 10% take (Perbill, rounded down).
    assert.equal(take, ((take + toStakers) * 100_000_000n) / 1_000_000_000n);
    // Bob's position is now worth more than he staked, though nothing is settled yet.
    assert.ok((await valueOf(bob, aliceHotkey)) > 50n * MYL);
    near(await heldFor(bob, aliceHotkey), 50n * MYL, 'position before settlement');
  });

  it('Bob moves part of his stake to his own hotkey, free balance untouched but the fee', async () => {
    // Once his stake has warmed up (`StakeWarmup` blocks), what it gained is his to move.
    const warming = await api.query.staking.warming(aliceHotkey.address, bob.address);
    if (warming.isSome) {
      const until = warming.unwrap().until.toNumber();
      await watchBlocks(api, async (_hash, number) => number >= until, 60_000);
    }
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
    // The move settled Bob's rewards into his hold first.
    const settled = after.reserved.toBigInt() - before.reserved.toBigInt();
    assert.ok(settled > 0n, 'rewards moved into the hold');
    near(await heldFor(bob, aliceHotkey), 40n * MYL + settled, 'position after the move');
    assert.equal(await heldFor(bob, bobHotkey), 10n * MYL);
  });

  it('Bob removes part of his stake: held back to free, never more than his own', async () => {
    await assert.rejects(
      sendAndFinalize(api, api.tx.staking.removeStake(aliceHotkey.address, 1000n * MYL), bob),
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
    const left = ev.data.stake.toBigInt();
    assert.ok(left > 25n * MYL, 'his rewards stay staked');
    const after = await account(bob);
    assert.equal(after.free.toBigInt() - before.free.toBigInt(), 15n * MYL - fee(events));
    // Bob's hold is exactly his two positions.
    assert.equal(after.reserved.toBigInt(), left + (await heldFor(bob, bobHotkey)));
    assert.equal(await heldFor(bob, aliceHotkey), left);
  });
});
