//! `subnets_*`: plain JSON views of subnets, read through the `SubnetsApi` runtime API at the
//! best block or at a block hash given as the last parameter.
//!
//! Errors are JSON-RPC errors: a malformed or out-of-range parameter is jsonrpsee's
//! `-32602 Invalid params` (naming what serde could not read); an unknown netuid, uid or block
//! and a failing runtime call have the codes below.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use myelin_doors::{Metagraph, NeuronInfo, RootInfo, SubnetHyperparams, SubnetInfo, SubnetsApi};
use myelin_runtime::{opaque::Block, AccountId, Balance};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;

/// Error codes of the `subnets_*` methods.
pub mod error {
	/// The runtime API call failed (for instance, the state of that block was pruned).
	pub const RUNTIME_ERROR: i32 = 1000;
	/// No subnet has that netuid (at that block).
	pub const UNKNOWN_NETUID: i32 = 1001;
	/// The subnet has no neuron with that uid.
	pub const UNKNOWN_UID: i32 = 1002;
	/// The node does not know that block hash.
	pub const UNKNOWN_BLOCK: i32 = 1003;
}

/// The `subnets_*` JSON-RPC methods.
#[rpc(server, namespace = "subnets")]
pub trait SubnetsRpc {
	/// Every subnet, ascending by netuid: `[{netuid, owner, owner_hotkey, n, max_n, tempo,
	/// emission_share, emission_per_block, pending_emission, burn, lock, last_epoch_block,
	/// epoch, next_epoch_block}]`.
	#[method(name = "list", blocking)]
	fn list(&self, at: Option<H256>) -> RpcResult<Vec<SubnetInfo<AccountId, Balance>>>;

	/// Every hyperparameter of `netuid`, by name.
	#[method(name = "hyperparameters", blocking)]
	fn hyperparameters(
		&self,
		netuid: u16,
		at: Option<H256>,
	) -> RpcResult<SubnetHyperparams<Balance>>;

	/// `{netuid, block, n, neurons: [...]}`: every neuron of `netuid` with its stake, endpoint
	/// and the outputs of the subnet's last epoch.
	#[method(name = "metagraph", blocking)]
	fn metagraph(&self, netuid: u16, at: Option<H256>) -> RpcResult<Metagraph<AccountId, Balance>>;

	/// One neuron of `netuid`, as in `subnets_metagraph`.
	#[method(name = "neuron", blocking)]
	fn neuron(
		&self,
		netuid: u16,
		uid: u16,
		at: Option<H256>,
	) -> RpcResult<NeuronInfo<AccountId, Balance>>;

	/// Root consensus: `{validators: [{hotkey, stake, weights: [[netuid, weight], …],
	/// last_update, joined}], last_root_epoch_block, next_root_epoch_block, tempo,
	/// max_validators}`.
	#[method(name = "root", blocking)]
	fn root(&self, at: Option<H256>) -> RpcResult<RootInfo<AccountId, Balance>>;
}

/// The `subnets_*` methods over a client.
pub struct Subnets<C> {
	client: Arc<C>,
}

impl<C> Subnets<C> {
	/// The methods reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn rpc_error(code: i32, message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message, None::<()>)
}

fn unknown_netuid(netuid: u16) -> ErrorObjectOwned {
	rpc_error(error::UNKNOWN_NETUID, format!("unknown netuid {netuid}: no such subnet"))
}

impl<C> Subnets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SubnetsApi<Block, AccountId, Balance>,
{
	/// Runs `call` against the runtime API at `at` (default: the best block).
	fn at<R>(
		&self,
		at: Option<H256>,
		call: impl FnOnce(&C::Api, H256) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let hash = match at {
			Some(hash) => {
				let known = self.client.header(hash).ok().flatten().is_some();
				if !known {
					return Err(rpc_error(error::UNKNOWN_BLOCK, format!("unknown block {hash:?}")));
				}
				hash
			},
			None => self.client.info().best_hash,
		};
		call(&self.client.runtime_api(), hash).map_err(|e| {
			rpc_error(error::RUNTIME_ERROR, format!("runtime API call at {hash:?} failed: {e}"))
		})
	}
}

impl<C> SubnetsRpcServer for Subnets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SubnetsApi<Block, AccountId, Balance>,
{
	fn list(&self, at: Option<H256>) -> RpcResult<Vec<SubnetInfo<AccountId, Balance>>> {
		self.at(at, |api, hash| api.subnets(hash))
	}

	fn hyperparameters(
		&self,
		netuid: u16,
		at: Option<H256>,
	) -> RpcResult<SubnetHyperparams<Balance>> {
		self.at(at, |api, hash| api.hyperparameters(hash, netuid))?
			.ok_or_else(|| unknown_netuid(netuid))
	}

	fn metagraph(&self, netuid: u16, at: Option<H256>) -> RpcResult<Metagraph<AccountId, Balance>> {
		self.at(at, |api, hash| api.metagraph(hash, netuid))?.ok_or_else(|| unknown_netuid(netuid))
	}

	fn neuron(
		&self,
		netuid: u16,
		uid: u16,
		at: Option<H256>,
	) -> RpcResult<NeuronInfo<AccountId, Balance>> {
		self.at(at, |api, hash| {
			// The subnet's existence only matters for the error, so it is asked only then.
			match api.neuron(hash, netuid, uid)? {
				Some(neuron) => Ok(Ok(neuron)),
				None if api.hyperparameters(hash, netuid)?.is_some() => Ok(Err(rpc_error(
					error::UNKNOWN_UID,
					format!("unknown uid {uid}: netuid {netuid} has no such neuron"),
				))),
				None => Ok(Err(unknown_netuid(netuid))),
			}
		})?
	}

	fn root(&self, at: Option<H256>) -> RpcResult<RootInfo<AccountId, Balance>> {
		self.at(at, |api, hash| api.root(hash))
	}
}
