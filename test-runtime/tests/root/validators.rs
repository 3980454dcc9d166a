//! Joining the root validators, and the root parameters.

use super::*;

#[test]
fn only_the_owning_coldkey_registers_a_hotkey() {
	test(|| {
		let netuid = register_subnet(100);
		register(netuid, VALIDATOR_COLDKEY, ROOT_A);
		// A hotkey never registered anywhere has no owner yet.
		assert_noop!(
			Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), 499),
			Error::<Test>::NotHotkeyOwner
		);
		assert_noop!(
			Root::register(RuntimeOrigin::signed(MINER_COLDKEY), ROOT_A),
			Error::<Test>::NotHotkeyOwner
		);
		assert_ok!(Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), ROOT_A));
		assert!(Root::is_root_validator(&ROOT_A));
		assert_eq!(root_events(), vec![Event::RootValidatorAdded { hotkey: ROOT_A }]);
		assert_noop!(
			Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), ROOT_A),
			Error::<Test>::AlreadyRootValidator
		);
	});
}

#[test]
fn a_full_root_set_admits_only_more_stake_than_its_least_staked_member() {
	test(|| {
		let (netuid, _) = two_subnets_two_roots();
		assert_ok!(Root::set_root_parameter(
			RuntimeOrigin::root(),
			RootParameter::MaxValidators(2)
		));
		assert_ok!(Root::set_weights(RuntimeOrigin::signed(ROOT_B), vec![netuid], vec![1]));
		register(netuid, VALIDATOR_COLDKEY, 403);
		stake(VALIDATOR_COLDKEY, 403, 300 * MYL);
		// Equal to the least staked member (ROOT_B, 300 MYL): refused.
		assert_noop!(
			Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), 403),
			Error::<Test>::StakeTooLowForRoot
		);
		stake(VALIDATOR_COLDKEY, 403, 1);
		assert_ok!(Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), 403));
		assert!(!Root::is_root_validator(&ROOT_B));
		assert!(Root::is_root_validator(&403) && Root::is_root_validator(&ROOT_A));
		// The replaced member's row goes with it.
		assert!(Rows::<Test>::get(ROOT_B).is_none());
		assert_eq!(
			root_events().last(),
			Some(&Event::RootValidatorReplaced { removed: ROOT_B, added: 403 })
		);
	});
}

#[test]
fn root_parameters_are_bounded() {
	test(|| {
		let set = |param| Root::set_root_parameter(RuntimeOrigin::root(), param);
		assert_noop!(
			Root::set_root_parameter(RuntimeOrigin::signed(OWNER), RootParameter::Kappa(1)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(set(RootParameter::MaxValidators(0)), Error::<Test>::MaxValidatorsOutOfBounds);
		assert_noop!(
			set(RootParameter::MaxValidators(MAX_ROOT_VALIDATORS + 1)),
			Error::<Test>::MaxValidatorsOutOfBounds
		);
		assert_noop!(set(RootParameter::Tempo(0)), Error::<Test>::TempoOutOfBounds);
		assert_noop!(set(RootParameter::Tempo(5_001)), Error::<Test>::ActivityCutoffBelowTempo);
		assert_noop!(set(RootParameter::WeightsRateLimit(0)), Error::<Test>::WeightsRateLimitZero);
		assert_noop!(
			set(RootParameter::ActivityCutoff(9)),
			Error::<Test>::ActivityCutoffBelowTempo
		);
		assert_ok!(set(RootParameter::Tempo(20)));
		assert_eq!(Tempo::<Test>::get(), 20);

		two_subnets_two_roots();
		assert_noop!(set(RootParameter::MaxValidators(1)), Error::<Test>::MaxValidatorsBelowCount);
		assert_ok!(set(RootParameter::MaxValidators(2)));
		assert_eq!(
			root_events().last(),
			Some(&Event::RootParameterSet { param: RootParameter::MaxValidators(2) })
		);
	});
}
