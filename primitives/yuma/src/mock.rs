//! Test helpers: a deterministic PRNG, input generators and the invariant checks every
//! epoch result must pass.

use alloc::{vec, vec::Vec};

use crate::{EpochInputs, EpochOutputs, EpochParams, YumaVersion};

pub(crate) use crate::synthetic::XorShift;

/// Inputs for `n` uids with the given stakes, no weights, everyone registered at block 0 and
/// updated at block 1, default parameters.
pub(crate) fn inputs_with_stake(stake: &[u64]) -> EpochInputs {
	let n = stake.len();
	EpochInputs {
		stake: stake.to_vec(),
		weights: vec![Vec::new(); n],
		bonds: Vec::new(),
		last_update: vec![1; n],
		registered_at: vec![0; n],
		block: 1,
		last_epoch_block: 0,
		validator_permit: None,
		emission: 1_000_000_000,
		params: EpochParams::default(),
	}
}

/// Random inputs with at most `max_n` uids: random stake (often zero), sparse random weights,
/// sometimes bonds, registrations, stale updates, explicit permits and odd parameters.
pub(crate) fn random_inputs(rng: &mut XorShift, max_n: u64) -> EpochInputs {
	let n = 1 + rng.below(max_n) as usize;
	let block = 1000 + rng.below(10_000);
	let stake = (0..n)
		.map(|_| match rng.below(4) {
			0 => 0,
			1 => rng.below(1000),
			2 => rng.next_u64() >> rng.below(64),
			_ => rng.below(1 << 40),
		})
		.collect();
	let density = rng.below(101);
	let sparse_rows = |rng: &mut XorShift, max_value: u64| -> Vec<Vec<(u16, u16)>> {
		(0..n)
			.map(|_| {
				let mut row = Vec::new();
				for j in 0..n {
					if rng.chance(density) {
						row.push((j as u16, rng.below(max_value + 1) as u16));
					}
				}
				rng.shuffle(&mut row);
				row
			})
			.collect()
	};
	let weights = sparse_rows(rng, 65_535);
	let bonds = if rng.chance(50) { sparse_rows(rng, 65_535) } else { Vec::new() };
	let last_update = (0..n).map(|_| block.saturating_sub(rng.below(8000))).collect();
	let registered_at = (0..n).map(|_| if rng.chance(80) { 0 } else { rng.below(block) }).collect();
	let validator_permit =
		if rng.chance(20) { Some((0..n).map(|_| rng.chance(50)).collect()) } else { None };
	let alpha_low = rng.below(65_536) as u16;
	let params = EpochParams {
		kappa: if rng.chance(70) { 32_767 } else { rng.below(65_536) as u16 },
		yuma_version: if rng.chance(50) { YumaVersion::Yuma2 } else { YumaVersion::Yuma3 },
		bonds_moving_average: rng.below(1_000_001),
		// β = 1 (the default) has its own fast path.
		bonds_penalty: if rng.chance(40) { 65_535 } else { rng.below(65_536) as u16 },
		liquid_alpha_enabled: rng.chance(50),
		alpha_low,
		alpha_high: alpha_low + rng.below(65_536 - alpha_low as u64) as u16,
		alpha_sigmoid_steepness: match rng.below(3) {
			0 => 1000,
			1 => rng.below(20_000) as i32 - 10_000,
			_ => rng.next_u64() as i32,
		},
		max_allowed_validators: rng.below(n as u64 + 2) as u16,
		activity_cutoff: rng.below(6000),
	};
	EpochInputs {
		stake,
		weights,
		bonds,
		last_update,
		registered_at,
		block,
		last_epoch_block: block.saturating_sub(rng.below(500)),
		validator_permit,
		emission: match rng.below(3) {
			0 => 0,
			1 => rng.below(1000),
			_ => rng.next_u64(),
		},
		params,
	}
}

/// Asserts the invariants every epoch result must satisfy.
pub(crate) fn check_invariants(inputs: &EpochInputs, out: &EpochOutputs) {
	let n = inputs.stake.len();
	for len in [
		out.consensus.len(),
		out.incentive.len(),
		out.dividends.len(),
		out.validator_trust.len(),
		out.validator_permit.len(),
		out.emission.len(),
		out.incentive_emission.len(),
		out.dividend_emission.len(),
		out.bonds.len(),
		out.active.len(),
	] {
		assert_eq!(len, n);
	}
	for (name, v) in [("incentive", &out.incentive), ("dividends", &out.dividends)] {
		let sum: u64 = v.iter().map(|&x| x as u64).sum();
		assert!(
			sum == 0 || (sum <= 65_535 && sum + n as u64 >= 65_535),
			"{name} sums to {sum} with n = {n}"
		);
	}
	let paid: u128 = out.emission.iter().map(|&x| x as u128).sum();
	if inputs.stake.iter().all(|&s| s == 0) {
		assert!(paid == 0 || paid == inputs.emission as u128);
	} else {
		assert_eq!(paid, inputs.emission as u128, "emission not fully distributed");
	}
	for i in 0..n {
		assert_eq!(out.emission[i], out.incentive_emission[i] + out.dividend_emission[i]);
		if !out.validator_permit[i] {
			assert!(out.bonds[i].is_empty(), "bonds kept for uid {i} without permit");
			assert_eq!(out.validator_trust[i], 0);
			assert_eq!(out.dividends[i], 0);
		}
		assert!(out.bonds[i].windows(2).all(|p| p[0].0 < p[1].0), "bond row {i} not sorted");
		assert!(out.bonds[i].iter().all(|&(j, v)| (j as usize) < n && v != 0));
	}
	if let Some(permit) = &inputs.validator_permit {
		assert_eq!(&out.validator_permit, permit);
	} else {
		let k = inputs.params.max_allowed_validators as usize;
		let nonzero = inputs.stake.iter().filter(|&&s| s > 0).count();
		assert_eq!(out.validator_permit.iter().filter(|&&p| p).count(), k.min(nonzero));
	}
}
