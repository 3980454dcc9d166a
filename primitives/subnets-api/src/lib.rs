//! # Myelin subnets runtime API
//!
//! What the node's `subnets_*` JSON-RPC methods and polkadot.js (`api.call.subnetsApi.*`) ask
//! the runtime: the list of subnets, the hyperparameters of one, its metagraph and one neuron.
//!
//! The data types live here (not in a pallet) so that the runtime, the node and any client can
//! share them without depending on pallet internals. With the `std` feature they serialise to
//! the JSON shapes of the protocol spec: accounts as SS58 strings (through the account type's
//! own `Serialize`), amounts as decimal strings, axon URLs as strings.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod types;

pub use types::*;

use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Read-only views of subnets, for the node's RPC and for `api.call.subnetsApi.*`.
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
	}
}
