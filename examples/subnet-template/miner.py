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

import plugin
from primes import load_model


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
	out = plugin.answers_out()
	log = os.environ.get("SUBNET_TEMPLATE_LOG")
	wrong = os.environ.get("SUBNET_TEMPLATE_WRONG", "") not in ("", "0")

	start = time.perf_counter()
	prefix = load_model()
	ms = (time.perf_counter() - start) * 1000
	print(f"miner.py: model loaded in {ms:.0f} ms", file=sys.stderr, flush=True)

	def answer(line):
		try:
			task = json.loads(line)
		except ValueError as e:
			task, reply = line.rstrip("\n"), {"error": f"not JSON: {e}"}
		else:
			try:
				reply = solve(prefix, task)
			except Exception as e:  # noqa: BLE001 - one bad task must not kill the model
				reply = {"error": f"{type(e).__name__}: {e}"}
		if log:
			try:
				log_task(log, task)
			except OSError as e:
				print(f"miner.py: cannot write {log}: {e}", file=sys.stderr)
		if wrong and "count" in reply:
			reply["count"] += 1
		if "error" in reply:
			print(f"miner.py: {reply['error']}", file=sys.stderr)
		return reply

	return plugin.serve(out, answer)


if __name__ == "__main__":
	plugin.run(main)
