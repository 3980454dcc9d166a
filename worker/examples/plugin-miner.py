#!/usr/bin/env python3
"""Example miner plug-in for `myelin-worker miner --task exec:./plugin-miner.py`.

Reads the task on stdin ({"kind": "exec", "seed": s}) and prints the answer as JSON. Put a
model here: load it once in a long-lived process and talk to it, or run it per task.
"""
import json
import sys

task = json.load(sys.stdin)
seed = int(task["seed"])
# The "work": the first 8 digits of seed squared, as a stand-in for inference.
print(json.dumps({"result": (seed * seed) % 100_000_000}))
