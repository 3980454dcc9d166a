// A subnet developer's first steps on a dev chain: register a subnet, register three neurons,
// serve an axon, tune a hyperparameter as the owner, and see strangers refused by name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, sendAndFinalize } from './lib/node.js';
import { axonOf, findEvent } from './lib/chain.js';

const MYL = 1_000_000_000n;

describe('subnets pallet', () => {
  let node;
  let api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const charlie = keyring.addFromUri('//Charlie');
  const ownerHotkey = keyring.addFromMnemonic(mnemonicGenerate());
  const hotkeys = [0, 1, 2].map(() => keyring.addFromMnemonic(mnemonicGenerate()));
  let netuid;


  before(async () => {
    node = await startDevNode();
    api = node.api;
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('registers a subnet, holding the 1 MYL dev lock', async () => {
    const { events } = await sendAndFinalize(
      api,
      api.tx.subnets.registerNetwork(ownerHotkey.address),
      alice,
    );
    const ev = findEvent(events, api.events.subnets.NetworkRegistered);
    assert.ok(ev, 'NetworkRegistered');
    netuid = ev.data.netuid.toNumber();
    assert.equal(netuid, 1, 'the lowest free netuid');
    assert.equal(ev.data.owner.toString(), alice.address);
    assert.equal(ev.data.hotkey.toString(), ownerHotkey.address);
    assert.equal(ev.data.lock.toBigInt(), 1n * MYL);
    assert.equal((await api.query.subnets.subnetOwner(netuid)).unwrap().toString(), alice.address);
    assert.equal((await api.query.subnets.hotkeys(netuid))[0].toString(), ownerHotkey.address);
    const hp = (await api.query.subnets.hyperparams(netuid)).unwrap();
    assert.equal(hp.tempo.toNumber(), 10, 'dev chain tempo');
  });

  it('registers three neurons, burning the registration price', async () => {
    // Read issuance and Yuma's paid emission at one block: epochs mint while the test runs.
    const supply = async () => {
      const at = await api.at(await api.rpc.chain.getBlockHash());
      const issuance = (await at.query.balances.totalIssuance()).toBigInt();
      return { issuance, paid: (await at.query.yuma.totalPaid()).toBigInt() };
    };
    const before = await supply();
    let burnedTotal = 0n;
    let feesTotal = 0n;
    for (const [i, hk] of hotkeys.entries()) {
      const { events } = await sendAndFinalize(
        api,
        api.tx.subnets.burnedRegister(netuid, hk.address),
        bob,
      );
      const ev = findEvent(events, api.events.subnets.NeuronRegistered);
      assert.ok(ev, 'NeuronRegistered');
      assert.equal(ev.data.netuid.toNumber(), netuid);
      assert.equal(ev.data.uid.toNumber(), i + 1);
      assert.equal(ev.data.hotkey.toString(), hk.address);
      const burned = ev.data.burned.toBigInt();
      assert.ok(burned > 0n && burned <= 100n * MYL, `burned ${burned}`);
      burnedTotal += burned;
      const fee = findEvent(events, api.events.transactionPayment.TransactionFeePaid);
      feesTotal += fee.data.actualFee.toBigInt();
    }
    assert.equal((await api.query.subnets.subnetworkN(netuid)).toNumber(), 4);
    const after = await supply();
    assert.equal(
      before.issuance - after.issuance,
      burnedTotal + feesTotal - (after.paid - before.paid),
      'burns and fees leave the issuance, paid emission enters it',
    );
  });

  it('serves an axon signed by a hotkey that holds no funds: serve_axon is feeless', async () => {
    const hk = hotkeys[0];
    assert.equal((await api.query.system.account(hk.address)).data.free.toBigInt(), 0n);
    const url = 'http://127.0.0.1:8091';
    const { events } = await sendAndFinalize(api, api.tx.subnets.serveAxon(netuid, url), hk);
    const ev = findEvent(events, api.events.subnets.AxonServed);
    assert.ok(ev, 'AxonServed');
    assert.equal(ev.data.uid.toNumber(), 1);
    assert.equal(ev.data.url.toUtf8(), url);
    const axon = await axonOf(api, netuid, 1);
    assert.equal(axon.url, url);
    const fee = findEvent(events, api.events.transactionPayment.TransactionFeePaid);
    assert.equal(fee ? fee.data.actualFee.toBigInt() : 0n, 0n, 'no fee');
    assert.equal((await api.query.system.account(hk.address)).data.free.toBigInt(), 0n);
  });

  it('keeps doomed feeless calls out of the pool with a custom code', async () => {
    // Code 1: not registered on the subnet.
    const stranger = keyring.addFromMnemonic(mnemonicGenerate());
    await sendAndFinalize(api, api.tx.balances.transferKeepAlive(stranger.address, MYL), alice);
    await assert.rejects(
      sendAndFinalize(api, api.tx.subnets.serveAxon(netuid, 'http://10.0.0.1:1'), stranger),
      /Custom error: 1/,
    );
    // Code 2: inside the serving rate limit (just served above).
    await assert.rejects(
      sendAndFinalize(api, api.tx.subnets.serveAxon(netuid, 'http://10.0.0.1:2'), hotkeys[0]),
      /Custom error: 2/,
    );
    // Code 3: not an http(s) URL.
    await assert.rejects(
      sendAndFinalize(api, api.tx.subnets.serveAxon(netuid, 'ftp://10.0.0.1'), hotkeys[1]),
      /Custom error: 3/,
    );
    assert.equal(await axonOf(api, netuid, 2), null);
  });

  it('lets the owner set an owner hyperparameter', async () => {
    const { events } = await sendAndFinalize(
      api,
      api.tx.subnets.setHyperparameter(netuid, { Tempo: 20 }),
      alice,
    );
    assert.ok(findEvent(events, api.events.subnets.HyperparameterSet));
    assert.equal((await api.query.subnets.hyperparams(netuid)).unwrap().tempo.toNumber(), 20);
  });

  it('refuses a stranger with NotSubnetOwner and the owner a root-only value', async () => {
    await assert.rejects(
      sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { Tempo: 30 }), charlie),
      /subnets\.NotSubnetOwner/,
    );
    await assert.rejects(
      sendAndFinalize(api, api.tx.subnets.setHyperparameter(netuid, { Kappa: 40000 }), alice),
      /subnets\.RootOnlyHyperparameter/,
    );
    assert.equal((await api.query.subnets.hyperparams(netuid)).unwrap().tempo.toNumber(), 20);
    // Root may: through sudo.
    const { events } = await sendAndFinalize(
      api,
      api.tx.sudo.sudo(api.tx.subnets.setHyperparameter(netuid, { Kappa: 40000 })),
      alice,
    );
    const sudid = findEvent(events, api.events.sudo.Sudid);
    assert.ok(sudid.data.sudoResult.isOk, 'sudo dispatch succeeded');
    assert.equal((await api.query.subnets.hyperparams(netuid)).unwrap().kappa.toNumber(), 40000);
  });
});
