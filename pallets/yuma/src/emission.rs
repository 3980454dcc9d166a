//! The block emission schedule: 1 MYL per block, halving each time the total emitted crosses
//! 10.5M, 15.75M, 18.375M … MYL (each threshold halfway from the last one to 21M), and zero
//! once 21M MYL have been emitted.

/// One MYL in base units.
pub const MYL: u128 = 1_000_000_000;
/// The most that will ever be emitted: 21M MYL.
pub const MAX_SUPPLY: u128 = 21_000_000 * MYL;
/// The emission of a block before the first halving: 1 MYL.
pub const INITIAL_BLOCK_EMISSION: u128 = MYL;

/// The `k`-th halving threshold (from 0): `21M − 21M / 2^(k+1)`.
pub fn halving_threshold(k: u32) -> u128 {
	MAX_SUPPLY - (MAX_SUPPLY >> (k + 1).min(127))
}

/// The emission of the next block when `emitted` base units have been emitted so far.
pub fn block_emission(emitted: u128) -> u128 {
	if emitted >= MAX_SUPPLY {
		return 0;
	}
	let mut halvings = 0u32;
	// After 30 halvings 1 MYL is below one base unit; stop counting there.
	while halvings < 31 && emitted >= halving_threshold(halvings) {
		halvings += 1;
	}
	let emission = INITIAL_BLOCK_EMISSION >> halvings;
	emission.min(MAX_SUPPLY - emitted)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn thresholds_are_those_of_the_spec() {
		assert_eq!(halving_threshold(0), 10_500_000 * MYL);
		assert_eq!(halving_threshold(1), 15_750_000 * MYL);
		assert_eq!(halving_threshold(2), 18_375_000 * MYL);
	}

	#[test]
	fn emission_halves_at_each_threshold() {
		assert_eq!(block_emission(0), MYL);
		assert_eq!(block_emission(10_500_000 * MYL - 1), MYL);
		assert_eq!(block_emission(10_500_000 * MYL), MYL / 2);
		assert_eq!(block_emission(15_750_000 * MYL - 1), MYL / 2);
		assert_eq!(block_emission(15_750_000 * MYL), MYL / 4);
		assert_eq!(block_emission(18_375_000 * MYL), MYL / 8);
	}

	#[test]
	fn emission_stops_at_21m_and_never_overshoots() {
		assert_eq!(block_emission(MAX_SUPPLY), 0);
		assert_eq!(block_emission(MAX_SUPPLY + 5), 0);
		assert!(block_emission(MAX_SUPPLY - 1) <= 1);
		// Near the end, emission is tiny and never passes the cap.
		let mut emitted = halving_threshold(29);
		for _ in 0..10_000 {
			emitted += block_emission(emitted);
		}
		assert!(emitted <= MAX_SUPPLY);
	}

	#[test]
	fn total_emission_converges_to_21m() {
		// Walk era by era: each era emits (threshold_k − threshold_{k−1}) at MYL >> k.
		let mut emitted = 0u128;
		let mut blocks = 0u128;
		while block_emission(emitted) > 0 && blocks < 1_000_000_000 {
			let per_block = block_emission(emitted);
			let halvings = (0..31).take_while(|k| emitted >= halving_threshold(*k)).count();
			let next = if halvings < 31 { halving_threshold(halvings as u32) } else { MAX_SUPPLY };
			let steps = (next - emitted).div_ceil(per_block).max(1);
			emitted += per_block * steps;
			emitted = emitted.min(MAX_SUPPLY);
			blocks += steps;
		}
		assert!(MAX_SUPPLY - emitted < MYL, "emitted {emitted}");
	}
}
