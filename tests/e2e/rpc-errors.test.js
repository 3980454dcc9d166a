// Bad input to the `subnets_*` methods over plain HTTP JSON-RPC (no polkadot.js on the
// wire): every request gets a JSON-RPC error naming the problem, and the node keeps producing
// blocks and answering afterwards.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { rawRpc, startDevNode, sendAndFinalize } from './lib/node.js';
import { findEvent, watchBlocks } from './lib/chain.js';

const INVALID_PARAMS = -32602;

describe('subnets_* JSON-RPC bad input', () => {
  let node;
  let netuid;
  const call = (method, params) => rawRpc(node.rpcPort, method, params);
  const expectError = async (method, params, code, pattern) => {
    const { reply } = await call(method, params);
    assert.ok(reply.error, `${method} ${JSON.stringify(params).slice(0, 80)}: expected an error, got ${JSON.stringify(reply).slice(0, 200)}`);
    assert.equal(reply.error.code, code, JSON.stringify(reply.error));
    if (pattern) assert.match(`${reply.error.message} ${JSON.stringify(reply.error.data ?? '')}`, pattern);
    assert.equal(reply.result, undefined);
    return reply.error;
  };

  before(async () => {
    node = await startDevNode();
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const { events } = await sendAndFinalize(node.api, node.api.tx.subnets.registerNetwork(alice.address), alice);
    netuid = findEvent(events, node.api.events.subnets.NetworkRegistered).data.netuid.toNumber();
  });
  after(async () => {
    if (node) await node.stop();
  });

  it('answers valid requests with plain JSON', async () => {
    const { reply } = await call('subnets_metagraph', [netuid]);
    assert.equal(reply.result.netuid, netuid);
    assert.equal(reply.result.n, 1);
    assert.equal(typeof reply.result.neurons[0].stake, 'string');
    const list = (await call('subnets_list', [])).reply.result;
    assert.deepEqual(list.map((s) => s.netuid), [netuid]);
  });

  it('unknown netuid, uid and block are errors with their own codes, not null', async () => {
    await expectError('subnets_metagraph', [999], 1001, /unknown netuid 999/);
    await expectError('subnets_hyperparameters', [999], 1001, /unknown netuid 999/);
    await expectError('subnets_neuron', [netuid, 42], 1002, /unknown uid 42/);
    await expectError('subnets_neuron', [999, 0], 1001, /unknown netuid 999/);
    await expectError('subnets_list', [`0x${'ab'.repeat(32)}`], 1003, /unknown block/);
    await expectError('subnets_metagraph', [netuid, `0x${'00'.repeat(32)}`], 1003, /unknown block/);
  });

  it('wrong types, out-of-range numbers and missing params are invalid params', async () => {
    await expectError('subnets_metagraph', ['one'], INVALID_PARAMS, /u16|integer|invalid type/);
    await expectError('subnets_metagraph', [70_000], INVALID_PARAMS, /u16|70000/);
    await expectError('subnets_metagraph', [-1], INVALID_PARAMS);
    await expectError('subnets_metagraph', [1.5], INVALID_PARAMS);
    await expectError('subnets_metagraph', [], INVALID_PARAMS);
    await expectError('subnets_metagraph', [netuid, '0x1234'], INVALID_PARAMS);
    await expectError('subnets_metagraph', [netuid, 'not a hash'], INVALID_PARAMS);
    await expectError('subnets_neuron', [netuid], INVALID_PARAMS);
    await expectError('subnets_metagraph', { netuid: 'x' }, INVALID_PARAMS);
    await expectError('subnets_nope', [], -32601, /not found/i);
  });

  it('a 1 MB params blob is refused and malformed JSON is a parse error', async () => {
    await expectError('subnets_metagraph', ['x'.repeat(1 << 20)], INVALID_PARAMS);
    await expectError('subnets_metagraph', [netuid, 'y'.repeat(1 << 20)], INVALID_PARAMS);
    await expectError('subnets_metagraph', Array.from({ length: 1 << 17 }, () => netuid), INVALID_PARAMS);
    const { reply } = await rawRpc(node.rpcPort, '{"jsonrpc":"2.0","id":1,"method":"subnets_list","params":[');
    assert.equal(reply.error.code, -32700, JSON.stringify(reply));
  });

  it('keeps producing blocks and answering afterwards', async () => {
    const before = (await node.api.rpc.chain.getHeader()).number.toNumber();
    await watchBlocks(node.api, async (_hash, number) => number >= before + 3, 30_000);
    const { reply } = await call('subnets_metagraph', [netuid]);
    assert.equal(reply.result.netuid, netuid);
  });
});
