//! An owner who disables its subnet: `min_allowed_weights` above the number of neurons or
//! `max_weight_limit` 0 make every row impossible (no dividends, no incentive for anyone but
//! what the owner decides), `immunity_period` u32::MAX makes a full subnet refuse every
//! registration forever. Closed by bounds an owner must keep against the current neurons;
//! root may still set anything within the hard bounds.

use crate::common::{externalities, run_to};
use frame_support::{assert_noop, assert_ok};
use myelin_runtime::{genesis_config_presets, AccountId, Runtime, RuntimeOrigin};
use pallet_subnets::{Error, Hyperparameter as H};
use sp_keyring::Sr25519Keyring::{Bob, Dave};

type Subnets = pallet_subnets::Pallet<Runtime>;

#[test]
fn an_owner_cannot_make_weights_or_registration_impossible() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let owner = RuntimeOrigin::signed(Dave.to_account_id());
		assert_ok!(Subnets::register_network(owner.clone(), AccountId::new([0xd0; 32])));
		let netuid = pallet_subnets::SubnetOwner::<Runtime>::iter_keys().next().unwrap();
		for i in 1..4u8 {
			let hotkey = AccountId::new([i; 32]);
			assert_ok!(Subnets::burned_register(
				RuntimeOrigin::signed(Bob.to_account_id()),
				netuid,
				hotkey
			));
		}
		assert_eq!(pallet_subnets::SubnetworkN::<Runtime>::get(netuid), 4);
		let set = |param| Subnets::set_hyperparameter(owner.clone(), netuid, param);

		// More weights required than there are neurons: refused; as many: fine.
		assert_noop!(
			set(H::MinAllowedWeights(5)),
			Error::<Runtime>::MinAllowedWeightsAboveNeuronCount
		);
		assert_ok!(set(H::MinAllowedWeights(4)));
		// A limit no row over 4 neurons can meet (its largest share is at least 65535 / 4).
		assert_noop!(set(H::MaxWeightLimit(0)), Error::<Runtime>::MaxWeightLimitTooLow);
		assert_noop!(
			set(H::MaxWeightLimit(65_535 / 4 - 1)),
			Error::<Runtime>::MaxWeightLimitTooLow
		);
		assert_ok!(set(H::MaxWeightLimit(65_535 / 4)));
		// Registration closed for ever once full.
		assert_noop!(set(H::ImmunityPeriod(u32::MAX)), Error::<Runtime>::ImmunityPeriodTooLong);
		assert_ok!(set(H::ImmunityPeriod(pallet_subnets::MAX_OWNER_IMMUNITY_PERIOD)));

		// Root may (a recovery, or a deliberate freeze).
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			netuid,
			H::MaxWeightLimit(0)
		));
		Subnets::do_try_state().unwrap();
	});
}
