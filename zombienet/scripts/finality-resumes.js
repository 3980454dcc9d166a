// After the paused validators are back: waits until finality moves `args[0]` (default 3)
// blocks past where it stalled. Prints how long that took; returns the seconds.
const { connect, heights, waitForHead } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
	const want = Number(args[0] || 3);
	const api = await connect(networkInfo, nodeName);
	const t0 = Date.now();
	const stalled = (await heights(api)).finalized;
	const head = await waitForHead(api, (h) => h.number.toNumber() >= stalled + want, {
		finalized: true,
	});
	const seconds = (Date.now() - t0) / 1000;
	await api.disconnect();
	console.log(`\n📏 ${nodeName}: finality resumed from #${stalled} to #${head.number} ` +
		`${seconds.toFixed(1)} s after the validators came back\n`);
	return Math.ceil(seconds);
}

module.exports = { run };
