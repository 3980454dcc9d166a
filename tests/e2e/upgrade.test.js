// A forkless runtime upgrade, end to end: a dev chain starts on the last release's runtime
// (runtime/releases/, rebuilt from its commit by scripts/build-release-runtime.sh), is filled
// with subnets, neurons, stake with a nominator, weight rows, a pending commit and epochs, and
// is upgraded by sudo to the runtime of this checkout. Then: spec_version went up, every
// migration ran once (storage versions), every balance, stake, neuron, hyperparameter, row and
// commit reads the same across the upgrade block, pending emission only grew by the block's
// share, the next epochs run and pay, the migrated commit is revealed in its window, and
// polkadot.js decodes the new metadata.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { sendAndFinalize } from './lib/node.js';
import { findEvent, watchBlocks } from './lib/chain.js';
import { fillChain, startOnRelease, versionKey } from './lib/release.js';

describe('forkless upgrade from the last release', () => {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  let chain; // { node, api, release, newCode, stop }
  let api;
  let release;
  let newCode;
  let a; // netuid with weights and epochs
  let b; // netuid with a commit waiting across the upgrade
  let uid = {};
  let vali;
  let minerB;
  let upgrade; // { hash, number, parent } of the block whose extrinsic set the code
  let migrated; // { hash, number } of the next block, whose initialisation ran the migrations

  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const send = (tx, signer) => sendAndFinalize(api, tx, signer);
  const untilBlocks = (predicate, ms = 60_000) => watchBlocks(api, predicate, ms);

  before(async () => {
    chain = await startOnRelease();
    ({ api, release, newCode } = chain);
  });
  after(async () => {
    if (chain) await chain.stop();
  });

  it('starts on the release runtime', async () => {
    assert.equal(api.runtimeVersion.specVersion.toNumber(), release.spec);
    assert.notEqual(u8aToHex(readFileSync(release.path)), newCode, 'the release is not this checkout');
  });

  it('fills the chain: subnets, neurons, stake with a nominator, rows, a commit, epochs', async () => {
    ({ a, b, uid, vali, minerB } = await fillChain(api, keyring));
  });

  it('upgrades with sudo: spec_version goes up, each migration runs once', async () => {
    const started = performance.now();
    // setCode is weighed as a whole block; sudoUncheckedWeight is the usual way to send it.
    // (The events of the upgrade block were written by the old runtime, but its state already
    // holds the new code, so polkadot.js decodes them with the wrong metadata: the checks below
    // read versions and storage instead.)
    const { blockHash } = await send(
      api.tx.sudo.sudoUncheckedWeight(api.tx.system.setCode(newCode), { refTime: 0, proofSize: 0 }),
      alice,
    );
    const header = await api.rpc.chain.getHeader(blockHash);
    upgrade = { hash: blockHash, number: header.number.toNumber(), parent: header.parentHash };
    await untilBlocks(async (_h, n) => n >= upgrade.number + 1);
    const hash = await api.rpc.chain.getBlockHash(upgrade.number + 1);
    migrated = { hash, number: upgrade.number + 1 };
    const version = async (at) => (await api.rpc.state.getRuntimeVersion(at)).specVersion.toNumber();
    // The code is set by an extrinsic of block U; the state before it is U's parent.
    assert.equal(await version(upgrade.parent), release.spec);
    const newSpec = await version(migrated.hash);
    assert.ok(newSpec > release.spec, 'spec_version went up');
    const lastUpgrade = (await (await api.at(migrated.hash)).query.system.lastRuntimeUpgrade()).unwrap();
    assert.equal(lastUpgrade.specVersion.toNumber(), newSpec, 'system.LastRuntimeUpgrade');
    const storageVersion = async (pallet, at) => {
      const raw = await api.rpc.state.getStorage(versionKey(pallet), at);
      return raw.isSome ? api.registry.createType('u16', raw.unwrap()).toNumber() : 0;
    };
    // Subnets: version 1 (columns), 2 (each subnet's registration block), 3 (neuron pages) in
    // one upgrade.
    for (const [pallet, version] of [['Yuma', 1], ['Weights', 1], ['Subnets', 3]]) {
      assert.equal(await storageVersion(pallet, upgrade.parent), 0, `${pallet} before`);
      assert.equal(await storageVersion(pallet, migrated.hash), version, `${pallet} after`);
    }
    assert.equal(await storageVersion('Staking', migrated.hash), await storageVersion('Staking', upgrade.parent));
    // The multi-block migrations (Subnets' columns, then its neuron pages) started in the
    // migration block and, on a chain this small, ended in it: no cursor left, both recorded
    // as done.
    const mbm = await api.at(migrated.hash);
    assert.ok((await mbm.query.multiBlockMigrations.cursor()).isNone, 'multi-block migrations done');
    assert.equal((await mbm.query.multiBlockMigrations.historic.keys()).length, 2, 'two migrations recorded');
    // Subnets version 2: the subnets that existed get the upgrade's block as their
    // registration block (network immunity and root weights count from it). Migrations run
    // before the migration block is initialised, so the block number they see is the one of
    // the block that set the code.
    for (const netuid of [a, b]) {
      const registered = (await mbm.query.subnets.networkRegisteredAt(netuid)).unwrap().toNumber();
      assert.equal(registered, upgrade.number, `registration block of subnet ${netuid}`);
    }
    // Run once: a later block keeps the versions and the epoch index the migration set.
    const later = await api.rpc.chain.getBlockHash(migrated.number + 3 <= (await best()) ? migrated.number + 3 : migrated.number);
    const index = async (at, netuid) => (await (await api.at(at)).query.yuma.epochIndex(netuid)).toNumber();
    for (const netuid of [a, b]) assert.equal(await index(later, netuid), await index(migrated.hash, netuid));
    assert.equal(await storageVersion('Yuma', later), 1);
    const mandatory = async (at) => (await (await api.at(at)).query.system.blockWeight()).mandatory.refTime.toBigInt();
    const later3 = await api.rpc.chain.getBlockHash(migrated.number + 1);
    console.log(
      `upgrade: code set in block #${upgrade.number}, migrated in #${migrated.number}, ` +
        `${Math.round(performance.now() - started)} ms from submission to finality; mandatory ` +
        `weight of the migration block ${(await mandatory(migrated.hash)) / 1_000_000n} µs, of the ` +
        `next block ${(await mandatory(later3)) / 1_000_000n} µs`,
    );
  });

  it('every balance, stake, neuron, hyperparameter, row and commit reads the same', async () => {
    // Before: the parent of the upgrade block (old runtime, old layout). After: the block that
    // ran the migrations. In between: two blocks' emission and Alice's fee for the upgrade.
    const before = await api.at(upgrade.parent);
    const afterU = await api.at(migrated.hash);
    for (const at of [before, afterU]) {
      const events = await at.query.system.events();
      assert.ok(!events.some(({ event }) => api.events.yuma.EpochCompleted.is(event)), 'no epoch around the upgrade');
    }
    assert.equal(
      (await afterU.query.yuma.lastEpochEmission(a)).toBigInt(),
      (await before.query.yuma.lastEpochEmission(a)).toBigInt(),
    );
    const balances = async (at) =>
      new Map(
        (await at.query.system.account.entries()).map(([k, v]) => [
          k.args[0].toString(),
          v.data.free.toBigInt() + v.data.reserved.toBigInt(),
        ]),
      );
    const [old, now] = [await balances(before), await balances(afterU)];
    const fee = old.get(alice.address) - now.get(alice.address);
    assert.ok(fee >= 0n);
    old.delete(alice.address);
    now.delete(alice.address);
    assert.deepEqual(now, old);
    // Alice's fee is burned and nothing else moved: total issuance fell by exactly the fee.
    const issuance = async (at) => (await at.query.balances.totalIssuance()).toBigInt();
    assert.equal(await issuance(afterU), (await issuance(before)) - fee);
    // Every storage item of Subnets, Staking, Weights and Yuma, entry by entry (commits: their
    // hashes; the block became the epoch). Emission counters are checked below.
    const dump = async (at, pallet, item) => {
      const fn = at.query[pallet][item];
      const rows = fn.creator.meta.type.isMap ? await fn.entries() : [[{ args: [] }, await fn()]];
      return rows
        .map(([k, v]) => {
          let value = v.toJSON();
          if (pallet === 'weights' && item === 'commits') value = value.map(([hash]) => hash);
          return JSON.stringify([k.args.map((x) => x.toString()), value]);
        })
        .sort();
    };
    const changing = ['palletVersion', 'pendingEmission', 'totalEmitted'];
    // Subnets version 1 keeps a subnet's hotkeys and registration blocks in one column each,
    // indexed by uid: the old per-uid entries, gathered by netuid, are those columns.
    const columns = { keys: 'hotkeys', registeredAt: 'registrationBlocks' };
    const asColumns = async (at, item) => {
      const byNetuid = new Map();
      for (const [k, v] of await at.query.subnets[item].entries()) {
        const [netuid, uid] = k.args.map((x) => x.toNumber());
        if (!byNetuid.has(netuid)) byNetuid.set(netuid, []);
        byNetuid.get(netuid)[uid] = v.unwrap().toJSON();
      }
      return [...byNetuid].map(([netuid, column]) => JSON.stringify([[String(netuid)], column])).sort();
    };
    // Subnets version 3 keeps each uid's coldkey (its hotkey's owner) and endpoint in pages of
    // 64 uids: the old per-uid endpoints, with the owners of the old per-uid hotkeys, gathered
    // by page, are those pages.
    const asPages = async (at) => {
      const owners = new Map(
        (await at.query.subnets.hotkeyOwner.entries()).map(([k, v]) => [k.args[0].toString(), v.unwrap().toString()]),
      );
      const axons = new Map(
        (await at.query.subnets.axons.entries()).map(([k, v]) => [k.args.join('/'), v.unwrap().toJSON()]),
      );
      const pages = new Map();
      for (const [k, v] of await at.query.subnets.keys.entries()) {
        const [netuid, uid] = k.args.map((x) => x.toNumber());
        const key = JSON.stringify([String(netuid), String(Math.floor(uid / 64))]);
        if (!pages.has(key)) pages.set(key, []);
        const hotkey = v.unwrap().toString();
        pages.get(key)[uid % 64] = { coldkey: owners.get(hotkey), axon: axons.get(`${netuid}/${uid}`) ?? null };
      }
      return [...pages].map(([key, page]) => `[${key},${JSON.stringify(page)}]`).sort();
    };
    columns.axons = 'neuronPages';
    let items = 0;
    let entries = 0;
    for (const pallet of ['subnets', 'staking', 'weights', 'yuma']) {
      for (const item of Object.keys(before.query[pallet]).filter((i) => !changing.includes(i))) {
        const moved = pallet === 'subnets' ? columns[item] : undefined;
        const gather = item === 'axons' ? asPages : (at) => asColumns(at, item);
        const old = moved ? await gather(before) : await dump(before, pallet, item);
        assert.deepEqual(await dump(afterU, pallet, moved ?? item), old, `${pallet}.${item}`);
        items += 1;
        entries += moved ? (await before.query.subnets[item].keys()).length : old.length;
      }
    }
    assert.ok(items >= 30 && entries >= 60, `compared ${items} storage items, ${entries} entries`);
    console.log(`upgrade: ${items} storage items, ${entries} entries read the same`);
    // Pending emission grew by exactly what was emitted in the two blocks.
    const emitted = (await afterU.query.yuma.totalEmitted()).toBigInt() - (await before.query.yuma.totalEmitted()).toBigInt();
    let grew = 0n;
    for (const netuid of [a, b]) {
      const d = (await afterU.query.yuma.pendingEmission(netuid)).toBigInt() - (await before.query.yuma.pendingEmission(netuid)).toBigInt();
      assert.ok(d > 0n, 'pending emission grew');
      grew += d;
    }
    assert.equal(grew, emitted);
    // The migrated commit is stamped with an epoch no later than the current one.
    const [[, epoch]] = (await afterU.query.weights.commits(b, vali.address)).unwrap().toJSON();
    assert.ok(epoch <= (await afterU.query.yuma.epochIndex(b)).toNumber());
  });

  it('the next epochs run and pay, and the migrated commit is revealed in its window', async () => {
    for (const netuid of [a, b]) {
      await send(api.tx.subnets.setHyperparameter(netuid, { Tempo: 10 }), alice);
    }
    const stakeOf = async () =>
      BigInt((await api.rpc.subnets.metagraph(a)).toJSON().neurons.find((n) => n.hotkey === vali.address).stake);
    const stakeBefore = await stakeOf();
    const [commit] = (await api.query.weights.commits(b, vali.address)).unwrap();
    const window = commit[1].toNumber() + (await api.query.subnets.hyperparams(b)).unwrap().commitRevealPeriod.toNumber();
    const issuance = (await api.query.balances.totalIssuance()).toBigInt();
    let paid = false;
    await untilBlocks(async (_h, _n, events) => {
      for (const { event } of events) {
        if (api.events.yuma.EpochCompleted.is(event) && event.data.netuid.toNumber() === a && event.data.emission.toBigInt() > 0n) paid = true;
      }
      return paid;
    });
    assert.ok((await api.query.balances.totalIssuance()).toBigInt() > issuance, 'the epoch minted what it paid');
    assert.ok((await stakeOf()) > stakeBefore, "the validator's stake earned dividends");
    // Wait for subnet b's epoch `window`, then reveal the commit made before the upgrade.
    const epochOf = async () => (await api.rpc.subnets.list()).toJSON().find((s) => s.netuid === b).epoch;
    await untilBlocks(async () => (await epochOf()) >= window, 120_000);
    assert.equal(await epochOf(), window, 'reached the window, not past it');
    const { events } = await send(
      api.tx.weights.revealWeights(b, [uid[`${b}/${minerB.address}`]], [1], [3, 1, 4], 0),
      vali,
    );
    assert.ok(findEvent(events, api.events.weights.WeightsRevealed), 'WeightsRevealed');
  });

  it('polkadot.js decodes the new metadata', async () => {
    await untilBlocks(async () => api.runtimeVersion.specVersion.toNumber() > release.spec);
    assert.equal(typeof api.query.yuma.epochIndex, 'function', 'the new storage item is known');
    const list = (await api.rpc.subnets.list()).toJSON();
    assert.ok(list.every((s) => Number.isInteger(s.epoch) && Number.isInteger(s.next_epoch_block)));
    const metadata = await api.rpc.state.getMetadata();
    assert.ok(metadata.asLatest.pallets.some((p) => p.name.toString() === 'Yuma'));
  });
});
