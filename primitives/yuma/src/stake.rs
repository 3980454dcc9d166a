//! Step 1: activity, validator permits and active stake.

use alloc::{vec, vec::Vec};
use core::cmp::Ordering;

use crate::{
	fixed::{Divisor, Fixed},
	EpochInputs,
};

/// What the epoch knows about stake after step 1.
pub(crate) struct StakeView {
	/// Whether every uid is active (`last_update + activity_cutoff ≥ block`).
	pub active: Vec<bool>,
	/// Whether every uid holds a validator permit this epoch.
	pub permit: Vec<bool>,
	/// Stake of every uid, scaled down (by a common right shift) if needed so the total fits a
	/// `u64`; only ratios of stake are ever used.
	pub stake: Vec<u64>,
	/// Sum of [`stake`](Self::stake).
	pub total: u64,
	/// [`stake`](Self::stake) masked to active permitted uids.
	pub active_stake: Vec<u64>,
	/// Sum of [`active_stake`](Self::active_stake).
	pub active_total: u64,
	/// `Sa`: [`active_stake`](Self::active_stake) normalised to sum to one.
	pub sa: Vec<Fixed>,
}

impl StakeView {
	/// Computes step 1 for inputs whose lengths were validated.
	pub fn new(inputs: &EpochInputs) -> StakeView {
		let params = &inputs.params;
		let active: Vec<bool> = inputs
			.last_update
			.iter()
			.map(|&u| u.saturating_add(params.activity_cutoff) >= inputs.block)
			.collect();
		let permit = match &inputs.validator_permit {
			Some(permit) => permit.clone(),
			None => top_k_permits(&inputs.stake, params.max_allowed_validators as usize),
		};

		// Scale stake so the total fits a u64 (a no-op for any realistic token supply).
		let raw_total: u128 = inputs.stake.iter().map(|&s| s as u128).sum();
		let shift = (128 - raw_total.leading_zeros()).saturating_sub(64);
		let stake: Vec<u64> = inputs.stake.iter().map(|&s| s >> shift).collect();
		let total = stake.iter().fold(0u64, |acc, &s| acc.saturating_add(s));

		let active_stake: Vec<u64> = stake
			.iter()
			.zip(active.iter().zip(&permit))
			.map(|(&s, (&a, &p))| if a && p { s } else { 0 })
			.collect();
		let active_total = active_stake.iter().fold(0u64, |acc, &s| acc.saturating_add(s));
		let divisor = Divisor::new(active_total);
		let sa = active_stake.iter().map(|&s| divisor.divide(s)).collect();

		StakeView { active, permit, stake, total, active_stake, active_total, sa }
	}
}

/// Permits for the `k` uids with the largest nonzero stake; ties go to the lower uid.
pub(crate) fn top_k_permits(stake: &[u64], k: usize) -> Vec<bool> {
	let mut permit = vec![false; stake.len()];
	let mut candidates: Vec<u16> =
		(0..stake.len()).filter(|&i| stake[i] > 0).map(|i| i as u16).collect();
	// Larger stake first, then lower uid: a total order, so the selection is unique.
	let order = |a: &u16, b: &u16| -> Ordering {
		stake[*b as usize].cmp(&stake[*a as usize]).then(a.cmp(b))
	};
	if k == 0 {
		return permit;
	}
	if candidates.len() > k {
		candidates.select_nth_unstable_by(k - 1, order);
		candidates.truncate(k);
	}
	for uid in candidates {
		permit[uid as usize] = true;
	}
	permit
}
