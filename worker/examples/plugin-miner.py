#!/usr/bin/env python3
"""Example exec-mode miner plug-in: `myelin-worker miner --task 'exec:python3 plugin-miner.py'`.

"exec:" mode runs one process per task: it reads ONE JSON document on stdin, the task, and
prints ONE JSON document on stdout, the answer, then exits. A validator without --task-plugin
sends {"kind": "exec", "seed": s}; this answers {"result": (s * s) % 100_000_000}. Logs go to
stderr. For a model that should load once, use "lines:" mode (a long-lived process, a JSON
line per task): see examples/subnet-template/miner.py.
"""
import json
import sys

task = json.load(sys.stdin)
seed = int(task["seed"])
# The "work": the last 8 digits of seed squared, as a stand-in for inference.
print(json.dumps({"result": (seed * seed) % 100_000_000}))
