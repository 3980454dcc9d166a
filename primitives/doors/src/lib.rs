//! # Myelin doors
//!
//! What the rooms of the runtime share, defined once, so that no pallet depends on another:
//!
//! - [`traits`]: every trait one pallet offers another (the doors), with the epoch's one
//!   snapshot of a subnet ([`SubnetSnapshot`]);
//! - [`bounds`]: shared bounds and constants (`MAX_UIDS`, …);
//! - [`hyperparams`]: every hyperparameter with its default and JSON name;
//! - [`schedule`]: the epoch schedule, the one definition of "epoch";
//! - [`market`] and the `MarketApi` runtime API: the compute market's views (`market_*`);
//! - [`api`] and the `SubnetsApi` runtime API: what the node's `subnets_*` JSON-RPC methods and
//!   polkadot.js (`api.call.subnetsApi.*`) read. With the `std` feature the types serialise to
//!   the JSON shapes of `docs/protocol.md`.
//!
//! The pure epoch math is not here: it is the dependency-free `myelin-yuma` crate.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod api;
pub mod bounds;
pub mod hyperparams;
#[cfg(feature = "std")]
pub mod json;
pub mod market;
pub mod root;
pub mod schedule;
pub mod traits;

pub use api::*;
pub use bounds::*;
pub use hyperparams::*;
pub use market::*;
pub use schedule::EpochState;
pub use traits::*;

use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Read-only views of subnets, for the node's RPC and for `api.call.subnetsApi.*`.
	///
	/// Version 2 (runtime spec 104): `root()`, and `subnets()` entries carry
	/// `emission_share` and `pending_emission`. Version 3 (spec 105): neurons carry `take` and
	/// `pending_take`.
	#[api_version(3)]
	pub trait SubnetsApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// Every existing subnet, ascending by netuid.
		fn subnets() -> Vec<SubnetInfo<AccountId, Balance>>;

		/// Every hyperparameter of `netuid`, or `None` when it does not exist.
		fn hyperparameters(netuid: u16) -> Option<SubnetHyperparams<Balance>>;

		/// Every neuron of `netuid` with its stake, endpoint and last epoch outputs, or `None`
		/// when the subnet does not exist.
		fn metagraph(netuid: u16) -> Option<Metagraph<AccountId, Balance>>;

		/// One neuron of `netuid`, or `None` when the subnet or the uid does not exist.
		fn neuron(netuid: u16, uid: u16) -> Option<NeuronInfo<AccountId, Balance>>;

		/// The root validators with their stake and rows, and the root epoch's schedule (since
		/// version 2).
		fn root() -> RootInfo<AccountId, Balance>;
	}

	/// Read-only views of the compute market (pallet Market), for the node's `market_*`
	/// JSON-RPC and `api.call.marketApi.*`. Since runtime spec 106.
	pub trait MarketApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// The open jobs of `netuid`, ascending by id, at most [`MAX_JOBS_LISTED`].
		fn jobs(netuid: u16) -> Vec<MarketJob<AccountId, Balance>>;

		/// An open job, or `None` (finalized jobs are removed).
		fn job(job_id: u64) -> Option<MarketJob<AccountId, Balance>>;

		/// An open lease, or `None`.
		fn lease(lease_id: u64) -> Option<MarketLease<AccountId, Balance>>;

		/// A provider's reputation, bonds and offers, open jobs and leases.
		fn provider(hotkey: AccountId) -> MarketProvider<AccountId, Balance>;
	}
}
