//! Tests, split by concern: hand-checkable epochs and masking rules (`epochs`), multi-epoch
//! bond evolution (`evolution`), refused inputs (`errors`), the number type and the sparse
//! matrix (`numbers`), and randomised properties with the deterministic PRNG of `mock.rs`,
//! including a differential test against the dense reference of `reference.rs` (`properties`).

use crate::{
	epoch, fixed::Fixed, fixed::FRAC_BITS, mock::check_invariants, EpochInputs, EpochOutputs,
};

mod epochs;
mod errors;
mod evolution;
mod numbers;
mod properties;

/// `floor(0.5 · 65535)`.
const HALF: u16 = 32_767;
/// `floor(0.25 · 65535)`.
const QUARTER: u16 = 16_383;

/// Runs an epoch on valid inputs and checks the invariants of its result.
fn run(inputs: &EpochInputs) -> EpochOutputs {
	let out = epoch(inputs).expect("valid inputs");
	check_invariants(inputs, &out);
	out
}

/// A `Fixed` from a float (tests only).
fn f(x: f64) -> Fixed {
	Fixed::from_bits((x * (1u64 << FRAC_BITS) as f64) as u64)
}

/// A float from a `Fixed` (tests only).
fn to_f64(x: Fixed) -> f64 {
	x.to_bits() as f64 / (1u64 << FRAC_BITS) as f64
}
