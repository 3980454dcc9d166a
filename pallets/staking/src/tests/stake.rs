//! `add_stake`, `remove_stake`, `move_stake`: success paths and every refusal.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::traits::AccountIdConversion;

#[test]
fn add_stake_holds_the_amount_and_records_it() {
	test(|| {
		let before = issuance();
		add(BOB, HK_A, 100 * MYL);
		assert_eq!(free(BOB), ENDOWMENT - 100 * MYL);
		assert_eq!(held(BOB), 100 * MYL);
		assert_eq!(stake(BOB, HK_A), 100 * MYL);
		assert_eq!(Staking::total_stake_of(&HK_A), 100 * MYL);
		assert_eq!(TotalStake::<Test>::get(), 100 * MYL);
		assert_eq!(issuance(), before, "staking creates nothing");
		assert_eq!(
			last_event(),
			Event::StakeAdded { coldkey: BOB, hotkey: HK_A, amount: 100 * MYL, stake: 100 * MYL }
		);
	});
}

#[test]
fn stakes_of_several_coldkeys_add_up() {
	test(|| {
		add(ALICE, HK_A, 300 * MYL);
		add(BOB, HK_A, 100 * MYL);
		add(BOB, HK_A, 50 * MYL);
		assert_eq!(stake(ALICE, HK_A), 300 * MYL);
		assert_eq!(stake(BOB, HK_A), 150 * MYL);
		assert_eq!(Staking::total_stake_of(&HK_A), 450 * MYL);
	});
}

#[test]
fn total_stakes_of_reads_each_pool_as_the_typed_read_does() {
	test(|| {
		add(ALICE, HK_A, 300 * MYL);
		add(BOB, HK_B, 7);
		Staking::do_pay_dividend(&HK_A, 11 * MYL);
		let hotkeys = [HK_B, HK_NOBODY, HK_A, HK_A];
		let typed: Vec<_> = hotkeys.iter().map(Staking::total_stake_of).collect();
		assert_eq!(Staking::total_stakes_of(&hotkeys), typed);
		assert_eq!(typed[1], 0);
		assert!(typed[2] > 300 * MYL, "the dividend counts");
		assert!(Staking::total_stakes_of(&[]).is_empty());
	});
}

#[test]
fn add_stake_refusals() {
	test(|| {
		let origin = || RuntimeOrigin::signed(BOB);
		assert_noop!(Staking::add_stake(origin(), HK_A, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Staking::add_stake(origin(), HK_NOBODY, MYL), Error::<Test>::HotkeyHasNoOwner);
		assert_noop!(
			Staking::add_stake(origin(), HK_A, ENDOWMENT),
			Error::<Test>::InsufficientBalance
		);
		// The free balance must keep the existential deposit.
		assert_noop!(
			Staking::add_stake(origin(), HK_A, ENDOWMENT - ED + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Staking::add_stake(origin(), HK_A, ENDOWMENT - ED));
	});
}

#[test]
fn stake_too_small_to_buy_a_share_is_refused() {
	test(|| {
		add(ALICE, HK_A, 1);
		// Make one share worth more than a unit: the pool grows, the shares do not.
		let huge = 10 * MYL;
		assert_eq!(Staking::do_pay_dividend(&HK_A, huge), huge);
		assert_noop!(
			Staking::add_stake(RuntimeOrigin::signed(BOB), HK_A, 1),
			Error::<Test>::StakeTooSmall
		);
	});
}

#[test]
fn remove_stake_returns_funds_to_free_balance() {
	test(|| {
		add(BOB, HK_A, 100 * MYL);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HK_A, 40 * MYL));
		assert_eq!(free(BOB), ENDOWMENT - 60 * MYL);
		assert_eq!(held(BOB), 60 * MYL);
		assert_eq!(stake(BOB, HK_A), 60 * MYL);
		assert_eq!(
			last_event(),
			Event::StakeRemoved { coldkey: BOB, hotkey: HK_A, amount: 40 * MYL, stake: 60 * MYL }
		);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HK_A, 60 * MYL));
		assert_eq!(free(BOB), ENDOWMENT);
		assert_eq!(held(BOB), 0);
		assert!(Stakes::<Test>::get(HK_A, BOB).is_none());
		assert!(Pools::<Test>::get(HK_A).is_none(), "an empty pool is deleted");
	});
}

#[test]
fn remove_stake_refusals() {
	test(|| {
		let origin = || RuntimeOrigin::signed(BOB);
		assert_noop!(Staking::remove_stake(origin(), HK_A, MYL), Error::<Test>::NoStake);
		add(ALICE, HK_A, 100 * MYL);
		assert_noop!(Staking::remove_stake(origin(), HK_A, MYL), Error::<Test>::NoStake);
		add(BOB, HK_A, 10 * MYL);
		assert_noop!(Staking::remove_stake(origin(), HK_A, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Staking::remove_stake(origin(), HK_A, 10 * MYL + 1),
			Error::<Test>::NotEnoughStake
		);
		// Never more than the signer's own stake, even though the hotkey has more.
		assert_noop!(
			Staking::remove_stake(origin(), HK_A, 50 * MYL),
			Error::<Test>::NotEnoughStake
		);
	});
}

#[test]
fn move_stake_redelegates_without_touching_free_balance() {
	test(|| {
		add(CHARLIE, HK_A, 100 * MYL);
		let free_before = free(CHARLIE);
		assert_ok!(Staking::move_stake(RuntimeOrigin::signed(CHARLIE), HK_A, HK_B, 30 * MYL));
		assert_eq!(free(CHARLIE), free_before);
		assert_eq!(held(CHARLIE), 100 * MYL);
		assert_eq!(stake(CHARLIE, HK_A), 70 * MYL);
		assert_eq!(stake(CHARLIE, HK_B), 30 * MYL);
		assert_eq!(Staking::total_stake_of(&HK_B), 30 * MYL);
		assert_eq!(TotalStake::<Test>::get(), 100 * MYL);
		assert_eq!(
			last_event(),
			Event::StakeMoved {
				coldkey: CHARLIE,
				from_hotkey: HK_A,
				to_hotkey: HK_B,
				amount: 30 * MYL
			}
		);
	});
}

#[test]
fn move_stake_refusals() {
	test(|| {
		let origin = || RuntimeOrigin::signed(CHARLIE);
		assert_noop!(Staking::move_stake(origin(), HK_A, HK_B, MYL), Error::<Test>::NoStake);
		add(CHARLIE, HK_A, 10 * MYL);
		assert_noop!(Staking::move_stake(origin(), HK_A, HK_B, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Staking::move_stake(origin(), HK_A, HK_A, MYL), Error::<Test>::SameHotkey);
		assert_noop!(
			Staking::move_stake(origin(), HK_A, HK_NOBODY, MYL),
			Error::<Test>::HotkeyHasNoOwner
		);
		assert_noop!(
			Staking::move_stake(origin(), HK_A, HK_B, 11 * MYL),
			Error::<Test>::NotEnoughStake
		);
	});
}

#[test]
fn the_reward_pot_exists_from_genesis() {
	test(|| {
		let pot: AccountId = StakingPalletId::get().into_account_truncating();
		assert_eq!(Staking::pot(), pot);
		assert_eq!(free(pot), ED);
	});
}

#[test]
fn set_take_rate_limit_is_root_only() {
	test(|| {
		assert_noop!(
			Staking::set_take_rate_limit(RuntimeOrigin::signed(ALICE), 5),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Staking::set_take_rate_limit(RuntimeOrigin::root(), 5));
		assert_eq!(TakeRateLimit::<Test>::get(), 5);
		assert_eq!(last_event(), Event::TakeRateLimitSet { blocks: 5 });
	});
}
