// All nodes agree on the finalized chain: at the lowest finalized height among them, every
// node returns the same block hash. Returns the number of distinct hashes (expected: 1).
const { connect, heights } = require('./lib.js');

async function run(_nodeName, networkInfo) {
	const names = Object.keys(networkInfo.nodesByName);
	const apis = await Promise.all(names.map((n) => connect(networkInfo, n)));
	const finalized = await Promise.all(apis.map(async (api) => (await heights(api)).finalized));
	const height = Math.min(...finalized);
	const hashes = await Promise.all(
		apis.map(async (api) => (await api.rpc.chain.getBlockHash(height)).toHex()),
	);
	await Promise.all(apis.map((api) => api.disconnect()));
	const distinct = new Set(hashes).size;
	console.log(`\n📏 finalized heights ${names.map((n, i) => `${n}=${finalized[i]}`).join(' ')}; ` +
		`at #${height}: ${distinct} distinct hash(es)\n`);
	return distinct;
}

module.exports = { run };
