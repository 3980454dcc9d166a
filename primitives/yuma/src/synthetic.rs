//! Synthetic subnets for benchmarks: the criterion benchmarks of this crate and the FRAME
//! benchmark that runs the same epoch in the runtime's Wasm. Deterministic (a fixed xorshift
//! generator), so native and Wasm figures are taken on identical inputs.

use alloc::{vec, vec::Vec};

use crate::{epoch, EpochInputs, EpochParams, YumaVersion};

/// xorshift64*: tiny, deterministic, good enough to generate benchmark and test inputs.
pub(crate) struct XorShift(u64);

#[cfg_attr(not(test), allow(dead_code))] // the tests use more of it
impl XorShift {
	/// A generator from a seed (zero is replaced by a fixed nonzero seed).
	pub fn new(seed: u64) -> XorShift {
		XorShift(if seed == 0 { 0x9e37_79b9_7f4a_7c15 } else { seed })
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		let mut x = self.0;
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		self.0 = x;
		x.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}

	/// A number in `0..bound` (`bound > 0`).
	pub fn below(&mut self, bound: u64) -> u64 {
		self.next_u64() % bound
	}

	/// True with probability `percent / 100`.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// Shuffles a slice (Fisher–Yates).
	pub fn shuffle<T>(&mut self, items: &mut [T]) {
		for i in (1..items.len()).rev() {
			let j = self.below(i as u64 + 1) as usize;
			items.swap(i, j);
		}
	}
}

/// A subnet of `n` uids whose `validators` largest stakers (uids `0..validators`) each weight
/// about `percent`% of all uids (themselves included, as a careless validator would) with
/// random weights, in steady state: one epoch has already run, so the previous bonds are
/// present. Yuma 3 runs with liquid alpha, other parameters are the defaults.
///
/// `validators` is capped at `n`, `percent` at 100.
pub fn steady_subnet(
	n: usize,
	validators: usize,
	percent: u64,
	version: YumaVersion,
) -> EpochInputs {
	let validators = validators.min(n);
	let mut rng = XorShift::new(0x5eed_0000 + n as u64 * 1000 + validators as u64 + percent);
	let block = 100_000;
	let stake =
		(0..n)
			.map(|i| {
				if i < validators {
					1_000_000_000_000 + rng.below(1 << 40)
				} else {
					rng.below(1000)
				}
			})
			.collect();
	let weights = (0..n)
		.map(|i| {
			if i >= validators {
				return Vec::new();
			}
			let mut row = Vec::new();
			for j in 0..n {
				if percent >= 100 || rng.chance(percent) {
					row.push((j as u16, 1 + rng.below(65_535) as u16));
				}
			}
			row
		})
		.collect();
	let mut inputs = EpochInputs {
		stake,
		weights,
		bonds: Vec::new(),
		last_update: vec![block; n],
		registered_at: vec![0; n],
		block,
		last_epoch_block: block - 360,
		validator_permit: None,
		emission: 360_000_000_000,
		params: EpochParams {
			yuma_version: version,
			liquid_alpha_enabled: version == YumaVersion::Yuma3,
			max_allowed_validators: validators as u16,
			..EpochParams::default()
		},
	};
	if let Ok(first) = epoch(&inputs) {
		inputs.bonds = first.bonds;
	}
	inputs.last_epoch_block = inputs.block;
	inputs.block += 360;
	inputs.last_update = vec![inputs.block; n];
	inputs
}
