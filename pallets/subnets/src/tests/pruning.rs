//! Subnet pruning: at `SubnetLimit`, `register_network` replaces the subnet with the lowest
//! emission share whose network immunity has passed.

use super::*;
use frame_support::{assert_noop, assert_ok};

/// Three subnets (netuids 1, 2, 3 of Alice, Bob and Alice) at blocks 1, 2, 3, with a limit of
/// three and an immunity of 10 blocks.
fn full_chain() -> sp_io::TestExternalities {
	let mut ext = ExtBuilder::default().subnet_limit(3).build();
	ext.execute_with(|| {
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::NetworkImmunityPeriod(10)
		));
		for (block, owner, hotkey) in [(1, ALICE, 101), (2, BOB, 201), (3, ALICE, 102)] {
			run_to_block(block);
			register_subnet(owner, hotkey);
		}
	});
	ext
}

fn run(test: impl FnOnce()) {
	full_chain().execute_with(|| {
		test();
		assert_ok!(Subnets::do_try_state());
	});
}

#[test]
fn every_subnet_immune_refuses_by_name_and_changes_nothing() {
	run(|| {
		set_share(2, 0);
		// Block 10: subnet 1, the oldest (block 1), has 9 of its 10 immune blocks behind it.
		run_to_block(10);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301),
			Error::<Test>::AllSubnetsImmune
		);
		// One block later subnet 1 is past it, but subnet 2 (share 0) is not yet.
		run_to_block(11);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301));
		assert!(!SubnetOwner::<Test>::contains_key(1));
	});
}

#[test]
fn the_lowest_share_past_immunity_is_pruned_and_its_owner_gets_the_lock_back() {
	run(|| {
		set_share(1, 500_000_000);
		set_share(2, 100_000_000);
		set_share(3, 400_000_000);
		run_to_block(20);
		let bob_held = Subnets::held_for_locks(&BOB);
		let bob_free = free(BOB);
		assert!(bob_held > 0);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301));
		// Bob's subnet 2 goes, with its lock; the new subnet takes netuid 4 (2 is being
		// cleared).
		assert_eq!(Subnets::held_for_locks(&BOB), 0);
		assert_eq!(free(BOB), bob_free + bob_held);
		assert!(!SubnetOwner::<Test>::contains_key(2));
		assert!(Dissolving::<Test>::contains_key(2));
		assert_eq!(SubnetOwner::<Test>::get(4), Some(CHARLIE));
		assert_eq!(SubnetOwner::<Test>::count(), 3);
		let events = subnet_events();
		let n = events.len();
		assert_eq!(events[n - 2], Event::NetworkPruned { netuid: 2, lock_released: bob_held });
		assert!(matches!(
			events[n - 1],
			Event::NetworkRegistered { netuid: 4, owner: CHARLIE, .. }
		));
		// The other pallets were told, as for dissolve_network.
		assert!(hook_calls().contains(&HookCall::NetworkDissolved { netuid: 2 }));
		next_block();
		assert_no_storage_of(2);
	});
}

#[test]
fn an_immune_subnet_is_skipped_even_with_the_lowest_share() {
	run(|| {
		set_share(1, 600_000_000);
		set_share(2, 300_000_000);
		set_share(3, 0);
		// Block 12: subnets 1 and 2 are past their immunity (registered at 1 and 2), 3 is not.
		run_to_block(12);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301));
		assert!(SubnetOwner::<Test>::contains_key(3) && SubnetOwner::<Test>::contains_key(1));
		assert!(!SubnetOwner::<Test>::contains_key(2));
	});
}

#[test]
fn equal_shares_prune_the_oldest() {
	run(|| {
		for netuid in 1..=3 {
			set_share(netuid, 1_000_000_000 / 3);
		}
		run_to_block(50);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301));
		assert!(!SubnetOwner::<Test>::contains_key(1));
		assert!(SubnetOwner::<Test>::contains_key(2) && SubnetOwner::<Test>::contains_key(3));
	});
}

#[test]
fn a_registration_refused_for_its_lock_prunes_nothing() {
	run(|| {
		set_share(2, 0);
		run_to_block(50);
		// A coldkey that cannot pay the lock.
		let poor: AccountId = 77;
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(poor), 701),
			Error::<Test>::InsufficientBalanceForLock
		);
		assert!(SubnetOwner::<Test>::contains_key(2));
	});
}

#[test]
fn network_immunity_is_root_settable() {
	test(|| {
		assert_eq!(NetworkImmunityPeriod::<Test>::get(), 100_800);
		assert_noop!(
			Subnets::set_network_parameter(
				RuntimeOrigin::signed(ALICE),
				NetworkParameter::NetworkImmunityPeriod(5)
			),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::NetworkImmunityPeriod(5)
		));
		assert_eq!(NetworkImmunityPeriod::<Test>::get(), 5);
	});
}
