//! Benchmarks of the Yuma pallet (frame_benchmarking v2): one epoch of a subnet of `n` uids
//! with `e` weight entries, spread over up to 256 permitted validators, with the bonds of a
//! previous epoch, payouts included; and the per-block work with `s` subnets.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::{epoch::RewardOf, BenchmarkHelper, Pallet as Yuma};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::{StakingRewards, SubnetsInterface};
use myelin_yuma::YumaVersion;
use sp_runtime::traits::UniqueSaturatedFrom;

/// One MYL.
const UNIT: u64 = 1_000_000_000;

/// A subnet of `n` uids whose first `min(n, 256)` uids are staked validators sharing `e`
/// weight entries, set a block after the registrations (so that the epoch uses every entry:
/// it drops rows not newer than their validator's registration), after one epoch (so that
/// bonds exist), with 100 MYL pending. It runs Yuma 2, the slower of the two versions in the
/// runtime's Wasm (53 against 39 ms for the crate alone at 4096 × 256 full), so that the
/// weight covers either.
fn subnet_with_weights<T: Config>(n: u16, e: u32) -> u16 {
	let validators = n.min(256);
	let per_row = e.div_ceil(u32::from(validators)).min(u32::from(n));
	subnet_shaped::<T>(n, validators, per_row, e, 2)
}

/// [`subnet_with_weights`] of `n` uids, `validators` staked validators each weighting the
/// first `per_row` uids (`total` entries at most), running Yuma `version`.
fn subnet_shaped<T: Config>(n: u16, validators: u16, per_row: u32, total: u32, version: u8) -> u16 {
	let (netuid, hotkeys) = T::BenchmarkHelper::subnet(n, validators);
	T::BenchmarkHelper::set_yuma_version(netuid, version);
	let registered = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(registered + BlockNumberFor::<T>::from(1u32));
	for (i, hotkey) in hotkeys.iter().take(usize::from(validators)).enumerate() {
		let stake = RewardOf::<T>::unique_saturated_from(1000 * UNIT + i as u64);
		T::Rewards::credit_incentive(hotkey, stake);
	}
	let mut left = total;
	for uid in 0..validators {
		let len = per_row.min(left);
		left -= len;
		// Every validator weights the same uids (so that consensus forms on them and they
		// earn) with its own values (so that consensus has work to do).
		let row: Vec<(u16, u16)> =
			(0..len).map(|k| (k as u16, ((k + u32::from(uid) * 7) % 65_535 + 1) as u16)).collect();
		T::BenchmarkHelper::set_weights(netuid, uid, row);
	}
	let now = frame_system::Pallet::<T>::block_number();
	Yuma::<T>::run_epoch(netuid, now);
	let later = now + BlockNumberFor::<T>::from(10u32);
	frame_system::Pallet::<T>::set_block_number(later);
	PendingEmission::<T>::insert(netuid, 100 * UNIT);
	netuid
}

/// The subnet shapes of the whole-epoch table (docs/benchmarks.md): `(uids, validators,
/// density in percent)`; `epoch_shape_yuma{2,3}`'s component `s` indexes them.
pub const SHAPES: [(u16, u16, u32); 12] = [
	(256, 64, 100),
	(256, 64, 10),
	(256, 256, 100),
	(256, 256, 10),
	(1024, 64, 100),
	(1024, 64, 10),
	(1024, 256, 100),
	(1024, 256, 10),
	(4096, 64, 100),
	(4096, 64, 10),
	(4096, 256, 100),
	(4096, 256, 10),
];

/// The whole epoch (storage and payouts included) of shape `SHAPES[s]` running Yuma
/// `version`.
fn epoch_of_shape<T: Config>(s: u32, version: u8) -> (u16, BlockNumberFor<T>) {
	let (n, validators, density) = SHAPES[s as usize];
	let per_row = u32::from(n) * density / 100;
	let netuid =
		subnet_shaped::<T>(n, validators, per_row, per_row * u32::from(validators), version);
	(netuid, frame_system::Pallet::<T>::block_number())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The whole epoch of `n` uids with `e` entries, up to the worst case measured, not
	/// extrapolated: 4096 uids × 256 validators weighting every uid (1,048,576 entries).
	#[benchmark]
	fn epoch(n: Linear<1024, 4096>, e: Linear<0, 1_048_576>) {
		let netuid = subnet_with_weights::<T>(n as u16, e);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Yuma::<T>::run_epoch(netuid, now);
		}

		assert_eq!(LastEpoch::<T>::get(netuid), Some(now));
		assert_eq!(Emission::<T>::get(netuid).len(), n as usize);
		// The rows counted: with a row's worth of entries, some uid earned incentive.
		if e >= n {
			assert!(Owed::<T>::get(netuid).iter().any(|(incentive, _)| *incentive > 0));
		}
	}

	/// The whole epoch on the shapes of the table in docs/benchmarks.md (`SHAPES[s]`: 256,
	/// 1024 and 4096 uids × 64 and 256 validators, full rows and 10%), Yuma 3 (the default
	/// hyperparameters). `make bench-epoch-wasm`.
	#[benchmark(extra)]
	fn epoch_shape_yuma3(s: Linear<0, 11>) {
		let (netuid, now) = epoch_of_shape::<T>(s, 3);

		#[block]
		{
			Yuma::<T>::run_epoch(netuid, now);
		}

		assert_eq!(LastEpoch::<T>::get(netuid), Some(now));
	}

	/// [`epoch_shape_yuma3`](Self::epoch_shape_yuma3) for Yuma 2.
	#[benchmark(extra)]
	fn epoch_shape_yuma2(s: Linear<0, 11>) {
		let (netuid, now) = epoch_of_shape::<T>(s, 2);

		#[block]
		{
			Yuma::<T>::run_epoch(netuid, now);
		}

		assert_eq!(LastEpoch::<T>::get(netuid), Some(now));
	}

	/// The epoch arithmetic alone, Yuma 3 with liquid alpha: `myelin_yuma::epoch` on a
	/// steady-state subnet built in memory (no storage), of `2^k` uids whose `2^v` largest
	/// stakers each weight `d`% of the uids. This is the crate's cost in Wasm, to compare with
	/// its native criterion benchmarks (`make bench-yuma-wasm`); the pallet charges
	/// [`epoch`](Self::epoch), which includes the storage work.
	#[benchmark(extra)]
	fn epoch_arithmetic_yuma3(k: Linear<8, 12>, v: Linear<6, 8>, d: Linear<10, 100>) {
		let inputs =
			myelin_yuma::synthetic::steady_subnet(1 << k, 1 << v, d.into(), YumaVersion::Yuma3);
		let outputs;

		#[block]
		{
			outputs = myelin_yuma::epoch(&inputs);
		}

		assert_eq!(outputs.map(|o| o.emission.len()), Ok(1 << k));
	}

	/// [`epoch_arithmetic_yuma3`](Self::epoch_arithmetic_yuma3) for Yuma 2.
	#[benchmark(extra)]
	fn epoch_arithmetic_yuma2(k: Linear<8, 12>, v: Linear<6, 8>, d: Linear<10, 100>) {
		let inputs =
			myelin_yuma::synthetic::steady_subnet(1 << k, 1 << v, d.into(), YumaVersion::Yuma2);
		let outputs;

		#[block]
		{
			outputs = myelin_yuma::epoch(&inputs);
		}

		assert_eq!(outputs.map(|o| o.emission.len()), Ok(1 << k));
	}

	/// Paying what one uid is owed (`on_idle`, per uid): the read of its hotkey, its incentive
	/// credited to its owner's stake and a dividend shared with a nominator.
	#[benchmark]
	fn settle() {
		let netuid = subnet_with_weights::<T>(2, 2);
		let hotkey = T::Subnets::hotkey_of(netuid, 0).expect("uid 0 exists");
		// Uid 0 alone is owed an incentive and a dividend.
		let before: u128 =
			Owed::<T>::get(netuid).iter().map(|(i, d)| u128::from(*i) + u128::from(*d)).sum();
		Owed::<T>::insert(netuid, PerUid::truncate_from(alloc::vec![(UNIT, UNIT)]));
		TotalOwed::<T>::mutate(|owed| *owed = *owed - before + 2 * u128::from(UNIT));
		let paid = TotalPaid::<T>::get();

		#[block]
		{
			Yuma::<T>::settle_uid(netuid, 0, &hotkey);
		}

		assert!(TotalPaid::<T>::get() > paid);
		assert!(!Owed::<T>::contains_key(netuid));
	}

	/// Emission and scheduling with `s` subnets, none due.
	#[benchmark]
	fn on_initialize(s: Linear<1, 32>) {
		for _ in 0..s {
			T::BenchmarkHelper::subnet(2, 1);
		}
		let now = frame_system::Pallet::<T>::block_number() + BlockNumberFor::<T>::from(1u32);
		// First sight of every subnet, so that the next block finds none due.
		Yuma::<T>::run_block(now);
		let next = now + BlockNumberFor::<T>::from(1u32);

		#[block]
		{
			Yuma::<T>::run_block(next);
		}

		assert!(TotalEmitted::<T>::get() > 0);
	}
}
