//! Reward entry points: incentive, dividends with take and pro-rata shares, owner cut,
//! settlement, issuance.

use super::*;
use frame_support::{assert_ok, traits::fungible::Mutate};
use sp_runtime::Perbill;

/// `|a − b| ≤ tolerance`.
fn assert_close(a: Balance, b: Balance, tolerance: Balance) {
	assert!(a.abs_diff(b) <= tolerance, "{a} and {b} differ by more than {tolerance}");
}

#[test]
fn a_dividend_pays_the_take_then_the_stakers_pro_rata() {
	test(|| {
		add(ALICE, HK_A, 100 * MYL);
		add(BOB, HK_A, 300 * MYL);
		let before = issuance();
		assert_eq!(Staking::do_pay_dividend(&HK_A, 100 * MYL), 100 * MYL);
		assert_eq!(issuance(), before + 100 * MYL, "exactly the dividend is minted");
		// 18 MYL take to Alice; 82 MYL shared 1:3 (20.5 / 61.5).
		assert_close(stake(ALICE, HK_A), 100 * MYL + 18 * MYL + 20_500_000_000, 1);
		assert_close(stake(BOB, HK_A), 300 * MYL + 61_500_000_000, 1);
		assert_eq!(Staking::total_stake_of(&HK_A), 500 * MYL);
		assert_eq!(
			last_event(),
			Event::DividendPaid {
				hotkey: HK_A,
				owner: ALICE,
				take: 18 * MYL,
				to_stakers: 82 * MYL
			}
		);
		// Nothing moved into the holds yet: the rewards wait in the pot.
		assert_eq!(held(BOB), 300 * MYL);
		assert_eq!(free(Staking::pot()), ED + 100 * MYL);
	});
}

#[test]
fn one_nominator() {
	test(|| {
		add(ALICE, HK_A, 100 * MYL);
		add(BOB, HK_A, 100 * MYL);
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_close(stake(ALICE, HK_A), 105_900_000_000, 1);
		assert_close(stake(BOB, HK_A), 104_100_000_000, 1);
	});
}

#[test]
fn two_nominators() {
	test(|| {
		add(ALICE, HK_A, 100 * MYL);
		add(BOB, HK_A, 100 * MYL);
		add(CHARLIE, HK_A, 200 * MYL);
		assert_ok!(Staking::set_take(
			RuntimeOrigin::signed(ALICE),
			HK_A,
			Perbill::from_percent(10)
		));
		Staking::do_pay_dividend(&HK_A, 40 * MYL);
		// 4 MYL take; 36 MYL shared 1:1:2.
		assert_close(stake(ALICE, HK_A), 113 * MYL, 1);
		assert_close(stake(BOB, HK_A), 109 * MYL, 1);
		assert_close(stake(CHARLIE, HK_A), 218 * MYL, 1);
	});
}

#[test]
fn ten_thousand_nominators_are_paid_in_one_step() {
	test(|| {
		add(ALICE, HK_A, 10_000 * MYL);
		for who in 1_000..11_000u64 {
			Balances::set_balance(&who, 10 * MYL);
			add(who, HK_A, MYL);
		}
		Staking::do_pay_dividend(&HK_A, 20_000 * MYL);
		// 3600 MYL take; 16_400 MYL over 20_000 MYL of stake: 0.82 per MYL.
		assert_close(stake(ALICE, HK_A), 10_000 * MYL + 3_600 * MYL + 8_200 * MYL, 1);
		for who in [1_000, 5_555, 10_999] {
			assert_close(stake(who, HK_A), 1_820_000_000, 1);
		}
		// A nominator withdraws everything: its principal and its reward.
		let who = 4_242;
		let all = stake(who, HK_A);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(who), HK_A, all));
		assert_eq!(free(who), 9 * MYL + all);
		assert_eq!(held(who), 0);
	});
}

#[test]
fn a_hotkey_without_stakers_pays_everything_to_its_owner() {
	test(|| {
		assert_eq!(Staking::do_pay_dividend(&HK_A, 5 * MYL), 5 * MYL);
		assert_eq!(stake(ALICE, HK_A), 5 * MYL);
		assert_eq!(
			last_event(),
			Event::DividendPaid { hotkey: HK_A, owner: ALICE, take: 5 * MYL, to_stakers: 0 }
		);
	});
}

#[test]
fn an_incentive_becomes_the_owners_stake() {
	test(|| {
		add(BOB, HK_A, 100 * MYL);
		let before = issuance();
		assert_eq!(Staking::do_credit_incentive(&HK_A, 7 * MYL), 7 * MYL);
		assert_eq!(issuance(), before + 7 * MYL);
		assert_close(stake(ALICE, HK_A), 7 * MYL, 1);
		assert_close(stake(BOB, HK_A), 100 * MYL, 1);
	});
}

#[test]
fn unowned_hotkeys_and_zero_amounts_mint_nothing() {
	test(|| {
		let before = issuance();
		assert_eq!(Staking::do_pay_dividend(&HK_NOBODY, MYL), 0);
		assert_eq!(Staking::do_credit_incentive(&HK_NOBODY, MYL), 0);
		assert_eq!(Staking::do_pay_dividend(&HK_A, 0), 0);
		assert_eq!(Staking::do_pay_owner_cut(&ALICE, 0), 0);
		assert_eq!(issuance(), before);
	});
}

#[test]
fn the_owner_cut_is_free_balance_and_never_creates_an_account_below_the_deposit() {
	test(|| {
		assert_eq!(Staking::do_pay_owner_cut(&ALICE, 3 * MYL), 3 * MYL);
		assert_eq!(free(ALICE), ENDOWMENT + 3 * MYL);
		let before = issuance();
		assert_eq!(Staking::do_pay_owner_cut(&555, ED - 1), 0, "reported as not paid");
		assert_eq!(issuance(), before);
	});
}

#[test]
fn settlement_moves_rewards_from_the_pot_into_the_hold() {
	test(|| {
		add(ALICE, HK_A, 100 * MYL);
		add(BOB, HK_A, 100 * MYL);
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		let bob = stake(BOB, HK_A);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HK_A, MYL));
		assert_eq!(held(BOB), bob - MYL);
		assert_eq!(free(BOB), ENDOWMENT - 100 * MYL + MYL);
		assert_eq!(
			last_event(),
			Event::StakeRemoved { coldkey: BOB, hotkey: HK_A, amount: MYL, stake: bob - MYL }
		);
	});
}

#[test]
fn nothing_is_lost_when_everyone_leaves() {
	test(|| {
		let start = issuance();
		add(ALICE, HK_A, 3 * MYL + 1);
		add(BOB, HK_A, 7 * MYL + 3);
		add(CHARLIE, HK_A, 11);
		let mut minted = 0;
		for amount in [1_000_000_007, 333, 2, 999_999_999] {
			minted += Staking::do_pay_dividend(&HK_A, amount);
		}
		for who in [CHARLIE, BOB, ALICE] {
			let all = stake(who, HK_A);
			assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(who), HK_A, all));
		}
		assert!(Pools::<Test>::get(HK_A).is_none());
		assert_eq!(TotalStake::<Test>::get(), 0);
		// The pot is back to its deposit: every minted unit reached a free balance.
		assert_eq!(free(Staking::pot()), ED);
		assert_eq!(issuance(), start + minted);
		assert_eq!(free(ALICE) + free(BOB) + free(CHARLIE), 3 * ENDOWMENT + minted);
	});
}
