// Before the crash: waits until the node has finalized block `args[0]` (default 4), then
// writes the hashes of its finalized blocks and the total issuance at the last one to a file
// named after the node's RPC port in the OS temp dir. Returns the finalized number.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { connect, waitForHead } = require('./lib.js');

const recordFile = (networkInfo, nodeName) =>
	path.join(os.tmpdir(), `myelin-crash-${new URL(networkInfo.nodesByName[nodeName].wsUri).port}.json`);

async function run(nodeName, networkInfo, args) {
	const want = Number(args[0] || 4);
	const api = await connect(networkInfo, nodeName);
	const head = await waitForHead(api, (h) => h.number.toNumber() >= want, { finalized: true });
	const finalized = head.number.toNumber();
	const hashes = [];
	for (let n = 0; n <= finalized; n += 1) hashes.push((await api.rpc.chain.getBlockHash(n)).toHex());
	const issuance = (await (await api.at(hashes[finalized])).query.balances.totalIssuance()).toString();
	fs.writeFileSync(recordFile(networkInfo, nodeName), JSON.stringify({ hashes, issuance }));
	await api.disconnect();
	console.log(`\n📏 ${nodeName}: finalized #${finalized} recorded before the crash\n`);
	return finalized;
}

module.exports = { run, recordFile };
