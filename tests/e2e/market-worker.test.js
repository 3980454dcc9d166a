// The compute market with the workers (docs/market.md section 9) on a dev node: a miner
// started with `--market` takes a matmul job that `myelin-worker client` posts, computes it,
// serves the result signed by its hotkey and submits its hash; a validator started with
// `--market` fetches it, checks it with Freivalds' algorithm and approves; the job is paid
// exactly (the provider's owner gets price - take). Then a miner answering wrong products
// takes the next job: the client and the validator catch it, the validator rejects it, the
// provider's bond is slashed and the poster refunded. Last, a plug-in job: a miner running the
// Python subnet template's miner plug-in answers it and the validator's verifier plug-in
// approves it. Money is conserved throughout.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { freePort, startDevNode, startWorker, sendAndFinalize, workerBinary } from './lib/node.js';
import { assertIssuanceIsAllBalances, findEvent, watchBlocks } from './lib/chain.js';

const MYL = 1_000_000_000n;
const template = fileURLToPath(new URL('../../examples/subnet-template/', import.meta.url));

describe('the compute market with myelin-worker', () => {
  let node;
  let api;
  let netuid;
  const workers = [];
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, bob, charlie, eve, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Eve', '//Ferdie'].map((k) =>
    keyring.addFromUri(k),
  );
  const coldkeySuri = new Map([[bob, '//Bob'], [eve, '//Eve'], [ferdie, '//Ferdie']]);
  const secrets = { honest: mnemonicGenerate(), cheat: mnemonicGenerate(), plugin: mnemonicGenerate(), validator: mnemonicGenerate() };
  const hk = Object.fromEntries(Object.entries(secrets).map(([k, s]) => [k, keyring.addFromMnemonic(s)]));
  const stateDir = mkdtempSync(join(tmpdir(), 'myelin-market-worker-'));
  const logs = () => workers.map((w) => `--- ${w.name} ${JSON.stringify(w.exit)}\n${w.log.slice(-6_000)}`).join('\n');
  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
  const neuronOf = async (pair) =>
    (await api.rpc.subnets.metagraph(netuid)).toJSON().neurons.find((n) => n.hotkey === pair.address);

  /** `myelin-worker client ...`: its JSON outcome. */
  const client = (args) =>
    new Promise((resolve, reject) => {
      execFile(
        workerBinary(),
        ['client', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', '//Dave', ...args],
        { timeout: 180_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}\n${logs()}`)) : resolve({ out: JSON.parse(stdout), log: stderr })),
      );
    });

  const assertMoneyConserved = () => assertIssuanceIsAllBalances(api, assert);

  /** Starts a market miner for `name` (coldkey `coldkey`), waits for its axon, bonds and offers. */
  const provider = async (name, coldkey, extra = []) => {
    const port = await freePort();
    workers.push(
      startWorker(name, [
        'miner', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets[name], '--coldkey', coldkeySuri.get(coldkey),
        '--max-burn', '10', '--listen', `127.0.0.1:${port}`, '--market', ...extra,
      ]),
    );
    await watchBlocks(api, async () => Boolean((await neuronOf(hk[name]))?.axon), 90_000).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    await sendAndFinalize(api, api.tx.market.bond(netuid, hk[name].address, 100n * MYL), coldkey);
    await sendAndFinalize(api, api.tx.market.setOffer(netuid, MYL, 4, '{"task":"matmul"}'), hk[name]);
  };

  before(async () => {
    node = await startDevNode();
    api = node.api;
    const owner = keyring.addFromMnemonic(mnemonicGenerate());
    const { events } = await sendAndFinalize(api, api.tx.subnets.registerNetwork(owner.address), alice);
    netuid = findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
    for (const pair of Object.values(hk)) await sendAndFinalize(api, api.tx.balances.transferKeepAlive(pair.address, 10n * MYL), alice);
    await sendAndFinalize(api, api.tx.subnets.burnedRegister(netuid, hk.validator.address), charlie);
    await sendAndFinalize(api, api.tx.staking.addStake(hk.validator.address, 100n * MYL), charlie);
    workers.push(
      startWorker('validator', [
        'validator', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets.validator, '--market',
        '--market-verifier', `lines:python3 ${join(template, 'verifier.py')}`,
        '--interval', '5', '--state-dir', stateDir,
      ]),
    );
    await watchBlocks(api, async () => (await neuronOf(hk.validator))?.validator_permit === true, 90_000).catch((e) =>
      assert.fail(`${e.message}\n${logs()}`),
    );
  });

  after(async () => {
    for (const w of workers) if (w.exit === null) w.child.kill('SIGKILL');
    if (node) await node.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('pays an honest miner for a verified matmul job', async () => {
    await provider('honest', bob);
    const bob0 = await free(bob);
    const { out } = await client(['--n', '64', '--max-price', '10']);
    assert.equal(out.outcome, 'paid', JSON.stringify(out));
    assert.equal(out.result_checked, true, 'the client checked the result itself');
    // One unit (64³ multiply-adds) at 1 MYL: price 1 MYL, take 2%.
    assert.equal(out.take, String(MYL / 50n));
    assert.equal(out.paid, String(MYL - MYL / 50n));
    assert.equal(await free(bob), bob0 + MYL - MYL / 50n, "the provider's owner is paid price - take");
    const v = workers.find((w) => w.name === 'validator');
    assert.match(v.log, new RegExp(`market: job ${out.job_id} approved`));
    assert.equal((await api.query.market.reputations(hk.honest.address)).toJSON().completed, 1);
    await assertMoneyConserved();
  });

  it('rejects a wrong product: the validator and the client catch it, the bond is slashed', async () => {
    const honest = workers.find((w) => w.name === 'honest');
    honest.child.kill('SIGINT');
    await honest.exited;
    await provider('cheat', eve, ['--corrupt']);
    const { out } = await client(['--n', '32', '--max-price', '10']);
    assert.equal(out.outcome, 'rejected', JSON.stringify(out));
    assert.equal(out.result_checked, false, 'the client found the product wrong');
    assert.equal(out.slashed, String(5n * MYL), 'half the max price');
    const v = workers.find((w) => w.name === 'validator');
    assert.match(v.log, new RegExp(`market: job ${out.job_id} rejected`));
    const rep = (await api.query.market.reputations(hk.cheat.address)).toJSON();
    assert.equal(rep.rejected, 1);
    await assertMoneyConserved();
  });

  it("pays a plug-in job answered by the template's miner and approved by its verifier", async () => {
    const cheat = workers.find((w) => w.name === 'cheat');
    cheat.child.kill('SIGINT');
    await cheat.exited;
    await provider('plugin', ferdie, ['--task', `lines:python3 ${join(template, 'miner.py')}`]);
    const ferdie0 = await free(ferdie);
    const input = JSON.stringify({ kind: 'prime_count', lo: 0, hi: 100, seed: 1 });
    const { out } = await client(['--max-price', '10', '--input', input, '--verifier', `lines:python3 ${join(template, 'verifier.py')}`]);
    assert.equal(out.outcome, 'paid', JSON.stringify(out));
    assert.equal(out.result_checked, true, "the client's verifier approved it");
    assert.equal(await free(ferdie), ferdie0 + MYL - MYL / 50n, 'one unit at 1 MYL, less the take');
    const v = workers.find((w) => w.name === 'validator');
    assert.match(v.log, new RegExp(`market: job ${out.job_id} approved`));
    await assertMoneyConserved();
  });
});
