//! `make try-runtime`: the runtime upgrade as `try-runtime` runs it
//! (`Executive::try_runtime_upgrade` with every check: each migration's `pre_upgrade` and
//! `post_upgrade`, each pallet's storage version against its code, every pallet's
//! `try_state`), on a dev chain filled through the calls and then put back into the layout
//! of the last release (storage version 0 of Yuma, Weights and Subnets: no epoch index, commits
//! stamped with blocks, one value per uid for hotkeys and registration blocks, no subnet
//! registration blocks); then the
//! multi-block migrations to their end, a step per block, with their own pre/post checks and
//! every `try_state` after each step. Only built with the `try-runtime` feature.
#![cfg(feature = "try-runtime")]

mod common;

use codec::Encode;
use common::{externalities, run_to, step_multi_block_migrations};
use frame_support::{
	traits::{GetStorageVersion, StorageVersion},
	BoundedVec,
};
use frame_try_runtime::UpgradeCheckSelect;
use myelin_runtime::{genesis_config_presets, Executive, Runtime, RuntimeOrigin, MYL};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Weights = pallet_weights::Pallet<Runtime>;
type Yuma = pallet_yuma::Pallet<Runtime>;

#[test]
fn the_upgrade_passes_every_try_runtime_check() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let signed = |k: sp_keyring::Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		run_to(1);
		// Two subnets, neurons, stake with a nominator, a row, epochs, a pending commit.
		Subnets::register_network(signed(Alice), Charlie.to_account_id()).unwrap();
		Subnets::register_network(signed(Alice), Dave.to_account_id()).unwrap();
		for netuid in [1, 2] {
			Subnets::burned_register(signed(Bob), netuid, Eve.to_account_id()).unwrap();
			Subnets::burned_register(signed(Bob), netuid, Ferdie.to_account_id()).unwrap();
			Subnets::set_hyperparameter(
				RuntimeOrigin::root(),
				netuid,
				pallet_subnets::Hyperparameter::WeightsRateLimit(1),
			)
			.unwrap();
		}
		Staking::add_stake(signed(Bob), Eve.to_account_id(), 100 * MYL).unwrap();
		Staking::add_stake(signed(Charlie), Eve.to_account_id(), 50 * MYL).unwrap();
		Subnets::serve_axon(signed(Ferdie), 1, b"http://127.0.0.1:8091".to_vec()).unwrap();
		run_to(25);
		Weights::set_weights(signed(Eve), 1, vec![2], vec![1], 0).unwrap();
		Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			2,
			pallet_subnets::Hyperparameter::CommitRevealEnabled(true),
		)
		.unwrap();
		let hash = Weights::commit_hash(&Eve.to_account_id(), 2, &[2], &[1], &[9], 0);
		Weights::commit_weights(signed(Eve), 2, hash).unwrap();
		run_to(47);

		// Back to the last release's layout.
		for netuid in [1, 2] {
			pallet_yuma::EpochIndex::<Runtime>::remove(netuid);
		}
		let key = pallet_weights::Commits::<Runtime>::hashed_key_for(2, Eve.to_account_id());
		let old: BoundedVec<(sp_core::H256, u32), frame_support::traits::ConstU32<10>> =
			BoundedVec::truncate_from(vec![(hash, 45u32)]);
		frame_support::storage::unhashed::put_raw(&key, &old.encode());
		StorageVersion::new(0).put::<Yuma>();
		StorageVersion::new(0).put::<Weights>();
		let columns: Vec<_> = [1, 2].map(pallet_subnets::Hotkeys::<Runtime>::get).into();
		let pages: Vec<_> = [1, 2].map(Subnets::coldkeys_and_axons).into();
		for netuid in [1, 2] {
			pallet_subnets::migrations::v3::to_old_layout::<Runtime>(netuid);
			pallet_subnets::migrations::v1::to_old_layout::<Runtime>(netuid);
		}
		assert_eq!(pallet_subnets::migrations::v3::Axons::<Runtime>::iter_keys().count(), 1);
		assert!(pallet_subnets::Hotkeys::<Runtime>::get(1).is_empty());
		// Nor did it keep subnets' registration blocks (Subnets version 2).
		let _ = pallet_subnets::NetworkRegisteredAt::<Runtime>::clear(u32::MAX, None);

		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("every pre/post check and try_state holds");
		assert!(weight.ref_time() > 0);
		assert_eq!(Yuma::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(Weights::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(Subnets::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(pallet_yuma::EpochIndex::<Runtime>::get(2), 47 / 10);
		let commits = pallet_weights::Commits::<Runtime>::get(2, Eve.to_account_id()).unwrap();
		assert_eq!(commits.to_vec(), vec![(hash, 4)]);
		println!(
			"try-runtime: on_runtime_upgrade with all checks passed, weight {} µs",
			weight.ref_time() / 1_000_000
		);

		// The multi-block migrations, a step per block, each block's invariants checked.
		let steps = step_multi_block_migrations();
		assert!(steps >= 1);
		assert_eq!([1, 2].map(pallet_subnets::Hotkeys::<Runtime>::get).to_vec(), columns);
		assert!(pallet_subnets::migrations::v1::old_layout_is_empty::<Runtime>());
		assert_eq!([1, 2].map(Subnets::coldkeys_and_axons).to_vec(), pages);
		assert_eq!(pallet_subnets::migrations::v3::Axons::<Runtime>::iter_keys().count(), 0);
		assert_eq!(pallet_subnets::NeuronPages::<Runtime>::iter_keys().count(), 2);
		println!("try-runtime: multi-block migrations done in {steps} blocks");
	});
}
