// The `myelin` command-line tool against a dev node, as a new user runs it: create a subnet,
// register a miner, stake, read the metagraph and balances, transfer. Refusals print the
// pallet error with its documentation and exit with 1; bad arguments name the argument and
// exit with 2.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBinary, startDevNode } from './lib/node.js';

const MYL = 1_000_000_000n;

describe('myelin command-line tool', () => {
  let node;
  let netuid;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const ownerSuri = mnemonicGenerate();
  const ownerHk = keyring.addFromMnemonic(ownerSuri);
  const [minerHk, receiver] = [0, 1].map(() => keyring.addFromMnemonic(mnemonicGenerate()));
  const bob = keyring.addFromUri('//Bob');

  /**
   * Runs `myelin --url <node> ...args` (or with the `--url` in `args`) signing as `suri`:
   * `{ code, stdout, stderr }`.
   */
  const myelin = (args, suri = '//Alice', env = {}) =>
    new Promise((resolve) => {
      execFile(
        cliBinary(),
        args.includes('--url') ? args : ['--url', node.wsUrl, ...args],
        { env: { ...process.env, MYELIN_SURI: suri, MYELIN_HOME: home, ...env }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
      );
    });
  const json = async (args, suri, env) => {
    const r = await myelin(['--json', ...args], suri, env);
    assert.equal(r.code, 0, `myelin ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  // Wallets of this test only.
  const home = mkdtempSync(join(tmpdir(), 'myelin-home-'));

  before(async () => {
    node = await startDevNode();
  });
  after(async () => {
    if (node) await node.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('creates a subnet and lists it', async () => {
    const created = await json(['subnet', 'create', '--hotkey', ownerHk.address, '--max-lock', '100']);
    netuid = created.netuid;
    assert.ok(netuid >= 1 && created.block > 0);
    const list = await json(['subnet', 'list']);
    assert.equal(list.find((s) => s.netuid === netuid).owner_hotkey, ownerHk.address);
    const text = await myelin(['subnet', 'list']);
    assert.match(text.stdout, /NETUID +NEURONS +TEMPO/);
    const shown = await json(['subnet', 'show', String(netuid)]);
    assert.equal(shown.hyperparameters.tempo, 10);
  });

  it('a refusal prints the pallet error with its documentation and exits with 1', async () => {
    const r = await myelin(['subnet', 'create', '--hotkey', receiver.address, '--max-lock', '0.000001']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Subnets\.LockAboveLimit: The lock cost is above/);
    const noOwner = await myelin(['stake', 'add', '--hotkey', receiver.address, '--amount', '1']);
    assert.equal(noOwner.code, 1);
    assert.match(noOwner.stderr, /Staking\.HotkeyHasNoOwner/);
  });

  it('a bad argument is named and exits with 2', async () => {
    const badAddress = await myelin(['transfer', '--to', 'nobody', '--amount', '1']);
    assert.equal(badAddress.code, 2);
    assert.match(badAddress.stderr, /--to/);
    const badAmount = await myelin(['transfer', '--to', receiver.address, '--amount', 'ten']);
    assert.equal(badAmount.code, 2);
    assert.match(badAmount.stderr, /--amount/);
    const badColumn = await myelin(['metagraph', '1', '--sort', 'price']);
    assert.equal(badColumn.code, 2);
    assert.match(badColumn.stderr, /--sort/);
  });

  it('registers a miner at the price shown, refuses one above --max-burn', async () => {
    const reg = await json(['register', '--netuid', String(netuid), '--hotkey', minerHk.address], '//Bob');
    assert.equal(reg.uid, 1);
    const r = await myelin(
      ['register', '--netuid', String(netuid), '--hotkey', receiver.address, '--max-burn', '0.000000001'],
      '//Bob',
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Subnets\.BurnAboveLimit/);
  });

  it('stakes on the miner and reads it back, in the metagraph too', async () => {
    await json(['stake', 'add', '--hotkey', minerHk.address, '--amount', '10'], '//Bob');
    const shown = await json(['stake', 'show', '--hotkey', minerHk.address, '--coldkey', bob.address]);
    assert.ok(BigInt(shown.coldkey_stake) >= 10n * MYL - 1n);
    const mg = await json(['metagraph', String(netuid)]);
    assert.equal(mg.n, 2);
    assert.ok(BigInt(mg.neurons[1].stake) >= 10n * MYL);
    const table = await myelin(['metagraph', String(netuid), '--sort', 'stake', '--reverse']);
    assert.equal(table.code, 0, table.stderr);
    const firstRow = table.stdout.split('\n')[2].trim();
    assert.ok(firstRow.startsWith('1 '), firstRow);
    assert.match(table.stdout, /STAKE \(MYL\)/);
  });

  it('sets hyperparameters as owner and as root, and names a refusal under sudo', async () => {
    await json(['subnet', 'set', String(netuid), '--param', 'weights_rate_limit=2']);
    await json(['subnet', 'set', String(netuid), '--param', 'max_allowed_validators=8', '--sudo']);
    const hp = await json(['subnet', 'hyperparameters', String(netuid)]);
    assert.equal(hp.weights_rate_limit, 2);
    assert.equal(hp.max_allowed_validators, 8);
    const owner = await myelin(['subnet', 'set', String(netuid), '--param', 'kappa=1']);
    assert.equal(owner.code, 1);
    assert.match(owner.stderr, /Subnets\.RootOnlyHyperparameter/);
    const zero = await myelin(['subnet', 'set', String(netuid), '--param', 'serving_rate_limit=0', '--sudo']);
    assert.equal(zero.code, 1);
    assert.match(zero.stderr, /sudo: Subnets\.ServingRateLimitZero/);
    const bad = await myelin(['subnet', 'set', String(netuid), '--param', 'speed=1']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--param/);
  });

  it('sets a take, moves stake, and weights from a hotkey without a permit are refused', async () => {
    const take = await myelin(['take', 'set', '--hotkey', ownerHk.address, '--take', '9']);
    assert.equal(take.code, 0, take.stderr);
    const tooHigh = await myelin(['take', 'set', '--hotkey', ownerHk.address, '--take', '20']);
    assert.equal(tooHigh.code, 2);
    await json(['stake', 'move', '--from', minerHk.address, '--to', ownerHk.address, '--amount', '1'], '//Bob');
    const moved = await json(['stake', 'show', '--hotkey', ownerHk.address, '--coldkey', bob.address]);
    assert.ok(BigInt(moved.coldkey_stake) >= MYL - 1n);
    // A registered hotkey without stake has no validator permit: the pool refuses its row.
    const suri = mnemonicGenerate();
    const hotkey = keyring.addFromMnemonic(suri).address;
    await json(['register', '--netuid', String(netuid), '--hotkey', hotkey, '--max-burn', '10'], '//Bob');
    const weights = await myelin(
      ['weights', 'set', '--netuid', String(netuid), '--uids', '0', '--weights', '1'],
      suri,
    );
    assert.equal(weights.code, 1);
    assert.match(weights.stderr, /refused by the pool: code 13: no validator permit/);
  });

  it('makes a root validator that weights subnets, and shows root consensus', async () => {
    // Alice owns ownerHk, which holds stake (Bob moved 1 MYL onto it above).
    await json(['root', 'register', '--hotkey', ownerHk.address]);
    const root = await json(['root', 'show']);
    assert.ok(root.validators.some((v) => v.hotkey === ownerHk.address));
    // Its hotkey signs its row (feeless).
    await json(['root', 'weights', '--netuids', String(netuid), '--weights', '1'], ownerSuri);
    const after = await json(['root', 'show']);
    const row = after.validators.find((v) => v.hotkey === ownerHk.address).weights;
    assert.deepEqual(row.map(([n]) => n), [netuid]);
    const text = await myelin(['root', 'show']);
    assert.match(text.stdout, /root epoch every 10 blocks/);
    const stranger = await myelin(['root', 'weights', '--netuids', String(netuid), '--weights', '1'], '//Ferdie');
    assert.equal(stranger.code, 1);
    assert.match(stranger.stderr, /code 21: not a root validator/);
  });

  it('keeps keys in encrypted wallets that polkadot.js reads, and signs with them', async () => {
    const pw = { MYELIN_PASSWORD: 'correct horse battery' };
    const cold = await json(['wallet', 'new', '--wallet', 'w1'], '', pw);
    const hot = await json(['wallet', 'new', '--wallet', 'w1', '--hotkey', 'miner'], '', pw);
    // The file is polkadot.js's keystore JSON: it decrypts there to the same key, which is
    // also the key of the printed mnemonic.
    const file = JSON.parse(readFileSync(cold.file, 'utf8'));
    const pair = keyring.addFromJson(file);
    pair.decodePkcs8(pw.MYELIN_PASSWORD);
    assert.equal(pair.address, cold.address);
    assert.equal(keyring.addFromMnemonic(cold.mnemonic).address, cold.address);
    const listed = await json(['wallet', 'list']);
    const w1 = listed.find((w) => w.wallet === 'w1');
    assert.deepEqual([w1.coldkey, w1.hotkeys.miner], [cold.address, hot.address]);
    // A polkadot.js export imports as it is.
    const exported = keyring.addFromMnemonic(mnemonicGenerate());
    const path = join(home, 'exported.json');
    writeFileSync(path, JSON.stringify(exported.toJson('pw2')));
    const imported = await json(['wallet', 'import', '--wallet', 'w2', '--file', path], '', { MYELIN_PASSWORD: 'pw2' });
    assert.equal(imported.address, exported.address);
    // Funded by Alice, the wallet's coldkey signs; a wrong password is refused.
    await json(['transfer', '--to', cold.address, '--amount', '3']);
    await json(['transfer', '--to', receiver.address, '--amount', '1', '--wallet', 'w1'], '', pw);
    const wrong = await myelin(['transfer', '--to', receiver.address, '--amount', '1', '--wallet', 'w1'], '', {
      MYELIN_PASSWORD: 'nope',
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /wrong password/);
    const address = await myelin(['address', '--wallet', 'w1', '--wallet-hotkey', 'miner'], '', pw);
    assert.equal(address.stdout.trim(), hot.address);
  });

  it('prints the address of a secret URI without a node', async () => {
    const r = await myelin(['--url', 'ws://127.0.0.1:1', 'address'], '//Bob');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), bob.address);
  });

  it('transfers and shows the balance', async () => {
    const before = BigInt((await json(['balance', receiver.address])).free);
    await json(['transfer', '--to', receiver.address, '--amount', '5']);
    const balance = await json(['balance', receiver.address]);
    assert.equal(BigInt(balance.free), before + 5n * MYL);
    const text = await myelin(['balance', receiver.address]);
    assert.match(text.stdout, /free \d+(\.\d+)? MYL, held 0 MYL/);
  });
});
