//! Benchmarks of the root pallet (frame_benchmarking v2), each in its worst case: the root set
//! full of staked members, rows over every subnet.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::{pallet::*, BenchmarkHelper, Pallet as Root};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::BoundedVec;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use myelin_doors::{EmissionShares, MAX_SUBNETS};

/// `v` root validators (stake rising with the index) joined at block 1000, each with a full
/// row over `netuids` set at block 99_500; the chain at block 100_000.
fn root_set<T: Config>(v: u32, netuids: &[u16]) -> Vec<T::AccountId> {
	let coldkey: T::AccountId = account("root-coldkey", 0, 0);
	let hotkeys = T::BenchmarkHelper::hotkeys(&coldkey, v, true);
	MaxValidators::<T>::put(v.max(1) as u16);
	frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::from(1_000u32));
	for hotkey in &hotkeys {
		Root::<T>::do_register(hotkey.clone()).expect("room");
		let weights: Vec<(u16, u16)> =
			netuids.iter().enumerate().map(|(i, n)| (*n, 1 + i as u16)).collect();
		// Recent enough to count (within the activity cutoff of block 100_000), old enough
		// for the rate limit.
		let row = RootRow {
			weights: BoundedVec::truncate_from(weights),
			last_update: BlockNumberFor::<T>::from(99_500u32),
		};
		Rows::<T>::insert(hotkey, row);
	}
	frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::from(100_000u32));
	hotkeys
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The root set full with `v` members: the newcomer's stake beats the least staked
	/// member's, who is replaced (every member's stake read, a row removed).
	#[benchmark]
	fn register(v: Linear<1, { MAX_ROOT_VALIDATORS as u32 }>) {
		let netuids = T::BenchmarkHelper::subnets(1);
		root_set::<T>(v, &netuids);
		let coldkey: T::AccountId = account("root-newcomer", 0, 0);
		let newcomer = T::BenchmarkHelper::hotkeys(&coldkey, v + 1, true).pop().expect("one");

		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), newcomer.clone());

		assert!(Root::<T>::is_root_validator(&newcomer));
	}

	/// A row over `k` subnets replacing a full one (`k` subnets exist).
	#[benchmark]
	fn set_weights(k: Linear<1, { MAX_SUBNETS as u32 }>) {
		let netuids = T::BenchmarkHelper::subnets(k);
		let hotkeys = root_set::<T>(MAX_ROOT_VALIDATORS as u32, &netuids);
		let weights = vec![7u16; netuids.len()];

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuids.clone(), weights);

		assert_eq!(Rows::<T>::get(&hotkeys[0]).map(|r| r.weights.len()), Some(netuids.len()));
	}

	/// Setting `max_validators` (counts the members).
	#[benchmark]
	fn set_root_parameter() {
		let netuids = T::BenchmarkHelper::subnets(1);
		root_set::<T>(MAX_ROOT_VALIDATORS as u32 / 2, &netuids);
		let param = RootParameter::MaxValidators(MAX_ROOT_VALIDATORS);

		#[extrinsic_call]
		_(RawOrigin::Root, param);

		assert_eq!(MaxValidators::<T>::get(), MAX_ROOT_VALIDATORS);
	}

	/// The shares of 1024 subnets, each with incentive.
	#[benchmark]
	fn emission_shares() {
		let netuids: Vec<u16> = (1..=MAX_SUBNETS).collect();
		let incentives: Vec<(u16, u16)> = netuids.iter().map(|n| (*n, *n)).collect();
		Incentives::<T>::put(BoundedVec::truncate_from(incentives));
		let shares;

		#[block]
		{
			shares = <Root<T> as EmissionShares>::emission_shares(&netuids);
		}

		assert_eq!(shares.len(), netuids.len());
	}

	/// `v` members with full rows over `s` subnets: every row read, the crate over the
	/// `(v + s)`-uid matrix, every subnet's incentive written.
	#[benchmark]
	fn root_epoch(
		v: Linear<1, { MAX_ROOT_VALIDATORS as u32 }>,
		s: Linear<1, { MAX_SUBNETS as u32 }>,
	) {
		let netuids = T::BenchmarkHelper::subnets(s);
		root_set::<T>(v, &netuids);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Root::<T>::run_epoch(now);
		}

		assert_eq!(Incentives::<T>::get().len(), netuids.len());
		assert!(Incentives::<T>::get().iter().any(|(_, incentive)| *incentive > 0));
	}
}
