#!/usr/bin/env python3
"""Miner plug-in of the subnet template: `myelin-worker miner --task 'lines:python3 miner.py'`.

Protocol ("lines:" mode): the worker starts this process once and, for each task a validator
sends, writes ONE line of JSON to its stdin (the task, e.g. {"kind": "prime_count", "lo": lo,
"hi": hi, "seed": s}) and reads ONE line of JSON from its stdout: the answer ({"count": n}, or
{"error": "..."} for a task it cannot do). Calls come one at a time, in order. Stdout carries
answers only (flushed after each line); logs go to stderr. The "model" (a prime sieve) loads
once at start; the process runs until stdin closes, then exits 0.

Testing: SUBNET_TEMPLATE_LOG=<file> appends {"pid", "task"} per task received;
SUBNET_TEMPLATE_WRONG=1 answers count + 1 (a cheating miner).
"""
import json
import os
import sys
import time
from array import array
from itertools import accumulate

# The "model": primes below LIMIT. task.py draws ranges inside [0, 2_100_000).
LIMIT = 2_200_000


def load_model(limit=LIMIT):
	"""prefix[i] = the number of primes p < i, for 0 <= i <= limit (a sieve of Eratosthenes)."""
	sieve = bytearray([1]) * limit
	sieve[0:2] = b"\x00\x00"
	for p in range(2, int(limit**0.5) + 1):
		if sieve[p]:
			sieve[p * p :: p] = bytes(len(range(p * p, limit, p)))
	return array("I", accumulate(sieve, initial=0))


def solve(prefix, task):
	"""The answer to one task."""
	if not isinstance(task, dict) or task.get("kind") != "prime_count":
		return {"error": "unknown task"}
	lo, hi = task.get("lo"), task.get("hi")
	limit = len(prefix) - 1
	for v in (lo, hi):
		if not isinstance(v, int) or isinstance(v, bool):
			return {"error": "`lo` and `hi` must be integers"}
	if not 0 <= lo <= hi <= limit:
		return {"error": f"need 0 <= lo <= hi <= {limit}"}
	return {"count": prefix[hi] - prefix[lo]}


def log_task(path, task):
	"""Testing: one line per task received, so a test can see what reached the plug-in."""
	with open(path, "a", encoding="utf-8") as f:
		f.write(json.dumps({"pid": os.getpid(), "task": task}) + "\n")
		f.flush()


def main():
	# Keep a private handle on the real stdout and point fd 1 at stderr, so a stray print (ours
	# or a library's, even from C) lands in the log instead of corrupting the answers.
	out = os.fdopen(os.dup(1), "w", encoding="utf-8")
	os.dup2(2, 1)
	log = os.environ.get("SUBNET_TEMPLATE_LOG")
	wrong = os.environ.get("SUBNET_TEMPLATE_WRONG", "") not in ("", "0")

	start = time.perf_counter()
	prefix = load_model()
	ms = (time.perf_counter() - start) * 1000
	print(f"miner.py: model loaded in {ms:.0f} ms", file=sys.stderr, flush=True)

	for line in sys.stdin:
		if not line.strip():
			continue
		try:
			task = json.loads(line)
		except ValueError as e:
			task, answer = line.rstrip("\n"), {"error": f"not JSON: {e}"}
		else:
			try:
				answer = solve(prefix, task)
			except Exception as e:  # noqa: BLE001 - one bad task must not kill the model
				answer = {"error": f"{type(e).__name__}: {e}"}
		if log:
			try:
				log_task(log, task)
			except OSError as e:
				print(f"miner.py: cannot write {log}: {e}", file=sys.stderr)
		if wrong and "count" in answer:
			answer["count"] += 1
		if "error" in answer:
			print(f"miner.py: {answer['error']}", file=sys.stderr)
		out.write(json.dumps(answer) + "\n")
		out.flush()
	return 0


if __name__ == "__main__":
	try:
		sys.exit(main())
	except (BrokenPipeError, KeyboardInterrupt):
		sys.exit(0)
