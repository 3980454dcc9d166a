// This file is part of Myelin.

//! Weights of `pallet_yuma`, generated from its FRAME benchmarks by `make weights`.
//!
//! Do not edit by hand: rerun `make weights`.
//! Generated 2026-11-22 by frame-benchmarking-cli 64.0.0 on `vm` (`AMD EPYC`),
//! 20 steps, 5 repeats, Wasm execution `Compiled`.
//!
//! Command: `/root/.cache/myelin/target/release/myelin-node-benchmarks benchmark pallet --runtime /root/.cache/myelin/target/release/myelin_runtime_benchmarks.compact.wasm --genesis-builder-preset development --pallet pallet_yuma --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weights-template.hbs --header scripts/weights-header.txt --output pallets/yuma/src/weights.rs`

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_yuma`, one per benchmark.
pub trait WeightInfo {
	fn epoch(n: u32, e: u32, ) -> Weight;
	fn on_initialize(s: u32, ) -> Weight;
	fn settle() -> Weight;
}

/// The generated weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:4096 w:0)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:1)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpoch` (r:1 w:1)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:4096 w:256)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:4096 w:0)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:4096 w:0)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Weights` (r:4096 w:0)
	/// Proof: `Weights::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastUpdate` (r:4096 w:0)
	/// Proof: `Weights::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwner` (r:1 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:256 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:256 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stakes` (r:256 w:256)
	/// Proof: `Staking::Stakes` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::TotalPaid` (r:1 w:1)
	/// Proof: `Yuma::TotalPaid` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::UnpaidEmission` (r:1 w:1)
	/// Proof: `Yuma::UnpaidEmission` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Active` (r:0 w:1)
	/// Proof: `Yuma::Active` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorTrust` (r:0 w:1)
	/// Proof: `Yuma::ValidatorTrust` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorPermit` (r:0 w:1)
	/// Proof: `Yuma::ValidatorPermit` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpochEmission` (r:0 w:1)
	/// Proof: `Yuma::LastEpochEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Dividends` (r:0 w:1)
	/// Proof: `Yuma::Dividends` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Incentive` (r:0 w:1)
	/// Proof: `Yuma::Incentive` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Consensus` (r:0 w:1)
	/// Proof: `Yuma::Consensus` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Emission` (r:0 w:1)
	/// Proof: `Yuma::Emission` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Component `n` in `[1024, 4096]`.
	/// Component `e` in `[0, 262144]`.
	fn epoch(n: u32, e: u32, ) -> Weight {
		// Proof size: measured `99419`, estimated `667358`.
		// Fastest run: 69_270_348_000 ps.
		Weight::from_parts(14_817_047_702, 667358)
			.saturating_add(Weight::from_parts(47_753_059, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(73_930, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(778_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(527_u64))
			.saturating_add(Weight::from_parts(0, 18881).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::SubnetOwner` (r:33 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::TotalEmitted` (r:1 w:1)
	/// Proof: `Yuma::TotalEmitted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:32 w:32)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:32 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpoch` (r:32 w:0)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Component `s` in `[1, 32]`.
	fn on_initialize(s: u32, ) -> Weight {
		// Proof size: measured `744`, estimated `3507`.
		// Fastest run: 35_653_000 ps.
		Weight::from_parts(24_473_523, 3507)
			.saturating_add(Weight::from_parts(25_566_581, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2581).saturating_mul(s.into()))
	}
	/// Not generated yet: composed from Staking's measured `credit_incentive` and
	/// `pay_dividend(1)` plus the read of the uid's hotkey, until `make weights` measures the
	/// `settle` benchmark.
	/// Storage: `Subnets::Keys` (r:1 w:0)
	fn settle() -> Weight {
		Weight::from_parts(297_966_725, 7186)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
}

/// The same figures with RocksDB database weights, for tests and mock runtimes.
impl WeightInfo for () {
	fn epoch(n: u32, e: u32, ) -> Weight {
		Weight::from_parts(14_817_047_702, 667358)
			.saturating_add(Weight::from_parts(47_753_059, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(73_930, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(778_u64))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(527_u64))
			.saturating_add(Weight::from_parts(0, 18881).saturating_mul(n.into()))
	}
	fn on_initialize(s: u32, ) -> Weight {
		Weight::from_parts(24_473_523, 3507)
			.saturating_add(Weight::from_parts(25_566_581, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2581).saturating_mul(s.into()))
	}
	fn settle() -> Weight {
		Weight::from_parts(297_966_725, 7186)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
}
