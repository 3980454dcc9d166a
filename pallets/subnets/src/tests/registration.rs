//! `register_network`, `set_network_parameter` and genesis.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn register_network_creates_a_subnet_with_defaults() {
	test(|| {
		let free_before = free(ALICE);
		let issuance_before = issuance();

		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(ALICE), 101));

		assert_eq!(SubnetOwner::<Test>::get(1), Some(ALICE));
		assert_eq!(SubnetOwnerHotkey::<Test>::get(1), Some(101));
		assert_eq!(SubnetOwner::<Test>::count(), 1);
		assert_eq!(SubnetworkN::<Test>::get(1), 1);
		assert_eq!(hotkey_at(1, 0), Some(101));
		assert_eq!(Uids::<Test>::get(1, 101), Some(0));
		assert_eq!(registered_at(1, 0), Some(1));
		assert_eq!(HotkeyOwner::<Test>::get(101), Some(ALICE));
		assert_eq!(axon_of(1, 0), None);
		assert_eq!(NeuronPages::<Test>::get(1, 0)[0].coldkey, ALICE);
		assert_eq!(params(1), SubnetHyperparams::with_tempo(360));
		assert_eq!(BurnPrice::<Test>::get(1), Some(BurnState { base: MYL, since: 1 }));

		// The lock is held, not burned.
		assert_eq!(SubnetLocked::<Test>::get(1), Some(100 * MYL));
		assert_eq!(held(ALICE), 100 * MYL);
		assert_eq!(free(ALICE), free_before - 100 * MYL);
		assert_eq!(issuance(), issuance_before);
		assert_eq!(NetworkLock::<Test>::get(), LockState { last_lock: 100 * MYL, block: 1 });

		assert_eq!(
			last_subnet_event(),
			Event::NetworkRegistered { netuid: 1, owner: ALICE, hotkey: 101, lock: 100 * MYL }
		);
	});
}

#[test]
fn spec_defaults_of_a_new_subnet() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		let p = params(netuid);
		assert_eq!(p.tempo, 360);
		assert_eq!(p.kappa, 32_767);
		assert_eq!(p.yuma_version, 3);
		assert_eq!(p.bonds_moving_average, 900_000);
		assert_eq!(p.bonds_penalty, 65_535);
		assert!(!p.liquid_alpha_enabled);
		assert_eq!((p.alpha_low, p.alpha_high), (45_875, 58_982));
		assert_eq!(p.alpha_sigmoid_steepness, 1000);
		assert_eq!(p.max_allowed_uids, 256);
		assert_eq!(p.max_allowed_validators, 64);
		assert_eq!(p.immunity_period, 4096);
		assert_eq!(p.activity_cutoff, 5000);
		assert_eq!(p.weights_rate_limit, 100);
		assert_eq!(p.min_allowed_weights, 1);
		assert_eq!(p.max_weight_limit, 65_535);
		assert_eq!(p.weights_version_key, 0);
		assert!(!p.commit_reveal_enabled);
		assert_eq!(p.commit_reveal_period, 1);
		assert_eq!(p.min_burn, MYL / 2000);
		assert_eq!(p.max_burn, 100 * MYL);
		assert_eq!(p.burn_half_life, 360);
		assert!(p.registration_allowed);
		assert_eq!(p.serving_rate_limit, 50);
	});
}

#[test]
fn netuids_are_the_lowest_free_from_one() {
	test(|| {
		assert_eq!(register_subnet(ALICE, 101), 1);
		assert_eq!(register_subnet(BOB, 201), 2);
		assert_eq!(register_subnet(CHARLIE, 301), 3);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(BOB), 2));
		// Netuid 2 stays taken until what it kept per uid is cleared (the next block).
		assert_eq!(register_subnet(CHARLIE, 302), 4);
		next_block();
		assert_eq!(register_subnet(ALICE, 102), 2);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), 1));
		next_block();
		assert_eq!(register_subnet(BOB, 202), 1);
	});
}

#[test]
fn register_network_is_refused_at_the_subnet_limit_while_every_subnet_is_immune() {
	ExtBuilder::default().subnet_limit(2).build_and_execute(|| {
		register_subnet(ALICE, 101);
		register_subnet(BOB, 201);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301),
			Error::<Test>::AllSubnetsImmune
		);
		// Dissolving one makes room again (its netuid once cleared, the next block).
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), 1));
		next_block();
		assert_eq!(register_subnet(CHARLIE, 301), 1);
	});
}

#[test]
fn lowering_the_limit_below_the_count_removes_no_subnet() {
	test(|| {
		register_subnet(ALICE, 101);
		register_subnet(BOB, 201);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::SubnetLimit(1)
		));
		assert!(SubnetOwner::<Test>::contains_key(1) && SubnetOwner::<Test>::contains_key(2));
		// Registering may only replace one (here every subnet is immune).
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301),
			Error::<Test>::AllSubnetsImmune
		);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::SubnetLimit(0)
		));
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 301),
			Error::<Test>::SubnetLimitReached
		);
	});
}

#[test]
fn register_network_hotkey_ownership() {
	test(|| {
		register_subnet(ALICE, 101);
		// Another coldkey cannot use Alice's hotkey.
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(BOB), 101),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
		// Alice can use it again for a second subnet: uid 0 on both.
		let second = register_subnet(ALICE, 101);
		assert_eq!(Uids::<Test>::get(second, 101), Some(0));
		assert_eq!(Uids::<Test>::get(1, 101), Some(0));
		// A hotkey first registered through `burned_register` is owned the same way.
		register_neuron(1, BOB, 201);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(CHARLIE), 201),
			Error::<Test>::HotkeyOwnedByAnotherColdkey
		);
		let third = register_subnet(BOB, 201);
		assert_eq!(Uids::<Test>::get(third, 201), Some(0));
	});
}

#[test]
fn register_network_needs_the_lock() {
	ExtBuilder::default().balance(4, 50 * MYL).build_and_execute(|| {
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(PAUPER), 901),
			Error::<Test>::InsufficientBalanceForLock
		);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(4), 401),
			Error::<Test>::InsufficientBalanceForLock
		);
		// Nothing was taken: the hotkeys are still free.
		assert_eq!(HotkeyOwner::<Test>::get(901), None);
		assert_eq!(HotkeyOwner::<Test>::get(401), None);
	});
}

#[test]
fn register_network_needs_a_signed_origin() {
	test(|| {
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::root(), 101),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::none(), 101),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_network_parameter_sets_each_value() {
	test(|| {
		for param in [
			NetworkParameter::SubnetLimit(0),
			NetworkParameter::SubnetLimit(MAX_SUBNETS),
			NetworkParameter::SubnetLimit(7),
			NetworkParameter::NetworkMinLock(5 * MYL),
			NetworkParameter::LockReductionInterval(1),
			NetworkParameter::LockReductionInterval(1_000),
		] {
			assert_ok!(Subnets::set_network_parameter(RuntimeOrigin::root(), param));
			assert_eq!(last_subnet_event(), Event::NetworkParameterSet { param });
		}
		assert_eq!(SubnetLimit::<Test>::get(), 7);
		assert_eq!(NetworkMinLock::<Test>::get(), 5 * MYL);
		assert_eq!(LockReductionInterval::<Test>::get(), 1_000);
		// The new minimum applies at once.
		assert_eq!(register_subnet(ALICE, 101), 1);
		assert_eq!(SubnetLocked::<Test>::get(1), Some(5 * MYL));
	});
}

#[test]
fn set_network_parameter_bounds_and_origin() {
	test(|| {
		assert_noop!(
			Subnets::set_network_parameter(
				RuntimeOrigin::root(),
				NetworkParameter::SubnetLimit(MAX_SUBNETS + 1)
			),
			Error::<Test>::SubnetLimitTooHigh
		);
		assert_noop!(
			Subnets::set_network_parameter(
				RuntimeOrigin::root(),
				NetworkParameter::LockReductionInterval(0)
			),
			Error::<Test>::LockReductionIntervalZero
		);
		register_subnet(ALICE, 101);
		// Not even a subnet owner may set chain-wide values.
		assert_noop!(
			Subnets::set_network_parameter(
				RuntimeOrigin::signed(ALICE),
				NetworkParameter::SubnetLimit(1)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Subnets::set_network_parameter(
				RuntimeOrigin::none(),
				NetworkParameter::NetworkMinLock(1)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn subnet_limit_zero_closes_registration() {
	test(|| {
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::SubnetLimit(0)
		));
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(ALICE), 101),
			Error::<Test>::SubnetLimitReached
		);
	});
}

#[test]
fn genesis_defaults_follow_the_spec() {
	test(|| {
		assert_eq!(SubnetLimit::<Test>::get(), 32);
		assert_eq!(NetworkMinLock::<Test>::get(), 100 * MYL);
		assert_eq!(LockReductionInterval::<Test>::get(), 100_800);
		assert_eq!(DefaultTempo::<Test>::get(), 360);
		assert_eq!(Subnets::network_lock_cost(), 100 * MYL);
	});
}

#[test]
fn dev_genesis_values_are_used() {
	ExtBuilder::default()
		.network_min_lock(MYL)
		.default_tempo(10)
		.subnet_limit(3)
		.lock_reduction_interval(50)
		.build_and_execute(|| {
			assert_eq!(SubnetLimit::<Test>::get(), 3);
			assert_eq!(LockReductionInterval::<Test>::get(), 50);
			let netuid = register_subnet(ALICE, 101);
			assert_eq!(SubnetLocked::<Test>::get(netuid), Some(MYL));
			assert_eq!(params(netuid).tempo, 10);
			assert_eq!(params(netuid).activity_cutoff, 5000);
		});
}

#[test]
#[should_panic(expected = "default_tempo")]
fn genesis_refuses_a_tempo_out_of_bounds() {
	ExtBuilder::default().default_tempo(0).build();
}

#[test]
#[should_panic(expected = "lock_reduction_interval")]
fn genesis_refuses_a_zero_lock_interval() {
	ExtBuilder::default().lock_reduction_interval(0).build();
}

#[test]
fn a_zero_minimum_lock_holds_nothing() {
	ExtBuilder::default().network_min_lock(0).build_and_execute(|| {
		let before = free(ALICE);
		let netuid = register_subnet(ALICE, 101);
		assert_eq!(SubnetLocked::<Test>::get(netuid), Some(0));
		assert_eq!(held(ALICE), 0);
		assert_eq!(free(ALICE), before);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid));
		assert_eq!(last_subnet_event(), Event::NetworkDissolved { netuid, lock_released: 0 });
	});
}
