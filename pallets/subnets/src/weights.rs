// This file is part of Myelin.

//! Weights of `pallet_subnets`, generated from its FRAME benchmarks by `make weights`.
//!
//! Do not edit by hand: rerun `make weights`.
//! Generated 2026-11-22 by frame-benchmarking-cli 64.0.0 on `vm` (`AMD EPYC`),
//! 20 steps, 5 repeats, Wasm execution `Compiled`.
//!
//! Command: `/root/.cache/myelin/target/release/myelin-node-benchmarks benchmark pallet --runtime /root/.cache/myelin/target/release/myelin_runtime_benchmarks.compact.wasm --genesis-builder-preset development --pallet pallet_subnets --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weights-template.hbs --header scripts/weights-header.txt --output pallets/subnets/src/weights.rs`

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_subnets`, one per benchmark.
pub trait WeightInfo {
	fn register_network(s: u32, ) -> Weight;
	fn dissolve_network(n: u32, ) -> Weight;
	fn set_hyperparameter() -> Weight;
	fn burned_register(n: u32, ) -> Weight;
	fn serve_axon() -> Weight;
	fn set_network_parameter() -> Weight;
	fn migrate_v1_step(s: u32, k: u32, ) -> Weight;
}

/// The generated weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::CounterForSubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::CounterForSubnetOwner` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLimit` (r:1 w:0)
	/// Proof: `Subnets::SubnetLimit` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkLock` (r:1 w:1)
	/// Proof: `Subnets::NetworkLock` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkMinLock` (r:1 w:0)
	/// Proof: `Subnets::NetworkMinLock` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LockReductionInterval` (r:1 w:0)
	/// Proof: `Subnets::LockReductionInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwner` (r:1024 w:1)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultTempo` (r:1 w:0)
	/// Proof: `Subnets::DefaultTempo` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:1)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLocked` (r:0 w:1)
	/// Proof: `Subnets::SubnetLocked` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:0 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:0 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwnerHotkey` (r:0 w:1)
	/// Proof: `Subnets::SubnetOwnerHotkey` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:0 w:1)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:0 w:1)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:0 w:1)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Component `s` in `[0, 1023]`.
	fn register_network(s: u32, ) -> Weight {
		// Proof size: measured `825`, estimated `3593`.
		// Fastest run: 153_497_000 ps.
		Weight::from_parts(172_676_000, 3593)
			.saturating_add(Weight::from_parts(6_886_837, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::SubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:1)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLocked` (r:1 w:1)
	/// Proof: `Subnets::SubnetLocked` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForSubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::CounterForSubnetOwner` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:4096 w:4096)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:4096 w:4096)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:4096 w:4096)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:4096 w:4096)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(282), added: 2757, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:0)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
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
	/// Storage: `Yuma::LastEpoch` (r:0 w:1)
	/// Proof: `Yuma::LastEpoch` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Entries` (r:0 w:1)
	/// Proof: `Weights::Entries` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:0 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwnerHotkey` (r:0 w:1)
	/// Proof: `Subnets::SubnetOwnerHotkey` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:0 w:1)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Component `n` in `[1, 4096]`.
	fn dissolve_network(n: u32, ) -> Weight {
		// Proof size: measured `2743`, estimated `3593`.
		// Fastest run: 234_848_000 ps.
		Weight::from_parts(241_398_000, 3593)
			.saturating_add(Weight::from_parts(17_288_590, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(20_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2757).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::SubnetOwner` (r:1 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:1 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	fn set_hyperparameter() -> Weight {
		// Proof size: measured `609`, estimated `3571`.
		// Fastest run: 30_535_000 ps.
		Weight::from_parts(47_470_000, 3571)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:2)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegisteredAt` (r:4096 w:1)
	/// Proof: `Subnets::RegisteredAt` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Emission` (r:1 w:1)
	/// Proof: `Yuma::Emission` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:1 w:1)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Keys` (r:1 w:1)
	/// Proof: `Subnets::Keys` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Weights` (r:1 w:0)
	/// Proof: `Weights::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Consensus` (r:1 w:1)
	/// Proof: `Yuma::Consensus` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Incentive` (r:1 w:1)
	/// Proof: `Yuma::Incentive` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Dividends` (r:1 w:1)
	/// Proof: `Yuma::Dividends` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorTrust` (r:1 w:1)
	/// Proof: `Yuma::ValidatorTrust` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorPermit` (r:1 w:1)
	/// Proof: `Yuma::ValidatorPermit` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Active` (r:1 w:1)
	/// Proof: `Yuma::Active` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:0 w:1)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Commits` (r:0 w:1)
	/// Proof: `Weights::Commits` (`max_values`: None, `max_size`: Some(419), added: 2894, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastUpdate` (r:0 w:1)
	/// Proof: `Weights::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:0 w:1)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(282), added: 2757, mode: `MaxEncodedLen`)
	/// Component `n` in `[2, 4096]`.
	fn burned_register(n: u32, ) -> Weight {
		// Proof size: measured `4479`, estimated `36245`.
		// Fastest run: 182_230_000 ps.
		Weight::from_parts(185_665_000, 36245)
			.saturating_add(Weight::from_parts(12_669_659, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(18_u64))
			.saturating_add(Weight::from_parts(0, 2499).saturating_mul(n.into()))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Axons` (r:1 w:1)
	/// Proof: `Subnets::Axons` (`max_values`: None, `max_size`: Some(282), added: 2757, mode: `MaxEncodedLen`)
	fn serve_axon() -> Weight {
		// Proof size: measured `863`, estimated `3747`.
		// Fastest run: 37_005_000 ps.
		Weight::from_parts(63_103_000, 3747)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Subnets::SubnetLimit` (r:0 w:1)
	/// Proof: `Subnets::SubnetLimit` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	fn set_network_parameter() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 7_882_000 ps.
		Weight::from_parts(17_046_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	// Not yet benchmarked (the benchmark `migrate_v1_step` exists; `make weights` replaces
	// this): 2 ms, 40 µs a uid moved and 1 µs a uid already in the columns, with the database
	// weights of what a step reads and writes.
	fn migrate_v1_step(s: u32, k: u32, ) -> Weight {
		Weight::from_parts(2_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(40_000_000, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads_writes(5, 4))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2).saturating_mul(k.into()))
	}
}

/// The same figures with RocksDB database weights, for tests and mock runtimes.
impl WeightInfo for () {
	fn register_network(s: u32, ) -> Weight {
		Weight::from_parts(172_676_000, 3593)
			.saturating_add(Weight::from_parts(6_886_837, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
	}
	fn dissolve_network(n: u32, ) -> Weight {
		Weight::from_parts(241_398_000, 3593)
			.saturating_add(Weight::from_parts(17_288_590, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(20_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2757).saturating_mul(n.into()))
	}
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(47_470_000, 3571)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn burned_register(n: u32, ) -> Weight {
		Weight::from_parts(185_665_000, 36245)
			.saturating_add(Weight::from_parts(12_669_659, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(18_u64))
			.saturating_add(Weight::from_parts(0, 2499).saturating_mul(n.into()))
	}
	fn serve_axon() -> Weight {
		Weight::from_parts(63_103_000, 3747)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_network_parameter() -> Weight {
		Weight::from_parts(17_046_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn migrate_v1_step(s: u32, k: u32, ) -> Weight {
		Weight::from_parts(2_000_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(40_000_000, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(5, 4))
			.saturating_add(RocksDbWeight::get().reads_writes(2, 2).saturating_mul(k.into()))
	}
}
