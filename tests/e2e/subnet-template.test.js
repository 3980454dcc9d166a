// A whole subnet, as its developer runs it: `myelin` creates it (commit-reveal on, tempo 40),
// registers and stakes a validator; two `myelin-worker`s run the Python subnet template
// (examples/subnet-template, long-lived `lines:` plug-ins): a miner serving https (rustls, a
// test CA) and a validator. Worker protocol v2 is checked from outside: an unsigned request and
// a stranger's signed request are refused (401, 403) before the miner's plug-in runs; a
// permitted validator's request is answered, signed by the miner's hotkey, and refused when
// replayed. A second miner publishes the first one's URL under its own hotkey: the first miner
// refuses requests meant for it, so it scores 0 and stays out of the weights. The validator is
// killed between its commit and its reveal, restarted, and reveals from its saved state; the
// metagraph read back with `myelin` pays the honest miner only. Both roles' Prometheus metrics
// count what happened.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, mnemonicGenerate, signatureVerify } from '@polkadot/util-crypto';
import { cliBinary, freePort, startDevNode, startWorker } from './lib/node.js';
import { findEvent, hasSubnetEvent, watchBlocks } from './lib/chain.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const template = join(repo, 'examples', 'subnet-template');
const tls = join(repo, 'tests', 'e2e', 'fixtures', 'tls');
const ca = readFileSync(join(tls, 'ca.pem'));

const u64le = (n) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
  return b;
};

/** Worker protocol v2 request headers for `body`, signed by `pair` for the miner `miner`. */
function signRequest(pair, miner, body, nonce) {
  const time = Date.now();
  const message = u8aConcat(
    stringToU8a('myelin/task/v2'),
    u64le(nonce),
    u64le(time),
    pair.publicKey,
    decodeAddress(miner),
    blake2AsU8a(stringToU8a(body), 256),
  );
  const signature = pair.sign(message);
  return {
    signature,
    headers: {
      'x-myelin-version': '2',
      'x-myelin-validator': pair.address,
      'x-myelin-miner': miner,
      'x-myelin-nonce': String(nonce),
      'x-myelin-time': String(time),
      'x-myelin-signature': u8aToHex(signature),
    },
  };
}

/** `POST <url>/task` over https trusting the test CA: `{ status, body, headers }`. */
function postTask(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = https.request(
      { hostname: u.hostname, port: u.port, path: '/task', method: 'POST', ca, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let data = '';
        res.on('data', (d) => {
          data += d;
        });
        res.on('end', () => resolve({ status: res.statusCode, body: data, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const metricsOf = async (port) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

describe('the subnet template: myelin, two workers, worker protocol v2', () => {
  let node;
  let api;
  let netuid;
  let validatorUid;
  const workers = [];
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const secrets = { validator: mnemonicGenerate(), miner: mnemonicGenerate(), impostor: mnemonicGenerate() };
  const hk = Object.fromEntries(Object.entries(secrets).map(([k, s]) => [k, keyring.addFromMnemonic(s)]));
  const stranger = keyring.addFromMnemonic(mnemonicGenerate());
  const home = mkdtempSync(join(tmpdir(), 'myelin-template-'));
  const stateDir = join(home, 'state');
  const pluginLog = join(home, 'miner-plugin.log');
  const ports = {};
  const logs = () => workers.map((w) => `--- ${w.name} ${JSON.stringify(w.exit)}\n${w.log.slice(-8_000)}`).join('\n');
  const pluginTasks = () =>
    existsSync(pluginLog) ? readFileSync(pluginLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).task) : [];
  const pluginCalls = () => pluginTasks().length;
  // How many of the plug-in's calls were for one of these request bodies (the validator keeps
  // sending its own tasks meanwhile, so a total would count those too).
  const sorted = (o) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
  const pluginCallsFor = (...bodies) => {
    const wanted = bodies.map((b) => sorted(JSON.parse(b)));
    return pluginTasks().filter((t) => t && typeof t === 'object' && wanted.includes(sorted(t))).length;
  };

  const myelin = (args, suri = '//Alice') =>
    new Promise((resolve) => {
      execFile(
        cliBinary(),
        ['--url', node.wsUrl, '--json', ...args],
        { env: { ...process.env, MYELIN_SURI: suri, MYELIN_HOME: home }, timeout: 120_000 },
        (error, stdout, stderr) => {
          assert.equal(error, null, `myelin ${args.join(' ')}: ${stderr}`);
          resolve(JSON.parse(stdout));
        },
      );
    });
  const neuronOf = (mg, pair) => mg.neurons.find((n) => n.hotkey === pair.address);
  const validatorArgs = () => [
    'validator', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets.validator,
    '--interval', '5', '--timeout-ms', '5000',
    '--task', `lines:python3 ${join(template, 'scorer.py')}`,
    '--task-plugin', `lines:python3 ${join(template, 'task.py')}`,
    '--ca-cert', join(tls, 'ca.pem'), '--state-dir', stateDir, '--metrics', `127.0.0.1:${ports.validatorMetrics}`,
  ];

  before(async () => {
    node = await startDevNode();
    api = node.api;
    for (const name of ['miner', 'impostor', 'minerMetrics', 'validatorMetrics']) ports[name] = await freePort();
  });

  after(async () => {
    for (const w of workers) if (w.exit === null) w.child.kill('SIGKILL');
    if (node) await node.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('creates the subnet, registers and stakes the validator with myelin', async () => {
    const owner = keyring.addFromMnemonic(mnemonicGenerate());
    ({ netuid } = await myelin(['subnet', 'create', '--hotkey', owner.address, '--max-lock', '100']));
    for (const param of ['tempo=40', 'weights_rate_limit=1', 'commit_reveal_enabled=true']) {
      await myelin(['subnet', 'set', String(netuid), '--param', param]);
    }
    const hp = await myelin(['subnet', 'hyperparameters', String(netuid)]);
    assert.equal(hp.commit_reveal_enabled, true);
    assert.equal(hp.tempo, 40);
    ({ uid: validatorUid } = await myelin(['register', '--netuid', String(netuid), '--hotkey', hk.validator.address, '--max-burn', '10']));
    await myelin(['stake', 'add', '--hotkey', hk.validator.address, '--amount', '100']);
    assert.equal(typeof validatorUid, 'number');
  });

  it('starts an https miner and an impostor under its URL; strangers are refused before the plug-in', async () => {
    const minerUrl = `https://127.0.0.1:${ports.miner}`;
    workers.push(
      startWorker(
        'miner',
        [
          'miner', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets.miner, '--coldkey', '//Bob',
          '--max-burn', '10', '--listen', `127.0.0.1:${ports.miner}`, '--tls-cert', join(tls, 'axon.pem'),
          '--tls-key', join(tls, 'axon.key'), '--task', `lines:python3 ${join(template, 'miner.py')}`,
          '--metrics', `127.0.0.1:${ports.minerMetrics}`, '--permit-refresh-ms', '500',
        ],
        { SUBNET_TEMPLATE_LOG: pluginLog },
      ),
      startWorker('impostor', [
        'miner', '--url', node.wsUrl, '--netuid', String(netuid), '--suri', secrets.impostor, '--coldkey', '//Dave',
        '--max-burn', '10', '--listen', `127.0.0.1:${ports.impostor}`, '--axon-url', minerUrl,
      ]),
    );
    await watchBlocks(
      api,
      async () => {
        const mg = await myelin(['metagraph', String(netuid)]);
        return neuronOf(mg, hk.miner)?.axon && neuronOf(mg, hk.impostor)?.axon;
      },
      90_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    const mg = await myelin(['metagraph', String(netuid)]);
    assert.equal(neuronOf(mg, hk.miner).axon, minerUrl);
    assert.equal(neuronOf(mg, hk.impostor).axon, minerUrl, 'the impostor published the miner URL');

    const body = JSON.stringify({ kind: 'prime_count', lo: 0, hi: 100, seed: 1 });
    const unsigned = await postTask(minerUrl, body);
    assert.equal(unsigned.status, 401, unsigned.body);
    assert.match(unsigned.body, /unsigned request: no x-myelin-version header/);
    const strangers = await postTask(minerUrl, body, signRequest(stranger, hk.miner.address, body, 1).headers);
    assert.equal(strangers.status, 403, strangers.body);
    assert.match(strangers.body, /holds no validator permit on this subnet/);
    const tampered = signRequest(stranger, hk.miner.address, body, 2).headers;
    const forged = await postTask(minerUrl, body.replace('100', '101'), tampered);
    assert.equal(forged.status, 401, forged.body);
    assert.match(forged.body, /signature does not verify/);
    assert.equal(pluginCallsFor(body, body.replace('100', '101')), 0, 'no refused request reached the plug-in');
    const m = await metricsOf(ports.minerMetrics);
    assert.match(m, /myelin_miner_requests_total\{outcome="unsigned"\} 1\n/);
    assert.match(m, /myelin_miner_requests_total\{outcome="not_permitted"\} 1\n/);
    assert.match(m, /myelin_miner_requests_total\{outcome="bad_signature"\} 1\n/);
  });

  let commit;
  it('scores the honest miner over https, the impostor 0, and commits', async () => {
    workers.push(startWorker('validator', validatorArgs()));
    await watchBlocks(
      api,
      async (hash, number, events) => {
        const ev = findEvent(events, api.events.weights.WeightsCommitted);
        if (ev && ev.data.netuid.toNumber() === netuid && ev.data.uid.toNumber() === validatorUid) commit = { hash, number };
        return commit !== undefined;
      },
      180_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    const v = workers.find((w) => w.name === 'validator');
    // The validator logs the commit (and has saved it) once `submit` returns.
    const committed = new RegExp(`committed weights \\[([^\\]]*)\\] in block #${commit.number} \\(epoch (\\d+)\\)`);
    await watchBlocks(api, async () => committed.test(v.log), 30_000).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    const mg = await myelin(['metagraph', String(netuid)]);
    const [minerUid, impostorUid] = [neuronOf(mg, hk.miner).uid, neuronOf(mg, hk.impostor).uid];
    const row = v.log.match(committed)[1];
    assert.deepEqual(row, `${minerUid}:65535`, `only the honest miner is weighted\n${logs()}`);
    assert.match(v.log, new RegExp(`uid ${minerUid} https://[^:]+:\\d+: plug-in score 1\\.000`));
    assert.match(v.log, new RegExp(`uid ${impostorUid} https://[^ ]+: no answer \\(HTTP 403 Forbidden: .*this axon serves ${hk.miner.address}, not ${hk.impostor.address}.*\\) -> score 0\\.000`));
    assert.ok(pluginCalls() >= 1, 'the honest miner plug-in answered');

    const state = JSON.parse(readFileSync(join(stateDir, `validator-${netuid}-${hk.validator.address}.json`), 'utf8'));
    assert.equal(state.pending.block_number, commit.number);
    assert.deepEqual(state.pending.uids, [minerUid]);
    const vm = await metricsOf(ports.validatorMetrics);
    assert.match(vm, /myelin_validator_weights_total\{kind="commit"\} 1\n/);
    assert.match(vm, /myelin_validator_pending_commit 1\n/);
  });

  it("answers a permitted validator's request signed by the miner's hotkey, once", async () => {
    const minerUrl = `https://127.0.0.1:${ports.miner}`;
    const body = JSON.stringify({ kind: 'prime_count', lo: 0, hi: 100, seed: 7 });
    const req = signRequest(hk.validator, hk.miner.address, body, Date.now());
    const answered = await postTask(minerUrl, body, req.headers);
    assert.equal(answered.status, 200, answered.body);
    assert.deepEqual(JSON.parse(answered.body), { count: 25 });
    assert.equal(answered.headers['x-myelin-miner'], hk.miner.address);
    const signed = u8aConcat(stringToU8a('myelin/answer/v2'), req.signature, hk.miner.publicKey, blake2AsU8a(stringToU8a(answered.body), 256));
    assert.ok(signatureVerify(signed, answered.headers['x-myelin-signature'], hk.miner.address).isValid, 'signed by the miner hotkey');
    assert.equal(pluginCallsFor(body), 1, 'the plug-in answered the request once');
    const replayed = await postTask(minerUrl, body, req.headers);
    assert.equal(replayed.status, 401, replayed.body);
    assert.match(replayed.body, /replayed request/);
    assert.equal(pluginCallsFor(body), 1, 'the replay did not reach the plug-in');
    assert.match(await metricsOf(ports.minerMetrics), /myelin_miner_requests_total\{outcome="replayed"\} 1\n/);
  });

  it('killed between commit and reveal, the validator resumes from its state and reveals', async () => {
    const v = workers.find((w) => w.name === 'validator');
    v.child.kill('SIGKILL');
    await v.exited;
    const again = startWorker('validator-restarted', validatorArgs());
    workers.push(again);
    let reveal;
    await watchBlocks(
      api,
      async (hash, number, events) => {
        const ev = findEvent(events, api.events.weights.WeightsRevealed);
        if (ev && ev.data.netuid.toNumber() === netuid && ev.data.uid.toNumber() === validatorUid) reveal = { hash, number };
        return reveal !== undefined;
      },
      120_000,
    ).catch((e) => assert.fail(`${e.message}\n${logs()}`));
    assert.ok(reveal.number > commit.number);
    assert.match(again.log, /resumed from .*: \d+ miners' scores, a commitment from block #\d+ waiting for its reveal/);
    await watchBlocks(api, async () => /revealed the weights committed/.test(again.log), 30_000).catch((e) =>
      assert.fail(`${e.message}\n${logs()}`),
    );
    assert.match(again.log, new RegExp(`revealed the weights committed in block #${commit.number} \\(epoch \\d+\\) in block #${reveal.number}`));
    const mg = await myelin(['metagraph', String(netuid)]);
    const row = await (await api.at(reveal.hash)).query.weights.weights(netuid, validatorUid);
    assert.deepEqual(row.unwrap().toJSON(), [[neuronOf(mg, hk.miner).uid, 65535]]);
    assert.match(await metricsOf(ports.validatorMetrics), /myelin_validator_weights_total\{kind="reveal"\} 1\n/);

    // The next epoch pays the honest miner, not the impostor: read back with `myelin`.
    await watchBlocks(api, async (_h, _n, events) => hasSubnetEvent(events, api.events.yuma.EpochCompleted, netuid), 60_000);
    const after = await myelin(['metagraph', String(netuid)]);
    assert.ok(neuronOf(after, hk.miner).incentive > 0, JSON.stringify(neuronOf(after, hk.miner)));
    assert.equal(neuronOf(after, hk.impostor).incentive, 0);
    for (const w of workers.filter((w) => w.name !== 'validator')) assert.equal(w.exit, null, `${w.name} exited:\n${logs()}`);
  });

  it('stops the workers cleanly on Ctrl-C', async () => {
    for (const w of workers.filter((w) => w.exit === null)) {
      w.child.kill('SIGINT');
      const exit = await Promise.race([w.exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
      assert.deepEqual(exit, { code: 0, signal: null }, `${w.name}:\n${w.log}`);
    }
  });
});
