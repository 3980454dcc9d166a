// A dev chain on the last release's runtime, filled the way a chain in use is: shared by the
// upgrade e2e (upgrade.test.js) and `make try-runtime` (try-runtime-live.js).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { mnemonicGenerate, xxhashAsU8a } from '@polkadot/util-crypto';
import { nodeBinary, sendAndFinalize, startDevNode } from './node.js';
import { findEvent, hasSubnetEvent, watchBlocks } from './chain.js';

export const MYL = 1_000_000_000n;
const RELEASES = join(dirname(fileURLToPath(import.meta.url)), '../../../runtime/releases');

/** The newest release: `{ spec, path }` of runtime/releases/myelin-runtime-<spec>.compact.compressed.wasm. */
export function latestRelease() {
  const releases = readdirSync(RELEASES)
    .map((name) => ({ name, m: /^myelin-runtime-(\d+)\.compact\.compressed\.wasm$/.exec(name) }))
    .filter(({ m }) => m)
    .map(({ name, m }) => ({ spec: Number(m[1]), path: join(RELEASES, name) }))
    .sort((a, b) => b.spec - a.spec);
  assert.ok(releases.length > 0, `a release runtime in ${RELEASES}`);
  return releases[0];
}

/** The raw key of a pallet's on-chain storage version. */
export const versionKey = (pallet) =>
  u8aToHex(u8aConcat(xxhashAsU8a(stringToU8a(pallet), 128), xxhashAsU8a(stringToU8a(':__STORAGE_VERSION__:'), 128)));

/**
 * Removes from a genesis patch what this checkout's presets set but the release runtime does
 * not know (it refuses unknown fields): the pallets and fields added since the release.
 * Extend it when a genesis field is added.
 */
function withoutNewerGenesisFields(patch) {
  delete patch.root; // the Root pallet (runtime spec 104)
  if (patch.subnets) delete patch.subnets.networkImmunityPeriod; // spec 104
  if (patch.staking) delete patch.staking.stakeWarmup; // spec 105
}

/**
 * Starts a dev node whose genesis holds the last release's runtime instead of this checkout's.
 * Returns `{ node, api, release, newCode, stop }`: `newCode` is this checkout's runtime (hex),
 * `stop()` stops the node and removes its files.
 */
export async function startOnRelease() {
  const release = latestRelease();
  const dir = mkdtempSync(join(tmpdir(), 'myelin-release-'));
  const spec = JSON.parse(
    execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    }).toString(),
  );
  const newCode = spec.genesis.runtimeGenesis.code;
  spec.genesis.runtimeGenesis.code = u8aToHex(readFileSync(release.path));
  withoutNewerGenesisFields(spec.genesis.runtimeGenesis.patch);
  const specPath = join(dir, 'dev-on-release.json');
  writeFileSync(specPath, JSON.stringify(spec));
  let node;
  try {
    node = await startDevNode({ extraArgs: ['--chain', specPath] });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const stop = async () => {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { node, api: node.api, release, newCode, stop };
}

/**
 * Fills a dev chain: two subnets (`a` with a validator's weight row and two epochs, so
 * incentive, dividends and bonds exist; `b` with commit-reveal on and a commit waiting), four
 * neurons, stake from an owner and a nominator. Ends with tempo 2000 on both subnets, so that
 * no epoch runs until the caller sets it back. Returns `{ a, b, uid, vali, minerA, minerB, salt }`
 * where `uid["<netuid>/<hotkey>"]` is a neuron's uid.
 */
export async function fillChain(api, keyring) {
  const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s));
  const [ownerA, ownerB, vali, minerA, minerB] = [0, 1, 2, 3, 4].map(() => keyring.addFromMnemonic(mnemonicGenerate()));
  const send = (tx, signer) => sendAndFinalize(api, tx, signer);
  const registered = async (owner) => {
    const { events } = await send(api.tx.subnets.registerNetwork(owner.address), alice);
    return findEvent(events, api.events.subnets.NetworkRegistered).data.netuid.toNumber();
  };
  const a = await registered(ownerA);
  const b = await registered(ownerB);
  const uid = {};
  for (const [netuid, hk] of [[a, vali], [a, minerA], [b, vali], [b, minerB]]) {
    const { events } = await send(api.tx.subnets.burnedRegister(netuid, hk.address), bob);
    uid[`${netuid}/${hk.address}`] = findEvent(events, api.events.subnets.NeuronRegistered).data.uid.toNumber();
  }
  // Endpoints (feeless, signed by the hotkeys): the upgrade moves them into pages.
  await send(api.tx.subnets.serveAxon(a, 'http://127.0.0.1:8091'), minerA);
  await send(api.tx.subnets.serveAxon(b, 'https://10.0.0.2:9000/b'), vali);
  await send(api.tx.staking.addStake(vali.address, 100n * MYL), bob);
  await send(api.tx.staking.addStake(vali.address, 50n * MYL), charlie); // a nominator
  for (const netuid of [a, b]) {
    await send(api.tx.subnets.setHyperparameter(netuid, { WeightsRateLimit: 0 }), alice);
  }
  await send(api.tx.subnets.setHyperparameter(b, { CommitRevealEnabled: true }), alice);
  await send(api.tx.subnets.setHyperparameter(b, { CommitRevealPeriod: 3 }), alice);
  // The next epoch of `a` gives the staked validator its permit.
  const valiA = uid[`${a}/${vali.address}`];
  await watchBlocks(api, async () => (await api.query.yuma.validatorPermit(a)).toJSON()[valiA] === true, 60_000);
  await send(api.tx.weights.setWeights(a, [uid[`${a}/${minerA.address}`]], [1], 0), vali);
  const salt = [3, 1, 4];
  const hash = api.registry.hash(
    u8aConcat(
      api.registry.createType('AccountId', vali.address).toU8a(),
      api.registry.createType('u16', b).toU8a(),
      api.registry.createType('Vec<u16>', [uid[`${b}/${minerB.address}`]]).toU8a(),
      api.registry.createType('Vec<u16>', [1]).toU8a(),
      api.registry.createType('Vec<u16>', salt).toU8a(),
      api.registry.createType('u64', 0).toU8a(),
    ),
  );
  await send(api.tx.weights.commitWeights(b, hash), vali);
  // Two epochs of `a` with the row: incentive, dividends and bonds exist.
  let epochs = 0;
  await watchBlocks(
    api,
    async (_h, _n, events) => {
      if (hasSubnetEvent(events, api.events.yuma.EpochCompleted, a)) epochs += 1;
      return epochs >= 2;
    },
    60_000,
  );
  assert.ok((await api.query.yuma.bonds.entries(a)).length > 0, 'bonds were stored');
  assert.equal((await api.query.weights.commits(b, vali.address)).unwrap().length, 1);
  // No epoch from here on until the caller sets the tempo back.
  for (const netuid of [a, b]) {
    await send(api.tx.subnets.setHyperparameter(netuid, { Tempo: 2000 }), alice);
  }
  return { a, b, uid, vali, minerA, minerB, salt };
}
