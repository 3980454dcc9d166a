"""The "lines:" plug-in protocol, shared by the template's plug-ins.

The worker starts a plug-in once and, for each call, writes ONE line of JSON to its stdin and
reads ONE line of JSON from its stdout. Calls come one at a time, in order. Stdout carries
answers only (flushed after each line); logs go to stderr. The process runs until stdin
closes, then exits 0.
"""
import json
import os
import sys


def answers_out():
	"""The stream answers are written to: a private handle on the real stdout. File descriptor
	1 is pointed at stderr, so a stray print (ours or a library's, even from C) lands in the
	log instead of corrupting the answers. Call it first, before loading anything."""
	out = os.fdopen(os.dup(1), "w", encoding="utf-8")
	os.dup2(2, 1)
	return out


def serve(out, answer):
	"""Answer each non-blank line of stdin with `answer(line)`, written to `out` as one line
	of JSON and flushed, until stdin closes. `answer` must not raise: a bad line gets an
	answer that says so (each plug-in knows what its caller expects then)."""
	for line in sys.stdin:
		if not line.strip():
			continue
		out.write(json.dumps(answer(line)) + "\n")
		out.flush()
	return 0


def run(main):
	"""Run `main()` as the program: its return value is the exit status; a closed pipe (the
	worker went away) or Ctrl-C ends the plug-in quietly with 0."""
	try:
		sys.exit(main())
	except (BrokenPipeError, KeyboardInterrupt):
		sys.exit(0)
