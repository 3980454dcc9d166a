#!/usr/bin/env node
// Prints the Wasm figures of `make bench-yuma-wasm`: the median time of the FRAME benchmarks
// `epoch_arithmetic_yuma{2,3}` (myelin_yuma::epoch alone, inputs built in memory) at every
// measured size, from the JSON file that `benchmark pallet --json-file` wrote.
//
// Usage: node scripts/yuma-wasm-table.js results.json

'use strict';

const { readBatches, median } = require('./bench-json');

const { file, batches } = readBatches('yuma-wasm-table.js');

const rows = new Map();
for (const batch of batches) {
	if (!batch.benchmark.startsWith('epoch_arithmetic_')) continue;
	const version = batch.benchmark.replace('epoch_arithmetic_', '');
	for (const result of batch.time_results) {
		const c = Object.fromEntries(result.components);
		const key = `${version} ${c.k} ${c.v} ${c.d}`;
		if (!rows.has(key)) {
			rows.set(key, { version, n: 2 ** c.k, validators: Math.min(2 ** c.v, 2 ** c.k), density: c.d, times: [] });
		}
		// extrinsic_time is in nanoseconds.
		rows.get(key).times.push(Number(result.extrinsic_time) / 1e6);
	}
}
if (rows.size === 0) {
	console.error(`${file}: no epoch_arithmetic results`);
	process.exit(1);
}

console.log('| version | n | validators | density | Wasm median (ms) | min (ms) | runs |');
console.log('|---|---|---|---|---|---|---|');
const sorted = [...rows.values()].sort(
	(a, b) =>
		a.version.localeCompare(b.version) ||
		b.density - a.density ||
		a.n - b.n ||
		a.validators - b.validators,
);
for (const row of sorted) {
	console.log(
		`| ${row.version} | ${row.n} | ${row.validators} | ${row.density}% | ` +
			`${median(row.times).toFixed(2)} | ${Math.min(...row.times).toFixed(2)} | ${row.times.length} |`,
	);
}
