//! `subnets_*`: plain JSON views of subnets, read through the `SubnetsApi` runtime API at the
//! best block or at a block hash given as the last parameter.
//!
//! Errors are JSON-RPC errors: a malformed or out-of-range parameter is jsonrpsee's
//! `-32602 Invalid params` (naming what serde could not read); an unknown netuid, uid or block,
//! a failing runtime call and a busy node have the codes below.
//!
//! The three answers that grow with the chain (`subnets_list`, `subnets_metagraph` and
//! `subnets_root`, up to 4096 neurons, 1024 subnets or 256 root validators) are kept in small
//! caches keyed by block hash (and netuid): the state of a block never changes, so a repeated
//! question is answered from memory. Computing one that is not cached takes one of
//! [`MAX_HEAVY_IN_FLIGHT`] permits; when none is free the call is refused with
//! [`error::BUSY`] instead of queueing. A cache hit needs no permit.

use std::{
	collections::VecDeque,
	sync::{
		atomic::{AtomicUsize, Ordering},
		Arc, Mutex, MutexGuard, PoisonError,
	},
};

use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use myelin_doors::{Metagraph, NeuronInfo, RootInfo, SubnetHyperparams, SubnetInfo, SubnetsApi};
use myelin_runtime::{opaque::Block, AccountId, Balance};
use serde_json::value::RawValue;
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
	/// The answer is not cached and [`super::MAX_HEAVY_IN_FLIGHT`] answers of `subnets_list`,
	/// `subnets_metagraph` or `subnets_root` are being computed already: retry later.
	pub const BUSY: i32 = 1004;
}

/// At most this many answers of `subnets_list`, `subnets_metagraph` and `subnets_root` are
/// computed at once, by all connections together; a call that would compute one more is
/// refused with [`error::BUSY`]. One metagraph of 4096 neurons is about 30 ms of runtime API
/// work, so four keep a stranger from occupying more than four of the node's cores with them.
pub const MAX_HEAVY_IN_FLIGHT: usize = 4;

/// Metagraphs kept, by (block hash, netuid), least recently used out first: 16 subnets read
/// at the same block, or one subnet at its last 16 blocks. One of 4096 neurons holds under
/// 0.7 MiB (under 2 MiB if every neuron serves a URL of the longest length).
pub const METAGRAPH_CACHE_ENTRIES: usize = 16;

/// `subnets_list` answers kept, and `subnets_root` answers kept, by block hash: the last
/// few best blocks.
pub const BLOCK_CACHE_ENTRIES: usize = 4;

/// The `subnets_*` JSON-RPC methods.
#[rpc(server, namespace = "subnets")]
pub trait SubnetsRpc {
	/// Every subnet, ascending by netuid: `[{netuid, owner, owner_hotkey, n, max_n, tempo,
	/// emission_share, emission_per_block, pending_emission, burn, lock, last_epoch_block,
	/// epoch, next_epoch_block}]`.
	#[method(name = "list", blocking)]
	fn list(&self, at: Option<H256>) -> RpcResult<Json>;

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
	fn metagraph(&self, netuid: u16, at: Option<H256>) -> RpcResult<Json>;

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
	fn root(&self, at: Option<H256>) -> RpcResult<Json>;
}

/// The last answers by key, at most `capacity` of them; when full, storing one more drops the
/// least recently used (read or stored). Values are shared: a reader keeps its `Arc` after
/// letting go of the cache's lock, and the answer is written from it.
pub struct LruCache<K, V> {
	capacity: usize,
	/// Least recently used first.
	entries: VecDeque<(K, Arc<V>)>,
}

impl<K: PartialEq, V> LruCache<K, V> {
	/// An empty cache of at most `capacity` entries (at least one). Entries are few, so a
	/// lookup is a scan.
	pub fn new(capacity: usize) -> Self {
		let capacity = capacity.max(1);
		Self { capacity, entries: VecDeque::with_capacity(capacity) }
	}

	/// The value stored for `key`, which becomes the most recently used.
	pub fn get(&mut self, key: &K) -> Option<Arc<V>> {
		let i = self.entries.iter().position(|(k, _)| k == key)?;
		let entry = self.entries.remove(i)?;
		let value = Arc::clone(&entry.1);
		self.entries.push_back(entry);
		Some(value)
	}

	/// Stores `value` for `key` as the most recently used, replacing the value stored for `key`
	/// or, when full, dropping the least recently used entry.
	pub fn insert(&mut self, key: K, value: Arc<V>) {
		if let Some(i) = self.entries.iter().position(|(k, _)| *k == key) {
			self.entries.remove(i);
		} else if self.entries.len() >= self.capacity {
			self.entries.pop_front();
		}
		self.entries.push_back((key, value));
	}
}

/// A count of computations in flight that admits at most `limit` at once and never waits:
/// [`InFlight::try_acquire`] fails when all are taken. Atomic, so it works the same on the
/// blocking threads the `subnets_*` methods run on.
pub struct InFlight {
	limit: usize,
	count: AtomicUsize,
}

impl InFlight {
	/// A limiter of `limit` permits, none taken.
	pub const fn new(limit: usize) -> Self {
		Self { limit, count: AtomicUsize::new(0) }
	}

	/// A permit if fewer than `limit` are held, else `None`.
	pub fn try_acquire(&self) -> Option<Permit<'_>> {
		let mut n = self.count.load(Ordering::Acquire);
		while n < self.limit {
			match self.count.compare_exchange_weak(n, n + 1, Ordering::AcqRel, Ordering::Acquire) {
				Ok(_) => return Some(Permit { limiter: self }),
				Err(now) => n = now,
			}
		}
		None
	}
}

/// One of an [`InFlight`]'s permits, given back when dropped (also when the computation
/// holding it fails or panics).
#[must_use = "the permit is given back as soon as it is dropped"]
pub struct Permit<'a> {
	limiter: &'a InFlight,
}

impl Drop for Permit<'_> {
	fn drop(&mut self) {
		self.limiter.count.fetch_sub(1, Ordering::AcqRel);
	}
}

/// The lock of a cache. A panic while it was held cannot have left a cache half-changed (no
/// operation on it can panic midway), so a poisoned lock is used as it is.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
	mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The answer for `key`: from `cache` if there, without a permit; else `compute`d while holding
/// a permit of `limiter` and stored in `cache`, or [`error::BUSY`] without computing when
/// `limiter` has none free. Errors are returned, not stored. Two calls missing the same key at
/// once both compute it.
fn cached<K: PartialEq, V>(
	cache: &Mutex<LruCache<K, V>>,
	limiter: &InFlight,
	key: K,
	compute: impl FnOnce() -> RpcResult<V>,
) -> RpcResult<Shared<V>> {
	// The guard is dropped at the end of this statement.
	let hit = lock(cache).get(&key);
	if let Some(value) = hit {
		return Ok(Shared(value));
	}
	let _permit = limiter.try_acquire().ok_or_else(busy)?;
	let value = Arc::new(compute()?);
	lock(cache).insert(key, Arc::clone(&value));
	Ok(Shared(value))
}

/// An answer shared with the cache: written straight from it, never copied.
#[derive(Clone, Debug)]
pub struct Shared<V>(Arc<V>);

/// A cached answer of `subnets_list`, `subnets_metagraph` or `subnets_root`: its JSON text,
/// written once when computed. A reply is then one copy of the text (a metagraph of 256
/// neurons is 86 KiB) instead of serializing the answer again, piece by piece, through the
/// server's size-checking writer.
pub type Json = Shared<Box<RawValue>>;

/// `value` as JSON text.
fn json_of<V: serde::Serialize>(value: &V) -> RpcResult<Box<RawValue>> {
	serde_json::value::to_raw_value(value).map_err(|e| {
		rpc_error(error::RUNTIME_ERROR, format!("the answer could not be written as JSON: {e}"))
	})
}

impl<V> core::ops::Deref for Shared<V> {
	type Target = V;

	fn deref(&self) -> &V {
		&self.0
	}
}

impl<V: serde::Serialize> serde::Serialize for Shared<V> {
	fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
		self.0.serialize(s)
	}
}

/// The `subnets_*` methods over a client, with the caches and the limit on computations of
/// `subnets_list`, `subnets_metagraph` and `subnets_root`. `create_full` makes one, which every
/// connection of the RPC server shares (Substrate builds a second module for the node's
/// in-memory RPC handle, which has its own).
pub struct Subnets<C> {
	client: Arc<C>,
	/// Permits to compute an answer that is not cached.
	heavy: InFlight,
	/// `subnets_list` by block hash.
	lists: Mutex<LruCache<H256, Box<RawValue>>>,
	/// `subnets_metagraph` by (block hash, netuid).
	metagraphs: Mutex<LruCache<(H256, u16), Box<RawValue>>>,
	/// `subnets_root` by block hash.
	roots: Mutex<LruCache<H256, Box<RawValue>>>,
}

impl<C> Subnets<C> {
	/// The methods reading through `client`, with empty caches and no computation in flight.
	pub fn new(client: Arc<C>) -> Self {
		Self {
			client,
			heavy: InFlight::new(MAX_HEAVY_IN_FLIGHT),
			lists: Mutex::new(LruCache::new(BLOCK_CACHE_ENTRIES)),
			metagraphs: Mutex::new(LruCache::new(METAGRAPH_CACHE_ENTRIES)),
			roots: Mutex::new(LruCache::new(BLOCK_CACHE_ENTRIES)),
		}
	}
}

fn rpc_error(code: i32, message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message, None::<()>)
}

fn unknown_netuid(netuid: u16) -> ErrorObjectOwned {
	rpc_error(error::UNKNOWN_NETUID, format!("unknown netuid {netuid}: no such subnet"))
}

fn busy() -> ErrorObjectOwned {
	rpc_error(
		error::BUSY,
		format!("busy: {MAX_HEAVY_IN_FLIGHT} subnets_* answers are being computed; retry"),
	)
}

impl<C> Subnets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SubnetsApi<Block, AccountId, Balance>,
{
	/// The hash of block `at`, or of the best block when `None`.
	fn resolve(&self, at: Option<H256>) -> RpcResult<H256> {
		match at {
			Some(hash) if self.client.header(hash).ok().flatten().is_some() => Ok(hash),
			Some(hash) => Err(rpc_error(error::UNKNOWN_BLOCK, format!("unknown block {hash:?}"))),
			None => Ok(self.client.info().best_hash),
		}
	}

	/// Runs `call` against the runtime API at block `hash`.
	fn run<R>(
		&self,
		hash: H256,
		call: impl FnOnce(&C::Api, H256) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		call(&self.client.runtime_api(), hash).map_err(|e| {
			rpc_error(error::RUNTIME_ERROR, format!("runtime API call at {hash:?} failed: {e}"))
		})
	}

	/// Runs `call` against the runtime API at `at` (default: the best block).
	fn at<R>(
		&self,
		at: Option<H256>,
		call: impl FnOnce(&C::Api, H256) -> Result<R, sp_api::ApiError>,
	) -> RpcResult<R> {
		let hash = self.resolve(at)?;
		self.run(hash, call)
	}
}

impl<C> SubnetsRpcServer for Subnets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SubnetsApi<Block, AccountId, Balance>,
{
	fn list(&self, at: Option<H256>) -> RpcResult<Json> {
		let hash = self.resolve(at)?;
		cached(&self.lists, &self.heavy, hash, || {
			json_of::<Vec<SubnetInfo<AccountId, Balance>>>(
				&self.run(hash, |api, hash| api.subnets(hash))?,
			)
		})
	}

	fn hyperparameters(
		&self,
		netuid: u16,
		at: Option<H256>,
	) -> RpcResult<SubnetHyperparams<Balance>> {
		self.at(at, |api, hash| api.hyperparameters(hash, netuid))?
			.ok_or_else(|| unknown_netuid(netuid))
	}

	fn metagraph(&self, netuid: u16, at: Option<H256>) -> RpcResult<Json> {
		let hash = self.resolve(at)?;
		cached(&self.metagraphs, &self.heavy, (hash, netuid), || {
			let metagraph: Metagraph<AccountId, Balance> = self
				.run(hash, |api, hash| api.metagraph(hash, netuid))?
				.ok_or_else(|| unknown_netuid(netuid))?;
			json_of(&metagraph)
		})
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

	fn root(&self, at: Option<H256>) -> RpcResult<Json> {
		let hash = self.resolve(at)?;
		cached(&self.roots, &self.heavy, hash, || {
			json_of::<RootInfo<AccountId, Balance>>(&self.run(hash, |api, hash| api.root(hash))?)
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::{cell::Cell, iter, thread};

	fn key(block: u8, netuid: u16) -> (H256, u16) {
		(H256::repeat_byte(block), netuid)
	}

	/// A computation answering `value` that counts its runs in `runs`.
	fn counted<'a>(runs: &'a Cell<u32>, value: &'a str) -> impl FnOnce() -> RpcResult<String> + 'a {
		move || {
			runs.set(runs.get() + 1);
			Ok(value.to_owned())
		}
	}

	/// Permits of `limiter` held now.
	fn held(limiter: &InFlight) -> usize {
		limiter.count.load(Ordering::Acquire)
	}

	/// Every free permit of `limiter`.
	fn take_all(limiter: &InFlight) -> Vec<Permit<'_>> {
		iter::from_fn(|| limiter.try_acquire()).collect()
	}

	#[test]
	fn cache_hit_returns_the_stored_value() {
		let mut cache = LruCache::new(METAGRAPH_CACHE_ENTRIES);
		let value = Arc::new(String::from("metagraph of netuid 1"));
		cache.insert(key(1, 1), Arc::clone(&value));
		let hit = cache.get(&key(1, 1)).expect("stored");
		assert!(Arc::ptr_eq(&hit, &value));
		// Another netuid at the same block, or the same netuid at another block, is a miss.
		assert!(cache.get(&key(1, 2)).is_none());
		assert!(cache.get(&key(2, 1)).is_none());
	}

	#[test]
	fn cache_evicts_the_least_recently_used_first() {
		let mut cache = LruCache::new(3);
		for netuid in 1..=3 {
			cache.insert(key(1, netuid), Arc::new(netuid));
		}
		// Reading netuid 1 leaves netuid 2 the least recently used, which the fourth evicts.
		assert_eq!(cache.get(&key(1, 1)).as_deref(), Some(&1));
		cache.insert(key(1, 4), Arc::new(4));
		let order: Vec<u16> = cache.entries.iter().map(|((_, netuid), _)| *netuid).collect();
		assert_eq!(order, [3, 1, 4]);
		assert!(cache.get(&key(1, 2)).is_none());
		// Then netuid 3, and so on, never more than the capacity.
		cache.insert(key(1, 5), Arc::new(5));
		let order: Vec<u16> = cache.entries.iter().map(|((_, netuid), _)| *netuid).collect();
		assert_eq!(order, [1, 4, 5]);
	}

	#[test]
	fn cache_replaces_a_key_stored_again_without_evicting() {
		let mut cache = LruCache::new(2);
		cache.insert(key(1, 1), Arc::new(1));
		cache.insert(key(2, 1), Arc::new(2));
		cache.insert(key(1, 1), Arc::new(3));
		assert_eq!(cache.entries.len(), 2);
		assert_eq!(cache.get(&key(2, 1)).as_deref(), Some(&2));
		assert_eq!(cache.get(&key(1, 1)).as_deref(), Some(&3));
		// A capacity of 0 is taken as 1.
		let mut one = LruCache::new(0);
		one.insert(key(1, 1), Arc::new(1));
		assert_eq!(one.get(&key(1, 1)).as_deref(), Some(&1));
	}

	#[test]
	fn limiter_refuses_past_its_limit_until_a_permit_is_dropped() {
		let limiter = InFlight::new(MAX_HEAVY_IN_FLIGHT);
		let mut permits = take_all(&limiter);
		assert_eq!((permits.len(), held(&limiter)), (MAX_HEAVY_IN_FLIGHT, MAX_HEAVY_IN_FLIGHT));
		// The N+1-th is refused, and the refusal takes nothing.
		assert!(limiter.try_acquire().is_none());
		assert_eq!(held(&limiter), MAX_HEAVY_IN_FLIGHT);
		// One dropped, one admitted; then full again.
		drop(permits.pop());
		let again = limiter.try_acquire();
		assert!(again.is_some());
		assert!(limiter.try_acquire().is_none());
		drop(again);
		drop(permits);
		assert_eq!(held(&limiter), 0);
	}

	#[test]
	fn limiter_is_shared_between_threads() {
		let limiter = InFlight::new(1);
		let permit = limiter.try_acquire().expect("a free permit");
		let refused = thread::scope(|s| s.spawn(|| limiter.try_acquire().is_none()).join());
		assert!(refused.expect("the thread ran"));
		drop(permit);
		let admitted = thread::scope(|s| s.spawn(|| limiter.try_acquire().is_some()).join());
		assert!(admitted.expect("the thread ran"));
	}

	#[test]
	fn repeated_key_is_computed_once_and_a_hit_needs_no_permit() {
		let cache = Mutex::new(LruCache::new(METAGRAPH_CACHE_ENTRIES));
		let limiter = InFlight::new(MAX_HEAVY_IN_FLIGHT);
		let runs = Cell::new(0);
		let first = cached(&cache, &limiter, key(1, 1), counted(&runs, "netuid 1 at block 1"));
		assert_eq!(*first.expect("computed"), "netuid 1 at block 1");
		assert_eq!((runs.get(), held(&limiter)), (1, 0));
		// Every permit taken: the stored answer is still given, and not computed again.
		let permits = take_all(&limiter);
		let again = cached(&cache, &limiter, key(1, 1), counted(&runs, "computed again"));
		assert_eq!(*again.expect("cached"), "netuid 1 at block 1");
		assert_eq!(runs.get(), 1);
		drop(permits);
	}

	#[test]
	fn miss_is_refused_busy_when_every_permit_is_held() {
		let cache = Mutex::new(LruCache::new(METAGRAPH_CACHE_ENTRIES));
		let limiter = InFlight::new(MAX_HEAVY_IN_FLIGHT);
		let runs = Cell::new(0);
		let permits = take_all(&limiter);
		let refused = cached(&cache, &limiter, key(1, 1), counted(&runs, "netuid 1"));
		assert_eq!(refused.expect_err("busy").code(), error::BUSY);
		assert_eq!(runs.get(), 0);
		assert!(lock(&cache).entries.is_empty());
		// A permit given back admits the next miss.
		drop(permits);
		let admitted = cached(&cache, &limiter, key(1, 1), counted(&runs, "netuid 1"));
		assert_eq!(*admitted.expect("computed"), "netuid 1");
		assert_eq!((runs.get(), held(&limiter)), (1, 0));
	}

	#[test]
	fn errors_are_not_cached_and_give_the_permit_back() {
		let cache = Mutex::new(LruCache::<(H256, u16), String>::new(METAGRAPH_CACHE_ENTRIES));
		let limiter = InFlight::new(1);
		let failed = cached(&cache, &limiter, key(1, 7), || Err(unknown_netuid(7)));
		assert_eq!(failed.expect_err("unknown").code(), error::UNKNOWN_NETUID);
		assert_eq!(held(&limiter), 0);
		assert!(lock(&cache).entries.is_empty());
		// Asked again, it is computed again.
		let runs = Cell::new(0);
		let answered = cached(&cache, &limiter, key(1, 7), counted(&runs, "netuid 7"));
		assert_eq!(*answered.expect("computed"), "netuid 7");
		assert_eq!(runs.get(), 1);
	}
}
