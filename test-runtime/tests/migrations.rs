//! The storage migrations of this round, on state written in the old layout: Yuma v0 → v1
//! starts each subnet's epoch index at `now / tempo`, then Weights v0 → v1 turns each
//! commit's block into the epoch it was made in and drops commits whose window had passed.

use codec::Encode;
use frame_support::{
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	BoundedVec,
};
use myelin_test_runtime::{
	current_epoch, register, register_subnet, run_to_block, set_hyper, test, Test, WeightsPallet,
	Yuma, H, VALIDATOR_COLDKEY,
};
use pallet_weights::{migrations::v1::OldCommits, Commits};
use pallet_yuma::{EpochIndex, LastEpoch};
use sp_core::H256;

type Migrations = (
	pallet_yuma::migrations::v1::MigrateToV1<Test>,
	pallet_weights::migrations::v1::MigrateToV1<Test>,
);

/// Write `commits` for `(netuid, hotkey)` as version 0 stored them: `(hash, block)`.
fn put_old_commits(netuid: u16, hotkey: u64, commits: Vec<(H256, u64)>) {
	let key = Commits::<Test>::hashed_key_for(netuid, hotkey);
	let old: OldCommits<Test> = BoundedVec::truncate_from(commits);
	frame_support::storage::unhashed::put_raw(&key, &old.encode());
}

#[test]
fn commits_keep_their_distance_to_the_current_epoch() {
	test(|| {
		let netuid = register_subnet(100);
		register(netuid, VALIDATOR_COLDKEY, 101);
		register(netuid, VALIDATOR_COLDKEY, 102);
		set_hyper(netuid, H::CommitRevealEnabled(true));
		set_hyper(netuid, H::CommitRevealPeriod(2));
		run_to_block(95);
		// The chain as version 0 left it: no epoch index, commits stamped with blocks.
		EpochIndex::<Test>::remove(netuid);
		StorageVersion::new(0).put::<Yuma>();
		StorageVersion::new(0).put::<WeightsPallet>();
		let (a, b, c) = (H256::repeat_byte(1), H256::repeat_byte(2), H256::repeat_byte(3));
		// Old epochs (block / 10): 9 now; 8 and 9 are still open with a period of 2, 6 is over.
		put_old_commits(netuid, 101, vec![(a, 85), (b, 91)]);
		put_old_commits(netuid, 102, vec![(c, 64)]);

		Migrations::on_runtime_upgrade();

		assert_eq!(Yuma::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(WeightsPallet::on_chain_storage_version(), StorageVersion::new(1));
		assert!(LastEpoch::<Test>::contains_key(netuid));
		assert_eq!(current_epoch(netuid), 9, "the index continues the old numbering");
		assert_eq!(Commits::<Test>::get(netuid, 101).unwrap().to_vec(), vec![(a, 8), (b, 9)]);
		assert!(Commits::<Test>::get(netuid, 102).is_none(), "an expired commit is dropped");

		// Run once: a second upgrade changes nothing.
		Migrations::on_runtime_upgrade();
		assert_eq!(current_epoch(netuid), 9);
		assert_eq!(Commits::<Test>::get(netuid, 101).unwrap().len(), 2);
	});
}

#[test]
fn the_old_commit_rule_maps_to_epochs() {
	use pallet_weights::migrations::v1::epoch_of_old_commit as map;
	// Same old epoch: the current one.
	assert_eq!(map(91, 95, 10, 1, 40), Some(40));
	// One epoch back, period 1: still in its window.
	assert_eq!(map(85, 95, 10, 1, 40), Some(39));
	// Two back, period 1: over.
	assert_eq!(map(75, 95, 10, 1, 40), None);
	// A zero tempo counts as 1.
	assert_eq!(map(94, 95, 0, 1, 7), Some(6));
}
