use super::*;
use pallet_market::{Bonds, HoldReason, Leases};

/// POSTER opens a 1 MYL-a-block lease of PROVIDER with `deposit`; PROVIDER accepts. Its id.
fn active(netuid: u16, deposit: Balance) -> u64 {
	assert_ok!(Market::open_lease(signed(POSTER), netuid, PROVIDER, MYL, deposit));
	let id = pallet_market::NextLeaseId::<Test>::get() - 1;
	assert_ok!(Market::accept_lease(signed(PROVIDER), id));
	id
}

#[test]
fn a_lease_pays_per_block_pauses_when_dry_and_resumes_on_top_up() {
	test(|| {
		let netuid = market();
		let (user0, owner0, issuance0) = (free(POSTER), free(MINER_COLDKEY), issuance());
		let start = now();
		let id = active(netuid, 10 * MYL);
		assert_eq!(
			Bonds::<Test>::get(netuid, PROVIDER).unwrap().committed,
			10 * MYL,
			"10 blocks of rate"
		);
		jump_to(start + 4);
		assert_ok!(Market::withdraw_lease(signed(PROVIDER), id));
		let take = |x: Balance| x * 2 / 100;
		assert_eq!(free(MINER_COLDKEY), owner0 + 4 * MYL - take(4 * MYL));
		assert_eq!(Leases::<Test>::get(id).unwrap().deposit, 6 * MYL);

		// The deposit covers 6 more blocks: at block start + 10 it runs dry and the lease pauses.
		jump_to(start + 15);
		assert_ok!(Market::withdraw_lease(signed(PROVIDER), id));
		assert_eq!(Leases::<Test>::get(id).unwrap().state, LeaseState::Paused { at: start + 10 });
		assert!(events().contains(&Event::LeasePaused { lease_id: id, paused_at: start + 10 }));
		assert_eq!(free(MINER_COLDKEY), owner0 + 10 * MYL - take(10 * MYL));
		// Paused: nothing more is owed.
		jump_to(start + 20);
		assert_ok!(Market::withdraw_lease(signed(PROVIDER), id));
		assert_eq!(free(MINER_COLDKEY), owner0 + 10 * MYL - take(10 * MYL));

		// A top-up within the grace resumes it from now; the paused blocks are not charged.
		assert_ok!(Market::top_up(signed(POSTER), id, 5 * MYL));
		assert!(events().contains(&Event::LeaseResumed { lease_id: id }));
		assert_eq!(Leases::<Test>::get(id).unwrap().state, LeaseState::Active);
		jump_to(start + 22);
		assert_ok!(Market::close_lease(signed(POSTER), id));
		assert!(events().contains(&Event::LeaseClosed { lease_id: id, refunded: 3 * MYL }));
		assert_eq!(free(POSTER), user0 - 12 * MYL, "12 blocks paid");
		assert_eq!(issuance(), issuance0 - take(10 * MYL) - take(2 * MYL));
		assert_eq!(held(HoldReason::LeaseDeposit, POSTER), 0);
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().committed, 0);
		assert!(!Leases::<Test>::contains_key(id));
	});
}

#[test]
fn past_the_grace_a_paused_lease_only_closes() {
	test(|| {
		let netuid = market();
		let start = now();
		let id = active(netuid, 5 * MYL);
		// Dry at start + 5; the grace (20 blocks) ends at start + 25.
		jump_to(start + 26);
		assert_noop!(Market::top_up(signed(POSTER), id, MYL), Error::<Test>::LeaseGraceOver);
		// The provider's withdrawal settles it and, past the grace, closes it.
		assert_ok!(Market::withdraw_lease(signed(PROVIDER), id));
		assert!(!Leases::<Test>::contains_key(id));
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().committed, 0);
	});
}

#[test]
fn a_pending_lease_closes_with_a_full_refund_and_refusals_change_nothing() {
	test(|| {
		let netuid = market();
		let user0 = free(POSTER);
		assert_noop!(
			Market::open_lease(signed(POSTER), netuid, PROVIDER, 0, MYL),
			Error::<Test>::ZeroRate
		);
		assert_noop!(
			Market::open_lease(signed(POSTER), netuid, PROVIDER, MYL, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Market::open_lease(signed(POSTER), netuid, OTHER, MYL, MYL),
			Error::<Test>::NoOffer
		);
		assert_noop!(
			Market::open_lease(signed(POSTER), netuid, 999, MYL, MYL),
			Error::<Test>::NotRegistered
		);
		assert_ok!(Market::open_lease(signed(POSTER), netuid, PROVIDER, MYL, 7 * MYL));
		assert_noop!(Market::accept_lease(signed(OTHER), 0), Error::<Test>::NotProvider);
		assert_noop!(Market::withdraw_lease(signed(PROVIDER), 0), Error::<Test>::WrongLeaseState);
		assert_noop!(Market::close_lease(signed(9), 0), Error::<Test>::NotLeaseParty);
		assert_noop!(Market::top_up(signed(9), 0, MYL), Error::<Test>::NotLeaseParty);
		jump_to(now() + 30);
		assert_ok!(Market::close_lease(signed(POSTER), 0));
		assert_eq!(free(POSTER), user0, "nothing was owed while pending");
		// A lease needs 10 blocks of its rate in free bond.
		assert_ok!(Market::open_lease(signed(POSTER), netuid, PROVIDER, 11 * MYL, MYL));
		assert_noop!(Market::accept_lease(signed(PROVIDER), 1), Error::<Test>::InsufficientBond);
	});
}
