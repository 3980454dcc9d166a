//! `set_take`: owner only, 18% at most, increases rate-limited.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

fn set(coldkey: AccountId, hotkey: AccountId, percent: u32) -> sp_runtime::DispatchResult {
	Staking::set_take(RuntimeOrigin::signed(coldkey), hotkey, Perbill::from_percent(percent))
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn default_take_is_eighteen_percent() {
	test(|| {
		assert_eq!(Takes::<Test>::get(HK_A), Perbill::from_percent(18));
		assert_eq!(MAX_TAKE, Perbill::from_percent(18));
	});
}

#[test]
fn only_the_owner_sets_the_take_and_never_above_the_maximum() {
	test(|| {
		assert_noop!(set(BOB, HK_A, 10), Error::<Test>::NotHotkeyOwner);
		assert_noop!(set(ALICE, HK_NOBODY, 10), Error::<Test>::NotHotkeyOwner);
		assert_noop!(
			Staking::set_take(
				RuntimeOrigin::signed(ALICE),
				HK_A,
				MAX_TAKE + Perbill::from_parts(1)
			),
			Error::<Test>::TakeTooHigh
		);
		assert_ok!(set(ALICE, HK_A, 10));
		assert_eq!(Takes::<Test>::get(HK_A), Perbill::from_percent(10));
		assert_eq!(last_event(), Event::TakeSet { hotkey: HK_A, take: Perbill::from_percent(10) });
	});
}

#[test]
fn decreases_apply_at_once_increases_are_rate_limited() {
	test(|| {
		assert_ok!(Staking::set_take_rate_limit(RuntimeOrigin::root(), 100));
		assert_ok!(set(ALICE, HK_A, 10));
		assert_ok!(set(ALICE, HK_A, 5));
		// The first increase is allowed...
		assert_ok!(set(ALICE, HK_A, 8));
		// ...the next one only `TakeRateLimit` blocks later; decreases any time.
		System::set_block_number(50);
		assert_noop!(set(ALICE, HK_A, 9), Error::<Test>::TakeIncreaseRateLimited);
		assert_ok!(set(ALICE, HK_A, 4));
		assert_ok!(set(ALICE, HK_A, 4));
		System::set_block_number(100);
		assert_noop!(set(ALICE, HK_A, 9), Error::<Test>::TakeIncreaseRateLimited);
		System::set_block_number(101);
		assert_ok!(set(ALICE, HK_A, 9));
		assert_eq!(LastTakeIncrease::<Test>::get(HK_A), Some(101));
		System::set_block_number(150);
		assert_noop!(set(ALICE, HK_A, 18), Error::<Test>::TakeIncreaseRateLimited);
		System::set_block_number(201);
		assert_ok!(set(ALICE, HK_A, 18));
	});
}

#[test]
fn the_take_decides_the_owners_share_of_a_dividend() {
	test(|| {
		add(ALICE, HK_A, 100 * MYL);
		add(BOB, HK_A, 100 * MYL);
		assert_ok!(set(ALICE, HK_A, 0));
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		// No take: both stakers get half.
		assert_eq!(stake(ALICE, HK_A), 105 * MYL);
		assert_eq!(stake(BOB, HK_A), 105 * MYL);
	});
}
