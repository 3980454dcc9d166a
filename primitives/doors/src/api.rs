//! The data the `SubnetsApi` runtime API returns: SCALE for the runtime API; with `std`,
//! serde for the node's JSON-RPC (accounts as SS58 strings, amounts as decimal strings).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

#[cfg(feature = "std")]
use crate::json;
#[cfg(feature = "std")]
use serde::Serialize;

/// One entry of `subnets()` / `subnets_list`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct SubnetInfo<AccountId, Balance> {
	/// The subnet.
	pub netuid: u16,
	/// The coldkey that registered and owns it.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub owner: AccountId,
	/// The hotkey given at registration (uid 0 at first).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub owner_hotkey: AccountId,
	/// Neurons registered now.
	pub n: u16,
	/// `max_allowed_uids`.
	pub max_n: u16,
	/// Blocks between two epochs.
	pub tempo: u16,
	/// Its share of the block emission, decided by root consensus: parts per billion; the
	/// shares of all existing subnets sum to exactly 1,000,000,000.
	pub emission_share: u32,
	/// What the subnet accrues per block now: `floor(block emission · share / 10⁹)`.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub emission_per_block: Balance,
	/// Emission accrued since its last epoch, distributed at the next one.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub pending_emission: Balance,
	/// The price `burned_register` burns now.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub burn: Balance,
	/// The amount held from the owner while the subnet exists.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub lock: Balance,
	/// The block of the subnet's last epoch (its phase before the first one).
	pub last_epoch_block: u64,
	/// The index of the epoch this block is in: 0 from the block the subnet is first
	/// scheduled, one more at each block whose epoch ran (see [`crate::schedule`]).
	pub epoch: u64,
	/// The block at which the next epoch is due: `last_epoch_block + tempo`, or the next block
	/// when it is due but was deferred (see [`crate::schedule`]).
	pub next_epoch_block: u64,
}

/// One neuron of a metagraph.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct NeuronInfo<AccountId, Balance> {
	/// Its uid in the subnet.
	pub uid: u16,
	/// Its hotkey.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub hotkey: AccountId,
	/// The coldkey owning the hotkey.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
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
	/// The share of the hotkey's dividends its owner keeps now, in parts per billion. Given
	/// for uids holding a validator permit (only they earn dividends) and by `neuron` for any
	/// uid; `None` for the others in a metagraph.
	pub take: Option<u32>,
	/// A take increase announced for the hotkey and not in force yet (same rule as `take`):
	/// stakers see it coming and may leave before `effective_at`.
	pub pending_take: Option<PendingTakeInfo>,
}

/// A take increase announced and not in force yet (`Staking::PendingTakes`).
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
pub struct PendingTakeInfo {
	/// The announced take, in parts per billion.
	pub take: u32,
	/// The first block whose dividends pay it.
	pub effective_at: u64,
}

/// One root validator: `root()` / `subnets_root`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct RootValidatorInfo<AccountId, Balance> {
	/// Its hotkey.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub hotkey: AccountId,
	/// The hotkey's total stake, its voting power in the root epoch.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub stake: Balance,
	/// Its row: `(netuid, weight)` ascending by netuid (empty before its first `set_weights`).
	pub weights: Vec<(u16, u16)>,
	/// The block of its last row (0 if never).
	pub last_update: u64,
	/// The block it joined the root validators.
	pub joined: u64,
}

/// Root consensus as of one block: `root()` / `subnets_root`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct RootInfo<AccountId, Balance> {
	/// Every root validator, in joining order.
	pub validators: Vec<RootValidatorInfo<AccountId, Balance>>,
	/// The block of the last root epoch (0 before the first).
	pub last_root_epoch_block: u64,
	/// The block at which the next root epoch is due.
	pub next_root_epoch_block: u64,
	/// Blocks between two root epochs.
	pub tempo: u16,
	/// Root validators at most.
	pub max_validators: u16,
}

/// A subnet's neurons as of one block: `metagraph(netuid)` / `subnets_metagraph`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
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
			take: Some(180_000_000),
			pending_take: Some(PendingTakeInfo { take: 100, effective_at: 9 }),
		};
		let v = serde_json::to_value(&neuron).unwrap();
		assert_eq!(v["take"], 180_000_000);
		assert_eq!(v["pending_take"]["take"], 100);
		assert_eq!(v["pending_take"]["effective_at"], 9);
		assert_eq!(v["hotkey"], alice.to_ss58check());
		assert_eq!(v["stake"], "12345678901234567890");
		assert_eq!(v["emission"], "5");
		assert_eq!(v["axon"], "http://127.0.0.1:8091");
		assert_eq!(v["validator_permit"], true);
		let none = NeuronInfo { axon: None, ..neuron };
		assert!(serde_json::to_value(&none).unwrap()["axon"].is_null());
	}
}
