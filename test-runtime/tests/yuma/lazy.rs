//! Lazy payouts: an epoch owes, `on_idle` pays with the weight it is given, Staking settles a
//! hotkey before its pool changes, pruning and dissolution keep what is owed.

use super::*;
use frame_support::traits::Get;
use myelin_test_runtime::IdleWeight;

const NOMINATOR: AccountId = 7;

/// The subnet of [`subnet`], with both validators weighting both miners after the first
/// epoch; runs to block 21 (the second epoch) with `idle` weight for `on_idle`.
fn subnet_after_two_epochs(idle: Weight) -> u16 {
	let netuid = subnet();
	run_to_block(11);
	set_weights(netuid, 1, vec![(3, 60_000), (4, 5_535)]);
	set_weights(netuid, 2, vec![(3, 50_000), (4, 15_535)]);
	IdleWeight::set(idle);
	run_to_block(21);
	netuid
}

fn owed(netuid: u16, uid: usize) -> (u64, u64) {
	Owed::<Test>::get(netuid).get(uid).copied().unwrap_or_default()
}

/// What one uid's payout weighs in `on_idle` (the test runtime's `()` weights).
fn per_uid() -> Weight {
	<() as pallet_yuma::WeightInfo>::settle()
}

#[test]
fn an_epoch_only_owes_and_on_idle_pays_as_far_as_its_weight_goes() {
	test(|| {
		let netuid = subnet_after_two_epochs(Weight::zero());
		let (miner_a, validator_a) = (stake_of(MINER_A), stake_of(VALIDATOR_A));
		// The epoch owed every uid its share and paid nobody but the owner.
		let earned: u128 =
			(0..5).map(|uid| owed(netuid, uid)).map(|(i, d)| u128::from(i + d)).sum();
		assert!(owed(netuid, 3).0 > 0 && owed(netuid, 1).1 > 0);
		assert_eq!(TotalOwed::<Test>::get(), earned);
		assert_eq!(stake_of(MINER_A), miner_a);
		// Room for the fixed reads and one payout: one uid is paid per block, in uid order.
		let db: frame_support::weights::RuntimeDbWeight =
			<<Test as frame_system::Config>::DbWeight as Get<_>>::get();
		let one = db.reads(2).saturating_add(db.reads_writes(1, 1)).saturating_add(per_uid());
		let used = Yuma::on_idle(22, one);
		assert!(used.all_lte(one), "on_idle used {used} of {one}");
		assert_eq!(owed(netuid, 1), (0, 0), "uid 1 (validator A) paid first");
		assert!(stake_of(VALIDATOR_A) > validator_a);
		assert_ne!(owed(netuid, 2), (0, 0), "uid 2 not yet");
		assert_eq!(stake_of(MINER_A), miner_a);
		myelin_test_runtime::check_invariants();
		// Less than one payout: nothing moves.
		let paid = TotalPaid::<Test>::get();
		let short = one.saturating_sub(Weight::from_parts(1, 0));
		assert!(Yuma::on_idle(22, short).all_lte(short));
		assert_eq!(TotalPaid::<Test>::get(), paid);
		// Plenty: everything is paid and the column goes.
		Yuma::on_idle(22, Weight::MAX);
		assert!(!Owed::<Test>::contains_key(netuid));
		assert_eq!(TotalOwed::<Test>::get(), 0);
		assert!(stake_of(MINER_A) > miner_a);
	});
}

#[test]
fn a_block_with_spare_weight_pays_its_epoch_in_full() {
	test(|| {
		let netuid = subnet_after_two_epochs(Weight::MAX);
		assert!(!Owed::<Test>::contains_key(netuid));
		assert_eq!(TotalOwed::<Test>::get(), 0);
		assert!(stake_of(MINER_A) > stake_of(MINER_B));
	});
}

#[test]
fn staking_to_a_hotkey_settles_it_first_so_a_late_nominator_gets_none_of_the_dividend() {
	test(|| {
		let netuid = subnet_after_two_epochs(Weight::zero());
		let dividend = owed(netuid, 1).1;
		assert!(dividend > 0);
		let before = stake_of(VALIDATOR_A);
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(NOMINATOR), VALIDATOR_A, 100 * MYL));
		// The dividend went to validator A's stakers of before; the nominator holds exactly
		// what it staked (rounding down at most one unit).
		assert_eq!(owed(netuid, 1), (0, 0));
		assert!(stake_of(VALIDATOR_A) >= before + u128::from(dividend) + 100 * MYL - 2);
		assert!(Staking::stake_of(&NOMINATOR, &VALIDATOR_A).abs_diff(100 * MYL) <= 1);
		// The other uids are still owed.
		assert_ne!(owed(netuid, 2), (0, 0));
	});
}

#[test]
fn a_refused_stake_call_settles_nothing() {
	test(|| {
		let netuid = subnet_after_two_epochs(Weight::zero());
		let owed_before = owed(netuid, 1);
		assert!(Staking::remove_stake(RuntimeOrigin::signed(NOMINATOR), VALIDATOR_A, MYL).is_err());
		assert_eq!(owed(netuid, 1), owed_before);
	});
}

#[test]
fn a_pruned_neuron_is_paid_before_its_uid_changes_hands() {
	test(|| {
		let netuid = subnet_after_two_epochs(Weight::zero());
		let (incentive, _) = owed(netuid, 3);
		assert!(incentive > 0);
		let before = stake_of(MINER_A);
		<Yuma as OnNeuronRemoved<AccountId>>::on_neuron_removed(netuid, 3, &MINER_A);
		assert_eq!(owed(netuid, 3), (0, 0));
		assert_eq!(stake_of(MINER_A), before + u128::from(incentive));
	});
}

#[test]
fn a_dissolved_subnets_owed_rewards_keep_their_hotkeys_and_are_paid_by_on_idle() {
	test(|| {
		let netuid = subnet_after_two_epochs(Weight::zero());
		let owed_total = TotalOwed::<Test>::get();
		let (incentive, _) = owed(netuid, 3);
		let before = stake_of(MINER_A);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(OWNER), netuid));
		assert!(!Owed::<Test>::contains_key(netuid));
		assert_eq!(TotalOwed::<Test>::get(), owed_total, "nothing owed was dropped");
		assert_eq!(OwedRetired::<Test>::iter().count(), 1);
		myelin_test_runtime::check_invariants();
		IdleWeight::set(Weight::MAX);
		run_to_block(22);
		assert_eq!(OwedRetired::<Test>::iter().count(), 0);
		assert_eq!(TotalOwed::<Test>::get(), 0);
		assert_eq!(stake_of(MINER_A), before + u128::from(incentive));
	});
}
