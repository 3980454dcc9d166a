use super::*;
use pallet_market::{Bonds, HoldReason, Offers};

#[test]
fn a_bond_is_held_from_the_hotkeys_owner_and_unbonds_after_the_period() {
	test(|| {
		let netuid = market();
		assert_eq!(held(HoldReason::Bond, MINER_COLDKEY), 100 * MYL);
		// Only the owner bonds, only for a registered hotkey.
		assert_noop!(Market::bond(signed(4), netuid, PROVIDER, MYL), Error::<Test>::NotHotkeyOwner);
		assert_noop!(
			Market::bond(signed(MINER_COLDKEY), netuid, 999, MYL),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Market::bond(signed(MINER_COLDKEY), netuid, PROVIDER, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Market::bond(signed(MINER_COLDKEY), netuid, PROVIDER, ENDOWMENT * 2),
			Error::<Test>::InsufficientBalance
		);

		assert_ok!(Market::unbond(signed(MINER_COLDKEY), netuid, PROVIDER, 40 * MYL));
		let unlock = now() + 20;
		assert_eq!(
			events().last(),
			Some(&Event::Unbonding {
				netuid,
				hotkey: PROVIDER,
				amount: 40 * MYL,
				unlock_at: unlock
			})
		);
		assert_noop!(
			Market::withdraw_unbonded(signed(MINER_COLDKEY), netuid, PROVIDER),
			Error::<Test>::StillUnbonding
		);
		jump_to(unlock);
		let before = free(MINER_COLDKEY);
		assert_ok!(Market::withdraw_unbonded(signed(MINER_COLDKEY), netuid, PROVIDER));
		assert_eq!(free(MINER_COLDKEY), before + 40 * MYL);
		assert_eq!(held(HoldReason::Bond, MINER_COLDKEY), 60 * MYL);
		assert_noop!(
			Market::withdraw_unbonded(signed(MINER_COLDKEY), netuid, PROVIDER),
			Error::<Test>::NothingUnbonding
		);
		// Everything out: the bond is gone.
		assert_ok!(Market::unbond(signed(MINER_COLDKEY), netuid, PROVIDER, 60 * MYL));
		jump_to(now() + 20);
		assert_ok!(Market::withdraw_unbonded(signed(MINER_COLDKEY), netuid, PROVIDER));
		assert!(!Bonds::<Test>::contains_key(netuid, PROVIDER));
	});
}

#[test]
fn open_work_keeps_the_bond_it_requires() {
	test(|| {
		let netuid = market();
		// A 150 MYL job requires 75 MYL of bond.
		assert_ok!(Market::post_job(
			signed(POSTER),
			netuid,
			b"spec".to_vec(),
			150 * MYL,
			now() + 50,
			None
		));
		assert_ok!(Market::accept_job(signed(PROVIDER), 0));
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().committed, 75 * MYL);
		assert_noop!(
			Market::unbond(signed(MINER_COLDKEY), netuid, PROVIDER, 26 * MYL),
			Error::<Test>::BondCommitted
		);
		assert_ok!(Market::unbond(signed(MINER_COLDKEY), netuid, PROVIDER, 25 * MYL));
		// The unbonding part is not free for new work either: a second job needs 5 MYL.
		assert_ok!(Market::post_job(
			signed(POSTER),
			netuid,
			b"spec".to_vec(),
			10 * MYL,
			now() + 50,
			None
		));
		assert_noop!(Market::accept_job(signed(PROVIDER), 1), Error::<Test>::InsufficientBond);
	});
}

#[test]
fn offers_are_bounded_and_need_a_registered_hotkey() {
	test(|| {
		let netuid = market();
		assert_noop!(
			Market::set_offer(signed(PROVIDER), netuid, 1, 65, vec![]),
			Error::<Test>::CapacityTooHigh
		);
		assert_noop!(
			Market::set_offer(signed(PROVIDER), netuid, 1, 1, vec![0; 257]),
			Error::<Test>::AttributesTooLong
		);
		assert_noop!(
			Market::set_offer(signed(999), netuid, 1, 1, vec![]),
			Error::<Test>::NotRegistered
		);
		assert_ok!(Market::set_offer(signed(PROVIDER), netuid, 7, 64, vec![1; 256]));
		assert_eq!(Offers::<Test>::get(netuid, PROVIDER).unwrap().price_per_unit, 7);
	});
}

#[test]
fn the_protocol_take_is_roots_and_bounded() {
	test(|| {
		use sp_runtime::Perbill;
		assert_eq!(pallet_market::ProtocolTake::<Test>::get(), Perbill::from_percent(2));
		assert_noop!(
			Market::set_protocol_take(signed(1), Perbill::from_percent(3)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Market::set_protocol_take(RuntimeOrigin::root(), Perbill::from_percent(51)),
			Error::<Test>::TakeTooHigh
		);
		assert_ok!(Market::set_protocol_take(RuntimeOrigin::root(), Perbill::from_percent(5)));
		assert_eq!(pallet_market::ProtocolTake::<Test>::get(), Perbill::from_percent(5));
	});
}

#[test]
fn try_state_catches_a_hold_that_differs_from_the_books() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::{fungible::MutateHold, tokens::Precision};
		let netuid = market();
		assert_ok!(Market::do_try_state());
		// Money released behind the market's back: the bond's books say 100 MYL.
		let reason = RuntimeHoldReason::Market(HoldReason::Bond);
		assert_ok!(pallet_balances::Pallet::<Test>::release(
			&reason,
			&MINER_COLDKEY,
			MYL,
			Precision::Exact
		));
		assert!(Market::do_try_state().is_err());
		// And a commitment no work explains.
		assert_ok!(pallet_balances::Pallet::<Test>::hold(&reason, &MINER_COLDKEY, MYL));
		Bonds::<Test>::mutate(netuid, PROVIDER, |b| b.as_mut().unwrap().committed = MYL);
		assert!(Market::do_try_state().is_err());
	});
}
