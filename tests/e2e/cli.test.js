// The `myelin` command-line tool against a dev node, as a new user runs it: create a subnet,
// register a miner, stake, read the metagraph and balances, transfer. Refusals print the
// pallet error with its documentation and exit with 1; bad arguments name the argument and
// exit with 2.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { Keyring } from '@polkadot/keyring';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { cliBinary, startDevNode } from './lib/node.js';

const MYL = 1_000_000_000n;

describe('myelin command-line tool', () => {
  let node;
  let netuid;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [ownerHk, minerHk, receiver] = [0, 1, 2].map(() => keyring.addFromMnemonic(mnemonicGenerate()));
  const bob = keyring.addFromUri('//Bob');

  /**
   * Runs `myelin --url <node> ...args` (or with the `--url` in `args`) signing as `suri`:
   * `{ code, stdout, stderr }`.
   */
  const myelin = (args, suri = '//Alice') =>
    new Promise((resolve) => {
      execFile(
        cliBinary(),
        args.includes('--url') ? args : ['--url', node.wsUrl, ...args],
        { env: { ...process.env, MYELIN_SURI: suri }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
      );
    });
  const json = async (args, suri) => {
    const r = await myelin(['--json', ...args], suri);
    assert.equal(r.code, 0, `myelin ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };

  before(async () => {
    node = await startDevNode();
  });
  after(async () => {
    if (node) await node.stop();
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

  it('prints the address of a secret URI without a node', async () => {
    const r = await myelin(['--url', 'ws://127.0.0.1:1', 'address'], '//Bob');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), bob.address);
  });

  it('transfers and shows the balance', async () => {
    await json(['transfer', '--to', receiver.address, '--amount', '5']);
    const balance = await json(['balance', receiver.address]);
    assert.equal(BigInt(balance.free), 5n * MYL);
    const text = await myelin(['balance', receiver.address]);
    assert.match(text.stdout, /free 5 MYL/);
  });
});
