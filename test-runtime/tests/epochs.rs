//! One definition of "epoch": the Weights pallet's commit-reveal windows follow the epochs the
//! Yuma pallet actually runs, staggered by netuid and deferred when a block's epoch budget is
//! spent, and `next_epoch_block` says when the next one comes.
//!
//! Eleven subnets with tempo 10 are registered at block 20 and first scheduled at block 21:
//! netuid `k` gets the phase `21 − (k mod 10)`, so subnet 2 runs its first epoch at block 29,
//! subnets 1 and 11 are both due at block 30 and subnet 10 at block 31. With room for one epoch
//! per block, subnet 11 is deferred from 30 to 31 and subnet 10 from 31 to 32.

use frame_support::{assert_noop, assert_ok};
use myelin_test_runtime::{
	current_epoch, epochs_at, register, register_subnet, run_to_block, set_hyper, set_permit,
	stake, test, MaxEpochWeight, RuntimeOrigin, Test, WeightsPallet, Yuma, H, MINER_COLDKEY, MYL,
	VALIDATOR_COLDKEY,
};
use pallet_weights::{Error, LastUpdate};
use pallet_yuma::WeightInfo;

/// The validator and miner hotkeys of `netuid`.
fn validator(netuid: u16) -> u64 {
	1_000 + u64::from(netuid)
}
fn miner(netuid: u16) -> u64 {
	2_000 + u64::from(netuid)
}

/// Subnets 1..=11; each has a staked validator with a permit (uid 1) and a miner (uid 2), and
/// commit-reveal on with a period of one epoch.
fn eleven_subnets() {
	run_to_block(20);
	for k in 1..=11u16 {
		let netuid = register_subnet(100 + u64::from(k));
		assert_eq!(netuid, k);
		assert_eq!(register(netuid, VALIDATOR_COLDKEY, validator(netuid)), 1);
		assert_eq!(register(netuid, MINER_COLDKEY, miner(netuid)), 2);
		stake(VALIDATOR_COLDKEY, validator(netuid), 100 * MYL);
		set_permit(netuid, 1, true);
		set_hyper(netuid, H::WeightsRateLimit(1));
		set_hyper(netuid, H::CommitRevealEnabled(true));
		set_hyper(netuid, H::CommitRevealPeriod(1));
	}
	// Room for one epoch per block: the first due subnet runs, the others wait.
	MaxEpochWeight::set(<() as WeightInfo>::epoch(3, 0));
}

fn commit(netuid: u16) -> sp_runtime::DispatchResult {
	let hash = WeightsPallet::commit_hash(&validator(netuid), netuid, &[2], &[1], &[7], 0);
	WeightsPallet::commit_weights(RuntimeOrigin::signed(validator(netuid)), netuid, hash)
}

fn reveal(netuid: u16) -> sp_runtime::DispatchResult {
	WeightsPallet::reveal_weights(
		RuntimeOrigin::signed(validator(netuid)),
		netuid,
		vec![2],
		vec![1],
		vec![7],
		0,
	)
}

#[test]
fn epochs_are_staggered_and_deferred_as_scheduled() {
	test(|| {
		eleven_subnets();
		run_to_block(32);
		assert_eq!(epochs_at(28), vec![3]);
		assert_eq!(epochs_at(29), vec![2]);
		// Subnets 1 and 11 are both due at 30: 1 runs, 11 is deferred; at 31 subnet 11 (more
		// overdue) runs before subnet 10, which is deferred to 32.
		assert_eq!(epochs_at(30), vec![1]);
		assert_eq!(epochs_at(31), vec![11]);
		assert_eq!(epochs_at(32), vec![10]);
		for netuid in 1..=11 {
			assert_eq!(current_epoch(netuid), 1, "netuid {netuid}");
		}
	});
}

#[test]
fn next_epoch_block_follows_staggering_and_deferral() {
	test(|| {
		eleven_subnets();
		// Before Yuma has seen them: from the phase they will get at block 21.
		assert_eq!(Yuma::next_epoch_block(2), Some(29));
		run_to_block(25);
		assert_eq!(Yuma::next_epoch_block(2), Some(29));
		assert_eq!(Yuma::next_epoch_block(11), Some(30));
		run_to_block(30);
		// Subnet 11 was due at 30 and deferred: next block.
		assert_eq!(Yuma::next_epoch_block(11), Some(31));
		assert_eq!(Yuma::next_epoch_block(1), Some(40));
		run_to_block(31);
		assert_eq!(Yuma::next_epoch_block(11), Some(41));
		assert_eq!(Yuma::next_epoch_block(10), Some(32));
	});
}

#[test]
fn a_staggered_subnet_reveals_at_its_own_epoch() {
	test(|| {
		eleven_subnets();
		run_to_block(25);
		assert_ok!(commit(2));
		// Block 28 is still epoch 0 of subnet 2.
		run_to_block(28);
		assert_noop!(reveal(2), Error::<Test>::RevealTooEarly);
		// Subnet 2's epoch ran at 29 (block / tempo would still say the commit's epoch).
		run_to_block(29);
		assert_eq!(current_epoch(2), 1);
		assert_ok!(reveal(2));
		assert_eq!(LastUpdate::<Test>::get(2, 1), Some(29));
	});
}

#[test]
fn a_deferred_epoch_moves_the_reveal_window() {
	test(|| {
		eleven_subnets();
		run_to_block(25);
		assert_ok!(commit(11));
		// Subnet 11 was due at 30 but deferred: block 30 is still its epoch 0, although
		// block / tempo would already say the next epoch.
		run_to_block(30);
		assert_eq!(epochs_at(30), vec![1]);
		assert_eq!(current_epoch(11), 0);
		assert_noop!(reveal(11), Error::<Test>::RevealTooEarly);
		run_to_block(31);
		assert_eq!(current_epoch(11), 1);
		assert_ok!(reveal(11));
		assert_eq!(LastUpdate::<Test>::get(11, 1), Some(31));
	});
}

#[test]
fn the_window_closes_at_the_next_real_epoch() {
	test(|| {
		eleven_subnets();
		run_to_block(25);
		assert_ok!(commit(11));
		// Epoch 1 of subnet 11 runs from 31 to its next epoch (due at 41; with room for one
		// epoch per block it may come later, and the window stays open until it does).
		run_to_block(40);
		assert_eq!(current_epoch(11), 1);
		let next = Yuma::next_epoch_block(11).unwrap();
		assert!(next >= 41);
		run_to_block(next - 1);
		assert_eq!(current_epoch(11), 1);
		let mut block = next - 1;
		while current_epoch(11) == 1 {
			assert!(block < next + 11, "the deferred epoch ran within eleven blocks");
			block += 1;
			run_to_block(block);
		}
		assert_eq!(current_epoch(11), 2);
		assert_noop!(reveal(11), Error::<Test>::RevealExpired);
	});
}

#[test]
fn an_epoch_heavier_than_the_budget_does_not_run_and_keeps_its_emission() {
	test(|| {
		eleven_subnets();
		// Room for an epoch of 3 uids, not for one of 4: subnet 2 gets a third neuron.
		assert_eq!(register(2, MINER_COLDKEY, 3_002), 3);
		MaxEpochWeight::set(<() as WeightInfo>::epoch(3, 0));
		run_to_block(28);
		let pending = pallet_yuma::PendingEmission::<Test>::get(2);
		run_to_block(29);
		// Due at 29: not run, its tempo passed, its emission kept (and grew by a block's share).
		assert!(epochs_at(29).is_empty());
		let limit = <() as WeightInfo>::epoch(3, 0).ref_time();
		let weight = <() as WeightInfo>::epoch(4, 0).ref_time();
		assert!(myelin_test_runtime::yuma_events().contains(&pallet_yuma::Event::EpochTooHeavy {
			netuid: 2,
			weight,
			limit
		}));
		assert_eq!(current_epoch(2), 1);
		assert!(pallet_yuma::PendingEmission::<Test>::get(2) > pending);
		assert_eq!(Yuma::next_epoch_block(2), Some(39));
		// The other subnets still run in their blocks.
		run_to_block(30);
		assert_eq!(epochs_at(30), vec![1]);
	});
}
