//! The data the `MarketApi` runtime API returns (the node's `market_*` JSON-RPC): jobs, leases
//! and providers as plain views of the Market pallet's storage. SCALE for the runtime API; with
//! `std`, serde for JSON (accounts as SS58 strings, amounts as decimal strings).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

#[cfg(feature = "std")]
use crate::json;
#[cfg(feature = "std")]
use serde::Serialize;

/// The most jobs `market_jobs` returns (the lowest ids first).
pub const MAX_JOBS_LISTED: u32 = 1000;

/// A validator's verdict on a job.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct MarketAttestation<AccountId, Balance> {
	/// The validator's hotkey.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub validator: AccountId,
	/// Whether it accepts the result.
	pub approve: bool,
	/// Its total stake when it attested.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub stake: Balance,
}

/// An open job.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct MarketJob<AccountId, Balance> {
	/// Its id.
	pub job_id: u64,
	/// The subnet.
	pub netuid: u16,
	/// `posted`, `accepted` or `submitted`.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::text"))]
	pub state: Vec<u8>,
	/// Who pays.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub poster: AccountId,
	/// The provider named at posting, if any.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_account"))]
	pub named_provider: Option<AccountId>,
	/// The provider working on it (once accepted).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_account"))]
	pub provider: Option<AccountId>,
	/// What to compute (as text; invalid UTF-8 replaced).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::text"))]
	pub spec: Vec<u8>,
	/// The escrow.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub max_price: Balance,
	/// Accepted and submitted by this block.
	pub deadline: u64,
	/// The block it was posted in.
	pub posted_at: u64,
	/// The price per unit fixed at acceptance.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_decimal"))]
	pub price_per_unit: Option<Balance>,
	/// The result's hash (once submitted), `0x…`.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_hash"))]
	pub result_hash: Option<[u8; 32]>,
	/// Units claimed (once submitted).
	pub units: Option<u64>,
	/// What the poster pays if the result is accepted (once submitted).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_decimal"))]
	pub price: Option<Balance>,
	/// The last block of the attest window (once submitted).
	pub attest_until: Option<u64>,
	/// Whether the poster disputed the result.
	pub disputed: bool,
	/// The verdicts so far.
	pub attestations: Vec<MarketAttestation<AccountId, Balance>>,
}

/// An open lease.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct MarketLease<AccountId, Balance> {
	/// Its id.
	pub lease_id: u64,
	/// The provider's subnet.
	pub netuid: u16,
	/// `pending`, `active` or `paused` (as last settled).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::text"))]
	pub state: Vec<u8>,
	/// The block the deposit ran out, when paused.
	pub paused_at: Option<u64>,
	/// Who pays.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub user: AccountId,
	/// The provider's hotkey.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub provider: AccountId,
	/// Per block.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub rate_per_block: Balance,
	/// What is left of the deposit (as last settled).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub deposit: Balance,
	/// Paid up to this block.
	pub settled_at: u64,
	/// Paid so far, take included.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub paid: Balance,
}

/// A provider's bond and offer on one subnet.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct MarketProviderSubnet<AccountId, Balance> {
	/// The subnet.
	pub netuid: u16,
	/// The coldkey the bond is held from (none without a bond).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_account"))]
	pub bond_owner: Option<AccountId>,
	/// Bonded, the unbonding chunk included.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub bond: Balance,
	/// What open work requires of the bond.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub committed: Balance,
	/// Unbonding.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub unbonding: Balance,
	/// When the unbonding chunk unlocks.
	pub unlock_at: u64,
	/// The offer's price per unit (none without an offer).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::maybe_decimal"))]
	pub price_per_unit: Option<Balance>,
	/// The offer's capacity.
	pub capacity: u32,
	/// Open jobs and leases.
	pub open: u32,
	/// The offer's attributes (as text).
	#[cfg_attr(feature = "std", serde(serialize_with = "json::text"))]
	pub attributes: Vec<u8>,
}

/// Everything about a provider hotkey: `market_provider`.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(Serialize))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: AsRef<[u8]>, Balance: core::fmt::Display"))
)]
pub struct MarketProvider<AccountId, Balance> {
	/// The hotkey.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::account"))]
	pub hotkey: AccountId,
	/// Jobs paid.
	pub completed: u32,
	/// Jobs rejected.
	pub rejected: u32,
	/// Slashes.
	pub slashed: u32,
	/// Slashed in all.
	#[cfg_attr(feature = "std", serde(serialize_with = "json::decimal"))]
	pub slashed_amount: Balance,
	/// The moving score, parts per million.
	pub score: u32,
	/// Its bond and offer on each subnet where it has either.
	pub subnets: Vec<MarketProviderSubnet<AccountId, Balance>>,
	/// Its open jobs.
	pub jobs: Vec<MarketJob<AccountId, Balance>>,
	/// Its open leases.
	pub leases: Vec<MarketLease<AccountId, Balance>>,
}
