//! Root consensus as plain data: the root matrix the Root pallet hands the Yuma epoch, and the
//! emission shares that follow from its incentive. No storage: the Root pallet reads its
//! storage and calls these, and so does `myelin-node simulate-epoch` with `"root"`.

use crate::traits::{equal_shares, SHARE_UNIT};
use alloc::vec::Vec;
use myelin_yuma::{EpochInputs, EpochParams};

/// One root validator as the root epoch sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RootMember {
	/// Its total stake (saturated to `u64`).
	pub stake: u64,
	/// Its row, `(netuid, weight)`; netuids that are not among the subnets are ignored.
	pub row: Vec<(u16, u16)>,
	/// The block its row was set (0 if never).
	pub last_update: u64,
	/// The block it joined the root validators.
	pub joined: u64,
}

/// The Yuma epoch inputs of a root epoch at `block`: uids `0..v` are `members` (their stake,
/// their rows mapped onto the subnets' uids, their last update and joining block, each with a
/// permit), uids `v..v + s` are `subnets` in the given order (`(netuid, registration block)`,
/// ascending by netuid; no stake, no row). `kappa` and `activity_cutoff` are the root
/// parameters; the others are the Yuma defaults (bonds play no part: only incentive is used).
pub fn root_epoch_inputs(
	members: &[RootMember],
	subnets: &[(u16, u64)],
	block: u64,
	last_epoch_block: u64,
	kappa: u16,
	activity_cutoff: u64,
) -> EpochInputs {
	let (v, s) = (members.len(), subnets.len());
	let column = |netuid: &u16| subnets.binary_search_by_key(netuid, |(n, _)| *n).ok();
	let mut inputs = EpochInputs {
		stake: members.iter().map(|m| m.stake).chain(core::iter::repeat_n(0, s)).collect(),
		weights: members
			.iter()
			.map(|m| {
				m.row
					.iter()
					.filter_map(|(netuid, weight)| Some(((v + column(netuid)?) as u16, *weight)))
					.collect()
			})
			.collect(),
		bonds: Vec::new(),
		last_update: members
			.iter()
			.map(|m| m.last_update)
			.chain(core::iter::repeat_n(0, s))
			.collect(),
		registered_at: members
			.iter()
			.map(|m| m.joined)
			.chain(subnets.iter().map(|(_, r)| *r))
			.collect(),
		block,
		last_epoch_block,
		validator_permit: Some((0..v + s).map(|uid| uid < v).collect()),
		emission: 0,
		params: EpochParams {
			kappa,
			max_allowed_validators: v.max(1) as u16,
			activity_cutoff,
			..EpochParams::default()
		},
	};
	inputs.weights.resize(v + s, Vec::new());
	inputs
}

/// `values` as parts per billion summing to exactly one billion: each
/// `floor(10⁹ · value / total)`, plus one part for each of the largest remainders (ties: the
/// earlier). `None` when all are zero.
pub fn largest_remainder(values: &[u64]) -> Option<Vec<u32>> {
	let total: u128 = values.iter().map(|v| u128::from(*v)).sum();
	if total == 0 {
		return None;
	}
	let unit = u128::from(SHARE_UNIT);
	let mut shares: Vec<u32> = Vec::with_capacity(values.len());
	let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(values.len());
	for (i, value) in values.iter().enumerate() {
		let scaled = u128::from(*value) * unit;
		shares.push((scaled / total) as u32);
		remainders.push((scaled % total, i));
	}
	let given: u64 = shares.iter().map(|s| u64::from(*s)).sum();
	let missing = (u64::from(SHARE_UNIT) - given) as usize;
	remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
	for (_, i) in remainders.into_iter().take(missing) {
		shares[i] += 1;
	}
	Some(shares)
}

/// The emission share of each of `netuids` from the last root epoch's `incentives`
/// (`(netuid, incentive)` ascending by netuid; a netuid without one has 0): by
/// [`largest_remainder`], or [`equal_shares`] when none of them has incentive.
pub fn shares_from_incentives(incentives: &[(u16, u16)], netuids: &[u16]) -> Vec<u32> {
	let values: Vec<u64> = netuids
		.iter()
		.map(|netuid| match incentives.binary_search_by_key(netuid, |(n, _)| *n) {
			Ok(i) => u64::from(incentives[i].1),
			Err(_) => 0,
		})
		.collect();
	largest_remainder(&values).unwrap_or_else(|| equal_shares(netuids.len()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn largest_remainder_sums_to_one_billion() {
		assert_eq!(largest_remainder(&[0, 0]), None);
		assert_eq!(largest_remainder(&[3, 1]), Some(vec![750_000_000, 250_000_000]));
		assert_eq!(
			largest_remainder(&[1, 1, 1]),
			Some(vec![333_333_334, 333_333_333, 333_333_333])
		);
		assert_eq!(largest_remainder(&[0, 5]), Some(vec![0, SHARE_UNIT]));
		let values: Vec<u64> = (0..1024).map(|i| (i * 7919 % 65_536) as u64).collect();
		let shares = largest_remainder(&values).unwrap();
		assert_eq!(shares.iter().map(|s| u64::from(*s)).sum::<u64>(), u64::from(SHARE_UNIT));
	}

	#[test]
	fn shares_ignore_gone_subnets_and_fall_back_to_equal() {
		assert_eq!(
			shares_from_incentives(&[(1, 3), (2, 1)], &[1, 2]),
			vec![750_000_000, 250_000_000]
		);
		// Subnet 2 is gone: 1 takes all; 3 is new: 0.
		assert_eq!(shares_from_incentives(&[(1, 3), (2, 1)], &[1, 3]), vec![SHARE_UNIT, 0]);
		assert_eq!(shares_from_incentives(&[], &[4, 5]), vec![500_000_000, 500_000_000]);
	}

	#[test]
	fn the_root_matrix_puts_subnets_after_members() {
		let members = [
			RootMember { stake: 7, row: vec![(5, 3), (9, 1), (4, 2)], last_update: 20, joined: 1 },
			RootMember { stake: 3, row: vec![], last_update: 0, joined: 2 },
		];
		let inputs = root_epoch_inputs(&members, &[(4, 10), (5, 11)], 30, 20, 100, 5000);
		assert_eq!(inputs.stake, vec![7, 3, 0, 0]);
		// Netuid 9 is not a subnet: dropped; 4 and 5 are uids 2 and 3.
		assert_eq!(inputs.weights, vec![vec![(3, 3), (2, 2)], vec![], vec![], vec![]]);
		assert_eq!(inputs.registered_at, vec![1, 2, 10, 11]);
		assert_eq!(inputs.last_update, vec![20, 0, 0, 0]);
		assert_eq!(inputs.validator_permit, Some(vec![true, true, false, false]));
		assert_eq!((inputs.params.kappa, inputs.params.max_allowed_validators), (100, 2));
		let outputs = myelin_yuma::epoch(&inputs).unwrap();
		assert!(outputs.incentive[3] > outputs.incentive[2]);
	}
}
