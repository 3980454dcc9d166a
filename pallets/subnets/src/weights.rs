// This file is part of Myelin.

//! Weights of `pallet_subnets`, generated from its FRAME benchmarks by `make weights`.
//!
//! Do not edit by hand: rerun `make weights`.
//! Generated 2026-12-05 by frame-benchmarking-cli 64.0.0 on `vm` (`AMD EPYC`),
//! 20 steps, 5 repeats, Wasm execution `Compiled`.
//!
//! Command: `/root/.cache/myelin/target/release/myelin-node-benchmarks benchmark pallet --runtime /root/.cache/myelin/target/release/myelin_runtime_benchmarks.compact.wasm --genesis-builder-preset development --pallet pallet_subnets --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weights-template.hbs --header scripts/weights-header.txt --output pallets/subnets/src/weights.rs --json-file /tmp/w/weights-pallet_subnets.json`

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_subnets`, one per benchmark.
pub trait WeightInfo {
	fn register_network(s: u32, ) -> Weight;
	fn register_network_pruning(s: u32, ) -> Weight;
	fn dissolve_network(n: u32, ) -> Weight;
	fn set_hyperparameter() -> Weight;
	fn burned_register(n: u32, ) -> Weight;
	fn serve_axon() -> Weight;
	fn migrate_v1_step(s: u32, k: u32, ) -> Weight;
	fn migrate_v3_page() -> Weight;
	fn clear_dissolved(k: u32, ) -> Weight;
	fn set_network_parameter() -> Weight;
}

/// The generated weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::SubnetLimit` (r:1 w:0)
	/// Proof: `Subnets::SubnetLimit` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForSubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::CounterForSubnetOwner` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkLock` (r:1 w:1)
	/// Proof: `Subnets::NetworkLock` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkMinLock` (r:1 w:0)
	/// Proof: `Subnets::NetworkMinLock` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LockReductionInterval` (r:1 w:0)
	/// Proof: `Subnets::LockReductionInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwner` (r:1024 w:1)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Dissolving` (r:1 w:0)
	/// Proof: `Subnets::Dissolving` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultTempo` (r:1 w:0)
	/// Proof: `Subnets::DefaultTempo` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:1)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hotkeys` (r:1 w:1)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationBlocks` (r:1 w:1)
	/// Proof: `Subnets::RegistrationBlocks` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronPages` (r:1 w:1)
	/// Proof: `Subnets::NeuronPages` (`max_values`: None, `max_size`: Some(18902), added: 21377, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLocked` (r:0 w:1)
	/// Proof: `Subnets::SubnetLocked` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:0 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkRegisteredAt` (r:0 w:1)
	/// Proof: `Subnets::NetworkRegisteredAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwnerHotkey` (r:0 w:1)
	/// Proof: `Subnets::SubnetOwnerHotkey` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:0 w:1)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:0 w:1)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Component `s` in `[0, 1023]`.
	fn register_network(s: u32, ) -> Weight {
		// Proof size: measured `1394`, estimated `134549`.
		// Fastest run: 89_433_000 ps.
		Weight::from_parts(69_505_262, 134549)
			.saturating_add(Weight::from_parts(2_705_910, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(16_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::SubnetLimit` (r:1 w:0)
	/// Proof: `Subnets::SubnetLimit` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForSubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::CounterForSubnetOwner` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkImmunityPeriod` (r:1 w:0)
	/// Proof: `Subnets::NetworkImmunityPeriod` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwner` (r:1026 w:2)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Root::Incentives` (r:1 w:1)
	/// Proof: `Root::Incentives` (`max_values`: Some(1), `max_size`: Some(4098), added: 4593, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkRegisteredAt` (r:1024 w:2)
	/// Proof: `Subnets::NetworkRegisteredAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:1)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkLock` (r:1 w:1)
	/// Proof: `Subnets::NetworkLock` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkMinLock` (r:1 w:0)
	/// Proof: `Subnets::NetworkMinLock` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::LockReductionInterval` (r:1 w:0)
	/// Proof: `Subnets::LockReductionInterval` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Dissolving` (r:1 w:1)
	/// Proof: `Subnets::Dissolving` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Owed` (r:1 w:0)
	/// Proof: `Yuma::Owed` (`max_values`: None, `max_size`: Some(65548), added: 68023, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:0)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::UnpaidEmission` (r:1 w:1)
	/// Proof: `Yuma::UnpaidEmission` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLocked` (r:1 w:2)
	/// Proof: `Subnets::SubnetLocked` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::DefaultTempo` (r:1 w:0)
	/// Proof: `Subnets::DefaultTempo` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:2)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hotkeys` (r:1 w:2)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationBlocks` (r:1 w:2)
	/// Proof: `Subnets::RegistrationBlocks` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronPages` (r:1 w:1)
	/// Proof: `Subnets::NeuronPages` (`max_values`: None, `max_size`: Some(18902), added: 21377, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Active` (r:0 w:1)
	/// Proof: `Yuma::Active` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochStake` (r:0 w:1)
	/// Proof: `Yuma::EpochStake` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorTrust` (r:0 w:1)
	/// Proof: `Yuma::ValidatorTrust` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:0 w:1)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
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
	/// Storage: `Subnets::Hyperparams` (r:0 w:2)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwnerHotkey` (r:0 w:2)
	/// Proof: `Subnets::SubnetOwnerHotkey` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:0 w:1)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:0 w:2)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Component `s` in `[1, 1024]`.
	fn register_network_pruning(s: u32, ) -> Weight {
		// Proof size: measured `5099`, estimated `134549`.
		// Fastest run: 279_026_000 ps.
		Weight::from_parts(118_635_274, 134549)
			.saturating_add(Weight::from_parts(7_264_635, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(40_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::SubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:1)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Owed` (r:1 w:0)
	/// Proof: `Yuma::Owed` (`max_values`: None, `max_size`: Some(65548), added: 68023, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::PendingEmission` (r:1 w:0)
	/// Proof: `Yuma::PendingEmission` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::UnpaidEmission` (r:1 w:1)
	/// Proof: `Yuma::UnpaidEmission` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Root::Incentives` (r:1 w:1)
	/// Proof: `Root::Incentives` (`max_values`: Some(1), `max_size`: Some(4098), added: 4593, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetLocked` (r:1 w:1)
	/// Proof: `Subnets::SubnetLocked` (`max_values`: None, `max_size`: Some(26), added: 2501, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::CounterForSubnetOwner` (r:1 w:1)
	/// Proof: `Subnets::CounterForSubnetOwner` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Active` (r:0 w:1)
	/// Proof: `Yuma::Active` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochStake` (r:0 w:1)
	/// Proof: `Yuma::EpochStake` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorTrust` (r:0 w:1)
	/// Proof: `Yuma::ValidatorTrust` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochIndex` (r:0 w:1)
	/// Proof: `Yuma::EpochIndex` (`max_values`: None, `max_size`: Some(18), added: 2493, mode: `MaxEncodedLen`)
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
	/// Storage: `Subnets::Hotkeys` (r:0 w:1)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:0 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkRegisteredAt` (r:0 w:1)
	/// Proof: `Subnets::NetworkRegisteredAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwnerHotkey` (r:0 w:1)
	/// Proof: `Subnets::SubnetOwnerHotkey` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Dissolving` (r:0 w:1)
	/// Proof: `Subnets::Dissolving` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationBlocks` (r:0 w:1)
	/// Proof: `Subnets::RegistrationBlocks` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:0 w:1)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Component `n` in `[1, 4096]`.
	fn dissolve_network(n: u32, ) -> Weight {
		// Proof size: measured `1081`, estimated `69013`.
		// Fastest run: 82_854_000 ps.
		Weight::from_parts(114_625_530, 69013)
			.saturating_add(Weight::from_parts(17_767, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(27_u64))
	}
	/// Storage: `Subnets::SubnetOwner` (r:1 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hyperparams` (r:1 w:1)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	fn set_hyperparameter() -> Weight {
		// Proof size: measured `665`, estimated `3571`.
		// Fastest run: 15_834_000 ps.
		Weight::from_parts(16_936_000, 3571)
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
	/// Storage: `Yuma::Emission` (r:1 w:1)
	/// Proof: `Yuma::Emission` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationBlocks` (r:1 w:1)
	/// Proof: `Subnets::RegistrationBlocks` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::BurnPrice` (r:1 w:1)
	/// Proof: `Subnets::BurnPrice` (`max_values`: None, `max_size`: Some(30), added: 2505, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hotkeys` (r:1 w:1)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Weights` (r:1 w:0)
	/// Proof: `Weights::Weights` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Owed` (r:1 w:0)
	/// Proof: `Yuma::Owed` (`max_values`: None, `max_size`: Some(65548), added: 68023, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Consensus` (r:1 w:1)
	/// Proof: `Yuma::Consensus` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Incentive` (r:1 w:1)
	/// Proof: `Yuma::Incentive` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Dividends` (r:1 w:1)
	/// Proof: `Yuma::Dividends` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorTrust` (r:1 w:1)
	/// Proof: `Yuma::ValidatorTrust` (`max_values`: None, `max_size`: Some(8204), added: 10679, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::EpochStake` (r:1 w:1)
	/// Proof: `Yuma::EpochStake` (`max_values`: None, `max_size`: Some(32780), added: 35255, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::ValidatorPermit` (r:1 w:1)
	/// Proof: `Yuma::ValidatorPermit` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Active` (r:1 w:1)
	/// Proof: `Yuma::Active` (`max_values`: None, `max_size`: Some(4108), added: 6583, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronPages` (r:1 w:1)
	/// Proof: `Subnets::NeuronPages` (`max_values`: None, `max_size`: Some(18902), added: 21377, mode: `MaxEncodedLen`)
	/// Storage: `Yuma::Bonds` (r:0 w:1)
	/// Proof: `Yuma::Bonds` (`max_values`: None, `max_size`: Some(16406), added: 18881, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastCommit` (r:0 w:1)
	/// Proof: `Weights::LastCommit` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Weights::Commits` (r:0 w:1)
	/// Proof: `Weights::Commits` (`max_values`: None, `max_size`: Some(459), added: 2934, mode: `MaxEncodedLen`)
	/// Storage: `Weights::LastUpdate` (r:0 w:1)
	/// Proof: `Weights::LastUpdate` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Component `n` in `[2, 4096]`.
	fn burned_register(n: u32, ) -> Weight {
		// Proof size: measured `22149`, estimated `134549`.
		// Fastest run: 103_244_000 ps.
		Weight::from_parts(135_438_691, 134549)
			.saturating_add(Weight::from_parts(48_709, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(19_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
	/// Storage: `Subnets::Hyperparams` (r:1 w:0)
	/// Proof: `Subnets::Hyperparams` (`max_values`: None, `max_size`: Some(106), added: 2581, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:1 w:0)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronPages` (r:1 w:1)
	/// Proof: `Subnets::NeuronPages` (`max_values`: None, `max_size`: Some(18902), added: 21377, mode: `MaxEncodedLen`)
	fn serve_axon() -> Weight {
		// Proof size: measured `20221`, estimated `22367`.
		// Fastest run: 56_785_000 ps.
		Weight::from_parts(59_239_000, 22367)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: UNKNOWN KEY `0xb1f14163a76cb93d8ab827d6892f5b919f99a2ce711f3a31b2fc05604c93f179` (r:2049 w:2048)
	/// Proof: UNKNOWN KEY `0xb1f14163a76cb93d8ab827d6892f5b919f99a2ce711f3a31b2fc05604c93f179` (r:2049 w:2048)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Hotkeys` (r:1 w:1)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::RegistrationBlocks` (r:1 w:1)
	/// Proof: `Subnets::RegistrationBlocks` (`max_values`: None, `max_size`: Some(16396), added: 18871, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xb1f14163a76cb93d8ab827d6892f5b911c696338efe6a1c163fd8af0fc4fbfd6` (r:2048 w:2048)
	/// Proof: UNKNOWN KEY `0xb1f14163a76cb93d8ab827d6892f5b911c696338efe6a1c163fd8af0fc4fbfd6` (r:2048 w:2048)
	/// Component `s` in `[0, 2048]`.
	/// Component `k` in `[1, 2048]`.
	fn migrate_v1_step(s: u32, k: u32, ) -> Weight {
		// Proof size: measured `1007`, estimated `134549`.
		// Fastest run: 108_552_000 ps.
		Weight::from_parts(109_944_000, 134549)
			.saturating_add(Weight::from_parts(9_443_419, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2538).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 36).saturating_mul(s.into()))
	}
	/// Storage: `Subnets::Hotkeys` (r:1 w:0)
	/// Proof: `Subnets::Hotkeys` (`max_values`: None, `max_size`: Some(131084), added: 133559, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetworkN` (r:1 w:0)
	/// Proof: `Subnets::SubnetworkN` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::HotkeyOwner` (r:64 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xb1f14163a76cb93d8ab827d6892f5b91b4e0c7b1d5f74994fcd58c28ab601fec` (r:64 w:64)
	/// Proof: UNKNOWN KEY `0xb1f14163a76cb93d8ab827d6892f5b91b4e0c7b1d5f74994fcd58c28ab601fec` (r:64 w:64)
	/// Storage: `Subnets::NeuronPages` (r:0 w:1)
	/// Proof: `Subnets::NeuronPages` (`max_values`: None, `max_size`: Some(18902), added: 21377, mode: `MaxEncodedLen`)
	fn migrate_v3_page() -> Weight {
		// Proof size: measured `192809`, estimated `352199`.
		// Fastest run: 889_347_000 ps.
		Weight::from_parts(967_863_000, 352199)
			.saturating_add(T::DbWeight::get().reads(130_u64))
			.saturating_add(T::DbWeight::get().writes(65_u64))
	}
	/// Storage: `Subnets::Dissolving` (r:1 w:1)
	/// Proof: `Subnets::Dissolving` (`max_values`: None, `max_size`: Some(10), added: 2485, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::Uids` (r:4096 w:4096)
	/// Proof: `Subnets::Uids` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NeuronPages` (r:64 w:64)
	/// Proof: `Subnets::NeuronPages` (`max_values`: None, `max_size`: Some(18902), added: 21377, mode: `MaxEncodedLen`)
	/// Component `k` in `[0, 8192]`.
	fn clear_dissolved(k: u32, ) -> Weight {
		// Proof size: measured `798`, estimated `15102`.
		// Fastest run: 26_259_000 ps.
		Weight::from_parts(26_570_000, 15102)
			.saturating_add(Weight::from_parts(572_604, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 1267).saturating_mul(k.into()))
	}
	/// Storage: `Subnets::SubnetLimit` (r:0 w:1)
	/// Proof: `Subnets::SubnetLimit` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	fn set_network_parameter() -> Weight {
		// Proof size: measured `0`, estimated `0`.
		// Fastest run: 3_886_000 ps.
		Weight::from_parts(4_427_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same figures with RocksDB database weights, for tests and mock runtimes.
impl WeightInfo for () {
	fn register_network(s: u32, ) -> Weight {
		Weight::from_parts(69_505_262, 134549)
			.saturating_add(Weight::from_parts(2_705_910, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(16_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
	}
	fn register_network_pruning(s: u32, ) -> Weight {
		Weight::from_parts(118_635_274, 134549)
			.saturating_add(Weight::from_parts(7_264_635, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(40_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
	}
	fn dissolve_network(n: u32, ) -> Weight {
		Weight::from_parts(114_625_530, 69013)
			.saturating_add(Weight::from_parts(17_767, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(27_u64))
	}
	fn set_hyperparameter() -> Weight {
		Weight::from_parts(16_936_000, 3571)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn burned_register(n: u32, ) -> Weight {
		Weight::from_parts(135_438_691, 134549)
			.saturating_add(Weight::from_parts(48_709, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(19_u64))
			.saturating_add(RocksDbWeight::get().writes(20_u64))
	}
	fn serve_axon() -> Weight {
		Weight::from_parts(59_239_000, 22367)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn migrate_v1_step(s: u32, k: u32, ) -> Weight {
		Weight::from_parts(109_944_000, 134549)
			.saturating_add(Weight::from_parts(9_443_419, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2538).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 36).saturating_mul(s.into()))
	}
	fn migrate_v3_page() -> Weight {
		Weight::from_parts(967_863_000, 352199)
			.saturating_add(RocksDbWeight::get().reads(130_u64))
			.saturating_add(RocksDbWeight::get().writes(65_u64))
	}
	fn clear_dissolved(k: u32, ) -> Weight {
		Weight::from_parts(26_570_000, 15102)
			.saturating_add(Weight::from_parts(572_604, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 1267).saturating_mul(k.into()))
	}
	fn set_network_parameter() -> Weight {
		Weight::from_parts(4_427_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
