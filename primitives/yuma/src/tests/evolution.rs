//! Bonds over many epochs, each epoch's bonds fed into the next.

use alloc::{vec, vec::Vec};

use super::{run, HALF, QUARTER};
use crate::{fixed::Fixed, mock::inputs_with_stake, EpochInputs, EpochOutputs, YumaVersion};
/// Runs `epochs` epochs, feeding every epoch's bonds into the next; returns all outputs.
fn evolve(mut inputs: EpochInputs, epochs: usize) -> Vec<EpochOutputs> {
	let tempo = 360;
	let mut outputs = Vec::new();
	for _ in 0..epochs {
		inputs.last_epoch_block = inputs.block;
		inputs.block += tempo;
		inputs.last_update = vec![inputs.block; inputs.stake.len()];
		let out = run(&inputs);
		inputs.bonds = out.bonds.clone();
		outputs.push(out);
	}
	outputs
}

fn three_validators_two_miners() -> EpochInputs {
	let mut inputs = inputs_with_stake(&[500, 300, 200, 0, 0]);
	inputs.weights[0] = vec![(3, 3), (4, 1)];
	inputs.weights[1] = vec![(3, 3), (4, 1)];
	inputs.weights[2] = vec![(3, 1), (4, 1)];
	inputs
}

#[test]
fn yuma3_bonds_converge_to_bond_weights() {
	let mut inputs = three_validators_two_miners();
	inputs.params.yuma_version = YumaVersion::Yuma3;
	let outputs = evolve(inputs, 120);
	// Consensus is (0.75, 0.25) by stake majority; validator 2's 0.5 on miner 3 is clipped
	// to 0.5 (below consensus) and its 0.5 on miner 4 to 0.25.
	let last = outputs.last().unwrap();
	assert_eq!(last.consensus[3..], [Fixed::from_ratio(3, 4).to_u16_proportion(), QUARTER]);
	let target = [[49_151, 16_383], [49_151, 16_383], [HALF, QUARTER]];
	for (i, row) in target.iter().enumerate() {
		let bonds: Vec<u16> = last.bonds[i].iter().map(|&(_, v)| v).collect();
		for (&b, t) in bonds.iter().zip(row) {
			assert!(
				(*t as i32 - b as i32).abs() <= 12,
				"bond of validator {i} is {b}, expected about {t}"
			);
		}
	}
	// Bonds grow monotonically from zero.
	for pair in outputs.windows(2) {
		for i in 0..3 {
			for (old, new) in pair[0].bonds[i].iter().zip(&pair[1].bonds[i]) {
				assert!(new.1 >= old.1);
			}
		}
	}
}

#[test]
fn yuma3_liquid_alpha_bonds_converge() {
	let mut inputs = three_validators_two_miners();
	inputs.params.liquid_alpha_enabled = true;
	let outputs = evolve(inputs, 40);
	let last = outputs.last().unwrap();
	let target = [[49_151, 16_383], [49_151, 16_383], [HALF, QUARTER]];
	for (i, row) in target.iter().enumerate() {
		for (&(_, b), t) in last.bonds[i].iter().zip(row) {
			assert!(
				(*t as i32 - b as i32).abs() <= 10,
				"bond of validator {i} is {b}, expected about {t}"
			);
		}
	}
	// With α ≥ 0.7 the bonds are close to their targets after three epochs already.
	assert!(outputs[2].bonds[0][0].1 > 47_000);
}

#[test]
fn yuma3_bonds_decay_when_weights_move() {
	let mut inputs = inputs_with_stake(&[100, 0, 0]);
	inputs.weights[0] = vec![(1, 1)];
	let outputs = evolve(inputs.clone(), 30);
	assert!(outputs.last().unwrap().bonds[0][0].1 > 60_000);
	inputs.bonds = outputs.last().unwrap().bonds.clone();
	inputs.weights[0] = vec![(2, 1)];
	let later = evolve(inputs, 30);
	let row = &later.last().unwrap().bonds[0];
	assert_eq!(row[0].0, 1);
	assert!(row[0].1 < 4000, "old bond should decay, got {}", row[0].1);
	assert!(row[1].1 > 60_000);
}

#[test]
fn yuma2_bonds_converge_to_stake_share() {
	let mut inputs = three_validators_two_miners();
	inputs.params.yuma_version = YumaVersion::Yuma2;
	let outputs = evolve(inputs, 100);
	let last = outputs.last().unwrap();
	// ΔB_ij ∝ Sa_i · W̃_ij; stored bonds are max-upscaled per column.
	// Column 3: 0.5·0.75, 0.3·0.75, 0.2·0.5 → 1, 0.6, 0.2667.
	// Column 4: 0.5·0.25, 0.3·0.25, 0.2·0.25 → 1, 0.6, 0.4.
	let expected = [[65_535, 65_535], [39_321, 39_321], [17_476, 26_214]];
	for (i, row) in expected.iter().enumerate() {
		for (&(_, b), &e) in last.bonds[i].iter().zip(row) {
			assert!((b as i32 - e).abs() <= 10, "bond {i}: {b} vs {e}");
		}
	}
	// Dividends follow the bonds' share of incentive.
	assert!(last.dividends[0] > last.dividends[1] && last.dividends[1] > last.dividends[2]);
}

#[test]
fn yuma2_first_epoch_bonds_are_the_delta() {
	let mut inputs = three_validators_two_miners();
	inputs.params.yuma_version = YumaVersion::Yuma2;
	let out = run(&inputs);
	assert_eq!(out.bonds[0], vec![(3, 65_535), (4, 65_535)]);
	// 0.6 · 65535 = 39321 exactly; the floors of the intermediate steps may land one below.
	for &(_, v) in &out.bonds[1] {
		assert!(v == 39_321 || v == 39_320, "got {v}");
	}
}
