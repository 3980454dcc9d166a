// This file is part of Myelin.

//! Weights of `pallet_weights`, generated from its FRAME benchmarks by `make weights`.
//!
//! Do not edit by hand: rerun `make weights`.
//! Generated 2026-12-05 by frame-benchmarking-cli 64.0.0 on `vm` (`AMD EPYC`),
//! 20 steps, 5 repeats, Wasm execution `Compiled`.
//!
//! Command: `/root/.cache/myelin/target/release/myelin-node-benchmarks benchmark pallet --runtime /root/.cache/myelin/target/release/myelin_runtime_benchmarks.compact.wasm --genesis-builder-preset development --pallet pallet_weights --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weights-template.hbs --header scripts/weights-header.txt --output pallets/weights/src/weights.rs --json-file /tmp/w/weights-pallet_weights.json`

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_weights`, one per benchmark.
pub trait WeightInfo {
	fn set_weights(e: u32, ) -> Weight;
	fn commit_weights() -> Weight;
	fn reveal_weights(e: u32, ) -> Weight;
}

/// The generated weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastUpdate` (r:1 w:1)
	/// Proof: `Weights::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorPermit` (r:1 w:0)
	/// Proof: `Yuma::ValidatorPermit` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Weights` (r:1 w:1)
	/// Proof: `Weights::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Entries` (r:1 w:1)
	/// Proof: `Weights::Entries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Component `e` in `[1, 4096]`.
	fn set_weights(e: u32, ) -> Weight {
		// Proof size: measured `18577`, estimated `19871`.
		// Fastest run: 115_151_000 ps.
		Weight::from_parts(124_291_755, 19871)
			.saturating_add(Weight::from_parts(75_962, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastCommit` (r:1 w:1)
	/// Proof: `Weights::LastCommit` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorPermit` (r:1 w:0)
	/// Proof: `Yuma::ValidatorPermit` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpoch` (r:1 w:0)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Commits` (r:1 w:1)
	/// Proof: `Weights::Commits` (`max_values`: None, `max_size`: Some(459), added: 2934, mode: `MaxEncodedLen`)
	fn commit_weights() -> Weight {
		// Proof size: measured `2655`, estimated `7573`.
		// Fastest run: 96_825_000 ps.
		Weight::from_parts(108_132_000, 7573)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Commits` (r:1 w:1)
	/// Proof: `Weights::Commits` (`max_values`: None, `max_size`: Some(459), added: 2934, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpoch` (r:1 w:0)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:0)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastUpdate` (r:1 w:1)
	/// Proof: `Weights::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorPermit` (r:1 w:0)
	/// Proof: `Yuma::ValidatorPermit` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Weights` (r:1 w:1)
	/// Proof: `Weights::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Entries` (r:1 w:1)
	/// Proof: `Weights::Entries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Component `e` in `[1, 4096]`.
	fn reveal_weights(e: u32, ) -> Weight {
		// Proof size: measured `19133`, estimated `19871`.
		// Fastest run: 138_516_000 ps.
		Weight::from_parts(151_178_198, 19871)
			.saturating_add(Weight::from_parts(83_735, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

/// The same figures with RocksDB database weights, for tests and mock runtimes.
impl WeightInfo for () {
	fn set_weights(e: u32, ) -> Weight {
		Weight::from_parts(124_291_755, 19871)
			.saturating_add(Weight::from_parts(75_962, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn commit_weights() -> Weight {
		Weight::from_parts(108_132_000, 7573)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reveal_weights(e: u32, ) -> Weight {
		Weight::from_parts(151_178_198, 19871)
			.saturating_add(Weight::from_parts(83_735, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
}
