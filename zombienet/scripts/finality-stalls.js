// With too few validators online, blocks are still authored but finality must not move.
// Lets votes already in flight settle (2 new best blocks), then watches `args[0]` (default 3)
// more best blocks and returns how far finality advanced meanwhile (expected: 0).
const { connect, heights, waitForHead } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
	const watch = Number(args[0] || 3);
	const api = await connect(networkInfo, nodeName);
	const settle = (await heights(api)).best + 2;
	await waitForHead(api, (h) => h.number.toNumber() >= settle);
	const before = await heights(api);
	await waitForHead(api, (h) => h.number.toNumber() >= before.best + watch);
	const after = await heights(api);
	await api.disconnect();
	console.log(`\n📏 ${nodeName}: best #${before.best} -> #${after.best}, ` +
		`finalized #${before.finalized} -> #${after.finalized}\n`);
	return after.finalized - before.finalized;
}

module.exports = { run };
