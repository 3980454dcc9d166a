//! Liquid alpha (Yuma 3): the per-pair bond moving-average coefficient
//! `α(d) = clamp(low + sigmoid(steepness / 100 · (d − 0.5)) · (high − low), low, high)`.
//!
//! `d ∈ [0, 1]` differs for every validator–miner pair, and evaluating the sigmoid costs about
//! a hundred multiplications, too much for a million pairs. Within one epoch `α` depends on `d`
//! alone, so it is tabulated at the `2^16 + 1` nodes `d = c / 2^16` and interpolated linearly
//! between them. Nodes are computed on first use only (a deterministic function of their
//! index, so the order of evaluation does not matter), which keeps sparse epochs cheap.
//!
//! Accuracy: the interpolation error is at most `h² / 8 · max |α''|` with `h = 2^-16`, that is
//! `≤ 2.8e-12 · (high − low) · (steepness / 100)²` (≈ 6e-11 for the defaults, 3e-7 for a
//! steepness of 32767), plus the `2^-46` of [`sigmoid`]; for absurdly steep sigmoids it is
//! bounded by `high − low` inside the single cell around `d = 0.5`. The result always lies in
//! `[low, high]`.

use alloc::{vec, vec::Vec};

use crate::fixed::{sigmoid, wide_mul, Fixed, FRAC_BITS};

/// Number of table cells, as a power of two.
const CELL_BITS: u32 = 16;
/// Fractional bits of `d` below the cell index.
const SUB_BITS: u32 = FRAC_BITS - CELL_BITS;
/// Marks a node not computed yet; computed nodes are stored plus one. A zeroed table costs
/// nothing until a node is written, so the table is cheap for epochs that touch few nodes.
const UNSET: u64 = 0;

/// The liquid alpha function of one epoch, tabulated lazily.
pub(crate) struct LiquidAlpha {
	low: Fixed,
	high: Fixed,
	steepness: i32,
	/// `α` at every node plus one, or [`UNSET`].
	nodes: Vec<u64>,
}

impl LiquidAlpha {
	/// The function for bounds `low ≤ high` and the given sigmoid steepness.
	pub fn new(low: Fixed, high: Fixed, steepness: i32) -> LiquidAlpha {
		LiquidAlpha { low, high, steepness, nodes: vec![UNSET; (1 << CELL_BITS) + 1] }
	}

	/// `α` at `d = c / 2^16`, exactly as the formula says (up to the sigmoid's own error).
	#[cold]
	#[inline(never)]
	fn compute(&self, c: usize) -> Fixed {
		let centred = ((c as i128) << SUB_BITS) - (1i128 << (FRAC_BITS - 1));
		let x = self.steepness as i128 * centred / 100;
		let alpha = self.low + sigmoid(x).saturating_mul(self.high - self.low);
		alpha.max(self.low).min(self.high)
	}

	/// Node `c` of the table, computed on first use.
	#[inline(always)]
	fn node(&mut self, c: usize) -> u64 {
		let cached = self.nodes[c];
		if cached != UNSET {
			return cached - 1;
		}
		let value = self.compute(c).to_bits();
		self.nodes[c] = value + 1;
		value
	}

	/// `α(d)` for `d` clamped to `[0, 1]`.
	#[inline(always)]
	pub fn alpha(&mut self, d: Fixed) -> Fixed {
		let d = d.min(Fixed::ONE).to_bits();
		let c = (d >> SUB_BITS) as usize;
		let frac = d & ((1 << SUB_BITS) - 1);
		let a0 = self.node(c);
		if frac == 0 {
			return Fixed::from_bits(a0);
		}
		let a1 = self.node(c + 1);
		// |a1 − a0| ≤ 2^48 and frac < 2^32: the product is below 2^80.
		let step = |difference: u64| {
			let (high, low) = wide_mul(difference, frac);
			(high << (64 - SUB_BITS)) | (low >> SUB_BITS)
		};
		let value = if a1 >= a0 { a0 + step(a1 - a0) } else { a0 - step(a0 - a1) };
		Fixed::from_bits(value)
	}
}
