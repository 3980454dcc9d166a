//! Price front-running: a registration's burn (×1.26 a registration) and a network's lock
//! (×2) can rise between signing and inclusion, and the signer paid whatever it was then.
//! Closed: `burned_register_with_limit(netuid, hotkey, max_burn)` and
//! `register_network_with_limit(hotkey, max_lock)` refuse a price above the signer's bound
//! (`BurnAboveLimit`, `LockAboveLimit`) and change nothing.

use crate::common::{externalities, run_to};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use myelin_runtime::{genesis_config_presets, AccountId, Balances, Runtime, RuntimeOrigin};
use pallet_subnets::Error;
use sp_keyring::Sr25519Keyring::{Bob, Charlie, Eve};

type Subnets = pallet_subnets::Pallet<Runtime>;

#[test]
fn a_registration_front_run_by_another_is_refused_at_the_signed_price() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let netuid = crate::daves_subnet();
		// Eve signs at the price she sees; Charlie's registration is included first.
		let seen = Subnets::registration_price(netuid).unwrap();
		assert_ok!(Subnets::burned_register(
			RuntimeOrigin::signed(Charlie.to_account_id()),
			netuid,
			AccountId::new([0xc1; 32])
		));
		let eve = Eve.to_account_id();
		let (balance, issuance) = (Balances::balance(&eve), Balances::total_issuance());
		assert_noop!(
			Subnets::burned_register_with_limit(
				RuntimeOrigin::signed(eve.clone()),
				netuid,
				AccountId::new([0xe1; 32]),
				seen
			),
			Error::<Runtime>::BurnAboveLimit
		);
		assert_eq!((Balances::balance(&eve), Balances::total_issuance()), (balance, issuance));

		// The same for a subnet's lock: Bob's registration doubles it before Eve's.
		let seen = Subnets::network_lock_cost();
		assert_ok!(Subnets::register_network(
			RuntimeOrigin::signed(Bob.to_account_id()),
			AccountId::new([0xb0; 32])
		));
		assert_noop!(
			Subnets::register_network_with_limit(
				RuntimeOrigin::signed(eve),
				AccountId::new([0xe0; 32]),
				seen
			),
			Error::<Runtime>::LockAboveLimit
		);
	});
}
