//! `burned_register` and pruning.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use Hyperparameter as H;

/// A subnet of Alice (hotkey 101 at uid 0) with room for `max` neurons and the given
/// immunity period.
fn subnet_with(max: u16, immunity: u32) -> u16 {
	let netuid = register_subnet(ALICE, 101);
	root_set(netuid, H::MaxAllowedValidators(1));
	root_set(netuid, H::MaxAllowedUids(max));
	root_set(netuid, H::ImmunityPeriod(immunity));
	netuid
}

#[test]
fn burned_register_gives_the_next_uid() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		let bob_before = free(BOB);
		let issuance_before = issuance();

		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, 201));

		assert_eq!(SubnetworkN::<Test>::get(netuid), 2);
		assert_eq!(hotkey_at(netuid, 1), Some(201));
		assert_eq!(Uids::<Test>::get(netuid, 201), Some(1));
		assert_eq!(registered_at(netuid, 1), Some(1));
		assert_eq!(HotkeyOwner::<Test>::get(201), Some(BOB));
		// 1 MYL is burned: gone from Bob and from the issuance.
		assert_eq!(free(BOB), bob_before - MYL);
		assert_eq!(issuance(), issuance_before - MYL);
		assert_eq!(
			last_subnet_event(),
			Event::NeuronRegistered { netuid, uid: 1, hotkey: 201, burned: MYL }
		);

		run_to_block(5);
		assert_eq!(register_neuron(netuid, CHARLIE, 301), 2);
		assert_eq!(registered_at(netuid, 2), Some(5));
		assert!(hook_calls().is_empty());
	});
}

#[test]
fn a_hotkey_belongs_to_its_first_coldkey() {
	test(|| {
		let first = register_subnet(ALICE, 101);
		let second = register_subnet(BOB, 201);
		register_neuron(first, CHARLIE, 301);
		// Nobody else can register 301, anywhere.
		for (coldkey, netuid) in [(ALICE, first), (BOB, second), (ALICE, second)] {
			assert_noop!(
				Subnets::burned_register(RuntimeOrigin::signed(coldkey), netuid, 301),
				Error::<Test>::HotkeyOwnedByAnotherColdkey
			);
		}
		// Nor the owner hotkeys of the subnets.
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(CHARLIE), second, 101),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
		// Charlie registers 301 on the second subnet too.
		assert_eq!(register_neuron(second, CHARLIE, 301), 1);
		// Alice registers her owner hotkey on Bob's subnet.
		assert_eq!(register_neuron(second, ALICE, 101), 2);
		assert_eq!(HotkeyOwner::<Test>::get(301), Some(CHARLIE));
	});
}

#[test]
fn a_hotkey_registers_once_per_subnet() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, 201),
			Error::<Test>::HotkeyAlreadyRegistered
		);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(ALICE), netuid, 101),
			Error::<Test>::HotkeyAlreadyRegistered
		);
	});
}

#[test]
fn registration_can_be_closed_by_the_owner() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(ALICE),
			netuid,
			H::RegistrationAllowed(false)
		));
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, 201),
			Error::<Test>::RegistrationDisabled
		);
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(ALICE),
			netuid,
			H::RegistrationAllowed(true)
		));
		assert_eq!(register_neuron(netuid, BOB, 201), 1);
	});
}

#[test]
fn burned_register_on_an_unknown_subnet() {
	test(|| {
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(BOB), 1, 201),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::root(), 1, 201),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn burned_register_needs_the_price_and_keeps_the_account_alive() {
	ExtBuilder::default().balance(4, MYL).balance(5, MYL + 1).build_and_execute(|| {
		let netuid = register_subnet(ALICE, 101);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(PAUPER), netuid, 901),
			Error::<Test>::InsufficientBalanceForBurn
		);
		// Exactly the price would kill the account (existential deposit 1).
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(4), netuid, 401),
			Error::<Test>::InsufficientBalanceForBurn
		);
		assert_eq!(HotkeyOwner::<Test>::get(401), None);
		assert_eq!(register_neuron(netuid, 5, 501), 1);
		assert_eq!(free(5), 1);
	});
}

#[test]
fn a_full_subnet_prunes_the_lowest_emission() {
	test(|| {
		let netuid = subnet_with(4, 0);
		for hotkey in [201, 202, 203] {
			register_neuron(netuid, BOB, hotkey);
		}
		for (uid, emission) in [(0, 50), (1, 10), (2, 5), (3, 20)] {
			set_emission(netuid, uid, emission);
		}
		assert_ok!(Subnets::serve_axon(
			RuntimeOrigin::signed(202),
			netuid,
			b"https://miner.example:443".to_vec()
		));
		run_to_block(7);
		System::reset_events();

		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(CHARLIE), netuid, 301));

		let price = match last_subnet_event() {
			Event::NeuronRegistered { burned, .. } => burned,
			other => panic!("{other:?}"),
		};
		assert_eq!(
			subnet_events(),
			vec![
				Event::NeuronPruned { netuid, uid: 2, hotkey: 202 },
				Event::NeuronRegistered { netuid, uid: 2, hotkey: 301, burned: price },
			]
		);
		assert_eq!(hook_calls(), vec![HookCall::NeuronRemoved { netuid, uid: 2, hotkey: 202 }]);
		assert_eq!(SubnetworkN::<Test>::get(netuid), 4);
		assert_eq!(hotkey_at(netuid, 2), Some(301));
		assert_eq!(Uids::<Test>::get(netuid, 301), Some(2));
		assert_eq!(registered_at(netuid, 2), Some(7));
		// No trace of 202 on the subnet, its axon included; it stays Bob's hotkey.
		assert_hotkey_gone(netuid, 202);
		assert_eq!(axon_of(netuid, 2), None);
		assert_eq!(HotkeyOwner::<Test>::get(202), Some(BOB));
		// The other neurons are untouched.
		for (uid, hotkey) in [(0, 101), (1, 201), (3, 203)] {
			assert_eq!(hotkey_at(netuid, uid), Some(hotkey));
		}
	});
}

#[test]
fn immune_neurons_are_not_pruned() {
	test(|| {
		// Registered at block 1 (uid 0), 1 (uid 1), 10 (uid 2), 20 (uid 3); immunity 15.
		let netuid = subnet_with(4, 15);
		register_neuron(netuid, BOB, 201);
		run_to_block(10);
		register_neuron(netuid, BOB, 202);
		run_to_block(20);
		register_neuron(netuid, BOB, 203);
		for (uid, emission) in [(0, 100), (1, 90), (2, 1), (3, 0)] {
			set_emission(netuid, uid, emission);
		}
		// Block 24: uids 2 and 3 are immune, so uid 1 goes although it earns more.
		run_to_block(24);
		register_neuron(netuid, CHARLIE, 301);
		assert_eq!(hotkey_at(netuid, 1), Some(301));
		assert_hotkey_gone(netuid, 201);
		// Block 25: uid 2 (registered at 10) is out of immunity exactly now.
		run_to_block(25);
		register_neuron(netuid, CHARLIE, 302);
		assert_eq!(hotkey_at(netuid, 2), Some(302));
		assert_hotkey_gone(netuid, 202);
	});
}

#[test]
fn every_neuron_immune_means_no_registration() {
	test(|| {
		let netuid = subnet_with(2, 10);
		register_neuron(netuid, BOB, 201);
		run_to_block(11);
		// uid 1 (block 1) leaves immunity at 11; uid 0 too. Make both immune again by pruning.
		register_neuron(netuid, BOB, 202);
		register_neuron(netuid, BOB, 203);
		// Both uids were registered at block 11 now.
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(CHARLIE), netuid, 301),
			Error::<Test>::NoNeuronToPrune
		);
		run_to_block(20);
		assert_noop!(
			Subnets::burned_register(RuntimeOrigin::signed(CHARLIE), netuid, 301),
			Error::<Test>::NoNeuronToPrune
		);
		run_to_block(21);
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(CHARLIE), netuid, 301));
	});
}

#[test]
fn ties_go_to_the_oldest_registration_then_the_lowest_uid() {
	test(|| {
		// uid 0 at block 1; uids 1 and 2 at block 2; uid 3 at block 3. All emissions 0.
		let netuid = subnet_with(4, 0);
		run_to_block(2);
		register_neuron(netuid, BOB, 201);
		register_neuron(netuid, BOB, 202);
		run_to_block(3);
		register_neuron(netuid, BOB, 203);

		let mut pruned = Vec::new();
		for (block, hotkey) in [(10, 301), (11, 302), (12, 303), (13, 304), (14, 305)] {
			run_to_block(block);
			let uid = register_neuron(netuid, CHARLIE, hotkey);
			pruned.push(uid);
		}
		// Oldest first (uid 0), then the two of block 2 by uid, then uid 3, then the first
		// replacement (uid 0 again, registered at block 10).
		assert_eq!(pruned, vec![0, 1, 2, 3, 0]);
		let removed: Vec<AccountId> = hook_calls()
			.into_iter()
			.map(|call| match call {
				HookCall::NeuronRemoved { hotkey, .. } => hotkey,
				other => panic!("{other:?}"),
			})
			.collect();
		assert_eq!(removed, vec![101, 201, 202, 203, 301]);
	});
}

#[test]
fn emission_comes_before_age() {
	test(|| {
		let netuid = subnet_with(3, 0);
		run_to_block(2);
		register_neuron(netuid, BOB, 201);
		run_to_block(3);
		register_neuron(netuid, BOB, 202);
		// The youngest has the lowest emission: it goes although it is the newest.
		set_emission(netuid, 0, 7);
		set_emission(netuid, 1, 7);
		set_emission(netuid, 2, 6);
		run_to_block(4);
		assert_eq!(register_neuron(netuid, CHARLIE, 301), 2);
		// The replacement starts with no emission (the hook cleared it): it is next.
		run_to_block(5);
		assert_eq!(register_neuron(netuid, CHARLIE, 302), 2);
	});
}

#[test]
fn a_pruned_hotkey_may_come_back() {
	test(|| {
		let netuid = subnet_with(2, 0);
		register_neuron(netuid, BOB, 201);
		set_emission(netuid, 0, 10);
		run_to_block(2);
		register_neuron(netuid, CHARLIE, 301);
		assert_hotkey_gone(netuid, 201);
		set_emission(netuid, 1, 20);
		run_to_block(3);
		// 201 comes back under Bob and takes the lowest-emission slot (uid 0).
		assert_eq!(register_neuron(netuid, BOB, 201), 0);
		assert_hotkey_gone(netuid, 101);
		assert_eq!(Uids::<Test>::get(netuid, 201), Some(0));
	});
}

#[test]
fn the_owner_hotkey_can_be_pruned_but_ownership_stays() {
	test(|| {
		let netuid = subnet_with(2, 0);
		register_neuron(netuid, BOB, 201);
		set_emission(netuid, 1, 10);
		run_to_block(2);
		assert_eq!(register_neuron(netuid, CHARLIE, 301), 0);
		assert_hotkey_gone(netuid, 101);
		assert_eq!(SubnetOwner::<Test>::get(netuid), Some(ALICE));
		assert_eq!(SubnetOwnerHotkey::<Test>::get(netuid), Some(101));
	});
}

#[test]
fn pruning_on_one_subnet_leaves_the_others() {
	test(|| {
		let first = subnet_with(2, 0);
		let second = register_subnet(BOB, 201);
		register_neuron(first, CHARLIE, 301);
		register_neuron(second, CHARLIE, 301);
		run_to_block(2);
		set_emission(first, 0, 5);
		// 301 (uid 1 of the first subnet) is pruned there, kept on the second.
		register_neuron(first, CHARLIE, 302);
		assert_hotkey_gone(first, 301);
		assert_eq!(Uids::<Test>::get(second, 301), Some(1));
	});
}

#[test]
fn a_subnet_fills_up_to_4096() {
	test(|| {
		let netuid = subnet_with(MAX_UIDS, 0);
		for hotkey in 1..MAX_UIDS {
			register_neuron(netuid, BOB, 10_000 + u64::from(hotkey));
		}
		assert_eq!(SubnetworkN::<Test>::get(netuid), MAX_UIDS);
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, H::MaxAllowedUids(4095)),
			Error::<Test>::MaxAllowedUidsBelowNeuronCount
		);
		for uid in 0..MAX_UIDS {
			set_emission(netuid, uid, 1_000);
		}
		set_emission(netuid, 4000, 1);
		run_to_block(2);
		assert_eq!(register_neuron(netuid, CHARLIE, 301), 4000);
		assert_eq!(SubnetworkN::<Test>::get(netuid), MAX_UIDS);
	});
}
