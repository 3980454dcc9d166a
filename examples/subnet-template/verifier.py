#!/usr/bin/env python3
"""Market verifier of the subnet template:
`myelin-worker validator --market --market-verifier 'lines:python3 verifier.py'`.

Protocol ("lines:" mode): for each plug-in job of the compute market the worker writes ONE line
of JSON, {"input": <the job's task>, "result": <the miner's answer>}, and reads ONE line back:
{"approve": true} when the result is right, {"approve": false} otherwise. Stdout carries
verdicts only; logs go to stderr. The process runs until stdin closes, then exits 0.

The job's input is a task of this subnet ({"kind": "prime_count", "lo", "hi", ...}); the result
is right when its "count" is the number of primes in [lo, hi).
"""
import json
import sys

import plugin
from primes import load_model
from scorer import true_count


def main():
	out = plugin.answers_out()
	prefix = load_model()

	def answer(line):
		try:
			request = json.loads(line)
			truth = true_count(prefix, request.get("input"))
			result = request.get("result")
			count = result.get("count") if isinstance(result, dict) else None
			approve = truth is not None and isinstance(count, int) and not isinstance(count, bool) and count == truth
		except Exception as e:  # noqa: BLE001 - a bad request is a rejection, the verifier lives on
			print(f"verifier.py: bad request ({type(e).__name__}: {e})", file=sys.stderr)
			approve = False
		return {"approve": approve}

	return plugin.serve(out, answer)


if __name__ == "__main__":
	plugin.run(main)
