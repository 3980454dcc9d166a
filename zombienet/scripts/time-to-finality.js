// Measures, on one node, how long blocks take from import (best head) to finalization,
// over `args[0]` blocks (default 5). Prints the figure; returns the mean in milliseconds.
const { connect, waitForHead } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
	const count = Number(args[0] || 5);
	const api = await connect(networkInfo, nodeName);
	const importedAt = new Map();
	const delays = [];
	const unsubNew = await api.rpc.chain.subscribeNewHeads((h) => {
		const n = h.number.toNumber();
		if (!importedAt.has(n)) importedAt.set(n, Date.now());
	});
	await waitForHead(
		api,
		(h) => {
			const n = h.number.toNumber();
			if (importedAt.has(n)) delays.push(Date.now() - importedAt.get(n));
			return delays.length >= count;
		},
		{ finalized: true },
	);
	unsubNew();
	await api.disconnect();
	const mean = Math.round(delays.reduce((a, b) => a + b, 0) / delays.length);
	console.log(`\n📏 ${nodeName}: import-to-finality over ${delays.length} blocks: mean ${mean} ms, ` +
		`max ${Math.max(...delays)} ms\n`);
	return mean;
}

module.exports = { run };
