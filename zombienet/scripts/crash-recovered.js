// After the restart: the node's RPC must answer within 10 s, its finalized blocks before the
// crash keep their hashes, the state at the last of them reads as it did (and as on Alice),
// and it imports the block after Alice's best of the moment it came back within 60 s. Returns 1 when
// all hold (0 otherwise, with the reason printed).
const fs = require('fs');
const { connect, heights, waitForHead } = require('./lib.js');
const { recordFile } = require('./crash-record.js');

/** When the node's process started (ms since the epoch), from its Prometheus metrics. */
async function processStart(networkInfo, nodeName) {
	const text = await (await fetch(networkInfo.nodesByName[nodeName].prometheusUri)).text();
	const m = /^substrate_process_start_time_seconds(\{[^}]*\})?\s+(\S+)/m.exec(text);
	if (!m) throw new Error('no substrate_process_start_time_seconds metric');
	return Number(m[2]) * 1000; // whole seconds: the figure is good to a second
}

async function run(nodeName, networkInfo) {
	const t0 = Date.now();
	let api = null;
	while (!api) {
		try {
			api = await connect(networkInfo, nodeName);
		} catch (e) {
			if (Date.now() - t0 > 10_000) throw new Error(`RPC not back within 10 s: ${e}`);
			await new Promise((r) => setTimeout(r, 200)); // retry interval of the connection, not a readiness guess
		}
	}
	// From the restarted process's start to its first RPC answer here (an upper bound: zombienet
	// waits for the node before this script runs).
	const rpcMs = Date.now() - (await processStart(networkInfo, nodeName));
	const record = JSON.parse(fs.readFileSync(recordFile(networkInfo, nodeName), 'utf8'));
	for (let n = 0; n < record.hashes.length; n += 1) {
		const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
		if (hash !== record.hashes[n]) {
			console.log(`\n❌ ${nodeName}: block #${n} is ${hash} after the crash, was ${record.hashes[n]}\n`);
			return 0;
		}
	}
	const last = record.hashes[record.hashes.length - 1];
	const issuance = (await (await api.at(last)).query.balances.totalIssuance()).toString();
	const alice = await connect(networkInfo, 'alice');
	const aliceIssuance = (await (await alice.at(last)).query.balances.totalIssuance()).toString();
	if (issuance !== record.issuance || issuance !== aliceIssuance) {
		console.log(`\n❌ ${nodeName}: issuance at ${last} is ${issuance}, was ${record.issuance}, Alice ${aliceIssuance}\n`);
		return 0;
	}
	// Back at the tip: past Alice's best of now, so it imports live blocks again.
	const target = (await heights(alice)).best + 1;
	await waitForHead(api, (h) => h.number.toNumber() >= target);
	const tipMs = Date.now() - t0 + rpcMs;
	await alice.disconnect();
	await api.disconnect();
	console.log(
		`\n📏 ${nodeName}: RPC back in ${rpcMs} ms after the restart, ${record.hashes.length} finalized ` +
			`blocks unchanged, imported #${target} (after Alice's best) in ${(tipMs / 1000).toFixed(1)} s\n`,
	);
	return rpcMs <= 10_000 && tipMs <= 60_000 ? 1 : 0;
}

module.exports = { run };
