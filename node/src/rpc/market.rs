//! `market_*`: the compute market as plain JSON, read through the `MarketApi` runtime API at
//! the best block or at a block hash given as the last parameter (docs/market.md section 8).
//!
//! Errors follow `subnets_*`: `1000` a failing runtime call (e.g. a runtime before spec 106,
//! without the market), `1003` an unknown block, `1004` busy; a malformed parameter is
//! `-32602`. A job or lease that is not open (never was, or was finalized or closed) is `null`.
//! `market_jobs` and `market_provider` walk every open job (and lease): each takes one of the
//! permits shared with the heavy `subnets_*` methods.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use myelin_doors::{MarketApi, MarketJob, MarketLease, MarketProvider};
use myelin_runtime::{opaque::Block, AccountId, Balance};
use serde::Deserialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;

use super::subnets::{error, InFlight, MAX_HEAVY_IN_FLIGHT};

fn rpc_error(code: i32, message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message, None::<()>)
}

/// Which open jobs `market_jobs` returns: all of the subnet's unless narrowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobFilter {
	/// `posted`, `accepted` or `submitted`.
	pub state: Option<String>,
	/// Posted by this account.
	pub poster: Option<AccountId>,
	/// Taken by (or named for) this provider hotkey.
	pub provider: Option<AccountId>,
}

/// The `market_*` JSON-RPC methods.
#[rpc(server, namespace = "market")]
pub trait MarketRpc {
	/// The open jobs of `netuid`, ascending by id (at most 1000), narrowed by `filters`
	/// (`{state?, poster?, provider?}`).
	#[method(name = "jobs", blocking)]
	fn jobs(
		&self,
		netuid: u16,
		filters: Option<JobFilter>,
		at: Option<H256>,
	) -> RpcResult<Vec<MarketJob<AccountId, Balance>>>;

	/// An open job with its attestations, or `null`.
	#[method(name = "job", blocking)]
	fn job(
		&self,
		job_id: u64,
		at: Option<H256>,
	) -> RpcResult<Option<MarketJob<AccountId, Balance>>>;

	/// An open lease, or `null`.
	#[method(name = "lease", blocking)]
	fn lease(
		&self,
		lease_id: u64,
		at: Option<H256>,
	) -> RpcResult<Option<MarketLease<AccountId, Balance>>>;

	/// A provider hotkey's reputation, bond and offer per subnet, open jobs and leases.
	#[method(name = "provider", blocking)]
	fn provider(
		&self,
		hotkey: AccountId,
		at: Option<H256>,
	) -> RpcResult<MarketProvider<AccountId, Balance>>;
}

/// The `market_*` methods over a client.
pub struct Market<C> {
	client: Arc<C>,
	/// Permits to walk the open jobs and leases.
	heavy: InFlight,
}

impl<C> Market<C> {
	/// The methods over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, heavy: InFlight::new(MAX_HEAVY_IN_FLIGHT) }
	}

	fn permit(&self) -> RpcResult<super::subnets::Permit<'_>> {
		self.heavy.try_acquire().ok_or_else(|| {
			rpc_error(
				error::BUSY,
				format!("busy: {MAX_HEAVY_IN_FLIGHT} market_* answers are being computed; retry"),
			)
		})
	}
}

impl<C> Market<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: MarketApi<Block, AccountId, Balance>,
{
	fn at(&self, at: Option<H256>) -> RpcResult<H256> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		match self.client.header(hash) {
			Ok(Some(_)) => Ok(hash),
			_ => Err(rpc_error(error::UNKNOWN_BLOCK, format!("unknown block {hash:?}"))),
		}
	}

	fn call<R>(
		&self,
		at: Option<H256>,
		f: impl FnOnce(&C::Api, H256) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let hash = self.at(at)?;
		let api = self.client.runtime_api();
		f(&api, hash).map_err(|e| {
			rpc_error(error::RUNTIME_ERROR, format!("runtime API call at {hash:?} failed: {e}"))
		})
	}
}

impl<C> MarketRpcServer for Market<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: MarketApi<Block, AccountId, Balance>,
{
	fn jobs(
		&self,
		netuid: u16,
		filters: Option<JobFilter>,
		at: Option<H256>,
	) -> RpcResult<Vec<MarketJob<AccountId, Balance>>> {
		let _permit = self.permit()?;
		let filters = filters.unwrap_or_default();
		let jobs = self.call(at, |api, hash| api.jobs(hash, netuid))?;
		Ok(jobs
			.into_iter()
			.filter(|job| filters.state.as_deref().is_none_or(|s| s.as_bytes() == job.state))
			.filter(|job| filters.poster.as_ref().is_none_or(|p| *p == job.poster))
			.filter(|job| {
				filters.provider.as_ref().is_none_or(|p| {
					job.provider.as_ref() == Some(p) || job.named_provider.as_ref() == Some(p)
				})
			})
			.collect())
	}

	fn job(
		&self,
		job_id: u64,
		at: Option<H256>,
	) -> RpcResult<Option<MarketJob<AccountId, Balance>>> {
		self.call(at, |api, hash| api.job(hash, job_id))
	}

	fn lease(
		&self,
		lease_id: u64,
		at: Option<H256>,
	) -> RpcResult<Option<MarketLease<AccountId, Balance>>> {
		self.call(at, |api, hash| api.lease(hash, lease_id))
	}

	fn provider(
		&self,
		hotkey: AccountId,
		at: Option<H256>,
	) -> RpcResult<MarketProvider<AccountId, Balance>> {
		let _permit = self.permit()?;
		self.call(at, |api, hash| api.provider(hash, hotkey))
	}
}
