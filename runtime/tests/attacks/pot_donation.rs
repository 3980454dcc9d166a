//! Money checks that can break or miss: Staking's `try_state` required the reward pot to hold
//! exactly what stakers are owed, so anyone's transfer into the pot (a donation) broke it for
//! good, and nothing checked the total issuance against all balances. Closed: the pot may
//! hold more than it owes, never less; `run_to` (every runtime test) and the fuzzer check
//! total issuance = Σ (free + reserved) after every block.

use crate::common::{assert_issuance_is_all_balances, externalities, run_to};
use frame_support::{assert_ok, traits::fungible::Mutate};
use myelin_runtime::{genesis_config_presets, Balances, Runtime, RuntimeOrigin, MYL};
use sp_keyring::Sr25519Keyring::{Bob, Eve};

type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Subnets = pallet_subnets::Pallet<Runtime>;

#[test]
fn a_donation_to_the_reward_pot_breaks_no_invariant() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		// A staked hotkey, so the pot backs real stake.
		let bob = RuntimeOrigin::signed(Bob.to_account_id());
		let hotkey = sp_runtime::AccountId32::new([0x61; 32]);
		assert_ok!(Subnets::register_network(bob.clone(), hotkey.clone()));
		assert_ok!(Staking::add_stake(bob, hotkey, 10 * MYL));
		run_to(25);
		Staking::do_try_state().unwrap();

		// Eve transfers 5 MYL into the pot: nobody is owed it.
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&Eve.to_account_id(),
			&Staking::pot(),
			5 * MYL,
			frame_support::traits::tokens::Preservation::Preserve,
		));
		Staking::do_try_state().expect("a donation leaves the staking books consistent");
		assert_issuance_is_all_balances();
		// Rewards keep flowing and settling on top of it.
		run_to(60);
		Staking::do_try_state().unwrap();
	});
}

#[test]
fn the_issuance_check_catches_money_from_nowhere() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		assert_issuance_is_all_balances();
		// Credit an account without issuing: the check must see it.
		frame_system::Account::<Runtime>::mutate(Eve.to_account_id(), |a| a.data.free += 1);
		let caught = std::panic::catch_unwind(assert_issuance_is_all_balances);
		assert!(caught.is_err(), "a balance created outside the issuance goes unnoticed");
	});
}
