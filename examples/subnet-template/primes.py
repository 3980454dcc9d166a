"""The template's "model", shared by miner.py (to answer) and scorer.py / verifier.py (to
check): the number of primes below every integer up to LIMIT. task.py draws ranges inside
[0, 2_100_000)."""
from array import array
from itertools import accumulate

LIMIT = 2_200_000


def load_model(limit=LIMIT):
	"""prefix[i] = the number of primes p < i, for 0 <= i <= limit (a sieve of Eratosthenes)."""
	sieve = bytearray([1]) * limit
	sieve[0:2] = b"\x00\x00"
	for p in range(2, int(limit**0.5) + 1):
		if sieve[p]:
			sieve[p * p :: p] = bytes(len(range(p * p, limit, p)))
	return array("I", accumulate(sieve, initial=0))
