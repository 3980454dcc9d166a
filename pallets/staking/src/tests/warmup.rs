//! The stake warm-up: what stake gains before `StakeWarmup` blocks have passed is forfeited
//! if it leaves (removed or moved), to the hotkey's other stakers or, with none, burned.

use super::*;
use frame_support::assert_ok;

/// A warm-up of `blocks` from now on.
fn warmup(blocks: u32) {
	StakeWarmup::<Test>::put(blocks);
}

fn remove(coldkey: AccountId, hotkey: AccountId, amount: Balance) {
	let result = Staking::remove_stake(RuntimeOrigin::signed(coldkey), hotkey, amount);
	assert!(result.is_ok(), "{coldkey} removing {amount}: {result:?}");
}

#[test]
fn gains_of_stake_leaving_inside_its_warmup_go_to_the_other_stakers() {
	test(|| {
		add(ALICE, HK_A, 100 * MYL); // before the warm-up exists: never warming
		warmup(10);
		add(BOB, HK_A, 100 * MYL);
		assert_eq!(
			Warming::<Test>::get(HK_A, BOB).map(|w| (w.paid, w.until)),
			Some((100 * MYL, 11))
		);
		Staking::set_take(RuntimeOrigin::signed(ALICE), HK_A, Perbill::zero()).unwrap();
		Staking::do_pay_dividend(&HK_A, 20 * MYL);
		// His shares are worth 110 MYL, but only what he paid is his to take.
		assert_eq!(Staking::total_stake_of(&HK_A), 220 * MYL);
		assert_eq!(stake(BOB, HK_A), 100 * MYL);
		let (issued, bob_before) = (issuance(), free(BOB) + held(BOB));
		remove(BOB, HK_A, 100 * MYL);
		// Bob takes back what he paid; his 10 MYL gain is Alice's now.
		assert_eq!(
			last_event(),
			Event::StakeRemoved { coldkey: BOB, hotkey: HK_A, amount: 100 * MYL, stake: 0 }
		);
		assert!(staking_events().contains(&Event::WarmingGainsForfeited {
			coldkey: BOB,
			hotkey: HK_A,
			amount: 10 * MYL
		}));
		// His gain never reached his hold: he has exactly what he had.
		assert_eq!(free(BOB) + held(BOB), bob_before);
		assert_eq!(stake(ALICE, HK_A), 120 * MYL);
		assert_eq!(issuance(), issued);
		assert!(!Warming::<Test>::contains_key(HK_A, BOB));
	});
}

#[test]
fn forfeited_gains_of_the_last_staker_are_burned() {
	test(|| {
		warmup(10);
		add(BOB, HK_A, 100 * MYL);
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		let issued = issuance();
		// The take went to Alice, the owner, as stake: she leaves first, after the warm-up
		// (her reward stake never warms).
		remove(ALICE, HK_A, stake(ALICE, HK_A));
		assert_eq!(stake(BOB, HK_A), 100 * MYL);
		remove(BOB, HK_A, 100 * MYL);
		// Nobody is left to own Bob's 8.2 MYL gain: it is burned, not left for the next staker.
		// (and the base unit of rounding dust Alice's withdrawal left in the pool with it).
		let burned = issued - issuance();
		assert!((8_200_000_000..=8_200_000_001).contains(&burned), "burned {burned}");
		assert!(Pools::<Test>::get(HK_A).is_none());
		add(CHARLIE, HK_A, MYL);
		assert_eq!(stake(CHARLIE, HK_A), MYL);
	});
}

#[test]
fn stake_past_its_warmup_keeps_its_gains_and_moving_in_warms_again() {
	test(|| {
		warmup(10);
		add(BOB, HK_A, 100 * MYL);
		Staking::set_take(RuntimeOrigin::signed(ALICE), HK_A, Perbill::zero()).unwrap();
		Staking::do_pay_dividend(&HK_A, 10 * MYL);
		System::set_block_number(11);
		// Moved after the warm-up: the gain moves along; the moved stake warms on HK_B.
		assert_ok!(Staking::move_stake(RuntimeOrigin::signed(BOB), HK_A, HK_B, 110 * MYL));
		assert!(!staking_events().iter().any(|e| matches!(e, Event::WarmingGainsForfeited { .. })));
		assert_eq!(stake(BOB, HK_B), 110 * MYL);
		assert_eq!(Warming::<Test>::get(HK_B, BOB).map(|w| w.until), Some(21));
	});
}
