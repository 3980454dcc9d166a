//! The data the `SubnetsApi` returns. SCALE for the runtime API; with `std`, serde for JSON.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::traits::UniqueSaturatedFrom;

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

impl<Balance: UniqueSaturatedFrom<u128>> Default for SubnetHyperparams<Balance> {
	fn default() -> Self {
		Self::with_tempo(DEFAULT_TEMPO)
	}
}

/// One entry of `subnets()` / `subnets_list`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: Serialize, Balance: core::fmt::Display"))
)]
pub struct SubnetInfo<AccountId, Balance> {
	/// The subnet.
	pub netuid: u16,
	/// The coldkey that registered and owns it.
	pub owner: AccountId,
	/// The hotkey given at registration (uid 0 at first).
	pub owner_hotkey: AccountId,
	/// Neurons registered now.
	pub n: u16,
	/// `max_allowed_uids`.
	pub max_n: u16,
	/// Blocks between two epochs.
	pub tempo: u16,
	/// What the subnet accrues per block now (its equal share of the block emission).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub emission_per_block: Balance,
	/// The price `burned_register` burns now.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub burn: Balance,
	/// The amount held from the owner while the subnet exists.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub lock: Balance,
	/// The block of the subnet's last epoch (its phase before the first one).
	pub last_epoch_block: u64,
}

/// One neuron of a metagraph.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: Serialize, Balance: core::fmt::Display"))
)]
pub struct NeuronInfo<AccountId, Balance> {
	/// Its uid in the subnet.
	pub uid: u16,
	/// Its hotkey.
	pub hotkey: AccountId,
	/// The coldkey owning the hotkey.
	pub coldkey: AccountId,
	/// The hotkey's total stake (it counts on every subnet where the hotkey is registered).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub stake: Balance,
	/// Consensus weight at the last epoch, as a fraction of 65535.
	pub consensus: u16,
	/// Miner incentive at the last epoch, as a fraction of 65535.
	pub incentive: u16,
	/// Validator dividends at the last epoch, as a fraction of 65535.
	pub dividends: u16,
	/// Validator trust at the last epoch, as a fraction of 65535.
	pub validator_trust: u16,
	/// What the uid was paid at the subnet's last epoch.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub emission: Balance,
	/// Whether it held a validator permit at the last epoch.
	pub validator_permit: bool,
	/// Whether it counted as active at the last epoch.
	pub active: bool,
	/// The block of its last accepted weights (0 if never).
	pub last_update: u64,
	/// The block at which this hotkey took the uid.
	pub registered_at: u64,
	/// The endpoint it serves (an `http://` or `https://` URL), if any.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::url"))]
	pub axon: Option<Vec<u8>>,
}

/// A subnet's neurons as of one block: `metagraph(netuid)` / `subnets_metagraph`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: Serialize, Balance: core::fmt::Display"))
)]
pub struct Metagraph<AccountId, Balance> {
	/// The subnet.
	pub netuid: u16,
	/// The block whose state this is.
	pub block: u64,
	/// Number of neurons (the length of `neurons`).
	pub n: u16,
	/// Every neuron, ascending by uid.
	pub neurons: Vec<NeuronInfo<AccountId, Balance>>,
}

/// serde helpers for the JSON conventions of the spec.
#[cfg(feature = "std")]
mod json {
	use serde::Serializer;

	/// An amount as a decimal string (JSON numbers lose precision above 2^53).
	pub fn decimal<B: core::fmt::Display, S: Serializer>(
		value: &B,
		s: S,
	) -> Result<S::Ok, S::Error> {
		s.collect_str(value)
	}

	/// A URL as a string (`null` when none). The pallet only stores valid ASCII URLs.
	pub fn url<S: Serializer>(value: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
		match value {
			Some(bytes) => s.serialize_str(&String::from_utf8_lossy(bytes)),
			None => s.serialize_none(),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58Codec};

	#[test]
	fn json_uses_ss58_decimal_strings_and_url_strings() {
		let alice = AccountId32::new([1; 32]);
		let neuron = NeuronInfo::<AccountId32, u128> {
			uid: 3,
			hotkey: alice.clone(),
			coldkey: alice.clone(),
			stake: 12_345_678_901_234_567_890,
			consensus: 1,
			incentive: 2,
			dividends: 3,
			validator_trust: 4,
			emission: 5,
			validator_permit: true,
			active: false,
			last_update: 7,
			registered_at: 8,
			axon: Some(b"http://127.0.0.1:8091".to_vec()),
		};
		let v = serde_json::to_value(&neuron).unwrap();
		assert_eq!(v["hotkey"], alice.to_ss58check());
		assert_eq!(v["stake"], "12345678901234567890");
		assert_eq!(v["emission"], "5");
		assert_eq!(v["axon"], "http://127.0.0.1:8091");
		assert_eq!(v["validator_permit"], true);
		let none = NeuronInfo { axon: None, ..neuron };
		assert!(serde_json::to_value(&none).unwrap()["axon"].is_null());
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
