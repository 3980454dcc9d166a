//! Jobs: posted with an escrow, taken by a bonded provider, verified by the subnet's
//! validators, finalized lazily by anyone.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::{StakeInfo, SubnetsInterface, ValidatorPermits};
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedFrom, Zero},
	Perbill,
};

use crate::{
	Attestation, BalanceOf, Config, Error, Event, HoldReason, Job, JobOf, JobState, Jobs,
	NextJobId, Pallet, RefundReason, Reputations, Spec,
};

/// Of a slashed bond: the poster's part.
pub const SLASH_TO_POSTER: Perbill = Perbill::from_percent(50);
/// Of a slashed bond: the part shared by the validators that rejected the result.
pub const SLASH_TO_VALIDATORS: Perbill = Perbill::from_percent(30);

impl<T: Config> Pallet<T> {
	pub(crate) fn do_post_job(
		poster: T::AccountId,
		netuid: u16,
		spec: Vec<u8>,
		max_price: BalanceOf<T>,
		deadline: BlockNumberFor<T>,
		provider: Option<T::AccountId>,
	) -> DispatchResult {
		let spec: Spec = spec.try_into().map_err(|_| Error::<T>::SpecTooLong)?;
		ensure!(T::Subnets::subnet_exists(netuid), Error::<T>::NoSuchSubnet);
		ensure!(!max_price.is_zero(), Error::<T>::ZeroAmount);
		ensure!(
			deadline >= Self::blocks_ahead(T::MinJobBlocks::get()),
			Error::<T>::DeadlineTooSoon
		);
		ensure!(deadline <= Self::blocks_ahead(T::MaxJobBlocks::get()), Error::<T>::DeadlineTooFar);
		Self::hold(HoldReason::JobEscrow, &poster, max_price)?;
		let job_id = NextJobId::<T>::mutate(|id| {
			let this = *id;
			*id = id.saturating_add(1);
			this
		});
		Jobs::<T>::insert(
			job_id,
			Job {
				netuid,
				poster: poster.clone(),
				named_provider: provider,
				spec,
				max_price,
				deadline,
				posted_at: frame_system::Pallet::<T>::block_number(),
				state: JobState::Posted,
				attestations: Default::default(),
			},
		);
		Self::deposit_event(Event::JobPosted { job_id, netuid, poster, max_price });
		Ok(())
	}

	pub(crate) fn do_cancel_job(who: T::AccountId, job_id: u64) -> DispatchResult {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::NoSuchJob)?;
		ensure!(job.poster == who, Error::<T>::NotPoster);
		ensure!(job.state == JobState::Posted, Error::<T>::WrongJobState);
		Self::release(HoldReason::JobEscrow, &job.poster, job.max_price);
		Jobs::<T>::remove(job_id);
		Self::deposit_event(Event::JobCancelled { job_id });
		Ok(())
	}

	/// The bond a job requires of its provider.
	pub(crate) fn job_bond(max_price: BalanceOf<T>) -> BalanceOf<T> {
		T::JobBondRatio::get() * max_price
	}

	pub(crate) fn do_accept_job(hotkey: T::AccountId, job_id: u64) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::NoSuchJob)?;
		ensure!(job.state == JobState::Posted, Error::<T>::WrongJobState);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= job.deadline,
			Error::<T>::DeadlinePassed
		);
		if let Some(named) = &job.named_provider {
			ensure!(*named == hotkey, Error::<T>::NotTheNamedProvider);
		}
		let bond = Self::job_bond(job.max_price);
		let price_per_unit = Self::commit_provider(job.netuid, &hotkey, bond)?;
		job.state = JobState::Accepted { provider: hotkey.clone(), price_per_unit, bond };
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobAccepted { job_id, provider: hotkey });
		Ok(())
	}

	pub(crate) fn do_submit_result(
		hotkey: T::AccountId,
		job_id: u64,
		result_hash: H256,
		units: u64,
	) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::NoSuchJob)?;
		let JobState::Accepted { provider, price_per_unit, bond } = job.state.clone() else {
			return Err(Error::<T>::WrongJobState.into());
		};
		ensure!(provider == hotkey, Error::<T>::NotProvider);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= job.deadline,
			Error::<T>::DeadlinePassed
		);
		let price = price_per_unit
			.saturating_mul(BalanceOf::<T>::unique_saturated_from(units))
			.min(job.max_price);
		let attest_until = Self::blocks_ahead(T::AttestWindow::get());
		job.state = JobState::Submitted {
			provider: provider.clone(),
			bond,
			result_hash,
			units,
			price,
			attest_until,
			disputed: false,
		};
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::ResultSubmitted {
			job_id,
			provider,
			result_hash,
			units,
			price,
			attest_until,
		});
		Ok(())
	}

	pub(crate) fn do_attest(validator: T::AccountId, job_id: u64, approve: bool) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::NoSuchJob)?;
		let JobState::Submitted { attest_until, .. } = &job.state else {
			return Err(Error::<T>::WrongJobState.into());
		};
		ensure!(
			frame_system::Pallet::<T>::block_number() <= *attest_until,
			Error::<T>::AttestWindowClosed
		);
		let uid = T::Subnets::uid_of(job.netuid, &validator).ok_or(Error::<T>::NotPermitted)?;
		ensure!(T::Permits::has_permit(job.netuid, uid), Error::<T>::NotPermitted);
		ensure!(
			!job.attestations.iter().any(|a| a.validator == validator),
			Error::<T>::AlreadyAttested
		);
		let stake = T::Stake::total_stake(&validator);
		job.attestations
			.try_push(Attestation { validator: validator.clone(), approve, stake })
			.map_err(|_| Error::<T>::TooManyAttestations)?;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobAttested { job_id, validator, approve, stake });
		Ok(())
	}

	pub(crate) fn do_dispute(who: T::AccountId, job_id: u64) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::NoSuchJob)?;
		ensure!(job.poster == who, Error::<T>::NotPoster);
		let JobState::Submitted { disputed, .. } = &mut job.state else {
			return Err(Error::<T>::WrongJobState.into());
		};
		ensure!(!*disputed, Error::<T>::WrongJobState);
		*disputed = true;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobDisputed { job_id });
		Ok(())
	}

	/// Settles a job whose outcome is due. Returns the number of attestations it weighed.
	pub(crate) fn do_finalize_job(job_id: u64) -> Result<u32, DispatchError> {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::NoSuchJob)?;
		let now = frame_system::Pallet::<T>::block_number();
		let attestations = job.attestations.len() as u32;
		match job.state.clone() {
			JobState::Posted => {
				ensure!(now > job.deadline, Error::<T>::NotDue);
				Self::refund(job_id, &job, RefundReason::NotAccepted);
			},
			JobState::Accepted { provider, bond, .. } => {
				ensure!(now > job.deadline, Error::<T>::NotDue);
				Self::refund(job_id, &job, RefundReason::NoResult);
				Self::uncommit_provider(job.netuid, &provider, bond);
				Self::slash(&job, &provider, bond, &[]);
				Reputations::<T>::mutate(&provider, |r| r.record(false));
			},
			JobState::Submitted { provider, bond, price, attest_until, disputed, .. } => {
				ensure!(now > attest_until, Error::<T>::NotDue);
				Self::uncommit_provider(job.netuid, &provider, bond);
				let (mut yes, mut no) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
				for a in &job.attestations {
					if a.approve {
						yes = yes.saturating_add(a.stake);
					} else {
						no = no.saturating_add(a.stake);
					}
				}
				if job.attestations.is_empty() && disputed {
					Self::refund(job_id, &job, RefundReason::DisputedUnverified);
				} else if !job.attestations.is_empty() && yes < no {
					Self::release(HoldReason::JobEscrow, &job.poster, job.max_price);
					Jobs::<T>::remove(job_id);
					Self::deposit_event(Event::JobRejected { job_id, provider: provider.clone() });
					let rejecters: Vec<T::AccountId> = job
						.attestations
						.iter()
						.filter(|a| !a.approve)
						.map(|a| a.validator.clone())
						.collect();
					Self::slash(&job, &provider, bond, &rejecters);
					Reputations::<T>::mutate(&provider, |r| {
						r.rejected = r.rejected.saturating_add(1);
						r.record(false);
					});
				} else {
					Self::pay(job_id, &job, &provider, price);
				}
			},
		}
		Ok(attestations)
	}

	fn refund(job_id: u64, job: &JobOf<T>, reason: RefundReason) {
		Self::release(HoldReason::JobEscrow, &job.poster, job.max_price);
		Jobs::<T>::remove(job_id);
		Self::deposit_event(Event::JobRefunded {
			job_id,
			poster: job.poster.clone(),
			amount: job.max_price,
			reason,
		});
	}

	fn pay(job_id: u64, job: &JobOf<T>, provider: &T::AccountId, price: BalanceOf<T>) {
		let (net, take) = Self::split_take(price);
		let payee = T::Subnets::hotkey_owner(provider).unwrap_or_else(|| provider.clone());
		// What the payee cannot take is burned by `pay_held`.
		let amount = Self::pay_held(HoldReason::JobEscrow, &job.poster, &payee, net);
		Self::burn_held(HoldReason::JobEscrow, &job.poster, take);
		Self::release(HoldReason::JobEscrow, &job.poster, job.max_price.saturating_sub(price));
		Jobs::<T>::remove(job_id);
		Reputations::<T>::mutate(provider, |r| {
			r.completed = r.completed.saturating_add(1);
			r.record(true);
		});
		Self::deposit_event(Event::JobPaid { job_id, provider: provider.clone(), amount, take });
	}

	/// Slashes `amount` of the provider's bond: half to the poster, 30% shared by `rejecters`
	/// (to the poster when there are none), the rest burned.
	fn slash(
		job: &JobOf<T>,
		provider: &T::AccountId,
		amount: BalanceOf<T>,
		rejecters: &[T::AccountId],
	) {
		let Some((owner, slashed)) = Self::take_from_bond(job.netuid, provider, amount) else {
			return;
		};
		if slashed.is_zero() {
			return;
		}
		let mut to_poster = SLASH_TO_POSTER * slashed;
		let to_validators = SLASH_TO_VALIDATORS * slashed;
		// Every amount given to `pay_held` leaves the hold (paid, or burned if the payee
		// cannot take it); what none is given is burned.
		let mut given = BalanceOf::<T>::zero();
		if rejecters.is_empty() {
			to_poster = to_poster.saturating_add(to_validators);
		} else {
			let each = to_validators / BalanceOf::<T>::from(rejecters.len() as u32);
			for validator in rejecters {
				let payee =
					T::Subnets::hotkey_owner(validator).unwrap_or_else(|| validator.clone());
				Self::pay_held(HoldReason::Bond, &owner, &payee, each);
				given = given.saturating_add(each);
			}
		}
		Self::pay_held(HoldReason::Bond, &owner, &job.poster, to_poster);
		given = given.saturating_add(to_poster);
		Self::burn_held(HoldReason::Bond, &owner, slashed.saturating_sub(given));
		Reputations::<T>::mutate(provider, |r| {
			r.slashed = r.slashed.saturating_add(1);
			r.slashed_amount = r.slashed_amount.saturating_add(slashed);
		});
		Self::deposit_event(Event::ProviderSlashed {
			netuid: job.netuid,
			hotkey: provider.clone(),
			amount: slashed,
		});
	}
}
