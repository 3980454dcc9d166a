#!/usr/bin/env python3
"""Task plug-in of the subnet template: `myelin-worker validator --task-plugin 'lines:python3 task.py'`.

Protocol ("lines:" mode): the worker starts this process once and, each round, writes ONE line
of JSON to its stdin, {"netuid": n, "block": b, "seed": s} (s a random u64), and reads ONE line
of JSON from its stdout: the task sent to every miner this round. Calls come one at a time, in
order. Stdout carries answers only (flushed after each line); logs go to stderr. The process
runs until stdin closes, then exits 0.

The task here: count the primes in [lo, hi), both derived from the seed:
{"kind": "prime_count", "lo": lo, "hi": hi, "seed": s}.
"""
import json
import random
import sys

import plugin

# The range of the task; miner.py and scorer.py sieve up to 2_200_000 > LO_MAX + WIDTH_MAX.
LO_MAX = 2_000_000
WIDTH_MIN, WIDTH_MAX = 50_000, 100_000


def make_task(request):
	"""The task for one round, a pure function of the request's seed."""
	if not isinstance(request, dict):
		raise ValueError("expected a JSON object")
	seed = request.get("seed")
	if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**64:
		raise ValueError("`seed` must be an integer in [0, 2^64)")
	rng = random.Random(seed)
	lo = rng.randrange(0, LO_MAX)
	hi = lo + rng.randrange(WIDTH_MIN, WIDTH_MAX)
	return {"kind": "prime_count", "lo": lo, "hi": hi, "seed": seed}


def main():
	out = plugin.answers_out()

	def answer(line):
		try:
			return make_task(json.loads(line))
		except Exception as e:  # noqa: BLE001 - one bad line must not kill the plug-in
			print(f"task.py: bad request: {e}", file=sys.stderr)
			return {"error": f"bad request: {e}"}

	return plugin.serve(out, answer)


if __name__ == "__main__":
	plugin.run(main)
