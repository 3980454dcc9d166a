//! The market's storage as the plain views of the `MarketApi` runtime API
//! (`myelin_doors::market`), for the node's `market_*` JSON-RPC.

use alloc::vec::Vec;
use myelin_doors::{
	MarketAttestation, MarketJob, MarketLease, MarketProvider, MarketProviderSubnet,
	SubnetsInterface, MAX_JOBS_LISTED,
};
use sp_runtime::traits::{UniqueSaturatedInto, Zero};

use crate::{
	BalanceOf, Bonds, Config, JobOf, JobState, Jobs, LeaseOf, LeaseState, Leases, Offers, Pallet,
	Reputations,
};

fn block<T: Config>(n: frame_system::pallet_prelude::BlockNumberFor<T>) -> u64 {
	n.unique_saturated_into()
}

impl<T: Config> Pallet<T> {
	/// Job `id` as a view.
	pub fn job_view(job_id: u64) -> Option<MarketJob<T::AccountId, BalanceOf<T>>> {
		Jobs::<T>::get(job_id).map(|job| Self::to_view(job_id, job))
	}

	/// The open jobs of `netuid`, ascending by id, at most `MAX_JOBS_LISTED`.
	pub fn jobs_view(netuid: u16) -> Vec<MarketJob<T::AccountId, BalanceOf<T>>> {
		let mut jobs: Vec<(u64, JobOf<T>)> =
			Jobs::<T>::iter().filter(|(_, job)| job.netuid == netuid).collect();
		jobs.sort_by_key(|(id, _)| *id);
		jobs.into_iter()
			.take(MAX_JOBS_LISTED as usize)
			.map(|(id, job)| Self::to_view(id, job))
			.collect()
	}

	/// Lease `id` as a view.
	pub fn lease_view(lease_id: u64) -> Option<MarketLease<T::AccountId, BalanceOf<T>>> {
		Leases::<T>::get(lease_id).map(|lease| Self::lease_to_view(lease_id, lease))
	}

	/// Everything about provider `hotkey`.
	pub fn provider_view(hotkey: T::AccountId) -> MarketProvider<T::AccountId, BalanceOf<T>> {
		let rep = Reputations::<T>::get(&hotkey);
		let subnets = T::Subnets::netuids()
			.into_iter()
			.filter_map(|netuid| {
				let bond = Bonds::<T>::get(netuid, &hotkey);
				let offer = Offers::<T>::get(netuid, &hotkey);
				if bond.is_none() && offer.is_none() {
					return None;
				}
				Some(MarketProviderSubnet {
					netuid,
					bond_owner: bond.as_ref().map(|b| b.owner.clone()),
					bond: bond.as_ref().map(|b| b.amount).unwrap_or_else(Zero::zero),
					committed: bond.as_ref().map(|b| b.committed).unwrap_or_else(Zero::zero),
					unbonding: bond.as_ref().map(|b| b.unbonding).unwrap_or_else(Zero::zero),
					unlock_at: bond.as_ref().map(|b| block::<T>(b.unlock_at)).unwrap_or(0),
					price_per_unit: offer.as_ref().map(|o| o.price_per_unit),
					capacity: offer.as_ref().map(|o| o.capacity).unwrap_or(0),
					open: offer.as_ref().map(|o| o.open).unwrap_or(0),
					attributes: offer.map(|o| o.attributes.into_inner()).unwrap_or_default(),
				})
			})
			.collect();
		let mut jobs: Vec<_> = Jobs::<T>::iter()
			.filter(|(_, job)| match &job.state {
				JobState::Accepted { provider, .. } | JobState::Submitted { provider, .. } => {
					*provider == hotkey
				},
				JobState::Posted => false,
			})
			.map(|(id, job)| Self::to_view(id, job))
			.collect();
		jobs.sort_by_key(|j| j.job_id);
		let mut leases: Vec<_> = Leases::<T>::iter()
			.filter(|(_, lease)| lease.provider == hotkey)
			.map(|(id, lease)| Self::lease_to_view(id, lease))
			.collect();
		leases.sort_by_key(|l| l.lease_id);
		MarketProvider {
			hotkey,
			completed: rep.completed,
			rejected: rep.rejected,
			slashed: rep.slashed,
			slashed_amount: rep.slashed_amount,
			score: rep.score,
			subnets,
			jobs,
			leases,
		}
	}

	fn to_view(job_id: u64, job: JobOf<T>) -> MarketJob<T::AccountId, BalanceOf<T>> {
		let mut view = MarketJob {
			job_id,
			netuid: job.netuid,
			state: b"posted".to_vec(),
			poster: job.poster,
			named_provider: job.named_provider,
			provider: None,
			spec: job.spec.into_inner(),
			max_price: job.max_price,
			deadline: block::<T>(job.deadline),
			posted_at: block::<T>(job.posted_at),
			price_per_unit: None,
			result_hash: None,
			units: None,
			price: None,
			attest_until: None,
			disputed: false,
			attestations: job
				.attestations
				.into_iter()
				.map(|a| MarketAttestation {
					validator: a.validator,
					approve: a.approve,
					stake: a.stake,
				})
				.collect(),
		};
		match job.state {
			JobState::Posted => {},
			JobState::Accepted { provider, price_per_unit, .. } => {
				view.state = b"accepted".to_vec();
				view.provider = Some(provider);
				view.price_per_unit = Some(price_per_unit);
			},
			JobState::Submitted {
				provider,
				result_hash,
				units,
				price,
				attest_until,
				disputed,
				..
			} => {
				view.state = b"submitted".to_vec();
				view.provider = Some(provider);
				view.result_hash = Some(result_hash.0);
				view.units = Some(units);
				view.price = Some(price);
				view.attest_until = Some(block::<T>(attest_until));
				view.disputed = disputed;
			},
		}
		view
	}

	fn lease_to_view(lease_id: u64, lease: LeaseOf<T>) -> MarketLease<T::AccountId, BalanceOf<T>> {
		let (state, paused_at) = match lease.state {
			LeaseState::Pending => (b"pending".to_vec(), None),
			LeaseState::Active => (b"active".to_vec(), None),
			LeaseState::Paused { at } => (b"paused".to_vec(), Some(block::<T>(at))),
		};
		MarketLease {
			lease_id,
			netuid: lease.netuid,
			state,
			paused_at,
			user: lease.user,
			provider: lease.provider,
			rate_per_block: lease.rate_per_block,
			deposit: lease.deposit,
			settled_at: block::<T>(lease.settled_at),
			paid: lease.paid,
		}
	}
}
