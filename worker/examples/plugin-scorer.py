#!/usr/bin/env python3
"""Example scoring plug-in for `myelin-worker validator --task exec:./plugin-scorer.py`.

Reads {"task": ..., "answer": ..., "latency_ms": ...} on stdin and prints a score in [0, 1].
A wrong answer scores 0; a right one scores higher the faster it came.
"""
import json
import sys

query = json.load(sys.stdin)
seed = int(query["task"]["seed"])
answer = query["answer"]
right = isinstance(answer, dict) and answer.get("result") == (seed * seed) % 100_000_000
print(json.dumps({"score": 1.0 / (1.0 + query["latency_ms"] / 100.0) if right else 0.0}))
