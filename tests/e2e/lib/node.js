// Starts a `myelin-node --dev` on free loopback ports with a temporary base path, waits until
// its JSON-RPC answers and it has authored a block, and stops it again.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';

/** The polkadot.js definitions of the node's `subnets_*` RPC methods (polkadot-js/rpc.json). */
export const rpcDefinitions = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../polkadot-js/rpc.json'), 'utf8'),
);

/** A built binary: $`envVar`, else $CARGO_TARGET_DIR/release/`name`. */
function builtBinary(envVar, name) {
  if (process.env[envVar]) return resolve(process.env[envVar]);
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'myelin', 'target');
  const bin = join(target, 'release', name);
  if (!existsSync(bin)) throw new Error(`${name} not found at ${bin}: run \`make build\` or set ${envVar}`);
  return bin;
}

/** The node binary: $MYELIN_NODE, else $CARGO_TARGET_DIR/release/myelin-node. */
export const nodeBinary = () => builtBinary('MYELIN_NODE', 'myelin-node');

/** The worker binary: $MYELIN_WORKER, else $CARGO_TARGET_DIR/release/myelin-worker. */
export const workerBinary = () => builtBinary('MYELIN_WORKER', 'myelin-worker');

/** The `myelin` command-line tool: $MYELIN_CLI, else $CARGO_TARGET_DIR/release/myelin. */
export const cliBinary = () => builtBinary('MYELIN_CLI', 'myelin');

/**
 * Starts `myelin-worker ...args` (see `workerBinary`), with `env` added to the environment. Returns `{ name, child, log, exit, exited }`:
 * `log` is its whole stderr (a few hundred KB at most in these tests), `exit` is null until it
 * exits, then `{ code, signal }`, which `exited` resolves with. Kill it from `after()`.
 */
export function startWorker(name, args, env = {}) {
  const child = spawn(workerBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const worker = { name, child, log: '', exit: null };
  child.stderr.on('data', (d) => {
    worker.log += d.toString();
  });
  worker.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      worker.exit = { code, signal };
      resolve(worker.exit);
    });
  });
  return worker;
}

/** A TCP port on 127.0.0.1 that nobody listens on right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * One JSON-RPC request over plain HTTP (no polkadot.js). `body` is a method name (sent with
 * `params`) or a string sent as is. Resolves with `{ status, reply }`, `reply` parsed when it
 * is JSON.
 */
export async function rawRpc(port, body, params = []) {
  const text =
    typeof body === 'string' && !body.startsWith('{') && !body.startsWith('[')
      ? JSON.stringify({ jsonrpc: '2.0', id: 1, method: body, params })
      : body;
  const r = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: text,
  });
  const raw = await r.text();
  let reply = raw;
  try {
    reply = JSON.parse(raw);
  } catch {
    // not JSON: keep the text
  }
  return { status: r.status, reply };
}

/** The best block number once the node's JSON-RPC answers, else null. */
async function rpcAnswers(port) {
  try {
    const { status, reply } = await rawRpc(port, 'chain_getHeader');
    return status === 200 && reply.result ? parseInt(reply.result.number, 16) : null;
  } catch {
    return null;
  }
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** The IPv4 JSON-RPC port a node's log says it serves ("Running JSON-RPC server: addr=127.0.0.1:P,…"), else null. */
export function rpcPortInLog(log) {
  const m = /Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/.exec(log);
  return m ? Number(m[1]) : null;
}

/**
 * Starts a dev node. Resolves once RPC answers and block `minBlock` exists.
 * Returns { api, wsUrl, rpcPort, promPort, pid, readyMs, stop, log }: `readyMs` is the time from
 * spawn until block `minBlock` was seen. `stop()` always kills the node and removes
 * its base path; call it from `after()`. `stop({ keepBasePath: true })` keeps the chain, and
 * `startDevNode({ reuse })` with the stopped node's `reuse` starts it again on the same base path
 * and ports (a node restart).
 */
export async function startDevNode({
  minBlock = 1,
  timeoutMs = 120_000,
  pollMs = 100,
  extraArgs = [],
  reuse = null,
} = {}) {
  const basePath = reuse ? reuse.basePath : mkdtempSync(join(tmpdir(), 'myelin-e2e-'));
  const [rpcPort, p2pPort, promPort] = reuse
    ? [reuse.rpcPort, reuse.p2pPort, reuse.promPort]
    : [await freePort(), await freePort(), await freePort()];
  const args = [
    '--dev',
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(promPort),
    '--no-mdns',
    '--no-telemetry',
    ...extraArgs,
  ];
  const startedAt = performance.now();
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  // The port the node actually serves JSON-RPC on, from its log: when the port asked for was
  // taken in between (freePort closes it before the node binds it), the node falls back to a
  // random one and says so in this line.
  let servedPort = null;
  child.stderr.on('data', (d) => {
    log = (log + d.toString()).slice(-20_000);
    servedPort ??= rpcPortInLog(log);
  });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  let api = null;
  const stop = async ({ keepBasePath = false } = {}) => {
    if (api) await api.disconnect().catch(() => {});
    if (exited === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    if (!keepBasePath) rmSync(basePath, { recursive: true, force: true });
  };
  process.once('exit', () => child.kill('SIGKILL'));

  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) throw new Error(`myelin-node exited early (${JSON.stringify(exited)}):\n${log}`);
      if (Date.now() > deadline) throw new Error(`myelin-node not ready after ${timeoutMs} ms:\n${log}`);
      const best = servedPort === null ? null : await rpcAnswers(servedPort);
      if (best !== null && best >= minBlock) break;
      await delay(pollMs); // polling interval of the readiness check, not a readiness guess
    }
    const readyMs = performance.now() - startedAt;
    const wsUrl = `ws://127.0.0.1:${servedPort}`;
    api = await ApiPromise.create({ provider: new WsProvider(wsUrl), rpc: rpcDefinitions, noInitWarn: true });
    const reuseMe = { basePath, rpcPort: servedPort, p2pPort, promPort };
    return { api, wsUrl, rpcPort: servedPort, promPort, pid: child.pid, readyMs, stop, log: () => log, reuse: reuseMe };
  } catch (e) {
    await stop();
    throw e;
  }
}

export { sendAndFinalize } from '../../common/tx.cjs';
