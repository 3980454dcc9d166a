// Shared by the scripts that print tables from `benchmark pallet --json-file` output: the
// batches of the file named on the command line, and the median of a list.

'use strict';

const fs = require('fs');

/// The benchmark batches of the JSON file given as the first argument of `script`.
function readBatches(script) {
	const file = process.argv[2];
	if (!file) {
		console.error(`usage: ${script} <benchmark pallet --json-file output>`);
		process.exit(2);
	}
	return { file, batches: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

/// The median of `values` (the mean of the middle two for an even count).
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

module.exports = { readBatches, median };
