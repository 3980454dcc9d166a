//! Benchmarks of the weights pallet (frame_benchmarking v2), each in its worst case: a
//! subnet of 4096 neurons, the signer replacing a full row.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::{BenchmarkHelper, Pallet as WeightsPallet};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::BoundedVec;
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

/// `count` live commits of `validator` on `netuid`, made in the current epoch (stored
/// directly: the commits' rate limit would allow one a block).
fn outstanding_commits<T: Config>(netuid: u16, validator: &T::AccountId, count: u32) {
	let epoch = T::Epochs::current_epoch(netuid);
	let commits: Vec<Commit> =
		(0..count).map(|i| (H256::repeat_byte(i as u8 + 1), epoch)).collect();
	Commits::<T>::insert(netuid, validator, BoundedVec::truncate_from(commits));
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

	/// With `MAX_COMMITS − 1` live commits already outstanding and an earlier commit past the
	/// rate limit.
	#[benchmark]
	fn commit_weights() {
		let (netuid, validator) = validator_with_row::<T>();
		T::BenchmarkHelper::enable_commit_reveal(netuid);
		LastCommit::<T>::insert(netuid, 0, BlockNumberFor::<T>::from(1u32));
		outstanding_commits::<T>(netuid, &validator, MAX_COMMITS - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(validator.clone()), netuid, H256::repeat_byte(0xff));

		assert_eq!(
			Commits::<T>::get(netuid, &validator).map(|c| c.len() as u32),
			Some(MAX_COMMITS)
		);
	}

	/// `e` entries and the longest salt, the matching commit last of `MAX_COMMITS`.
	#[benchmark]
	fn reveal_weights(e: Linear<1, 4096>) {
		let (netuid, validator) = validator_with_row::<T>();
		T::BenchmarkHelper::enable_commit_reveal(netuid);
		let uids: Vec<u16> = (0..e as u16).collect();
		let weights = vec![7u16; e as usize];
		let salt: Vec<u16> = (0..MAX_SALT_LEN as u16).collect();
		outstanding_commits::<T>(netuid, &validator, MAX_COMMITS - 1);
		let hash = WeightsPallet::<T>::commit_hash(&validator, netuid, &uids, &weights, &salt, 0);
		Commits::<T>::mutate(netuid, &validator, |commits| {
			let mut all = commits.take().map(|c| c.into_inner()).unwrap_or_default();
			all.push((hash, T::Epochs::current_epoch(netuid)));
			*commits = Some(BoundedVec::truncate_from(all));
		});
		// The reveal window: `commit_reveal_period` epochs after the commit's.
		let params = T::Subnets::hyperparams(netuid).expect("exists");
		let committed = T::Epochs::current_epoch(netuid);
		T::BenchmarkHelper::set_epoch(netuid, committed + u64::from(params.commit_reveal_period));

		#[extrinsic_call]
		_(RawOrigin::Signed(validator), netuid, uids, weights, salt, 0);

		assert_eq!(Entries::<T>::get(netuid), e);
	}
}
