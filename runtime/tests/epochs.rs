//! The real runtime on the dev genesis (tempo 10): subnets first scheduled in the same block
//! get staggered epochs, `subnets_list`'s `epoch` and `next_epoch_block` report them, and a
//! commit on a staggered subnet opens its reveal window at that subnet's own epoch, not at
//! `block / tempo`. (Deferral, which needs a block whose epoch budget is spent, is shown with
//! a lowered budget in `test-runtime/tests/epochs.rs`.)

mod common;

use common::{externalities, run_to};
use frame_support::{assert_noop, assert_ok};
use myelin_runtime::{genesis_config_presets, subnets_api, Runtime, RuntimeOrigin, MYL};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Weights = pallet_weights::Pallet<Runtime>;

/// `(epoch, next_epoch_block)` of `netuid` as `subnets_list` reports it now.
fn schedule(netuid: u16) -> (u64, u64) {
	let info = subnets_api::subnets().into_iter().find(|s| s.netuid == netuid).unwrap();
	(info.epoch, info.next_epoch_block)
}

#[test]
fn staggered_epochs_are_reported_and_open_reveal_windows() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let signed = |k: sp_keyring::Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		run_to(20);
		// Alice owns subnets 1 and 2 (owner hotkeys Charlie and Dave); Eve validates on 2.
		assert_ok!(Subnets::register_network(signed(Alice), Charlie.to_account_id()));
		assert_ok!(Subnets::register_network(signed(Alice), Dave.to_account_id()));
		assert_ok!(Subnets::burned_register(signed(Bob), 2, Eve.to_account_id()));
		assert_ok!(Subnets::burned_register(signed(Bob), 2, Ferdie.to_account_id()));
		assert_ok!(Staking::add_stake(signed(Bob), Eve.to_account_id(), 100 * MYL));
		for param in [
			pallet_subnets::Hyperparameter::WeightsRateLimit(1),
			pallet_subnets::Hyperparameter::CommitRevealEnabled(true),
		] {
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), 2, param));
		}
		// Before Yuma has seen them: the phases they get at block 21.
		assert_eq!(schedule(1), (0, 30));
		assert_eq!(schedule(2), (0, 29));

		// Subnet 2's first epoch (block 29) hands Eve a permit; epoch 1 begins.
		run_to(29);
		assert_eq!(schedule(1), (0, 30));
		assert_eq!(schedule(2), (1, 39));
		run_to(30);
		assert_eq!(schedule(1), (1, 40));

		// Eve commits in block 31 (subnet 2's epoch 1; `block / tempo` would say 3).
		run_to(31);
		let eve = Eve.to_account_id();
		let hash = Weights::commit_hash(&eve, 2, &[2], &[1], &[5], 0);
		assert_ok!(Weights::commit_weights(signed(Eve), 2, hash));
		let reveal = || Weights::reveal_weights(signed(Eve), 2, vec![2], vec![1], vec![5], 0);
		// Block 38 is still epoch 1 of subnet 2 (and already epoch 3 by `block / tempo`).
		run_to(38);
		assert_noop!(reveal(), pallet_weights::Error::<Runtime>::RevealTooEarly);
		// Subnet 2's epoch runs at 39: the window opens there.
		run_to(39);
		assert_eq!(schedule(2), (2, 49));
		assert_ok!(reveal());
		assert_eq!(Weights::last_update(2, 1), Some(39));
	});
}
