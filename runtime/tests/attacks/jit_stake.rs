//! Just-in-time stake: epochs read live stake and dividends were paid pro rata at payout, with
//! no bonding period, so stake added a block before a hotkey's epoch and removed after it
//! earned a full share (and `move_stake` let the same stake earn on two subnets whose epochs
//! fall in different blocks). Closed twice over:
//!
//! - an epoch weighs each uid by the lesser of its stake at the subnet's previous epoch and
//!   now (`Yuma::EpochStake`): stake that was not there a whole tempo counts for nothing, on
//!   its own hotkey or moved in from another subnet's;
//! - stake nominated to a hotkey warms up for `StakeWarmup` blocks: removed or moved before,
//!   it takes back what it paid and forfeits what it gained to the hotkey's other stakers.

use crate::common::{externalities, run_to};
use frame_support::assert_ok;
use myelin_runtime::{genesis_config_presets, AccountId, Balances, Runtime, RuntimeOrigin, MYL};
use sp_keyring::Sr25519Keyring::{Bob, Charlie};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Yuma = pallet_yuma::Pallet<Runtime>;

/// Everything `who` has: free and held.
fn wealth(who: &AccountId) -> u128 {
	let account = frame_system::Account::<Runtime>::get(who);
	account.data.free + account.data.reserved
}

/// A subnet of Dave with an honest validator of Charlie's, staked by Charlie for a few epochs,
/// and the attacker's hotkey registered by Bob: `(netuid, validator, attacker hotkey)`.
fn subnet() -> (u16, AccountId, AccountId) {
	run_to(1);
	let netuid = crate::daves_subnet();
	let (validator, jit) = (AccountId::new([0x71; 32]), AccountId::new([0x72; 32]));
	let charlie = RuntimeOrigin::signed(Charlie.to_account_id());
	assert_ok!(Subnets::burned_register(charlie, netuid, validator.clone()));
	assert_ok!(Subnets::burned_register(
		RuntimeOrigin::signed(Bob.to_account_id()),
		netuid,
		jit.clone()
	));
	assert_ok!(Staking::add_stake(
		RuntimeOrigin::signed(Charlie.to_account_id()),
		validator.clone(),
		100 * MYL
	));
	run_to(40);
	(netuid, validator, jit)
}

/// Run to the block before the next epoch of `netuid`; that epoch's block.
fn just_before_the_epoch(netuid: u16) -> u32 {
	let next = Yuma::next_epoch_block(netuid).unwrap() as u32;
	run_to(next - 1);
	next
}

#[test]
fn stake_on_ones_own_hotkey_a_block_before_the_epoch_earns_nothing() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let (netuid, validator, jit) = subnet();
		let bob = Bob.to_account_id();
		let before = wealth(&bob);
		// Ten times the honest validator's stake, a block before the epoch.
		let epoch = just_before_the_epoch(netuid);
		assert_ok!(Staking::add_stake(RuntimeOrigin::signed(bob.clone()), jit.clone(), 1000 * MYL));
		run_to(epoch + 2);
		let uid = |hk| usize::from(pallet_subnets::Uids::<Runtime>::get(netuid, hk).unwrap());
		// It weighed nothing: no permit, no emission; the honest validator got it all (no
		// weights are set, so the validators share the epoch by active stake).
		assert_eq!(pallet_yuma::LastEpoch::<Runtime>::get(netuid), Some(epoch));
		assert!(!pallet_yuma::ValidatorPermit::<Runtime>::get(netuid)[uid(&jit)]);
		assert_eq!(pallet_yuma::Emission::<Runtime>::get(netuid)[uid(&jit)], 0);
		assert!(pallet_yuma::Emission::<Runtime>::get(netuid)[uid(&validator)] > 0);
		// Out again right after: Bob has what he had.
		let stake = Staking::stake_of(&bob, &jit);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(bob.clone()), jit, stake));
		assert_eq!(wealth(&bob), before);
	});
}

#[test]
fn nominating_a_block_before_the_epoch_and_leaving_after_earns_nothing() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let (netuid, validator, _) = subnet();
		let (bob, charlie) = (Bob.to_account_id(), Charlie.to_account_id());
		let before = wealth(&bob);
		let epoch = just_before_the_epoch(netuid);
		assert_ok!(Staking::add_stake(
			RuntimeOrigin::signed(bob.clone()),
			validator.clone(),
			1000 * MYL
		));
		// The epoch pays the validator; the payouts reach its pool.
		let charlie_before = Staking::stake_of(&charlie, &validator);
		run_to(epoch + 2);
		assert_eq!(pallet_yuma::LastEpoch::<Runtime>::get(netuid), Some(epoch));
		assert!(pallet_myelin_staking::Warming::<Runtime>::contains_key(&validator, &bob));
		// The dividend reached the pool, Bob's shares included, but only what he paid is his.
		assert!(Staking::total_stake_of(&validator) > 1100 * MYL);
		assert_eq!(Staking::stake_of(&bob, &validator), 1000 * MYL);
		// Leaving inside the warm-up: Bob gets back what he paid, not more.
		let issuance = <Balances as frame_support::traits::fungible::Inspect<_>>::total_issuance();
		assert_ok!(Staking::remove_stake(
			RuntimeOrigin::signed(bob.clone()),
			validator.clone(),
			Staking::stake_of(&bob, &validator)
		));
		// Exactly what he had (rounding may leave him one base unit of the gain at most).
		let after = wealth(&bob);
		assert!(after >= before && after - before <= 1, "Bob earned {}", after - before);
		// What his shares had gained went to the validator's other staker.
		assert!(Staking::stake_of(&charlie, &validator) > charlie_before);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_issuance(),
			issuance
		);
		Staking::do_try_state().unwrap();
	});
}

#[test]
fn warmed_up_stake_keeps_what_it_earned() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let (_, validator, _) = subnet();
		let bob = Bob.to_account_id();
		let before = wealth(&bob);
		assert_ok!(Staking::add_stake(
			RuntimeOrigin::signed(bob.clone()),
			validator.clone(),
			100 * MYL
		));
		let warmup = pallet_myelin_staking::StakeWarmup::<Runtime>::get();
		run_to(frame_system::Pallet::<Runtime>::block_number() + warmup + 1);
		assert_ok!(Staking::remove_stake(
			RuntimeOrigin::signed(bob.clone()),
			validator.clone(),
			Staking::stake_of(&bob, &validator)
		));
		assert!(wealth(&bob) > before, "stake held past its warm-up keeps its dividends");
		assert!(!pallet_myelin_staking::Warming::<Runtime>::contains_key(&validator, &bob));
	});
}
