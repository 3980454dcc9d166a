//! # Myelin Yuma
//!
//! The Yuma consensus epoch of one subnet, as a pure function from plain data to plain data:
//! [`epoch`] takes [`EpochInputs`] and returns [`EpochOutputs`]. The crate has no dependencies,
//! builds for `no_std` (it needs `alloc`), and uses no floating point: every number is an
//! integer or a [`Fixed`] (48 fractional bits) with explicit, deterministic
//! rounding, so the chain, the `simulate-epoch` tool and any other caller get bit-identical
//! results on every platform.
//!
//! ## Terminology
//!
//! - `n`: number of uids of the subnet; every per-uid vector has `n` entries and a uid is an
//!   index below `n` (so `n ≤ 65536`).
//! - A *validator* is a uid holding a validator permit; only its weights count. A *miner* is
//!   any uid that receives weight.
//! - Proportions (weights, consensus, incentive, …) are numbers in `[0, 1]`; on the wire they
//!   are `u16` values `floor(x · 65535)`.
//!
//! ## The epoch, step by step
//!
//! 1. **Stake, activity, permits** (`stake.rs`). A uid is *active* when
//!    `last_update + activity_cutoff ≥ block`. Permits are given by the caller or are the top
//!    `max_allowed_validators` uids by stake among those with nonzero stake (ties: lower uid).
//!    The *active stake* `Sa` is the stake of active permitted uids, normalised to sum to one.
//! 2. **Weights** (`matrix.rs`). `W` keeps the rows of permitted uids only, drops self-weights
//!    and drops entry `(i, j)` when `last_update_i ≤ registered_at_j` (set before the current
//!    holder of uid `j` registered); each row is normalised to sum to one.
//! 3. **Consensus** (`consensus.rs`). `C_j` is the largest `w` such that the active stake of the
//!    rows with `W_ij ≥ w` is at least `kappa / 65535`: a stake-weighted quantile per column.
//! 4. **Trust and incentive** (`consensus.rs`, `bonds.rs`; for Yuma 2 the rank is summed with
//!    consensus and trust in the bond pass, for Yuma 3 both in the bond pass).
//!    Clipped weights `W̄ = min(W, C)`;
//!    `validator_trust_i = Σ_j W̄_ij`; rank `R_j = Σ_i Sa_i · W̄_ij`; incentive `I = R / ΣR`.
//! 5. **Bond weights** (`bonds.rs`). `W̃ = (1 − β) · W + β · W̄` with
//!    `β = bonds_penalty / 65535`. The previous bonds `B_old` lose the columns of uids
//!    registered after `last_epoch_block` and the rows of uids without a permit.
//! 6. **Yuma 2 bonds** (`bonds.rs`). `ΔB = column-normalise(Sa_i · W̃_ij)`;
//!    `B = column-normalise(α · ΔB + (1 − α) · column-normalise(B_old))` with
//!    `α = 1 − bonds_moving_average / 1e6`; dividends `D_i = Σ_j B_ij · I_j`, normalised.
//!    Stored bonds are `B` scaled so that every column's largest entry is one.
//! 7. **Yuma 3 bonds** (`bonds.rs`, `liquid_alpha.rs`). Per pair, `B = min(1, (1 − α) · B_old +
//!    α · W̃)` with `B ∈ [0, 1]`; with liquid alpha `α` depends on the pair (see
//!    [`EpochParams::liquid_alpha_enabled`]); dividends
//!    `D_i = Sa_i · Σ_j (B_ij / Σ_k B_kj) · I_j`, normalised. Stored bonds are `B` itself.
//! 8. **Emission** (`emission.rs`). Miner `j` gets `I_j / (ΣI + ΣD)` of the amount, validator
//!    `i` gets `D_i / (ΣI + ΣD)`; when `ΣI + ΣD = 0` validators share it by active stake (or by
//!    stake when no permitted uid is active). Amounts are whole base units summing exactly to
//!    the amount (largest-remainder rounding).
//!
//! ## Guarantees
//!
//! - Deterministic: the result depends only on the inputs, not on the platform, nor on the
//!   order of the entries inside a weight or bond row.
//! - Cost `O(nnz + n)` time and memory, where `nnz` is the number of weight and bond entries
//!   (a row that is not sorted by uid adds the sort of that row); no `n × n` matrix is ever
//!   formed. Weights and previous bonds are read in place, not copied; the new bonds take
//!   8 bytes per entry until they are encoded. At `n = 4096` with 256 validators weighting
//!   every uid (a million entries) an epoch needs about 13 MB besides its inputs.
//! - `incentive` and `dividends` each sum to `65535` minus at most `n`, or are all zero;
//!   `validator_trust` is at most `65535` per uid and zero without a permit.
//! - `emission` sums exactly to [`EpochInputs::emission`], and splits it into
//!   `incentive_emission` and `dividend_emission`; the only exception is a subnet whose stake is
//!   all zero, where every amount is zero and the caller keeps the amount.
//! - Never panics: malformed inputs give an [`EpochError`] naming the offending field.
//!
//! ## Precision
//!
//! Proportions are [`Fixed`] values with 48 fractional bits; every operation
//! floors, so a computed proportion is within a few units of `2^-48` of the exact real-number
//! result, far below the `1 / 65535` of the u16 encoding. Stored u16 proportions are decoded
//! rounding up, so they survive any number of epochs unchanged. Liquid alpha is interpolated
//! from a table (error below `1e-7` for steepness up to 32767). Amounts are exact
//! largest-remainder splits of the computed shares.
//!
//! ## Choices where the protocol text leaves room
//!
//! - Permits: `EpochInputs::validator_permit` if given, else top-k by stake; the permits used
//!   are returned, and only they count for weights, active stake and bonds (the previous bond
//!   row of a uid without a permit is ignored, not decayed).
//! - Liquid alpha applies only when some consensus is nonzero (as in subtensor); otherwise the
//!   fixed `α` is used.
//! - Consensus with `kappa = 0` is the largest weight of the column.

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use core::fmt;

mod bonds;
mod consensus;
mod emission;
pub mod fixed;
mod liquid_alpha;
mod matrix;
pub mod sparse;
mod stake;
pub mod synthetic;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

use fixed::Fixed;

/// Which bond and dividend model the epoch uses (hyperparameter `yuma_version`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum YumaVersion {
	/// Yuma 2: bonds are an exponential moving average of column-normalised stake-weighted
	/// bond weights; dividends follow the bond share of every miner's incentive.
	Yuma2,
	/// Yuma 3 (the default): every validator–miner pair has its own bond in `[0, 1]` moving
	/// toward the bond weight; dividends are weighted by active stake.
	#[default]
	Yuma3,
}

impl YumaVersion {
	/// The version with the protocol number `2` or `3`, if it is one of them.
	pub const fn from_number(version: u16) -> Option<YumaVersion> {
		match version {
			2 => Some(YumaVersion::Yuma2),
			3 => Some(YumaVersion::Yuma3),
			_ => None,
		}
	}

	/// The protocol number of the version (`2` or `3`).
	pub const fn number(self) -> u16 {
		match self {
			YumaVersion::Yuma2 => 2,
			YumaVersion::Yuma3 => 3,
		}
	}
}

/// The subnet hyperparameters the epoch uses. [`Default`] gives the protocol defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EpochParams {
	/// Consensus majority as a fraction `kappa / 65535` of active stake. Default `32_767`.
	pub kappa: u16,
	/// Bond and dividend model. Default [`YumaVersion::Yuma3`].
	pub yuma_version: YumaVersion,
	/// Weight of the old bonds in the moving average, in millionths: `α = 1 − this / 1e6`.
	/// Default `900_000`; at most `1_000_000` (the protocol bound is `999_999`).
	pub bonds_moving_average: u64,
	/// How far bond weights are pulled from the weights toward the clipped weights, as
	/// `β = bonds_penalty / 65535`. Default `65_535` (bonds follow clipped weights).
	pub bonds_penalty: u16,
	/// Yuma 3 only: use a per-pair `α` (liquid alpha) instead of the fixed one. Default `false`.
	///
	/// `α_ij = clamp(low + sigmoid(steepness / 100 · (d − 0.5)) · (high − low), low, high)`
	/// where `d = clamp(W̃_ij − C_j, 0, 1)` if `W̃_ij ≥ B_old_ij`, else
	/// `clamp(B_old_ij − W̃_ij, 0, 1)`. When every `C_j` is zero, the fixed `α` is used.
	pub liquid_alpha_enabled: bool,
	/// Lower bound of liquid alpha as `alpha_low / 65535`. Default `45_875` (≈ 0.7).
	pub alpha_low: u16,
	/// Upper bound of liquid alpha as `alpha_high / 65535`. Default `58_982` (≈ 0.9).
	pub alpha_high: u16,
	/// Steepness of the liquid alpha sigmoid, divided by 100 before use. Default `1000`.
	///
	/// Signed (`i32`, a superset of subtensor's `i16`): a negative steepness mirrors the
	/// sigmoid, so large deviations get the low alpha. Every `i32` is accepted. `α` is
	/// tabulated at 65537 points and interpolated linearly, with an error of at most
	/// `2.8e-12 · (high − low) · (steepness / 100)²` (≈ 6e-11 at the defaults, 3e-7 at 32767);
	/// for far steeper sigmoids only the cell around `d = 0.5` is off, by at most `high − low`.
	pub alpha_sigmoid_steepness: i32,
	/// Maximum number of validator permits handed out by stake. Default `64`.
	pub max_allowed_validators: u16,
	/// A uid is active when `last_update + activity_cutoff ≥ block`. Default `5000`.
	pub activity_cutoff: u64,
}

impl Default for EpochParams {
	fn default() -> EpochParams {
		EpochParams {
			kappa: 32_767,
			yuma_version: YumaVersion::Yuma3,
			bonds_moving_average: 900_000,
			bonds_penalty: 65_535,
			liquid_alpha_enabled: false,
			alpha_low: 45_875,
			alpha_high: 58_982,
			alpha_sigmoid_steepness: 1000,
			max_allowed_validators: 64,
			activity_cutoff: 5000,
		}
	}
}

/// Everything one epoch of one subnet reads. Per-uid vectors have one entry per uid, in uid
/// order; their common length `n` is the length of [`stake`](Self::stake).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochInputs {
	/// Raw stake of every uid, in base units.
	pub stake: Vec<u64>,
	/// Weight row of every uid: `(uid, weight)` pairs in any order, weights unnormalised.
	/// Duplicate uids inside a row are an error.
	pub weights: Vec<Vec<(u16, u16)>>,
	/// Bonds stored by the previous epoch, one sparse row per uid (`u16` proportions). An
	/// empty vector means all bonds are zero.
	pub bonds: Vec<Vec<(u16, u16)>>,
	/// Block of every uid's last weight update.
	pub last_update: Vec<u64>,
	/// Block at which every uid's current holder registered.
	pub registered_at: Vec<u64>,
	/// The current block.
	pub block: u64,
	/// Block of the previous epoch: bond columns of uids with `registered_at` after it are reset.
	pub last_epoch_block: u64,
	/// Validator permits to use; `None` hands them to the top `max_allowed_validators` uids by
	/// stake among those with nonzero stake (ties: lower uid wins).
	pub validator_permit: Option<Vec<bool>>,
	/// The amount of base units to distribute among the uids.
	pub emission: u64,
	/// The subnet's hyperparameters.
	pub params: EpochParams,
}

/// Everything one epoch produces, one entry per uid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutputs {
	/// Consensus weight of every uid (`floor(C · 65535)`).
	pub consensus: Vec<u16>,
	/// Incentive of every uid (its share of miner emission).
	pub incentive: Vec<u16>,
	/// Dividends of every uid (its share of validator emission).
	pub dividends: Vec<u16>,
	/// Validator trust: the part of a validator's weight that consensus kept (`Σ_j W̄_ij`);
	/// each entry is at most 65535, the vector does not sum to anything in particular.
	pub validator_trust: Vec<u16>,
	/// The validator permits this epoch used (given or computed).
	pub validator_permit: Vec<bool>,
	/// Base units paid to every uid: `incentive_emission + dividend_emission`.
	pub emission: Vec<u64>,
	/// The part of [`emission`](Self::emission) earned as incentive (a miner's pay).
	pub incentive_emission: Vec<u64>,
	/// The part of [`emission`](Self::emission) earned as dividends (a validator's pay).
	pub dividend_emission: Vec<u64>,
	/// Bonds to store for the next epoch: sparse rows sorted by uid, no zero entries, empty for
	/// uids without a permit.
	pub bonds: Vec<Vec<(u16, u16)>>,
	/// Whether every uid was active.
	pub active: Vec<bool>,
}

/// Why the epoch refused its inputs. Every variant names the offending input field, with the
/// JSON name of the `simulate-epoch` tool (see [`EpochError::field`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EpochError {
	/// More than 65536 uids: uids are `u16`.
	TooManyUids {
		/// Length of `stake`.
		n: usize,
	},
	/// A per-uid vector does not have one entry per uid.
	WrongLength {
		/// The field, e.g. `"weights"`.
		field: &'static str,
		/// Its required length (the length of `stake`).
		expected: usize,
		/// Its actual length.
		found: usize,
	},
	/// A row refers to a uid that does not exist.
	UidOutOfRange {
		/// `"weights"` or `"bonds"`.
		field: &'static str,
		/// The row (the uid that owns it).
		row: usize,
		/// The offending uid.
		uid: u16,
	},
	/// A row names the same uid twice.
	DuplicateUid {
		/// `"weights"` or `"bonds"`.
		field: &'static str,
		/// The row (the uid that owns it).
		row: usize,
		/// The repeated uid.
		uid: u16,
	},
	/// A hyperparameter is outside the range the epoch can use.
	InvalidParam {
		/// The hyperparameter, e.g. `"params.bonds_moving_average"`.
		field: &'static str,
	},
}

impl EpochError {
	/// The JSON name of the input field the error is about, e.g. `"weights"` or
	/// `"params.alpha_low"`.
	pub const fn field(&self) -> &'static str {
		match self {
			EpochError::TooManyUids { .. } => "stake",
			EpochError::WrongLength { field, .. }
			| EpochError::UidOutOfRange { field, .. }
			| EpochError::DuplicateUid { field, .. }
			| EpochError::InvalidParam { field } => field,
		}
	}
}

impl fmt::Display for EpochError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			EpochError::TooManyUids { n } => {
				write!(f, "stake: {n} uids, at most 65536 are possible")
			},
			EpochError::WrongLength { field, expected, found } => {
				write!(f, "{field}: expected {expected} entries (one per uid), found {found}")
			},
			EpochError::UidOutOfRange { field, row, uid } => {
				write!(f, "{field}[{row}]: uid {uid} out of range")
			},
			EpochError::DuplicateUid { field, row, uid } => {
				write!(f, "{field}[{row}]: uid {uid} appears twice")
			},
			EpochError::InvalidParam { field } => write!(f, "{field}: value out of range"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for EpochError {}

/// Checks every length and parameter; returns `n`.
fn validate(inputs: &EpochInputs) -> Result<usize, EpochError> {
	let n = inputs.stake.len();
	if n > 1 << 16 {
		return Err(EpochError::TooManyUids { n });
	}
	let check = |field: &'static str, found: usize| {
		if found == n {
			Ok(())
		} else {
			Err(EpochError::WrongLength { field, expected: n, found })
		}
	};
	check("weights", inputs.weights.len())?;
	if !inputs.bonds.is_empty() {
		check("bonds", inputs.bonds.len())?;
	}
	check("last_update", inputs.last_update.len())?;
	check("registered_at", inputs.registered_at.len())?;
	if let Some(permit) = &inputs.validator_permit {
		check("validator_permit", permit.len())?;
	}
	let params = &inputs.params;
	if params.bonds_moving_average > 1_000_000 {
		return Err(EpochError::InvalidParam { field: "params.bonds_moving_average" });
	}
	if params.liquid_alpha_enabled && params.alpha_low > params.alpha_high {
		return Err(EpochError::InvalidParam { field: "params.alpha_low" });
	}
	Ok(n)
}

/// The validator permits an epoch hands out when [`EpochInputs::validator_permit`] is `None`:
/// one for each of the `k` uids with the largest nonzero `stake`, ties to the lower uid. A
/// caller that computes them first can skip reading what the uids without one would give.
pub fn validator_permits(stake: &[u64], k: usize) -> Vec<bool> {
	stake::top_k_permits(stake, k)
}

/// Runs one Yuma epoch. See the [crate documentation](crate) for the steps.
pub fn epoch(inputs: &EpochInputs) -> Result<EpochOutputs, EpochError> {
	validate(inputs)?;
	let params = &inputs.params;

	// Step 1: activity, permits, active stake.
	let stake = stake::StakeView::new(inputs);

	// Step 2: weights and previous bonds, validated and read in place.
	let w = matrix::WeightRows::new(inputs, &stake.permit, &stake.active_stake)?;
	let bonds_old = matrix::BondRows::new(inputs, &stake.permit)?;

	// Steps 3 to 7: consensus; trust, incentive, bonds and dividends.
	let (active_stake, active_total, kappa) =
		(&stake.active_stake, stake.active_total, params.kappa);
	let bond_params = |consensus| bonds::BondParams {
		consensus,
		sa: &stake.sa,
		beta: Fixed::from_u16_proportion(params.bonds_penalty),
		alpha: Fixed::from_ratio((1_000_000 - params.bonds_moving_average) as u128, 1_000_000),
	};
	let (consensus, mut out) = match params.yuma_version {
		YumaVersion::Yuma2 => {
			let (consensus, rank) =
				consensus::consensus_and_rank(&w, active_stake, active_total, kappa, &stake.sa);
			let out = bonds::yuma2(&w, &bonds_old, &bond_params(&consensus), rank);
			(consensus, out)
		},
		YumaVersion::Yuma3 => {
			let consensus = consensus::consensus(&w, active_stake, active_total, kappa);
			let liquid = params.liquid_alpha_enabled && consensus.iter().any(|c| !c.is_zero());
			let mut table = liquid.then(|| {
				liquid_alpha::LiquidAlpha::new(
					Fixed::from_u16_proportion(params.alpha_low),
					Fixed::from_u16_proportion(params.alpha_high),
					params.alpha_sigmoid_steepness,
				)
			});
			let out = bonds::yuma3(&w, &bonds_old, &bond_params(&consensus), table.as_mut());
			(consensus, out)
		},
	};
	fixed::normalise(&mut out.dividends);

	// Step 8: emission.
	let amounts = emission::distribute(inputs.emission, &out.incentive, &out.dividends, &stake);

	let to_u16 = |v: &[Fixed]| v.iter().map(|x| x.to_u16_proportion()).collect::<Vec<u16>>();
	Ok(EpochOutputs {
		consensus: to_u16(&consensus),
		incentive: to_u16(&out.incentive),
		dividends: to_u16(&out.dividends),
		validator_trust: to_u16(&out.trust),
		emission: amounts.total(),
		incentive_emission: amounts.incentive,
		dividend_emission: amounts.dividends,
		bonds: out.bonds,
		validator_permit: stake.permit,
		active: stake.active,
	})
}
