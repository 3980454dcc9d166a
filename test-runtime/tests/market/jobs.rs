use super::*;
use pallet_market::{Bonds, HoldReason, Jobs, Offers, Reputations};
use sp_core::H256;

const RESULT: H256 = H256::repeat_byte(0xab);

/// POSTER posts a 10 MYL job (deadline in 50 blocks), PROVIDER takes it and submits 6 units
/// (a price of 6 MYL). Returns the job's id.
fn submitted(netuid: u16) -> u64 {
	assert_ok!(Market::post_job(
		signed(POSTER),
		netuid,
		b"matmul n=64 seed=7".to_vec(),
		10 * MYL,
		now() + 50,
		None
	));
	let id = pallet_market::NextJobId::<Test>::get() - 1;
	assert_ok!(Market::accept_job(signed(PROVIDER), id));
	assert_ok!(Market::submit_result(signed(PROVIDER), id, RESULT, 6));
	id
}

fn past_window() {
	jump_to(now() + 6);
}

#[test]
fn an_honest_job_is_paid_exactly_and_the_take_burned() {
	test(|| {
		let netuid = market();
		let (poster0, owner0, issuance0) = (free(POSTER), free(MINER_COLDKEY), issuance());
		let id = submitted(netuid);
		assert_eq!(held(HoldReason::JobEscrow, POSTER), 10 * MYL);
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().committed, 5 * MYL);
		assert_ok!(Market::attest(signed(V1), id, true));
		assert_noop!(Market::finalize_job(signed(9), id), Error::<Test>::NotDue);
		past_window();
		assert_ok!(Market::finalize_job(signed(9), id));

		let take = 6 * MYL * 2 / 100;
		assert_eq!(free(POSTER), poster0 - 6 * MYL, "the poster pays the price, no more");
		assert_eq!(
			free(MINER_COLDKEY),
			owner0 + 6 * MYL - take,
			"the provider's owner gets price - take"
		);
		assert_eq!(issuance(), issuance0 - take, "the take is burned");
		assert_eq!(held(HoldReason::JobEscrow, POSTER), 0, "the escrow is empty");
		assert!(!Jobs::<Test>::contains_key(id));
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().committed, 0);
		assert_eq!(Offers::<Test>::get(netuid, PROVIDER).unwrap().open, 0);
		assert!(events().contains(&Event::JobPaid {
			job_id: id,
			provider: PROVIDER,
			amount: 6 * MYL - take,
			take
		}));
		let rep = Reputations::<Test>::get(PROVIDER);
		assert_eq!((rep.completed, rep.rejected, rep.slashed, rep.score), (1, 0, 0, 550_000));
	});
}

#[test]
fn a_rejected_job_refunds_the_poster_and_slashes_the_bond() {
	test(|| {
		let netuid = market();
		let (poster0, validator0, issuance0) = (free(POSTER), free(VALIDATOR_COLDKEY), issuance());
		let id = submitted(netuid);
		// 100 MYL of stake rejects, 50 approves.
		assert_ok!(Market::attest(signed(V1), id, false));
		assert_ok!(Market::attest(signed(V2), id, true));
		past_window();
		assert_ok!(Market::finalize_job(signed(9), id));

		// The job's bond (50% of 10 MYL) is slashed: 2.5 to the poster, 1.5 to V1's owner, 1 burned.
		assert_eq!(free(POSTER), poster0 + 5 * MYL / 2);
		assert_eq!(free(VALIDATOR_COLDKEY), validator0 + 3 * MYL / 2);
		assert_eq!(issuance(), issuance0 - MYL);
		assert_eq!(held(HoldReason::Bond, MINER_COLDKEY), 95 * MYL);
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().amount, 95 * MYL);
		let ev = events();
		assert!(ev.contains(&Event::JobRejected { job_id: id, provider: PROVIDER }));
		assert!(ev.contains(&Event::ProviderSlashed { netuid, hotkey: PROVIDER, amount: 5 * MYL }));
		let rep = Reputations::<Test>::get(PROVIDER);
		assert_eq!(
			(rep.completed, rep.rejected, rep.slashed, rep.slashed_amount),
			(0, 1, 1, 5 * MYL)
		);
		assert_eq!(rep.score, 450_000);
	});
}

#[test]
fn stake_decides_not_the_number_of_validators() {
	test(|| {
		let netuid = market();
		let id = submitted(netuid);
		assert_ok!(Market::attest(signed(V1), id, true)); // 100 MYL
		assert_ok!(Market::attest(signed(V2), id, false)); // 50 MYL
		past_window();
		assert_ok!(Market::finalize_job(signed(9), id));
		assert!(events().iter().any(|e| matches!(e, Event::JobPaid { .. })));
	});
}

#[test]
fn a_job_nobody_accepts_is_refunded_at_its_deadline() {
	test(|| {
		let netuid = market();
		let poster0 = free(POSTER);
		assert_ok!(Market::post_job(
			signed(POSTER),
			netuid,
			b"x".to_vec(),
			10 * MYL,
			now() + 10,
			None
		));
		let deadline = now() + 10;
		jump_to(deadline);
		assert_noop!(Market::finalize_job(signed(9), 0), Error::<Test>::NotDue);
		jump_to(deadline + 1);
		assert_noop!(Market::accept_job(signed(PROVIDER), 0), Error::<Test>::DeadlinePassed);
		assert_ok!(Market::finalize_job(signed(9), 0));
		assert_eq!(free(POSTER), poster0);
		assert!(events().contains(&Event::JobRefunded {
			job_id: 0,
			poster: POSTER,
			amount: 10 * MYL,
			reason: RefundReason::NotAccepted
		}));
	});
}

#[test]
fn no_result_by_the_deadline_refunds_and_slashes_to_the_poster() {
	test(|| {
		let netuid = market();
		let (poster0, issuance0) = (free(POSTER), issuance());
		assert_ok!(Market::post_job(
			signed(POSTER),
			netuid,
			b"x".to_vec(),
			10 * MYL,
			now() + 10,
			None
		));
		assert_ok!(Market::accept_job(signed(PROVIDER), 0));
		jump_to(now() + 11);
		assert_noop!(
			Market::submit_result(signed(PROVIDER), 0, RESULT, 1),
			Error::<Test>::DeadlinePassed
		);
		assert_ok!(Market::finalize_job(signed(9), 0));
		// 80% of the 5 MYL slash to the poster, 20% burned.
		assert_eq!(free(POSTER), poster0 + 4 * MYL);
		assert_eq!(issuance(), issuance0 - MYL);
		assert_eq!(Reputations::<Test>::get(PROVIDER).slashed, 1);
	});
}

#[test]
fn a_disputed_unattested_job_is_refunded_an_undisputed_one_paid() {
	test(|| {
		let netuid = market();
		let poster0 = free(POSTER);
		let id = submitted(netuid);
		assert_noop!(Market::dispute(signed(9), id), Error::<Test>::NotPoster);
		assert_ok!(Market::dispute(signed(POSTER), id));
		past_window();
		assert_ok!(Market::finalize_job(signed(9), id));
		assert_eq!(free(POSTER), poster0, "refunded");
		assert_eq!(Bonds::<Test>::get(netuid, PROVIDER).unwrap().amount, 100 * MYL, "no slash");

		let id = submitted(netuid);
		past_window();
		assert_ok!(Market::finalize_job(signed(9), id));
		assert_eq!(free(POSTER), poster0 - 6 * MYL, "paid without attestations");
	});
}

#[test]
fn refused_calls_change_nothing() {
	test(|| {
		let netuid = market();
		let spec = b"spec".to_vec();
		assert_noop!(
			Market::post_job(signed(POSTER), netuid, vec![0; 1025], MYL, now() + 50, None),
			Error::<Test>::SpecTooLong
		);
		assert_noop!(
			Market::post_job(signed(POSTER), netuid, spec.clone(), MYL, now() + 2, None),
			Error::<Test>::DeadlineTooSoon
		);
		assert_noop!(
			Market::post_job(signed(POSTER), netuid, spec.clone(), MYL, now() + 1001, None),
			Error::<Test>::DeadlineTooFar
		);
		assert_noop!(
			Market::post_job(signed(POSTER), 99, spec.clone(), MYL, now() + 50, None),
			Error::<Test>::NoSuchSubnet
		);
		assert_noop!(
			Market::post_job(signed(POSTER), netuid, spec.clone(), 0, now() + 50, None),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Market::post_job(signed(POSTER), netuid, spec.clone(), 2 * ENDOWMENT, now() + 50, None),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Market::post_job(
			signed(POSTER),
			netuid,
			spec.clone(),
			10 * MYL,
			now() + 50,
			Some(PROVIDER)
		));
		assert_noop!(Market::cancel_job(signed(9), 0), Error::<Test>::NotPoster);
		assert_noop!(Market::accept_job(signed(OTHER), 0), Error::<Test>::NotTheNamedProvider);
		assert_noop!(Market::accept_job(signed(PROVIDER), 7), Error::<Test>::NoSuchJob);
		assert_ok!(Market::post_job(
			signed(POSTER),
			netuid,
			spec.clone(),
			10 * MYL,
			now() + 50,
			None
		));
		assert_noop!(Market::accept_job(signed(OTHER), 1), Error::<Test>::NoOffer);
		assert_ok!(Market::set_offer(signed(OTHER), netuid, MYL, 1, vec![]));
		assert_noop!(Market::accept_job(signed(OTHER), 1), Error::<Test>::InsufficientBond);
		assert_noop!(
			Market::submit_result(signed(PROVIDER), 0, RESULT, 1),
			Error::<Test>::WrongJobState
		);
		assert_ok!(Market::accept_job(signed(PROVIDER), 0));
		assert_noop!(Market::cancel_job(signed(POSTER), 0), Error::<Test>::WrongJobState);
		assert_noop!(
			Market::submit_result(signed(OTHER), 0, RESULT, 1),
			Error::<Test>::NotProvider
		);
		assert_noop!(Market::attest(signed(V1), 0, true), Error::<Test>::WrongJobState);
		assert_ok!(Market::submit_result(signed(PROVIDER), 0, RESULT, 1));
		assert_noop!(Market::attest(signed(V3), 0, true), Error::<Test>::NotPermitted);
		assert_noop!(Market::attest(signed(999), 0, true), Error::<Test>::NotPermitted);
		assert_ok!(Market::attest(signed(V1), 0, true));
		assert_noop!(Market::attest(signed(V1), 0, false), Error::<Test>::AlreadyAttested);
		jump_to(now() + 6);
		assert_noop!(Market::attest(signed(V2), 0, true), Error::<Test>::AttestWindowClosed);
		assert_noop!(Market::dispute(signed(POSTER), 1), Error::<Test>::WrongJobState);
	});
}

#[test]
fn capacity_bounds_a_providers_open_work() {
	test(|| {
		let netuid = market();
		for i in 0..5 {
			assert_ok!(Market::post_job(
				signed(POSTER),
				netuid,
				b"x".to_vec(),
				MYL,
				now() + 50,
				None
			));
			if i < 4 {
				assert_ok!(Market::accept_job(signed(PROVIDER), i));
			}
		}
		assert_noop!(Market::accept_job(signed(PROVIDER), 4), Error::<Test>::AtCapacity);
		assert!(matches!(Jobs::<Test>::get(3).unwrap().state, JobState::Accepted { .. }));
	});
}
