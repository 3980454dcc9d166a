#!/usr/bin/env python3
"""Round scorer of the subnet template: `myelin-worker validator --task 'lines:python3 scorer.py'`.

Protocol ("lines:" mode): the worker starts this process once and, each round, writes ONE line
of JSON to its stdin, {"task": ..., "netuid": n, "block": b, "answers": [{"uid", "hotkey",
"answer", "latency_ms", "error"}, ...]}, and reads ONE line of JSON from its stdout:
{"scores": [s0, s1, ...]}, one number in [0, 1] per answer, in the same order. Calls come one
at a time, in order. Stdout carries answers only (flushed after each line); logs go to stderr.
The process runs until stdin closes, then exits 0.

Rule: a correct count scores by its latency rank among the correct ones, 1 / (1 + 0.5 * rank)
(the fastest 1, then 0.667, 0.5, ...; equal latencies keep the input order); anything else 0.
"""
import json
import sys
import time

import plugin
from primes import load_model


def true_count(prefix, task):
	"""The right answer to `task`, or None when it is not a task this subnet knows."""
	if not isinstance(task, dict) or task.get("kind") != "prime_count":
		return None
	lo, hi = task.get("lo"), task.get("hi")
	for v in (lo, hi):
		if not isinstance(v, int) or isinstance(v, bool):
			return None
	if not 0 <= lo <= hi <= len(prefix) - 1:
		return None
	return prefix[hi] - prefix[lo]


def is_correct(entry, truth):
	if not isinstance(entry, dict) or entry.get("error") is not None:
		return False
	answer = entry.get("answer")
	if not isinstance(answer, dict):
		return False
	count = answer.get("count")
	return isinstance(count, int) and not isinstance(count, bool) and count == truth


def latency(entry):
	"""The entry's latency in ms; unknown or nonsense latencies rank last."""
	ms = entry.get("latency_ms")
	if isinstance(ms, (int, float)) and not isinstance(ms, bool) and ms == ms and ms >= 0:
		return float(ms)
	return float("inf")


def score_round(prefix, request):
	"""One score per entry of request["answers"], in order."""
	answers = request["answers"]
	scores = [0.0] * len(answers)
	truth = true_count(prefix, request.get("task"))
	if truth is None:
		print("scorer.py: not a prime_count task; every answer scores 0", file=sys.stderr)
		return scores
	correct = [i for i, entry in enumerate(answers) if is_correct(entry, truth)]
	# sorted() is stable: equal latencies keep the input order.
	for rank, i in enumerate(sorted(correct, key=lambda i: latency(answers[i]))):
		scores[i] = 1.0 / (1.0 + 0.5 * rank)
	return scores


def main():
	out = plugin.answers_out()
	start = time.perf_counter()
	prefix = load_model()
	ms = (time.perf_counter() - start) * 1000
	print(f"scorer.py: sieve built in {ms:.0f} ms", file=sys.stderr, flush=True)

	def answer(line):
		answers = None
		try:
			request = json.loads(line)
			answers = request["answers"] if isinstance(request, dict) else None
			if not isinstance(answers, list):
				answers = None
				raise ValueError("`answers` must be a list")
			scores = score_round(prefix, request)
		except Exception as e:  # noqa: BLE001 - a bad round scores 0, the scorer lives on
			# Zero for everyone when we know how many answers there are; else an empty list
			# (the worker then scores the round 0 itself).
			scores = [0.0] * len(answers) if answers is not None else []
			print(f"scorer.py: bad request ({type(e).__name__}: {e})", file=sys.stderr)
		return {"scores": scores}

	return plugin.serve(out, answer)


if __name__ == "__main__":
	plugin.run(main)
