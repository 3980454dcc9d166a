#!/usr/bin/env node
// Prints the whole-epoch table of `make bench-epoch-wasm`: the median time of the FRAME
// benchmarks `epoch_shape_yuma{2,3}` (the whole epoch, storage and payouts included, in the
// runtime's Wasm) for every subnet shape, from the JSON file `benchmark pallet --json-file`
// wrote.
//
// Usage: node scripts/epoch-wasm-table.js results.json

'use strict';

const { readBatches, median } = require('./bench-json');

// `SHAPES` of pallets/yuma/src/benchmarking.rs, in order: [uids, validators, density %].
const SHAPES = [
	[256, 64, 100], [256, 64, 10], [256, 256, 100], [256, 256, 10],
	[1024, 64, 100], [1024, 64, 10], [1024, 256, 100], [1024, 256, 10],
	[4096, 64, 100], [4096, 64, 10], [4096, 256, 100], [4096, 256, 10],
];

const { file, batches } = readBatches('epoch-wasm-table.js');

// times[version][shape index] = [ms, …]
const times = {};
for (const batch of batches) {
	const match = /^epoch_shape_(yuma[23])$/.exec(batch.benchmark);
	if (!match) continue;
	for (const result of batch.time_results) {
		const s = Object.fromEntries(result.components).s;
		((times[match[1]] ??= {})[s] ??= []).push(Number(result.extrinsic_time) / 1e6);
	}
}
if (Object.keys(times).length === 0) {
	console.error(`${file}: no epoch_shape results`);
	process.exit(1);
}
const cell = (version, n, v, d) => {
	const s = SHAPES.findIndex(([a, b, c]) => a === n && b === v && c === d);
	const values = times[version]?.[s];
	return values ? median(values).toFixed(2) : '–';
};
console.log('| n / validators | Yuma 3 full | Yuma 3 10% | Yuma 2 full | Yuma 2 10% |');
console.log('|---|---|---|---|---|');
for (const [n, v] of [[256, 64], [256, 256], [1024, 64], [1024, 256], [4096, 64], [4096, 256]]) {
	console.log(`| ${n} / ${v} | ${cell('yuma3', n, v, 100)} | ${cell('yuma3', n, v, 10)} | ` +
		`${cell('yuma2', n, v, 100)} | ${cell('yuma2', n, v, 10)} |`);
}
console.log('\nmilliseconds, median of the repeats: the whole epoch, storage and payouts included');
