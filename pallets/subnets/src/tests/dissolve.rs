//! `dissolve_network`.

use super::*;
use frame_support::{assert_noop, assert_ok, weights::Weight};
use sp_runtime::DispatchError;

/// A subnet of Alice with three more neurons (coldkey Bob) that all served an axon.
fn populated_subnet() -> u16 {
	let netuid = register_subnet(ALICE, 101);
	for hotkey in [201, 202, 203] {
		register_neuron(netuid, BOB, hotkey);
	}
	for hotkey in [101, 201, 202, 203] {
		assert_ok!(Subnets::serve_axon(
			RuntimeOrigin::signed(hotkey),
			netuid,
			b"http://10.0.0.1:8091".to_vec()
		));
	}
	netuid
}

#[test]
fn owner_dissolves_and_gets_the_lock_back_exactly() {
	test(|| {
		let before_registration = free(ALICE);
		let netuid = populated_subnet();
		root_set(netuid, Hyperparameter::Kappa(7));
		assert_eq!(free(ALICE), before_registration - 100 * MYL);
		let issuance_before = issuance();
		let bob_before = free(BOB);

		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));

		assert_eq!(free(ALICE), before_registration);
		assert_eq!(held(ALICE), 0);
		assert_eq!(free(BOB), bob_before);
		assert_eq!(issuance(), issuance_before);
		assert_eq!(
			last_subnet_event(),
			Event::NetworkDissolved { netuid, lock_released: 100 * MYL }
		);
		assert_eq!(hook_calls(), vec![HookCall::NetworkDissolved { netuid }]);
		next_block();
		assert_no_storage_of(netuid);
		assert_eq!(SubnetOwner::<Test>::count(), 0);
		// Hotkey ownership is permanent.
		for hotkey in [201, 202, 203] {
			assert_eq!(HotkeyOwner::<Test>::get(hotkey), Some(BOB));
		}
		assert_eq!(HotkeyOwner::<Test>::get(101), Some(ALICE));
	});
}

#[test]
fn root_dissolves_and_the_owner_gets_the_lock() {
	test(|| {
		let netuid = populated_subnet();
		let alice_before = free(ALICE);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), netuid));
		assert_eq!(free(ALICE), alice_before + 100 * MYL);
		assert_eq!(held(ALICE), 0);
		next_block();
		assert_no_storage_of(netuid);
		assert_eq!(hook_calls(), vec![HookCall::NetworkDissolved { netuid }]);
	});
}

#[test]
fn a_stranger_cannot_dissolve() {
	test(|| {
		let netuid = populated_subnet();
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(BOB), netuid),
			Error::<Test>::NotSubnetOwner
		);
		// Not even with the owner hotkey.
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(101), netuid),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::none(), netuid),
			DispatchError::BadOrigin
		);
		assert!(hook_calls().is_empty());
	});
}

#[test]
fn dissolving_an_unknown_subnet_is_refused() {
	test(|| {
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::root(), 1),
			Error::<Test>::SubnetNotFound
		);
		let netuid = register_subnet(ALICE, 101);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::root(), 0),
			Error::<Test>::SubnetNotFound
		);
	});
}

#[test]
fn dissolving_one_subnet_leaves_the_others_intact() {
	test(|| {
		// Alice owns two subnets with locks of 100 and 200 MYL; Bob one of 400 MYL.
		let first = populated_subnet();
		let second = register_subnet(ALICE, 102);
		let third = register_subnet(BOB, 204);
		register_neuron(second, CHARLIE, 301);
		register_neuron(third, CHARLIE, 301);
		assert_eq!(held(ALICE), 300 * MYL);
		assert_eq!(held(BOB), 400 * MYL);

		let second_keys = Hotkeys::<Test>::get(second);
		let alice_before = free(ALICE);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), first));

		assert_eq!(free(ALICE), alice_before + 100 * MYL);
		assert_eq!(held(ALICE), 200 * MYL);
		assert_eq!(held(BOB), 400 * MYL);
		next_block();
		assert_no_storage_of(first);
		assert_eq!(Hotkeys::<Test>::get(second), second_keys);
		assert_eq!(SubnetworkN::<Test>::get(third), 2);
		assert_eq!(Uids::<Test>::get(third, 301), Some(1));
		assert_eq!(SubnetLocked::<Test>::get(second), Some(200 * MYL));
		assert_eq!(SubnetLocked::<Test>::get(third), Some(400 * MYL));
	});
}

#[test]
fn a_dissolved_netuid_starts_afresh() {
	test(|| {
		let netuid = populated_subnet();
		root_set(netuid, Hyperparameter::MaxAllowedUids(1000));
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		run_to_block(20);
		// Bob reuses the netuid: default hyperparameters, fresh price, only his hotkey.
		let again = register_subnet(BOB, 204);
		assert_eq!(again, netuid);
		assert_eq!(SubnetOwner::<Test>::get(netuid), Some(BOB));
		assert_eq!(params(netuid), SubnetHyperparams::with_tempo(360));
		assert_eq!(BurnPrice::<Test>::get(netuid), Some(BurnState { base: MYL, since: 20 }));
		assert_eq!(SubnetworkN::<Test>::get(netuid), 1);
		assert_eq!(Hotkeys::<Test>::get(netuid).into_inner(), vec![204]);
		assert_eq!(axon_of(netuid, 0), None);
		// Bob's old neurons may register again, under Bob only.
		assert_eq!(register_neuron(netuid, BOB, 201), 1);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(CHARLIE), netuid, 202),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
	});
}

#[test]
fn dissolving_a_full_subnet_clears_every_neuron() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		root_set(netuid, Hyperparameter::MaxAllowedUids(300));
		for hotkey in 1_000..1_299 {
			register_neuron(netuid, BOB, hotkey);
		}
		assert_eq!(SubnetworkN::<Test>::get(netuid), 300);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		next_block();
		assert_no_storage_of(netuid);
	});
}

#[test]
fn per_uid_values_are_cleared_over_blocks_within_the_weight_given() {
	// Block by block: each block's writes reach the backend before the next (`clear_prefix`
	// limits count backend deletions).
	let mut ext = new_test_ext();
	let (netuid, n) = ext.execute_with(|| {
		let netuid = populated_subnet();
		(netuid, SubnetworkN::<Test>::get(netuid))
	});
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		// Gone as a subnet at once; its uids wait to be cleared, the netuid stays taken.
		assert!(!SubnetOwner::<Test>::contains_key(netuid));
		assert!(Dissolving::<Test>::contains_key(netuid));
		assert_eq!(Uids::<Test>::iter_prefix(netuid).count(), usize::from(n));
		assert_ne!(register_subnet(BOB, 204), netuid);
		assert_ok!(Subnets::do_try_state());
	});
	ext.commit_all().unwrap();
	// Room for two values a block.
	let limit = <() as WeightInfo>::clear_dissolved(2);
	let mut blocks = 0;
	while ext.execute_with(|| Dissolving::<Test>::contains_key(netuid)) {
		ext.execute_with(|| {
			let used = Subnets::clear_dissolved_with(limit);
			assert!(used.all_lte(limit));
			assert_ok!(Subnets::do_try_state());
		});
		ext.commit_all().unwrap();
		blocks += 1;
		assert!(blocks < 100);
	}
	ext.execute_with(|| {
		// n uids, at most two a block.
		assert!(blocks >= usize::from(n).div_ceil(2), "{blocks} blocks");
		assert_eq!(last_subnet_event(), Event::NetworkCleared { netuid });
		assert_no_storage_of(netuid);
		// Too little weight to find a dissolving netuid: nothing done.
		assert_eq!(Subnets::clear_dissolved_with(Weight::zero()), Weight::zero());
		// The netuid is free again.
		assert_eq!(register_subnet(CHARLIE, 301), netuid);
	});
}
