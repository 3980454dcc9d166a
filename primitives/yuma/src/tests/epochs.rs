//! Hand-checkable epochs: agreement, disagreement, split weights, no weights, and the
//! masking rules (activity, permits, registrations, reset bond columns, kappa).

use alloc::vec;

use super::{run, HALF, QUARTER};
use crate::{
	epoch, fixed::Fixed, mock::inputs_with_stake, EpochError, EpochInputs, EpochOutputs,
	YumaVersion,
};
#[test]
fn two_validators_agreeing_on_two_miners() {
	let mut inputs = inputs_with_stake(&[100, 100, 0, 0]);
	inputs.weights[0] = vec![(2, 1), (3, 1)];
	inputs.weights[1] = vec![(3, 7), (2, 7)];
	inputs.emission = 1000;
	for version in [YumaVersion::Yuma2, YumaVersion::Yuma3] {
		inputs.params.yuma_version = version;
		let out = run(&inputs);
		assert_eq!(out.validator_permit, vec![true, true, false, false]);
		assert_eq!(out.consensus, vec![0, 0, HALF, HALF]);
		assert_eq!(out.incentive, vec![0, 0, HALF, HALF]);
		assert_eq!(out.dividends, vec![HALF, HALF, 0, 0]);
		assert_eq!(out.validator_trust, vec![65_535, 65_535, 0, 0]);
		assert_eq!(out.emission, vec![250, 250, 250, 250]);
		assert_eq!(out.incentive_emission, vec![0, 0, 250, 250]);
		assert_eq!(out.dividend_emission, vec![250, 250, 0, 0]);
		assert_eq!(out.active, vec![true; 4]);
	}
}

#[test]
fn two_validators_disagreeing() {
	// Validator 0 (75% of stake) backs miner 2, validator 1 (25%) backs miner 3.
	let mut inputs = inputs_with_stake(&[300, 100, 0, 0]);
	inputs.weights[0] = vec![(2, 10)];
	inputs.weights[1] = vec![(3, 10)];
	inputs.emission = 1000;
	for version in [YumaVersion::Yuma2, YumaVersion::Yuma3] {
		inputs.params.yuma_version = version;
		let out = run(&inputs);
		assert_eq!(out.consensus, vec![0, 0, 65_535, 0]);
		assert_eq!(out.validator_trust, vec![65_535, 0, 0, 0]);
		assert_eq!(out.incentive, vec![0, 0, 65_535, 0]);
		assert_eq!(out.dividends, vec![65_535, 0, 0, 0]);
		assert_eq!(out.emission, vec![500, 0, 500, 0]);
		// Bonds penalty 1: the minority validator's weight is fully clipped, no bond forms.
		assert!(out.bonds[1].is_empty());
		match version {
			// Max-upscaled: the only bond of column 2 is one.
			YumaVersion::Yuma2 => assert_eq!(out.bonds[0], vec![(2, 65_535)]),
			// α = 0.1 of a clipped weight of one.
			YumaVersion::Yuma3 => assert_eq!(out.bonds[0], vec![(2, 6553)]),
		}
	}
}

#[test]
fn one_validator_splitting_its_weight() {
	let mut inputs = inputs_with_stake(&[100, 0, 0, 0]);
	inputs.weights[0] = vec![(1, 100), (2, 200), (3, 100)];
	inputs.emission = 1000;
	let out = run(&inputs);
	assert_eq!(out.consensus, vec![0, QUARTER, HALF, QUARTER]);
	assert_eq!(out.incentive, vec![0, QUARTER, HALF, QUARTER]);
	assert_eq!(out.dividends, vec![65_535, 0, 0, 0]);
	assert_eq!(out.validator_trust, vec![65_535, 0, 0, 0]);
	assert_eq!(out.emission, vec![500, 125, 250, 125]);
}

#[test]
fn no_weights_validators_share_by_stake() {
	let mut inputs = inputs_with_stake(&[100, 300, 0, 0]);
	inputs.emission = 1000;
	let out = run(&inputs);
	assert_eq!(out.incentive, vec![0; 4]);
	assert_eq!(out.dividends, vec![0; 4]);
	assert_eq!(out.consensus, vec![0; 4]);
	assert_eq!(out.emission, vec![250, 750, 0, 0]);
	assert_eq!(out.dividend_emission, vec![250, 750, 0, 0]);
}

#[test]
fn no_active_validator_shares_by_stake() {
	let mut inputs = inputs_with_stake(&[100, 300, 100, 0]);
	inputs.params.max_allowed_validators = 1;
	inputs.block = 10_000;
	inputs.emission = 1000;
	let out = run(&inputs);
	assert_eq!(out.active, vec![false; 4]);
	assert_eq!(out.validator_permit, vec![false, true, false, false]);
	// No active permitted stake: everybody with stake shares, by stake.
	assert_eq!(out.emission, vec![200, 600, 200, 0]);
}

#[test]
fn all_stake_zero_leaves_emission_to_the_caller() {
	let mut inputs = inputs_with_stake(&[0, 0, 0]);
	inputs.weights[0] = vec![(1, 5)];
	let out = run(&inputs);
	assert_eq!(out.emission, vec![0; 3]);
	assert_eq!(out.validator_permit, vec![false; 3]);
}

#[test]
fn empty_subnet() {
	let out = run(&inputs_with_stake(&[]));
	assert_eq!(out, EpochOutputs::default());
}

#[test]
fn self_weight_is_dropped() {
	let mut inputs = inputs_with_stake(&[100, 100, 0]);
	inputs.weights[0] = vec![(0, 1000), (2, 10)];
	inputs.weights[1] = vec![(2, 10)];
	let out = run(&inputs);
	assert_eq!(out.incentive, vec![0, 0, 65_535]);
	assert_eq!(out.validator_trust, vec![65_535, 65_535, 0]);
}

#[test]
fn permits_top_k_ties_go_to_lower_uid() {
	let mut inputs = inputs_with_stake(&[5, 10, 10, 10, 0, 10]);
	inputs.params.max_allowed_validators = 2;
	assert_eq!(run(&inputs).validator_permit, vec![false, true, true, false, false, false]);
	inputs.params.max_allowed_validators = 5;
	assert_eq!(run(&inputs).validator_permit, vec![true, true, true, true, false, true]);
	// Zero stake never gets a permit, even with room to spare.
	inputs.params.max_allowed_validators = 6;
	assert_eq!(run(&inputs).validator_permit, vec![true, true, true, true, false, true]);
	inputs.params.max_allowed_validators = 0;
	assert_eq!(run(&inputs).validator_permit, vec![false; 6]);
}

#[test]
fn given_permits_are_used() {
	let mut inputs = inputs_with_stake(&[100, 100, 0]);
	inputs.weights[0] = vec![(2, 1)];
	inputs.weights[1] = vec![(0, 1)];
	inputs.validator_permit = Some(vec![true, false, false]);
	let out = run(&inputs);
	// Validator 1 has no permit: its weight on uid 0 is ignored.
	assert_eq!(out.incentive, vec![0, 0, 65_535]);
	assert_eq!(out.dividends, vec![65_535, 0, 0]);
	assert_eq!(out.validator_permit, vec![true, false, false]);
}

#[test]
fn inactive_validators_are_excluded() {
	let mut inputs = inputs_with_stake(&[100, 900, 0, 0]);
	inputs.block = 10_000;
	inputs.last_update = vec![10_000, 10_000 - 5001, 0, 0];
	inputs.weights[0] = vec![(2, 1)];
	inputs.weights[1] = vec![(3, 1)];
	inputs.emission = 1000;
	let out = run(&inputs);
	assert_eq!(out.active, vec![true, false, false, false]);
	// Validator 1 holds 90% of stake but is inactive: consensus follows validator 0 alone.
	assert_eq!(out.consensus, vec![0, 0, 65_535, 0]);
	assert_eq!(out.incentive, vec![0, 0, 65_535, 0]);
	assert_eq!(out.dividends, vec![65_535, 0, 0, 0]);
	assert_eq!(out.emission, vec![500, 0, 500, 0]);
	// Exactly at the cutoff is still active.
	inputs.last_update[1] = 10_000 - 5000;
	assert!(run(&inputs).active[1]);
}

#[test]
fn weights_set_before_registration_are_ignored() {
	let mut inputs = inputs_with_stake(&[100, 0, 0]);
	inputs.block = 100;
	inputs.last_update = vec![50, 0, 0];
	inputs.registered_at = vec![0, 50, 49];
	inputs.weights[0] = vec![(1, 1), (2, 1)];
	let out = run(&inputs);
	// Uid 1 registered at block 50, the weights were set at 50: dropped. Uid 2 is kept.
	assert_eq!(out.incentive, vec![0, 0, 65_535]);
	assert_eq!(out.consensus, vec![0, 0, 65_535]);
}

#[test]
fn bond_columns_of_new_registrations_are_reset() {
	let mut inputs = inputs_with_stake(&[100, 0, 0]);
	inputs.params.yuma_version = YumaVersion::Yuma3;
	inputs.block = 100;
	inputs.last_update = vec![100, 0, 0];
	inputs.last_epoch_block = 90;
	inputs.registered_at = vec![0, 0, 95];
	inputs.bonds = vec![vec![(1, 65_535), (2, 65_535)], vec![], vec![]];
	let out = run(&inputs);
	// Column 1 decays by 0.9; column 2 belongs to a uid registered after the last epoch.
	assert_eq!(out.bonds[0], vec![(1, 58_981)]);
}

#[test]
fn kappa_extremes() {
	// Three validators with 20/30/50% of stake weighting miner 3 with 0.2/0.6/1.0 of their row.
	let mut inputs = inputs_with_stake(&[200, 300, 500, 0, 0]);
	inputs.weights[0] = vec![(3, 2), (4, 8)];
	inputs.weights[1] = vec![(3, 6), (4, 4)];
	inputs.weights[2] = vec![(3, 10)];
	let c = |kappa: u16, inputs: &mut EpochInputs| {
		inputs.params.kappa = kappa;
		run(inputs).consensus[3]
	};
	assert_eq!(c(0, &mut inputs), 65_535);
	assert_eq!(c(32_767, &mut inputs), 65_535);
	assert_eq!(c(32_768, &mut inputs), Fixed::from_ratio(6, 10).to_u16_proportion());
	assert_eq!(c(52_428, &mut inputs), Fixed::from_ratio(6, 10).to_u16_proportion());
	assert_eq!(c(52_429, &mut inputs), Fixed::from_ratio(2, 10).to_u16_proportion());
	assert_eq!(c(65_535, &mut inputs), Fixed::from_ratio(2, 10).to_u16_proportion());
}

#[test]
fn bonds_penalty_zero_keeps_unclipped_weights_in_bonds() {
	let mut inputs = inputs_with_stake(&[300, 100, 0, 0]);
	inputs.weights[0] = vec![(2, 10)];
	inputs.weights[1] = vec![(3, 10)];
	inputs.params.bonds_penalty = 0;
	let out = run(&inputs);
	assert_eq!(out.bonds[1], vec![(3, 6553)]);
	// The miner nobody agrees on still earns nothing, so the bond pays nothing.
	assert_eq!(out.dividends, vec![65_535, 0, 0, 0]);
}

#[test]
fn liquid_alpha_needs_some_consensus() {
	// Kappa one: nobody reaches consensus alone, so every C_j is zero and the fixed α applies.
	let mut inputs = inputs_with_stake(&[300, 100, 0, 0]);
	inputs.weights[0] = vec![(2, 10)];
	inputs.weights[1] = vec![(3, 10)];
	inputs.params.kappa = 65_535;
	inputs.params.bonds_penalty = 0;
	inputs.params.liquid_alpha_enabled = true;
	let out = run(&inputs);
	assert_eq!(out.consensus, vec![0; 4]);
	assert_eq!(out.bonds[0], vec![(2, 6553)]);
	// With consensus, the liquid α (≈ 0.7 for a bond growing toward consensus) applies.
	inputs.params.kappa = 32_767;
	let out = run(&inputs);
	assert_eq!(out.consensus[2], 65_535);
	let bond = out.bonds[0][0].1;
	assert!((45_875..=46_000).contains(&bond), "liquid bond {bond}");
}

#[test]
fn largest_subnet_and_too_many_uids() {
	let n = 1 << 16;
	let mut stake = vec![0u64; n];
	stake[0] = 1000;
	stake[65_535] = 3000;
	let mut inputs = inputs_with_stake(&stake);
	inputs.weights[0] = vec![(65_535, 1), (7, 3)];
	inputs.weights[65_535] = vec![(7, 1)];
	inputs.emission = 1_000_000;
	let out = run(&inputs);
	assert_eq!(out.consensus[7], 65_535);
	assert_eq!(out.incentive[7], 65_535);
	assert_eq!(out.bonds[65_535], vec![(7, 6553)]);
	inputs.stake.push(0);
	assert_eq!(epoch(&inputs), Err(EpochError::TooManyUids { n: n + 1 }));
}

#[test]
fn huge_stake_is_scaled_not_overflowed() {
	let mut inputs = inputs_with_stake(&[u64::MAX, u64::MAX, u64::MAX / 2, 0]);
	inputs.weights[0] = vec![(3, 1)];
	inputs.weights[1] = vec![(3, 1)];
	inputs.weights[2] = vec![(0, 1)];
	inputs.emission = u64::MAX;
	let out = run(&inputs);
	// Validators 0 and 1 (80% of stake) agree on uid 3; validator 2 is alone on uid 0.
	assert_eq!(out.consensus, vec![0, 0, 0, 65_535]);
	assert_eq!(out.incentive, vec![0, 0, 0, 65_535]);
	assert_eq!(out.emission.iter().map(|&e| e as u128).sum::<u128>(), u64::MAX as u128);
}
