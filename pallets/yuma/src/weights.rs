//! Weights of the Yuma pallet's per-block work.
//!
//! PLACEHOLDER figures until generated from the pallet's FRAME benchmarks: the epoch's
//! per-entry cost is the criterion figure of the `myelin-yuma` crate (docs/benchmarks.md,
//! 31 ms natively for 4096 uids × 256 full rows ≈ 30 ns per entry) doubled for Wasm, plus
//! the storage reads and writes of each uid.

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_yuma`.
pub trait WeightInfo {
	/// The per-block work besides epochs, with `s` subnets (emission and scheduling).
	fn on_initialize(s: u32) -> Weight;
	/// One epoch of a subnet of `n` uids with `e` weight entries, payouts included.
	fn epoch(n: u32, e: u32) -> Weight;
}

/// Weights for `pallet_yuma` on a runtime `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn on_initialize(s: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(Weight::from_parts(3_000_000, 2_000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads_writes(3, 1).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn epoch(n: u32, e: u32) -> Weight {
		Weight::from_parts(20_000_000, 20_000)
			.saturating_add(Weight::from_parts(25_000_000, 3_000).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(60_000, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads_writes(8, 6).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
}

impl WeightInfo for () {
	fn on_initialize(s: u32) -> Weight {
		Weight::from_parts(5_000_000, 1_000)
			.saturating_add(Weight::from_parts(3_000_000, 2_000).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(3, 1).saturating_mul(s.into()))
	}
	fn epoch(n: u32, e: u32) -> Weight {
		Weight::from_parts(20_000_000, 20_000)
			.saturating_add(Weight::from_parts(25_000_000, 3_000).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(60_000, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(8, 6).saturating_mul(n.into()))
	}
}
