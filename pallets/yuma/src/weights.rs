// This file is part of Myelin.

//! Weights of `pallet_yuma`, generated from its FRAME benchmarks by `make weights`.
//!
//! Do not edit by hand: rerun `make weights`.
//! Generated 2026-12-05 by frame-benchmarking-cli 64.0.0 on `vm` (`AMD EPYC`),
//! 20 steps, 5 repeats, Wasm execution `Compiled`.
//!
//! Command: `/root/.cache/myelin/target/release/myelin-node-benchmarks benchmark pallet --runtime /root/.cache/myelin/target/release/myelin_runtime_benchmarks.compact.wasm --genesis-builder-preset development --pallet pallet_yuma --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weights-template.hbs --header scripts/weights-header.txt --output pallets/yuma/src/weights.rs --json-file /tmp/w/weights-pallet_yuma.json`

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_yuma`, one per benchmark.
pub trait WeightInfo {
	fn epoch(n: u32, e: u32, ) -> Weight;
	fn settle() -> Weight;
	fn on_initialize(s: u32, ) -> Weight;
}

/// The generated weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::SubnetOwner` (r:1 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hotkeys` (r:1 w:0)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationBlocks` (r:1 w:0)
	/// Proof: `Subnets::RegistrationBlocks` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:1)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpoch` (r:1 w:1)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Owed` (r:1 w:1)
	/// Proof: `Yuma::Owed` (`max_values`: None, `max_size`: Some(65548), added: 68023, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:4096 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochStake` (r:1 w:1)
	/// Proof: `Yuma::EpochStake` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:257 w:256)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Weights` (r:257 w:0)
	/// Proof: `Weights::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastUpdate` (r:257 w:0)
	/// Proof: `Weights::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:1 w:1)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::TotalOwed` (r:1 w:1)
	/// Proof: `Yuma::TotalOwed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
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
	/// Component `e` in `[0, 1048576]`.
	fn epoch(n: u32, e: u32, ) -> Weight {
		// Proof size: measured `0`, estimated `4853407`.
		// Fastest run: 11_004_223_000 ps.
		Weight::from_parts(11_360_805_000, 4853407)
			.saturating_add(Weight::from_parts(3_856_196, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(11_946, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(721_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(209_u64))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(n.into()))
	}
	/// Storage: `Yuma::Owed` (r:1 w:1)
	/// Proof: `Yuma::Owed` (`max_values`: None, `max_size`: Some(65548), added: 68023, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:1 w:1)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Stakes` (r:1 w:1)
	/// Proof: `Staking::Stakes` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Staking::TotalStake` (r:1 w:1)
	/// Proof: `Staking::TotalStake` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Staking::PendingTakes` (r:1 w:0)
	/// Proof: `Staking::PendingTakes` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Takes` (r:1 w:0)
	/// Proof: `Staking::Takes` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::TotalOwed` (r:1 w:1)
	/// Proof: `Yuma::TotalOwed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::TotalPaid` (r:1 w:1)
	/// Proof: `Yuma::TotalPaid` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::UnpaidEmission` (r:1 w:1)
	/// Proof: `Yuma::UnpaidEmission` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn settle() -> Weight {
		// Proof size: measured `1688`, estimated `69013`.
		// Fastest run: 88_071_000 ps.
		Weight::from_parts(94_261_000, 69013)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Subnets::SubnetOwner` (r:33 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `BlockTime::SlotDuration` (r:1 w:0)
	/// Proof: `BlockTime::SlotDuration` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Root::LastRootEpoch` (r:1 w:0)
	/// Proof: `Root::LastRootEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Root::Tempo` (r:1 w:0)
	/// Proof: `Root::Tempo` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::TotalEmitted` (r:1 w:1)
	/// Proof: `Yuma::TotalEmitted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Root::Incentives` (r:1 w:0)
	/// Proof: `Root::Incentives` (`max_values`: Some(1), `max_size`: Some(4098), added: 4593, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:32 w:32)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:32 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::LastEpoch` (r:32 w:0)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Component `s` in `[1, 32]`.
	fn on_initialize(s: u32, ) -> Weight {
		// Proof size: measured `936`, estimated `5583`.
		// Fastest run: 26_059_000 ps.
		Weight::from_parts(17_931_051, 5583)
			.saturating_add(Weight::from_parts(9_225_579, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2581).saturating_mul(s.into()))
	}
}

/// The same figures with RocksDB database weights, for tests and mock runtimes.
impl WeightInfo for () {
	fn epoch(n: u32, e: u32, ) -> Weight {
		Weight::from_parts(11_360_805_000, 4853407)
			.saturating_add(Weight::from_parts(3_856_196, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(11_946, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(721_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(209_u64))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(n.into()))
	}
	fn settle() -> Weight {
		Weight::from_parts(94_261_000, 69013)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn on_initialize(s: u32, ) -> Weight {
		Weight::from_parts(17_931_051, 5583)
			.saturating_add(Weight::from_parts(9_225_579, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2581).saturating_mul(s.into()))
	}
}
