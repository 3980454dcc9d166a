// `make try-runtime`, against a running chain: a dev node on the last release's runtime
// (runtime/releases/), filled like a chain in use (lib/release.js), then the runtime upgrade to
// this checkout's runtime with every try-runtime check, on that node's state downloaded over
// its JSON-RPC (runtime/tests/try_runtime_live.rs). The node always stops at the end.
//
// Environment: MYELIN_NODE (the node binary), CARGO (default cargo), CARGO_TARGET_DIR.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { fillChain, startOnRelease } from './lib/release.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const chain = await startOnRelease();
let status = 1;
try {
  const { api, release } = chain;
  console.log(`try-runtime: dev chain on release spec ${release.spec} (${release.path})`);
  const filled = await fillChain(api, new Keyring({ type: 'sr25519', ss58Format: 42 }));
  const at = (await api.rpc.chain.getFinalizedHead()).toHex();
  const number = (await api.rpc.chain.getHeader(at)).number.toNumber();
  console.log(`try-runtime: filled (subnets ${filled.a} and ${filled.b}); state of finalized block #${number} ${at}`);
  const cargo = process.env.CARGO ?? 'cargo';
  const run = spawnSync(
    cargo,
    ['test', '--release', '--locked', '-p', 'myelin-runtime', '--features', 'try-runtime',
      '--test', 'try_runtime_live', '--', '--ignored', '--nocapture'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        SKIP_WASM_BUILD: '1',
        MYELIN_TRY_RUNTIME_URI: `http://127.0.0.1:${chain.node.rpcPort}`,
        MYELIN_TRY_RUNTIME_AT: at,
      },
    },
  );
  status = run.status ?? 1;
} finally {
  await chain.stop();
}
process.exit(status);
