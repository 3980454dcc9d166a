// Creates a subnet through polkadot.js on this node (signed by Alice) and reads it from
// another node (`args[0]`, default bob) once that node has finalized the block.
// Returns 1 when the other node sees Alice as the owner of the new subnet.
const { connect, waitForHead } = require('./lib.js');
const { sendAndFinalize } = require('../../tests/common/tx.cjs');

async function run(nodeName, networkInfo, args) {
	const reader = args[0] || 'bob';
	const api = await connect(networkInfo, nodeName);
	const alice = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Alice');
	const hotkey = new zombie.Keyring({ type: 'sr25519' }).addFromUri('//Alice//subnet-hotkey');
	const { blockHash, events } = await sendAndFinalize(
		api,
		api.tx.subnets.registerNetwork(hotkey.address),
		alice,
	);
	const ev = events.find(({ event }) => api.events.subnets.NetworkRegistered.is(event)).event;
	const netuid = ev.data.netuid.toNumber();
	const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
	await api.disconnect();

	const other = await connect(networkInfo, reader);
	await waitForHead(other, (h) => h.number.toNumber() >= number, { finalized: true });
	const owner = await other.query.subnets.subnetOwner(netuid);
	const [uid0] = await other.query.subnets.hotkeys(netuid);
	await other.disconnect();
	console.log(`\n📏 ${nodeName} registered subnet ${netuid} in #${number}; ${reader} reads owner ` +
		`${owner.toString()}\n`);
	return owner.isSome && owner.unwrap().toString() === alice.address &&
		uid0 !== undefined && uid0.toString() === hotkey.address ? 1 : 0;
}

module.exports = { run };
