//! The built-in task: multiply two `n × n` matrices that both sides generate from a seed.
//!
//! The miner computes `C = A·B` (O(n³)); the validator checks it with Freivalds' algorithm in
//! O(k·n²): for a random 0/1 vector `r`, `A·(B·r) = C·r` always holds for the right product,
//! and fails with probability at least 1/2 per round for any wrong one (for a single wrong
//! entry `(i, j)`, exactly when `r_j = 1`). `k` rounds miss a wrong product with probability
//! at most 2^−k. Arithmetic wraps modulo 2^64, a ring, so the bound holds for any answer.

use serde::{Deserialize, Serialize};

/// The largest accepted size: a 512 × 512 product is 262,144 entries (about 4 MB of JSON).
pub const MAX_N: u32 = 512;

/// Entries of `A` and `B` are below 2^16, so products of sizes up to [`MAX_N`] fit a u64
/// exactly (and stay below 2^53 for n ≤ 2048, readable by any JSON library).
const ENTRY_BITS: u32 = 16;

/// What the validator sends: the seed of `A` and `B` and their size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatMulTask {
	/// Seed of the generator of `A` and `B`.
	pub seed: u64,
	/// Rows and columns of `A`, `B` and `C`.
	pub n: u32,
}

/// What the miner answers: `C = A·B`, row-major, `n²` entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatMulAnswer {
	/// The product, row-major.
	pub c: Vec<u64>,
}

/// SplitMix64: a small, fast, well-mixed generator (enough for test matrices and vectors).
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
	/// A generator starting at `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
}

impl MatMulTask {
	/// `A` and `B`, row-major, generated from the seed.
	pub fn matrices(&self) -> (Vec<u64>, Vec<u64>) {
		let len = (self.n as usize) * (self.n as usize);
		let mut rng = SplitMix64::new(self.seed);
		let mut entry = || rng.next_u64() >> (64 - ENTRY_BITS);
		let a = (0..len).map(|_| entry()).collect();
		let b = (0..len).map(|_| entry()).collect();
		(a, b)
	}

	/// The miner's side: `C = A·B`.
	pub fn solve(&self) -> MatMulAnswer {
		let (a, b) = self.matrices();
		MatMulAnswer { c: multiply(self.n as usize, &a, &b) }
	}

	/// The validator's side: Freivalds' check of `answer` with `rounds` random vectors drawn
	/// from `rng_seed` (which the miner must not know).
	pub fn verify(&self, answer: &MatMulAnswer, rounds: u32, rng_seed: u64) -> bool {
		let (a, b) = self.matrices();
		freivalds(self.n as usize, &a, &b, &answer.c, rounds, rng_seed)
	}
}

/// `A·B` for row-major `n × n` matrices, wrapping modulo 2^64 (i-k-j order, cache friendly).
pub fn multiply(n: usize, a: &[u64], b: &[u64]) -> Vec<u64> {
	let mut c = vec![0u64; n * n];
	for i in 0..n {
		let row = &mut c[i * n..(i + 1) * n];
		for k in 0..n {
			let aik = a[i * n + k];
			let b_row = &b[k * n..(k + 1) * n];
			for (cij, bkj) in row.iter_mut().zip(b_row) {
				*cij = cij.wrapping_add(aik.wrapping_mul(*bkj));
			}
		}
	}
	c
}

/// `M·v` for a row-major `n × n` matrix, wrapping.
fn mat_vec(n: usize, m: &[u64], v: &[u64]) -> Vec<u64> {
	m.chunks_exact(n)
		.map(|row| row.iter().zip(v).fold(0u64, |acc, (x, y)| acc.wrapping_add(x.wrapping_mul(*y))))
		.collect()
}

/// Whether `C = A·B`, by `rounds` rounds of Freivalds' algorithm. A `C` of the wrong length
/// is refused outright. A wrong `C` passes with probability at most 2^−rounds.
pub fn freivalds(n: usize, a: &[u64], b: &[u64], c: &[u64], rounds: u32, rng_seed: u64) -> bool {
	if c.len() != n * n || a.len() != n * n || b.len() != n * n {
		return false;
	}
	let mut rng = SplitMix64::new(rng_seed);
	for _ in 0..rounds {
		// 64 coin flips per draw.
		let mut r = Vec::with_capacity(n);
		while r.len() < n {
			let bits = rng.next_u64();
			r.extend((0..64).map(|i| (bits >> i) & 1).take(n - r.len()));
		}
		if mat_vec(n, a, &mat_vec(n, b, &r)) != mat_vec(n, c, &r) {
			return false;
		}
	}
	true
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_right_product_always_passes() {
		for (seed, n) in [(1, 1), (2, 7), (3, 64), (4, 65)] {
			let task = MatMulTask { seed, n };
			let answer = task.solve();
			for rng in 0..20 {
				assert!(task.verify(&answer, 8, rng), "seed {seed} n {n}");
			}
		}
	}

	#[test]
	fn matches_a_naive_product_and_is_deterministic() {
		let task = MatMulTask { seed: 42, n: 5 };
		let (a, b) = task.matrices();
		let c = task.solve().c;
		for i in 0..5 {
			for j in 0..5 {
				let want: u64 = (0..5).map(|k| a[i * 5 + k] * b[k * 5 + j]).sum();
				assert_eq!(c[i * 5 + j], want);
			}
		}
		assert_eq!(task.solve(), MatMulTask { seed: 42, n: 5 }.solve());
		assert_ne!(task.solve(), MatMulTask { seed: 43, n: 5 }.solve());
		assert!(a.iter().chain(&b).all(|x| *x < 1 << 16));
	}

	/// One wrong entry is caught by one round exactly when the vector has a 1 at its column:
	/// probability 1/2. Over 2000 independent checks the rate must be within 0.5 ± 0.05 (about
	/// 4.5 standard deviations), and 10 rounds must catch it at least 1 − 2^−10 of the time.
	#[test]
	fn a_single_wrong_entry_is_caught_with_the_stated_probability() {
		let task = MatMulTask { seed: 7, n: 32 };
		let mut rng = SplitMix64::new(99);
		let trials = 2000;
		let mut caught_one_round = 0;
		let mut caught_ten_rounds = 0;
		for t in 0..trials {
			let mut answer = task.solve();
			let at = (rng.next_u64() % answer.c.len() as u64) as usize;
			answer.c[at] = answer.c[at].wrapping_add(1 + rng.next_u64() % 1000);
			if !task.verify(&answer, 1, 1_000 + t) {
				caught_one_round += 1;
			}
			if !task.verify(&answer, 10, 5_000_000 + t) {
				caught_ten_rounds += 1;
			}
		}
		let rate = f64::from(caught_one_round) / f64::from(trials as u32);
		assert!((0.45..=0.55).contains(&rate), "one round caught {rate}");
		// Expected misses: 2000 · 2^−10 ≈ 2; more than 12 is beyond 7 standard deviations.
		assert!(trials as u32 - caught_ten_rounds <= 12, "ten rounds caught {caught_ten_rounds}");
	}

	#[test]
	fn wrong_shapes_and_garbage_fail() {
		let task = MatMulTask { seed: 1, n: 8 };
		let mut answer = task.solve();
		answer.c.pop();
		assert!(!task.verify(&answer, 4, 0));
		assert!(!task.verify(&MatMulAnswer { c: vec![] }, 4, 0));
		let zeros = MatMulAnswer { c: vec![0; 64] };
		assert!(!task.verify(&zeros, 16, 0));
	}
}
