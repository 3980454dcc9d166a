#!/usr/bin/env python3
"""Example exec-mode round scorer: `myelin-worker validator --task 'exec:python3 plugin-scorer.py'`.

"exec:" mode runs one process per round: it reads ONE JSON document on stdin, {"task": {"kind":
"exec", "seed": s}, "netuid": n, "block": b, "answers": [{"uid", "hotkey", "answer",
"latency_ms", "error"}, ...]}, and prints ONE JSON document on stdout, {"scores": [...]}: one
number in [0, 1] per answer, in the same order. A right answer ({"result": (s * s) %
100_000_000}) scores 1 / (1 + latency_ms / 100), so faster is better; anything else 0.
Logs go to stderr. For a long-lived scorer use "lines:" (see examples/subnet-template/).
"""
import json
import sys


def score(entry, expected):
	if not isinstance(entry, dict):
		return 0.0
	answer, latency = entry.get("answer"), entry.get("latency_ms")
	if not isinstance(answer, dict) or answer.get("result") != expected:
		return 0.0
	if not isinstance(latency, (int, float)) or not latency >= 0:
		return 0.0
	return 1.0 / (1.0 + latency / 100.0)


query = json.load(sys.stdin)
answers = query["answers"]
try:
	expected = (int(query["task"]["seed"]) ** 2) % 100_000_000
except (KeyError, TypeError, ValueError) as e:
	print(f"plugin-scorer.py: bad task ({e}); every answer scores 0", file=sys.stderr)
	expected = None
print(json.dumps({"scores": [score(a, expected) if expected is not None else 0.0 for a in answers]}))
