// This file is part of Myelin.

//! Weights of `pallet_root`, generated from its FRAME benchmarks by `make weights`.
//!
//! Do not edit by hand: rerun `make weights`.
//! Generated 2026-12-05 by frame-benchmarking-cli 64.0.0 on `vm` (`AMD EPYC`),
//! 20 steps, 5 repeats, Wasm execution `Compiled`.
//!
//! Command: `/root/.cache/myelin/target/release/myelin-node-benchmarks benchmark pallet --runtime /root/.cache/myelin/target/release/myelin_runtime_benchmarks.compact.wasm --genesis-builder-preset development --pallet pallet_root --extrinsic * --steps 20 --repeat 5 --wasm-execution compiled --template scripts/weights-template.hbs --header scripts/weights-header.txt --output pallets/root/src/weights.rs --json-file /tmp/w/weights-pallet_root.json`

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// Weight functions of `pallet_root`, one per benchmark.
pub trait WeightInfo {
	fn register(v: u32, ) -> Weight;
	fn set_weights(k: u32, ) -> Weight;
	fn set_root_parameter() -> Weight;
	fn emission_shares() -> Weight;
	fn root_epoch(v: u32, s: u32, ) -> Weight;
}

/// The generated weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Subnets::HotkeyOwner` (r:1 w:0)
	/// Proof: `Subnets::HotkeyOwner` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Root::Validators` (r:1 w:1)
	/// Proof: `Root::Validators` (`max_values`: Some(1), `max_size`: Some(9218), added: 9713, mode: `MaxEncodedLen`)
	/// Storage: `Root::MaxValidators` (r:1 w:0)
	/// Proof: `Root::MaxValidators` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:257 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Root::Rows` (r:0 w:1)
	/// Proof: `Root::Rows` (`max_values`: None, `max_size`: Some(4150), added: 6625, mode: `MaxEncodedLen`)
	/// Component `v` in `[1, 256]`.
	fn register(v: u32, ) -> Weight {
		// Proof size: measured `1549`, estimated `10703`.
		// Fastest run: 30_635_000 ps.
		Weight::from_parts(17_131_603, 10703)
			.saturating_add(Weight::from_parts(3_894_511, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(v.into()))
	}
	/// Storage: `Root::Validators` (r:1 w:0)
	/// Proof: `Root::Validators` (`max_values`: Some(1), `max_size`: Some(9218), added: 9713, mode: `MaxEncodedLen`)
	/// Storage: `Root::Rows` (r:1 w:1)
	/// Proof: `Root::Rows` (`max_values`: None, `max_size`: Some(4150), added: 6625, mode: `MaxEncodedLen`)
	/// Storage: `Root::WeightsRateLimit` (r:1 w:0)
	/// Proof: `Root::WeightsRateLimit` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwner` (r:1025 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Component `k` in `[1, 1024]`.
	fn set_weights(k: u32, ) -> Weight {
		// Proof size: measured `11723`, estimated `10703`.
		// Fastest run: 31_827_000 ps.
		Weight::from_parts(32_168_000, 10703)
			.saturating_add(Weight::from_parts(1_742_335, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(k.into()))
	}
	/// Storage: `Root::Validators` (r:1 w:0)
	/// Proof: `Root::Validators` (`max_values`: Some(1), `max_size`: Some(9218), added: 9713, mode: `MaxEncodedLen`)
	/// Storage: `Root::MaxValidators` (r:0 w:1)
	/// Proof: `Root::MaxValidators` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	fn set_root_parameter() -> Weight {
		// Proof size: measured `4720`, estimated `10703`.
		// Fastest run: 12_648_000 ps.
		Weight::from_parts(15_703_000, 10703)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Root::Incentives` (r:1 w:0)
	/// Proof: `Root::Incentives` (`max_values`: Some(1), `max_size`: Some(4098), added: 4593, mode: `MaxEncodedLen`)
	fn emission_shares() -> Weight {
		// Proof size: measured `4150`, estimated `5583`.
		// Fastest run: 54_301_000 ps.
		Weight::from_parts(56_724_000, 5583)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	/// Storage: `Root::Validators` (r:1 w:0)
	/// Proof: `Root::Validators` (`max_values`: Some(1), `max_size`: Some(9218), added: 9713, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::SubnetOwner` (r:1025 w:0)
	/// Proof: `Subnets::SubnetOwner` (`max_values`: None, `max_size`: Some(42), added: 2517, mode: `MaxEncodedLen`)
	/// Storage: `Root::Kappa` (r:1 w:0)
	/// Proof: `Root::Kappa` (`max_values`: Some(1), `max_size`: Some(2), added: 497, mode: `MaxEncodedLen`)
	/// Storage: `Root::ActivityCutoff` (r:1 w:0)
	/// Proof: `Root::ActivityCutoff` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Staking::Pools` (r:256 w:0)
	/// Proof: `Staking::Pools` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Root::Rows` (r:256 w:0)
	/// Proof: `Root::Rows` (`max_values`: None, `max_size`: Some(4150), added: 6625, mode: `MaxEncodedLen`)
	/// Storage: `Subnets::NetworkRegisteredAt` (r:1024 w:0)
	/// Proof: `Subnets::NetworkRegisteredAt` (`max_values`: None, `max_size`: Some(14), added: 2489, mode: `MaxEncodedLen`)
	/// Storage: `Root::LastRootEpoch` (r:0 w:1)
	/// Proof: `Root::LastRootEpoch` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Root::Incentives` (r:0 w:1)
	/// Proof: `Root::Incentives` (`max_values`: Some(1), `max_size`: Some(4098), added: 4593, mode: `MaxEncodedLen`)
	/// Component `v` in `[1, 256]`.
	/// Component `s` in `[1, 1024]`.
	fn root_epoch(v: u32, s: u32, ) -> Weight {
		// Proof size: measured `1544`, estimated `10703`.
		// Fastest run: 2_076_998_000 ps.
		Weight::from_parts(2_076_998_000, 10703)
			.saturating_add(Weight::from_parts(15_960_791, 0).saturating_mul(v.into()))
			.saturating_add(Weight::from_parts(6_318_399, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 6625).saturating_mul(v.into()))
	}
}

/// The same figures with RocksDB database weights, for tests and mock runtimes.
impl WeightInfo for () {
	fn register(v: u32, ) -> Weight {
		Weight::from_parts(17_131_603, 10703)
			.saturating_add(Weight::from_parts(3_894_511, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2555).saturating_mul(v.into()))
	}
	fn set_weights(k: u32, ) -> Weight {
		Weight::from_parts(32_168_000, 10703)
			.saturating_add(Weight::from_parts(1_742_335, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(k.into()))
	}
	fn set_root_parameter() -> Weight {
		Weight::from_parts(15_703_000, 10703)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn emission_shares() -> Weight {
		Weight::from_parts(56_724_000, 5583)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn root_epoch(v: u32, s: u32, ) -> Weight {
		Weight::from_parts(2_076_998_000, 10703)
			.saturating_add(Weight::from_parts(15_960_791, 0).saturating_mul(v.into()))
			.saturating_add(Weight::from_parts(6_318_399, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(v.into())))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2517).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 6625).saturating_mul(v.into()))
	}
}
