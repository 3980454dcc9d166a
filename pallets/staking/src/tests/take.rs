//! `set_take`: owner only, 18% at most, decreases at once, increases announced and in force
//! only `TakeIncreaseDelay` blocks later, announcements rate-limited.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

fn set(coldkey: AccountId, hotkey: AccountId, percent: u32) -> sp_runtime::DispatchResult {
	Staking::set_take(RuntimeOrigin::signed(coldkey), hotkey, Perbill::from_percent(percent))
		.map(|_| ())
		.map_err(|e| e.error)
}

fn percent(percent: u32) -> Perbill {
	Perbill::from_percent(percent)
}

/// The take in force for `HK_A` now.
fn take_a() -> Perbill {
	Staking::effective_take(&HK_A)
}

/// The `take` of the last `DividendPaid` event.
fn last_dividend_take() -> Balance {
	match last_event() {
		Event::DividendPaid { take, .. } => take,
		other => panic!("not a dividend: {other:?}"),
	}
}

#[test]
fn default_take_is_eighteen_percent() {
	test(|| {
		assert_eq!(Takes::<Test>::get(HK_A), percent(18));
		assert_eq!(take_a(), percent(18));
		assert_eq!(MAX_TAKE, percent(18));
		assert_eq!(TakeIncreaseDelay::<Test>::get(), DEFAULT_TAKE_INCREASE_DELAY);
		assert_eq!(DEFAULT_TAKE_INCREASE_DELAY, 7_200);
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
		assert_eq!(Takes::<Test>::get(HK_A), percent(10));
		assert_eq!(last_event(), Event::TakeSet { hotkey: HK_A, take: percent(10) });
		// Refusals of an increase too: nothing is announced.
		assert_noop!(set(BOB, HK_A, 12), Error::<Test>::NotHotkeyOwner);
		assert_noop!(
			Staking::set_take(
				RuntimeOrigin::signed(ALICE),
				HK_A,
				MAX_TAKE + Perbill::from_parts(1)
			),
			Error::<Test>::TakeTooHigh
		);
		assert!(PendingTakes::<Test>::get(HK_A).is_none());
	});
}

/// Attack 5, take front-running: the owner advertises 0%, stakers come, and the owner raises
/// the take to 18% one block before dividends are paid. The increase is only announced: the
/// dividends paid before `TakeIncreaseDelay` blocks have passed still pay 0%.
#[test]
fn take_front_running_a_raise_just_before_dividends_does_not_apply_to_them() {
	test(|| {
		assert_ok!(set(ALICE, HK_A, 0));
		add(BOB, HK_A, 100 * MYL);
		System::set_block_number(1_000);
		// One block before the epoch pays dividends, the owner raises to 18%.
		assert_ok!(set(ALICE, HK_A, 18));
		let effective_at = 1_000 + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		assert_eq!(
			last_event(),
			Event::TakeIncreaseAnnounced { hotkey: HK_A, take: percent(18), effective_at }
		);
		assert_eq!(take_a(), percent(0));
		assert_eq!(
			Staking::pending_take_of(&HK_A),
			Some(PendingTake { take: percent(18), effective_at })
		);
		// The metagraph's one read of both.
		let announced = Some(PendingTake { take: percent(18), effective_at });
		assert_eq!(Staking::takes_of(&HK_A), (percent(0), announced));
		let each = vec![Staking::takes_of(&HK_A), Staking::takes_of(&HK_B)];
		assert_eq!(Staking::takes_of_each(&[&HK_A, &HK_B]), each);

		// The epoch's dividend, the next block: all of it to the stakers.
		System::set_block_number(1_001);
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_eq!(
			last_event(),
			Event::DividendPaid { hotkey: HK_A, owner: ALICE, take: 0, to_stakers: 10 * MYL }
		);
		assert_eq!(stake(BOB, HK_A), 110 * MYL);
		assert_eq!(stake(ALICE, HK_A), 0);

		// Still 0% in the last block before `effective_at`.
		System::set_block_number(effective_at - 1);
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_eq!(last_dividend_take(), 0);
		assert_eq!(stake(BOB, HK_A), 120 * MYL);

		// From `effective_at` on, the announced 18%.
		System::set_block_number(effective_at);
		assert_eq!(take_a(), percent(18));
		assert_eq!(Staking::pending_take_of(&HK_A), None, "in force, no longer pending");
		assert_eq!(Staking::takes_of(&HK_A), (percent(18), None));
		assert_eq!(Staking::takes_of_each(&[&HK_A]), vec![(percent(18), None)]);
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_eq!(
			last_event(),
			Event::DividendPaid {
				hotkey: HK_A,
				owner: ALICE,
				take: 1_800_000_000,
				to_stakers: 8_200_000_000
			}
		);
		assert_eq!(stake(BOB, HK_A), 128_200_000_000);
	});
}

/// A staker who sees the announcement leaves before `effective_at` with everything earned
/// under the old take.
#[test]
fn stakers_can_leave_before_an_announced_increase_applies() {
	test(|| {
		assert_ok!(set(ALICE, HK_A, 0));
		add(BOB, HK_A, 100 * MYL);
		assert_ok!(set(ALICE, HK_A, 18));
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		System::set_block_number(1 + u64::from(DEFAULT_TAKE_INCREASE_DELAY) - 1);
		let all = stake(BOB, HK_A);
		assert_eq!(all, 110 * MYL);
		assert_ok!(Staking::remove_stake(RuntimeOrigin::signed(BOB), HK_A, all));
		assert_eq!(free(BOB), ENDOWMENT + 10 * MYL);
	});
}

#[test]
fn the_first_increase_is_delayed_too() {
	test(|| {
		assert_ok!(set(ALICE, HK_A, 5));
		assert!(LastTakeIncrease::<Test>::get(HK_A).is_none(), "no increase yet");
		// The hotkey's first increase: not rate-limited, but not in force either.
		assert_ok!(set(ALICE, HK_A, 10));
		let effective_at = 1 + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		assert_eq!(
			last_event(),
			Event::TakeIncreaseAnnounced { hotkey: HK_A, take: percent(10), effective_at }
		);
		assert_eq!(Takes::<Test>::get(HK_A), percent(5));
		assert_eq!(take_a(), percent(5));
		assert_eq!(
			PendingTakes::<Test>::get(HK_A),
			Some(PendingTake { take: percent(10), effective_at })
		);
		assert_eq!(LastTakeIncrease::<Test>::get(HK_A), Some(1));

		add(BOB, HK_A, 100 * MYL);
		System::set_block_number(effective_at - 1);
		assert_eq!(take_a(), percent(5));
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_eq!(last_dividend_take(), MYL / 2);
		System::set_block_number(effective_at);
		assert_eq!(take_a(), percent(10));
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_eq!(last_dividend_take(), MYL);
	});
}

#[test]
fn a_decrease_is_immediate_and_cancels_an_announced_increase() {
	test(|| {
		add(BOB, HK_A, 100 * MYL);
		assert_ok!(set(ALICE, HK_A, 10));
		assert_ok!(set(ALICE, HK_A, 15));
		assert_eq!(take_a(), percent(10), "announced, not in force");
		assert!(PendingTakes::<Test>::get(HK_A).is_some());

		// A decrease below the take in force: at once, and the announcement is gone.
		System::set_block_number(100);
		assert_ok!(set(ALICE, HK_A, 8));
		assert_eq!(last_event(), Event::TakeSet { hotkey: HK_A, take: percent(8) });
		assert_eq!(take_a(), percent(8));
		assert_eq!(PendingTakes::<Test>::get(HK_A), None);
		// Long after the cancelled increase would have applied, still 8%.
		System::set_block_number(100_000);
		assert_eq!(take_a(), percent(8));
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		assert_eq!(last_dividend_take(), 800_000_000);
	});
}

#[test]
fn setting_the_take_in_force_again_cancels_an_announced_increase() {
	test(|| {
		assert_ok!(set(ALICE, HK_A, 10));
		assert_ok!(set(ALICE, HK_A, 15));
		assert_eq!(Takes::<Test>::get(HK_A), percent(10), "announced, not applied");
		assert_ok!(set(ALICE, HK_A, 10));
		assert_eq!(last_event(), Event::TakeSet { hotkey: HK_A, take: percent(10) });
		assert_eq!(PendingTakes::<Test>::get(HK_A), None);
		System::set_block_number(1 + u64::from(DEFAULT_TAKE_INCREASE_DELAY));
		assert_eq!(take_a(), percent(10));
	});
}

/// Once an announced increase is in force, a take between the stored take and the announced
/// one is a decrease: it applies at once (it is not rate-limited as an increase).
#[test]
fn a_decrease_from_an_increase_in_force_is_immediate() {
	test(|| {
		assert_ok!(set(ALICE, HK_A, 10));
		assert_ok!(set(ALICE, HK_A, 15));
		assert_eq!(Takes::<Test>::get(HK_A), percent(10), "announced, not applied");
		let effective_at = 1 + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		System::set_block_number(effective_at);
		assert_eq!(take_a(), percent(15));
		assert_ok!(set(ALICE, HK_A, 12));
		assert_eq!(last_event(), Event::TakeSet { hotkey: HK_A, take: percent(12) });
		assert_eq!(Takes::<Test>::get(HK_A), percent(12));
		assert_eq!(PendingTakes::<Test>::get(HK_A), None);
		assert_eq!(take_a(), percent(12));
	});
}

#[test]
fn increases_are_rate_limited_from_their_announcement() {
	test(|| {
		assert_ok!(Staking::set_take_rate_limit(RuntimeOrigin::root(), 100));
		assert_ok!(set(ALICE, HK_A, 10));
		assert_ok!(set(ALICE, HK_A, 5));
		// The first increase is announced at once (not rate-limited)...
		assert_ok!(set(ALICE, HK_A, 8));
		assert_eq!(LastTakeIncrease::<Test>::get(HK_A), Some(1));
		assert_eq!(Takes::<Test>::get(HK_A), percent(5), "announced, not applied");
		assert_eq!(take_a(), percent(5));
		// ...the next one only `TakeRateLimit` blocks after it; decreases any time.
		System::set_block_number(50);
		assert_noop!(set(ALICE, HK_A, 9), Error::<Test>::TakeIncreaseRateLimited);
		assert_ok!(set(ALICE, HK_A, 4));
		assert_ok!(set(ALICE, HK_A, 4));
		assert_eq!(PendingTakes::<Test>::get(HK_A), None);
		// Cancelling an announcement does not reset the limit.
		System::set_block_number(100);
		assert_noop!(set(ALICE, HK_A, 9), Error::<Test>::TakeIncreaseRateLimited);
		System::set_block_number(101);
		assert_ok!(set(ALICE, HK_A, 9));
		assert_eq!(LastTakeIncrease::<Test>::get(HK_A), Some(101));
		assert_eq!(Takes::<Test>::get(HK_A), percent(4));
		assert_eq!(take_a(), percent(4));
		System::set_block_number(150);
		assert_noop!(set(ALICE, HK_A, 18), Error::<Test>::TakeIncreaseRateLimited);

		// Past the limit, a new announcement replaces the pending one and starts the delay
		// again.
		System::set_block_number(201);
		assert_ok!(set(ALICE, HK_A, 18));
		let effective_at = 201 + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		assert_eq!(
			last_event(),
			Event::TakeIncreaseAnnounced { hotkey: HK_A, take: percent(18), effective_at }
		);
		assert_eq!(
			PendingTakes::<Test>::get(HK_A),
			Some(PendingTake { take: percent(18), effective_at })
		);
		// When the replaced 9% would have applied, the take in force is still 4%.
		System::set_block_number(101 + u64::from(DEFAULT_TAKE_INCREASE_DELAY));
		assert_eq!(take_a(), percent(4));
		System::set_block_number(effective_at);
		assert_eq!(take_a(), percent(18));
	});
}

/// An increase announced over one already in force stores the one in force first: the take
/// in force does not change until the new announcement's block.
#[test]
fn an_increase_over_one_in_force_keeps_it_until_its_own_block() {
	test(|| {
		assert_ok!(Staking::set_take_rate_limit(RuntimeOrigin::root(), 100));
		assert_ok!(set(ALICE, HK_A, 0));
		assert_ok!(set(ALICE, HK_A, 10));
		let first_at = 1 + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		System::set_block_number(first_at);
		assert_eq!(Takes::<Test>::get(HK_A), percent(0), "in force but not stored yet");
		assert_eq!(take_a(), percent(10));

		assert_ok!(set(ALICE, HK_A, 15));
		assert_eq!(Takes::<Test>::get(HK_A), percent(10));
		let second_at = first_at + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		assert_eq!(
			PendingTakes::<Test>::get(HK_A),
			Some(PendingTake { take: percent(15), effective_at: second_at })
		);
		System::set_block_number(second_at - 1);
		assert_eq!(take_a(), percent(10));
		System::set_block_number(second_at);
		assert_eq!(take_a(), percent(15));
	});
}

#[test]
fn root_sets_the_take_increase_delay_and_refuses_zero() {
	test(|| {
		assert_noop!(
			Staking::set_take_increase_delay(RuntimeOrigin::signed(ALICE), 10),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Staking::set_take_increase_delay(RuntimeOrigin::root(), 0),
			Error::<Test>::TakeIncreaseDelayZero
		);
		assert_ok!(Staking::set_take_increase_delay(RuntimeOrigin::root(), 10));
		assert_eq!(TakeIncreaseDelay::<Test>::get(), 10);
		assert_eq!(last_event(), Event::TakeIncreaseDelaySet { blocks: 10 });

		// Announcements use the new delay.
		assert_ok!(set(ALICE, HK_A, 5));
		assert_ok!(set(ALICE, HK_A, 6));
		assert_eq!(
			last_event(),
			Event::TakeIncreaseAnnounced { hotkey: HK_A, take: percent(6), effective_at: 11 }
		);
		assert_eq!(Takes::<Test>::get(HK_A), percent(5), "announced, not applied");
		System::set_block_number(10);
		assert_eq!(take_a(), percent(5));
		System::set_block_number(11);
		assert_eq!(take_a(), percent(6));
	});
}

#[test]
fn a_delay_change_keeps_the_block_of_announced_increases() {
	test(|| {
		assert_ok!(set(ALICE, HK_A, 5));
		assert_ok!(set(ALICE, HK_A, 6));
		let effective_at = 1 + u64::from(DEFAULT_TAKE_INCREASE_DELAY);
		assert_ok!(Staking::set_take_increase_delay(RuntimeOrigin::root(), 1));
		System::set_block_number(effective_at - 1);
		assert_eq!(Takes::<Test>::get(HK_A), percent(5));
		assert_eq!(take_a(), percent(5));
		assert_eq!(
			Staking::pending_take_of(&HK_A),
			Some(PendingTake { take: percent(6), effective_at })
		);
	});
}

#[test]
#[should_panic(expected = "take_increase_delay must be at least 1")]
fn genesis_refuses_a_zero_take_increase_delay() {
	use sp_runtime::BuildStorage;
	let _ = crate::GenesisConfig::<Test> { take_increase_delay: 0, ..Default::default() }
		.build_storage();
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
