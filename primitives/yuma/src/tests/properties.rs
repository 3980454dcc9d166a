//! Properties on random inputs, the dense reference, and a full-size subnet.

use alloc::{vec, vec::Vec};

use super::run;
use crate::{
	epoch,
	fixed::Fixed,
	mock::{random_inputs, XorShift},
	synthetic::steady_subnet,
	YumaVersion,
};
#[test]
fn random_epochs_keep_the_invariants() {
	let mut rng = XorShift::new(0x5eed);
	for _ in 0..600 {
		let inputs = random_inputs(&mut rng, 64);
		run(&inputs);
	}
}

#[test]
fn random_epochs_do_not_depend_on_entry_order() {
	let mut rng = XorShift::new(0xfeed);
	for _ in 0..300 {
		let inputs = random_inputs(&mut rng, 64);
		let out = run(&inputs);
		let mut shuffled = inputs.clone();
		for row in shuffled.weights.iter_mut().chain(shuffled.bonds.iter_mut()) {
			rng.shuffle(row);
		}
		assert_eq!(epoch(&shuffled).unwrap(), out);
		let mut sorted = inputs.clone();
		for row in sorted.weights.iter_mut().chain(sorted.bonds.iter_mut()) {
			row.sort_unstable();
		}
		assert_eq!(epoch(&sorted).unwrap(), out);
	}
}

#[test]
fn random_multi_epoch_runs_keep_the_invariants() {
	let mut rng = XorShift::new(0xbeef);
	for _ in 0..40 {
		let mut inputs = random_inputs(&mut rng, 32);
		for _ in 0..5 {
			let out = run(&inputs);
			inputs.bonds = out.bonds;
			inputs.last_epoch_block = inputs.block;
			inputs.block += 1 + rng.below(400);
		}
	}
}

/// Asserts `|a − b| ≤ tolerance` for every pair.
fn assert_close(what: &str, a: &[u16], b: &[u16], tolerance: u16) {
	for (k, (&x, &y)) in a.iter().zip(b).enumerate() {
		assert!(x.abs_diff(y) <= tolerance, "{what}[{k}]: {x} vs reference {y}");
	}
}

#[test]
fn random_epochs_match_the_dense_reference() {
	let mut rng = XorShift::new(0xd1ff);
	for case in 0..400 {
		let mut inputs = random_inputs(&mut rng, 48);
		// Keep total stake below 2^64 (no scaling) and the sigmoid within the i16 range, where
		// the liquid alpha table is accurate to 1e-7.
		inputs.stake.iter_mut().for_each(|s| *s >>= 8);
		inputs.params.alpha_sigmoid_steepness %= 32_768;
		let out = run(&inputs);
		let want = crate::reference::epoch(&inputs);
		let u16s = |v: &[Fixed]| v.iter().map(|x| x.to_u16_proportion()).collect::<Vec<u16>>();
		assert_eq!(out.validator_permit, want.permit, "case {case}");
		assert_eq!(out.consensus, u16s(&want.consensus), "case {case}");
		assert_close("validator_trust", &out.validator_trust, &u16s(&want.trust), 1);
		assert_close("incentive", &out.incentive, &u16s(&want.incentive), 2);
		assert_close("dividends", &out.dividends, &u16s(&want.dividends), 2);
		for (i, row) in out.bonds.iter().enumerate() {
			let mut dense = vec![0u16; inputs.stake.len()];
			row.iter().for_each(|&(j, v)| dense[j as usize] = v);
			assert_close("bonds", &dense, &want.bonds[i], 2);
		}
		// Amounts: within 1e-6 of the amount (the protocol's tolerance). Both sides round
		// differently, and when all raw dividends are tiny their normalisation magnifies ulps.
		let e = inputs.emission;
		for (k, (&got, share)) in out.emission.iter().zip(&want.share).enumerate() {
			let expected = share.mul_int_floor(e) as u64;
			assert!(
				got.abs_diff(expected) <= 2 + e / 1_000_000,
				"case {case}: emission[{k}] = {got}, reference {expected} of {e}"
			);
		}
	}
}

#[test]
fn radix_selection_matches_a_full_sort() {
	let mut rng = XorShift::new(0x5e1);
	let stake: Vec<u64> = (0..1024).map(|_| rng.below(1 << 40)).collect();
	let mut histogram = [0u64; 256];
	for _ in 0..3000 {
		let len = 1 + rng.below(600) as usize;
		let spread = rng.below(49);
		let mut column: Vec<u64> = (0..len)
			.map(|k| {
				let value = if rng.chance(30) { 1 << 20 } else { rng.below(1 << spread) };
				(value << 16) | ((k * 7 + 3) % 1024) as u64
			})
			.collect();
		// A stake threshold anywhere from zero to a bit above the column's total.
		let total: u128 = column.iter().map(|&k| stake[(k & 0xffff) as usize] as u128).sum();
		let threshold = if rng.chance(10) { 0 } else { total * rng.below(1100) as u128 / 1000 };
		let mut sorted = column.clone();
		sorted.sort_unstable_by(|a, b| b.cmp(a));
		let mut acc = 0u128;
		let want = sorted
			.iter()
			.find(|&&k| {
				acc += stake[(k & 0xffff) as usize] as u128;
				acc >= threshold
			})
			.map(|k| k >> 16);
		// At most 600 stakes below 2^40: the threshold fits a u64.
		let least = u64::try_from(threshold).expect("small threshold");
		let got = crate::consensus::select(&mut column, &stake, least, &mut histogram);
		assert_eq!(got.map(|k| k >> 16), want);
	}
}

#[test]
fn full_subnet_4096_uids_256_validators() {
	for version in [YumaVersion::Yuma3, YumaVersion::Yuma2] {
		// The benchmarks' subnet: one epoch has run, its bonds are the inputs' bonds.
		let inputs = steady_subnet(4096, 256, 100, version);
		assert!(inputs.bonds[0].len() > 3000);
		let out = run(&inputs);
		assert_eq!(out.validator_permit.iter().filter(|&&p| p).count(), 256);
		assert!(out.incentive.iter().skip(256).any(|&x| x > 0));
		assert!(out.bonds[0].len() > 3000);
	}
}
