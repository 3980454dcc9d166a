//! Benchmarks of the weights pallet (frame_benchmarking v2), each in its worst case: a
//! subnet of 4096 neurons, the signer replacing a full row.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::{BenchmarkHelper, Pallet as WeightsPallet};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use myelin_doors::{EpochSchedule, SubnetsInterface};
use sp_core::H256;

const N: u16 = 4096;

/// A subnet of 4096 neurons where uid 0 (a permitted validator) already has a full row, set
/// long enough ago for the rate limit.
fn validator_with_row<T: Config>() -> (u16, T::AccountId) {
	let (netuid, validator) = T::BenchmarkHelper::validator_subnet(N);
	let full: Vec<(u16, u16)> = (0..N).map(|uid| (uid, 65_535)).collect();
	WeightsPallet::<T>::store_row(netuid, 0, WeightRow::truncate_from(full));
	frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::from(100_000u32));
	(netuid, validator)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `e` entries.
	#[benchmark]
	fn set_weights(e: Linear<1, 4096>) {
		let (netuid, validator) = validator_with_row::<T>();
		let uids: Vec<u16> = (0..e as u16).collect();
		let weights = vec![7u16; e as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(validator), netuid, uids, weights, 0);

		assert_eq!(Entries::<T>::get(netuid), e);
	}

	/// With `MAX_COMMITS − 1` live commits already outstanding.
	#[benchmark]
	fn commit_weights() {
		let (netuid, validator) = validator_with_row::<T>();
		T::BenchmarkHelper::enable_commit_reveal(netuid);
		for i in 0..(MAX_COMMITS - 1) {
			let hash = H256::repeat_byte(i as u8 + 1);
			WeightsPallet::<T>::do_commit(netuid, &validator, hash).expect("room");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(validator.clone()), netuid, H256::repeat_byte(0xff));

		assert_eq!(
			Commits::<T>::get(netuid, &validator).map(|c| c.len() as u32),
			Some(MAX_COMMITS)
		);
	}

	/// `e` entries, the matching commit last of `MAX_COMMITS`.
	#[benchmark]
	fn reveal_weights(e: Linear<1, 4096>) {
		let (netuid, validator) = validator_with_row::<T>();
		T::BenchmarkHelper::enable_commit_reveal(netuid);
		let uids: Vec<u16> = (0..e as u16).collect();
		let weights = vec![7u16; e as usize];
		let salt = vec![1u16, 2, 3, 4, 5, 6, 7, 8];
		for i in 0..(MAX_COMMITS - 1) {
			let hash = H256::repeat_byte(i as u8 + 1);
			WeightsPallet::<T>::do_commit(netuid, &validator, hash).expect("room");
		}
		let hash = WeightsPallet::<T>::commit_hash(&validator, netuid, &uids, &weights, &salt, 0);
		WeightsPallet::<T>::do_commit(netuid, &validator, hash).expect("room");
		// The reveal window: `commit_reveal_period` epochs after the commit's.
		let params = T::Subnets::hyperparams(netuid).expect("exists");
		let committed = T::Epochs::current_epoch(netuid);
		T::BenchmarkHelper::set_epoch(netuid, committed + u64::from(params.commit_reveal_period));

		#[extrinsic_call]
		_(RawOrigin::Signed(validator), netuid, uids, weights, salt, 0);

		assert_eq!(Entries::<T>::get(netuid), e);
	}
}
