// Helpers shared by the zombienet js-scripts (CommonJS: zombienet loads them with require).
// `zombie` is the global zombienet gives js-scripts (ApiPromise, WsProvider, connect, ...).

/** Connects to the node called `name`. */
async function connect(networkInfo, name) {
	const { wsUri, userDefinedTypes } = networkInfo.nodesByName[name];
	return zombie.connect(wsUri, userDefinedTypes);
}

/** Best and finalized block numbers of a node. */
async function heights(api) {
	const best = (await api.rpc.chain.getHeader()).number.toNumber();
	const finHash = await api.rpc.chain.getFinalizedHead();
	const finalized = (await api.rpc.chain.getHeader(finHash)).number.toNumber();
	return { best, finalized };
}

/** Resolves once `pred(header)` holds for a new best (or finalized) head. */
function waitForHead(api, pred, { finalized = false } = {}) {
	const subscribe = finalized
		? api.rpc.chain.subscribeFinalizedHeads
		: api.rpc.chain.subscribeNewHeads;
	return new Promise((resolve, reject) => {
		let unsub = null;
		let done = false;
		subscribe((header) => {
			if (!done && pred(header)) {
				done = true;
				if (unsub) unsub();
				resolve(header);
			}
		})
			.then((u) => {
				unsub = u;
				if (done) u();
			})
			.catch(reject);
	});
}

module.exports = { connect, heights, waitForHead };
