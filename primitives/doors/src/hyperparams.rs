//! Every hyperparameter of a subnet, with its default and its JSON name: the one list the
//! Subnets pallet stores, the runtime API returns and the simulator reads.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use myelin_yuma::{EpochParams, YumaVersion};
use scale_info::TypeInfo;
use sp_runtime::traits::UniqueSaturatedFrom;

#[cfg(feature = "std")]
use crate::json;
#[cfg(feature = "std")]
use serde::Serialize;

/// Default `tempo` of a new subnet (a chain's genesis may choose another).
pub const DEFAULT_TEMPO: u16 = 360;
/// Default `min_burn`: 0.0005 MYL in base units.
pub const DEFAULT_MIN_BURN: u128 = 500_000;
/// Default `max_burn`: 100 MYL in base units.
pub const DEFAULT_MAX_BURN: u128 = 100_000_000_000;

/// The JSON name of every field of [`SubnetHyperparams`] (the spec's names), in order.
pub const HYPERPARAMETER_NAMES: [&str; 24] = [
	"tempo",
	"kappa",
	"yuma_version",
	"bonds_moving_average",
	"bonds_penalty",
	"liquid_alpha_enabled",
	"alpha_low",
	"alpha_high",
	"alpha_sigmoid_steepness",
	"max_allowed_uids",
	"max_allowed_validators",
	"immunity_period",
	"activity_cutoff",
	"weights_rate_limit",
	"min_allowed_weights",
	"max_weight_limit",
	"weights_version_key",
	"commit_reveal_enabled",
	"commit_reveal_period",
	"min_burn",
	"max_burn",
	"burn_half_life",
	"registration_allowed",
	"serving_rate_limit",
];

/// Every hyperparameter of one subnet. The subnets pallet stores one per netuid.
///
/// The bounds and who may set each field are those of the subnets pallet's
/// `Hyperparameter` setter. In JSON each field keeps its name; `min_burn` and `max_burn` are
/// decimal strings of base units.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(feature = "std", serde(bound(serialize = "Balance: core::fmt::Display")))]
pub struct SubnetHyperparams<Balance> {
	/// Blocks between two epochs (1..=50_400). Owner.
	pub tempo: u16,
	/// Consensus majority threshold, as a fraction of 65535. Root.
	pub kappa: u16,
	/// Yuma consensus version, 2 or 3. Owner.
	pub yuma_version: u8,
	/// Bond moving average, as a fraction of 1_000_000 (..=999_999). Owner.
	pub bonds_moving_average: u64,
	/// Weight of clipped weights in bond weights, as a fraction of 65535. Owner.
	pub bonds_penalty: u16,
	/// Whether Yuma 3 uses the liquid alpha bond update. Owner.
	pub liquid_alpha_enabled: bool,
	/// Lower bound of liquid alpha, as a fraction of 65535 (≥ 1638, ≤ `alpha_high`). Owner.
	pub alpha_low: u16,
	/// Upper bound of liquid alpha, as a fraction of 65535. Owner.
	pub alpha_high: u16,
	/// Steepness of the liquid alpha sigmoid (used as `steepness / 100`). Owner.
	pub alpha_sigmoid_steepness: u16,
	/// Most neurons the subnet holds (2..=4096, never below the current count). Root.
	pub max_allowed_uids: u16,
	/// Most validator permits (1..=`max_allowed_uids`). Root.
	pub max_allowed_validators: u16,
	/// Blocks after registration during which a neuron cannot be pruned. Owner.
	pub immunity_period: u32,
	/// Blocks after its last weights during which a validator counts as active
	/// (≥ `tempo`). Owner.
	pub activity_cutoff: u32,
	/// Blocks between two weight settings of one validator. Owner.
	pub weights_rate_limit: u32,
	/// Fewest weights a validator must set (..=`max_allowed_uids`). Owner.
	pub min_allowed_weights: u16,
	/// Largest normalised weight, as a fraction of 65535. Owner.
	pub max_weight_limit: u16,
	/// Lowest weights version key accepted. Owner.
	pub weights_version_key: u64,
	/// Whether weights must be committed and revealed. Owner.
	pub commit_reveal_enabled: bool,
	/// Epochs between a commit and its reveal window (1..=100). Owner.
	pub commit_reveal_period: u32,
	/// Lowest registration price (≤ `max_burn`). Root.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub min_burn: Balance,
	/// Highest registration price (≥ `min_burn`). Root.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub max_burn: Balance,
	/// Blocks over which the registration price halves (≥ 1). Root.
	pub burn_half_life: u32,
	/// Whether `burned_register` is open. Owner.
	pub registration_allowed: bool,
	/// Blocks between two `serve_axon` of one neuron. Owner.
	pub serving_rate_limit: u32,
}

impl<Balance: UniqueSaturatedFrom<u128>> SubnetHyperparams<Balance> {
	/// The spec defaults, with the given tempo (which comes from genesis).
	pub fn with_tempo(tempo: u16) -> Self {
		Self {
			tempo,
			kappa: 32_767,
			yuma_version: 3,
			bonds_moving_average: 900_000,
			bonds_penalty: 65_535,
			liquid_alpha_enabled: false,
			alpha_low: 45_875,
			alpha_high: 58_982,
			alpha_sigmoid_steepness: 1000,
			max_allowed_uids: 256,
			max_allowed_validators: 64,
			immunity_period: 4096,
			activity_cutoff: 5000,
			weights_rate_limit: 100,
			min_allowed_weights: 1,
			max_weight_limit: 65_535,
			weights_version_key: 0,
			commit_reveal_enabled: false,
			commit_reveal_period: 1,
			min_burn: Balance::unique_saturated_from(DEFAULT_MIN_BURN),
			max_burn: Balance::unique_saturated_from(DEFAULT_MAX_BURN),
			burn_half_life: 360,
			registration_allowed: true,
			serving_rate_limit: 50,
		}
	}
}

impl<Balance> SubnetHyperparams<Balance> {
	/// The parameters the Yuma epoch reads, as `myelin_yuma::epoch` takes them. The defaults of
	/// both agree (a test checks it), so the epoch's defaults are defined here.
	pub fn epoch_params(&self) -> EpochParams {
		EpochParams {
			kappa: self.kappa,
			yuma_version: YumaVersion::from_number(u16::from(self.yuma_version))
				.unwrap_or_default(),
			bonds_moving_average: self.bonds_moving_average,
			bonds_penalty: self.bonds_penalty,
			liquid_alpha_enabled: self.liquid_alpha_enabled,
			alpha_low: self.alpha_low,
			alpha_high: self.alpha_high,
			alpha_sigmoid_steepness: i32::from(self.alpha_sigmoid_steepness),
			max_allowed_validators: self.max_allowed_validators,
			activity_cutoff: u64::from(self.activity_cutoff),
		}
	}
}

impl<Balance: UniqueSaturatedFrom<u128>> Default for SubnetHyperparams<Balance> {
	fn default() -> Self {
		Self::with_tempo(DEFAULT_TEMPO)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_epoch_defaults_are_the_hyperparameter_defaults() {
		assert_eq!(SubnetHyperparams::<u128>::default().epoch_params(), EpochParams::default());
	}

	#[test]
	fn hyperparameters_json_has_every_spec_name() {
		let v = serde_json::to_value(SubnetHyperparams::<u128>::default()).unwrap();
		let names = HYPERPARAMETER_NAMES;
		let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
		let mut sorted = names.to_vec();
		keys.sort_unstable();
		sorted.sort_unstable();
		assert_eq!(keys, sorted);
		assert_eq!(v["min_burn"], "500000");
		assert_eq!(v["tempo"], 360);
	}
}
