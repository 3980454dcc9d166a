// Returns by how many blocks finality advanced while `args[0]` (default 3) more blocks were
// finalized: resolves only if finality keeps moving.
const { connect, heights, waitForHead } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
	const want = Number(args[0] || 3);
	const api = await connect(networkInfo, nodeName);
	const start = (await heights(api)).finalized;
	const head = await waitForHead(api, (h) => h.number.toNumber() >= start + want, {
		finalized: true,
	});
	await api.disconnect();
	return head.number.toNumber() - start;
}

module.exports = { run };
