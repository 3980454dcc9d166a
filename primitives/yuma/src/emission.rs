//! Step 8: splitting the epoch's emission into whole base units.
//!
//! Miner `j` is owed `E · I_j / T` and validator `i` is owed `E · D_i / T`, with
//! `T = ΣI + ΣD`; when `T = 0` (no valid weights) validators are owed `E · Sa_i` (by active
//! stake), or `E · S_i` (by stake) when no permitted uid is active. When all stake is zero
//! too, nothing is owed: every amount is zero and the caller keeps `E` (the chain books it as
//! dust).
//!
//! Owed amounts are turned into integers by the largest-remainder (Hamilton) method, computed
//! exactly in `u128`: everyone gets the floor of what they are owed, then the units left over
//! (fewer than the number of shares) go one each to the largest fractional remainders, ties to
//! the lower uid, incentive shares before dividend shares. So the amounts always sum to
//! exactly `E`, and nobody is more than one unit away from the exact share.

use alloc::{vec, vec::Vec};
use core::cmp::Ordering;

use crate::{fixed::Fixed, stake::StakeView};

/// The emission of every uid, split by what earned it.
pub(crate) struct Amounts {
	/// Base units earned as incentive.
	pub incentive: Vec<u64>,
	/// Base units earned as dividends.
	pub dividends: Vec<u64>,
}

impl Amounts {
	/// Total base units of every uid.
	pub fn total(&self) -> Vec<u64> {
		self.incentive.iter().zip(&self.dividends).map(|(a, b)| a.saturating_add(*b)).collect()
	}
}

/// Splits `amount` by incentive and dividends, or by stake when both are zero.
pub(crate) fn distribute(
	amount: u64,
	incentive: &[Fixed],
	dividends: &[Fixed],
	stake: &StakeView,
) -> Amounts {
	let n = incentive.len();
	let scores: Vec<u64> = incentive.iter().chain(dividends).map(|v| v.to_bits()).collect();
	let total: u128 = scores.iter().map(|&v| v as u128).sum();
	if total > 0 {
		let mut all = apportion(amount, &scores, total);
		let dividends = all.split_off(n);
		return Amounts { incentive: all, dividends };
	}
	let dividends = if stake.active_total > 0 {
		apportion(amount, &stake.active_stake, stake.active_total as u128)
	} else if stake.total > 0 {
		apportion(amount, &stake.stake, stake.total as u128)
	} else {
		vec![0; n]
	};
	Amounts { incentive: vec![0; n], dividends }
}

/// Splits `amount` in proportion to `weights` (which sum to `total > 0`) into integers summing
/// exactly to `amount`, by the largest-remainder method (ties: lower index first).
pub(crate) fn apportion(amount: u64, weights: &[u64], total: u128) -> Vec<u64> {
	let mut out = vec![0u64; weights.len()];
	let mut remainders: Vec<(u128, u32)> = Vec::new();
	let mut given: u128 = 0;
	for (k, &w) in weights.iter().enumerate() {
		if w == 0 {
			continue;
		}
		// amount · w < 2^128 for any u64 operands.
		let owed = amount as u128 * w as u128;
		let (quotient, remainder) = (owed / total, owed % total);
		out[k] = quotient as u64;
		given += quotient;
		if remainder > 0 {
			remainders.push((remainder, k as u32));
		}
	}
	// Σ owed = amount · total, so the units left are Σ remainder / total < remainders.len().
	let left = (amount as u128).saturating_sub(given) as usize;
	if left > 0 && !remainders.is_empty() {
		let order =
			|a: &(u128, u32), b: &(u128, u32)| -> Ordering { b.0.cmp(&a.0).then(a.1.cmp(&b.1)) };
		let left = left.min(remainders.len());
		remainders.select_nth_unstable_by(left - 1, order);
		for &(_, k) in &remainders[..left] {
			out[k as usize] += 1;
		}
	}
	out
}
