// The compute market (pallet Market, docs/market.md) on a dev node, driven from polkadot.js as
// a buyer, a provider (a registered miner hotkey, bonded by its coldkey) and a permitted
// validator would: an honest job paid exactly (the poster charged the price, the provider's
// owner paid price - take, the take burned, the escrow empty); a garbage result rejected by the
// validator, the bond slashed 50/30/20 and the poster refunded; a lease that pauses when its
// deposit runs out and resumes on a top-up, and a job nobody accepts refunded at its deadline,
// both driven with the `myelin` tool (`lease …`, `job …`, `provider show`). After each flow: total issuance equals the sum of every account's balance, and every market
// hold equals the books.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, mnemonicGenerate } from '@polkadot/util-crypto';
import { cliBinary, rawRpc, startDevNode, sendAndFinalize } from './lib/node.js';
import { assertIssuanceIsAllBalances, findEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;
const TAKE_PERCENT = 2n;

describe('the compute market', () => {
  let node;
  let api;
  let netuid;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((k) => keyring.addFromUri(k));
  const providerSuri = mnemonicGenerate();
  const provider = keyring.addFromMnemonic(providerSuri);
  const validatorSuri = mnemonicGenerate();
  const validator = keyring.addFromMnemonic(validatorSuri);
  const poster = dave;

  /** Sends `tx` signed by `signer`; `{ events, fee, blockHash }` once finalized. */
  const send = async (tx, signer) => {
    const { events, blockHash } = await sendAndFinalize(api, tx, signer);
    const paid = findEvent(events, api.events.transactionPayment.TransactionFeePaid);
    return { events, blockHash, fee: paid ? paid.data.actualFee.toBigInt() : 0n };
  };
  const free = async (who) => (await api.query.system.account(who.address ?? who)).data.free.toBigInt();
  const marketHold = async (who, reason) => {
    const holds = await api.query.balances.holds(who.address ?? who);
    const hold = holds.find((h) => h.id.isMarket && h.id.asMarket[`is${reason}`]);
    return hold ? hold.amount.toBigInt() : 0n;
  };
  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const untilBlock = (n) => watchBlocks(api, async (_h, number) => number >= n, 60_000);

  /** `myelin --json ...args` signed by `suri`: `{ code, out, stderr }` (`out` parsed when 0). */
  const myelin = (args, suri) =>
    new Promise((resolve) => {
      execFile(
        cliBinary(),
        ['--url', node.wsUrl, '--json', ...args],
        { env: { ...process.env, MYELIN_SURI: suri ?? '' }, timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? error.code : 0, out: error ? null : JSON.parse(stdout), stderr }),
      );
    });
  const ok = async (args, suri) => {
    const r = await myelin(args, suri);
    assert.equal(r.code, 0, `myelin ${args.join(' ')}: ${r.stderr}`);
    return r.out;
  };
  const eventsAt = async (hash) => (await api.at(hash)).query.system.events();

  const assertMoneyConserved = () => assertIssuanceIsAllBalances(api, assert);

  before(async () => {
    node = await startDevNode();
    api = node.api;
    const owner = keyring.addFromMnemonic(mnemonicGenerate());
    const { events } = await send(api.tx.subnets.registerNetwork(owner.address), alice);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    // Hotkeys sign their market calls and pay fees: a little MYL each.
    for (const hk of [provider, validator]) await send(api.tx.balances.transferKeepAlive(hk.address, 10n * MYL), alice);
    await send(api.tx.subnets.burnedRegister(netuid, provider.address), bob);
    await send(api.tx.subnets.burnedRegister(netuid, validator.address), charlie);
    await send(api.tx.staking.addStake(validator.address, 100n * MYL), charlie);
    await send(api.tx.market.bond(netuid, provider.address, 100n * MYL), bob);
    await send(api.tx.market.setOffer(netuid, MYL, 4, '{"task":"matmul"}'), provider);
    // The validator's permit comes with an epoch that sees its stake (stake held over an epoch).
    await watchBlocks(
      api,
      async () => {
        const mg = (await api.rpc.subnets.metagraph(netuid)).toJSON();
        return mg.neurons.find((n) => n.hotkey === validator.address)?.validator_permit === true;
      },
      60_000,
    );
  });

  after(async () => {
    if (node) await node.stop();
  });

  /** Posts a 10 MYL job; `{ id, fee }`. */
  const post = async (spec, deadlineIn = 200, named = null) => {
    const deadline = (await best()) + deadlineIn;
    const { events, fee } = await send(api.tx.market.postJob(netuid, spec, 10n * MYL, deadline, named), poster);
    const ev = findEvent(events, api.events.market.JobPosted);
    assert.equal(ev.data.maxPrice.toBigInt(), 10n * MYL);
    return { id: ev.data.jobId.toNumber(), fee, deadline };
  };

  /** The provider takes job `id` and submits `result` for `units`; the block the attest window ends. */
  const work = async (id, result, units) => {
    await send(api.tx.market.acceptJob(id), provider);
    const { events } = await send(api.tx.market.submitResult(id, blake2AsHex(result), units), provider);
    return findEvent(events, api.events.market.ResultSubmitted).data.attestUntil.toNumber();
  };

  it('pays an honest job exactly: price from the poster, price - take to the provider, take burned', async () => {
    const [poster0, bob0] = [await free(poster), await free(bob)];
    const { id, fee } = await post('{"task":"matmul","n":64,"seed":7}');
    assert.equal(await marketHold(poster, 'JobEscrow'), 10n * MYL, 'the escrow is held');
    const attestUntil = await work(id, 'C = A·B', 6);
    const attested = await send(api.tx.market.attest(id, true), validator);
    assert.equal(findEvent(attested.events, api.events.market.JobAttested).data.approve.isTrue, true);
    // market_job: the job as JSON, with its result and attestation.
    const view = (await api.rpc.market.job(id)).toJSON();
    assert.equal(view.state, 'submitted');
    assert.equal(view.provider, provider.address);
    assert.equal(view.price, String(6n * MYL));
    assert.equal(view.result_hash, blake2AsHex('C = A·B'));
    assert.deepEqual(view.attestations.map((a) => [a.validator, a.approve]), [[validator.address, true]]);
    await untilBlock(attestUntil + 1);
    const { events } = await send(api.tx.market.finalizeJob(id), provider);

    const price = 6n * MYL;
    const take = (price * TAKE_PERCENT) / 100n;
    const paid = findEvent(events, api.events.market.JobPaid);
    assert.equal(paid.data.amount.toBigInt(), price - take);
    assert.equal(paid.data.take.toBigInt(), take);
    assert.equal(await free(poster), poster0 - fee - price, 'the poster is charged the price and its fee');
    assert.equal(await free(bob), bob0 + price - take, "the provider's owner gets price - take");
    assert.equal(await marketHold(poster, 'JobEscrow'), 0n, 'the escrow is empty');
    const rep = (await api.query.market.reputations(provider.address)).toJSON();
    assert.equal(rep.completed, 1);
    await assertMoneyConserved();
  });

  it('rejects a garbage result: the poster refunded, the bond slashed 50/30/20', async () => {
    const [poster0, charlie0] = [await free(poster), await free(charlie)];
    const bond0 = await marketHold(bob, 'Bond');
    const { id, fee } = await post('{"task":"matmul","n":64,"seed":8}');
    const attestUntil = await work(id, 'garbage', 6);
    await send(api.tx.market.attest(id, false), validator);
    await untilBlock(attestUntil + 1);
    const { events } = await send(api.tx.market.finalizeJob(id), provider);

    assert.ok(findEvent(events, api.events.market.JobRejected));
    const slash = findEvent(events, api.events.market.ProviderSlashed);
    assert.equal(slash.data.amount.toBigInt(), 5n * MYL, 'half the max price');
    assert.equal(await marketHold(bob, 'Bond'), bond0 - 5n * MYL);
    assert.equal(await free(poster), poster0 - fee + (5n * MYL) / 2n, 'refunded, plus half the slash');
    assert.equal(await free(charlie), charlie0 + (3n * MYL) / 2n, "30% to the rejecting validator's owner");
    assert.equal(await marketHold(poster, 'JobEscrow'), 0n);
    assert.equal((await api.query.market.reputations(provider.address)).toJSON().rejected, 1);
    await assertMoneyConserved();
  });

  it('pauses a lease whose deposit runs out and resumes it on a top-up (myelin lease)', async () => {
    const opened = await ok(['lease', 'open', '--netuid', String(netuid), '--provider', provider.address, '--rate', '0.1', '--deposit', '1'], '//Dave');
    const id = opened.lease_id;
    const accepted = await ok(['lease', 'accept', String(id)], providerSuri);
    const start = accepted.block;
    // The deposit covers 10 blocks.
    await untilBlock(start + 12);
    const bob0 = await free(bob);
    const withdrawn = await ok(['lease', 'withdraw', String(id)], providerSuri);
    const paused = findEvent(await eventsAt(withdrawn.block_hash), api.events.market.LeasePaused);
    assert.ok(paused, 'paused, not closed');
    assert.equal(paused.data.pausedAt.toNumber(), start + 10);
    const take = (MYL * TAKE_PERCENT) / 100n;
    assert.equal(await free(bob), bob0 + MYL - take, 'the whole deposit paid, less the take');
    assert.deepEqual((await ok(['lease', 'show', String(id)])).state, { paused_at: start + 10 });

    const topped = await ok(['lease', 'top-up', String(id), '--amount', '1'], '//Dave');
    assert.ok(findEvent(await eventsAt(topped.block_hash), api.events.market.LeaseResumed), 'resumed within the grace');
    assert.equal((await ok(['lease', 'show', String(id)])).state, 'active');
    const leaseView = (await api.rpc.market.lease(id)).toJSON();
    assert.equal(leaseView.state, 'active');
    assert.equal(leaseView.paid, String(MYL), 'paid 10 blocks before the pause');
    const closed = await ok(['lease', 'close', String(id)], '//Dave');
    const ev = findEvent(await eventsAt(closed.block_hash), api.events.market.LeaseClosed);
    assert.ok(ev.data.refunded.toBigInt() > 0n && ev.data.refunded.toBigInt() <= MYL);
    assert.equal(await marketHold(poster, 'LeaseDeposit'), 0n);
    assert.equal((await myelin(['lease', 'show', String(id)])).code, 1, 'a closed lease is gone');
    await assertMoneyConserved();
  });

  it('refunds a job nobody accepts at its deadline (myelin job)', async () => {
    const posted = await ok(
      ['job', 'post', '--netuid', String(netuid), '--spec', '{"task":"matmul","n":8,"seed":9}', '--max-price', '10', '--deadline-in', '15', '--provider', validator.address],
      '//Dave',
    );
    assert.equal(await marketHold(poster, 'JobEscrow'), 10n * MYL);
    const shown = await ok(['job', 'show', String(posted.job_id)]);
    assert.equal(shown.status.state, 'posted');
    // market_jobs with filters (a list: read raw, polkadot.js' `Json` type makes lists maps).
    const jobs = async (filters) => (await rawRpc(node.rpcPort, 'market_jobs', [netuid, filters])).reply;
    const listed = (await jobs({ state: 'posted' })).result;
    assert.deepEqual(listed.map((j) => j.job_id), [posted.job_id]);
    assert.equal(listed[0].poster, poster.address);
    assert.deepEqual((await jobs({ poster: alice.address })).result, []);
    const bad = await jobs({ colour: 'red' });
    assert.equal(bad.error.code, -32602, 'an unknown filter is invalid params');
    const early = await myelin(['job', 'finalize', String(posted.job_id)], '//Dave');
    assert.equal(early.code, 1);
    assert.match(early.stderr, /Market\.NotDue: No outcome is due yet/);
    await untilBlock(posted.deadline + 1);
    const finalized = await ok(['job', 'finalize', String(posted.job_id)], '//Dave');
    assert.equal(finalized.outcome, 'refunded');
    assert.equal(finalized.amount, String(10n * MYL));
    assert.equal(await marketHold(poster, 'JobEscrow'), 0n);
    const gone = (await rawRpc(node.rpcPort, 'market_job', [posted.job_id])).reply;
    assert.equal(gone.result, null, 'a finalized job is gone');
    // market_provider: the record of both jobs, the bond less the slash.
    const record = (await api.rpc.market.provider(provider.address)).toJSON();
    assert.equal(record.completed, 1);
    assert.equal(record.rejected, 1);
    assert.equal(record.slashed_amount, String(5n * MYL));
    assert.deepEqual(record.subnets.map((s) => [s.netuid, s.bond, s.committed]), [[netuid, String(95n * MYL), '0']]);
    assert.deepEqual(record.jobs, []);
    // The provider's record, read back with myelin.
    const shownProvider = await ok(['provider', 'show', '--netuid', String(netuid), provider.address]);
    assert.equal(shownProvider.reputation.completed, 1);
    assert.equal(shownProvider.reputation.rejected, 1);
    assert.equal(shownProvider.bond.amount, String(95n * MYL));
    await assertMoneyConserved();
  });

  it('drives a job from both sides with myelin: offer, post, cancel, accept, submit, attest, dispute, finalize, unbond', async () => {
    const offered = await ok(['provider', 'offer', '--netuid', String(netuid), '--price', '0.5', '--capacity', '4', '--attributes', '{"task":"matmul"}'], providerSuri);
    assert.ok(offered.block > 0);
    const shown = await ok(['provider', 'show', '--netuid', String(netuid), provider.address]);
    assert.equal(shown.offer.price_per_unit, String(MYL / 2n));
    // A job the poster cancels before anyone takes it: the escrow comes back.
    const cancelled = await ok(['job', 'post', '--netuid', String(netuid), '--spec', 'x', '--max-price', '2'], '//Dave');
    await ok(['job', 'cancel', String(cancelled.job_id)], '//Dave');
    assert.equal(await marketHold(poster, 'JobEscrow'), 0n);
    // A job taken, submitted, approved by the validator, disputed by the poster: paid by stake.
    const posted = await ok(['job', 'post', '--netuid', String(netuid), '--spec', '{"task":"matmul","n":4,"seed":1}', '--max-price', '2'], '//Dave');
    const id = String(posted.job_id);
    await ok(['job', 'accept', id], providerSuri);
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'myelin-result-'));
    writeFileSync(join(dir, 'result.json'), '{"c":[1,2,3]}');
    const submitted = await ok(['job', 'submit', id, '--result-file', join(dir, 'result.json'), '--units', '3'], providerSuri);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(submitted.result_hash, blake2AsHex('{"c":[1,2,3]}'));
    await ok(['job', 'attest', id], validatorSuri);
    await ok(['job', 'dispute', id], '//Dave');
    const view = await ok(['job', 'show', id]);
    assert.equal(view.status.state, 'submitted');
    assert.equal(view.status.disputed, true);
    assert.deepEqual(view.attestations.map((a) => [a.validator, a.approve]), [[validator.address, true]]);
    await untilBlock(view.status.attest_until + 1);
    const settled = await ok(['job', 'finalize', id], '//Dave');
    assert.equal(settled.outcome, 'paid', 'approved by stake, the dispute notwithstanding');
    assert.equal(settled.amount, String((3n * MYL) / 2n - (3n * MYL * TAKE_PERCENT) / 200n));
    // The owner unbonds part of the bond (withdrawable after 600 blocks).
    await ok(['provider', 'unbond', '--netuid', String(netuid), '--hotkey', provider.address, '--amount', '10'], '//Bob');
    assert.equal((await ok(['provider', 'show', '--netuid', String(netuid), provider.address])).bond.unbonding, String(10n * MYL));
    const early = await myelin(['provider', 'withdraw', '--netuid', String(netuid), '--hotkey', provider.address], '//Bob');
    assert.equal(early.code, 1);
    assert.match(early.stderr, /Market\.StillUnbonding/);
    await assertMoneyConserved();
  });
});
