//! The work of a block: emission, epoch scheduling, one epoch (read inputs, run the crate,
//! store outputs, pay), cleanup when neurons or subnets go, and the invariants.

use crate::{pallet::*, BondRow, PerUid, WeightInfo, LOG_TARGET, OWNER_CUT};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::{
	schedule, EmissionShares, RootEpoch, StakeInfo, StakingRewards, SubnetSnapshot,
	SubnetsInterface, WeightsSource,
};
use myelin_yuma::EpochInputs;
use sp_runtime::{
	traits::{UniqueSaturatedFrom, UniqueSaturatedInto},
	SaturatedConversion,
};

/// The balance type of rewards.
pub(crate) type RewardOf<T> =
	<<T as Config>::Rewards as StakingRewards<<T as frame_system::Config>::AccountId>>::Balance;

fn to_per_uid<V: Clone>(values: Vec<V>) -> PerUid<V> {
	PerUid::truncate_from(values)
}

/// The most weight rows of uids without a permit one epoch removes: one per permit (every
/// validator that lost its permit since the last epoch), at most [`crate::MAX_ROWS_REMOVED`].
fn rows_removed_at_most(hp: &myelin_doors::SubnetHyperparams<impl Sized>) -> u32 {
	u32::from(hp.max_allowed_validators).min(crate::MAX_ROWS_REMOVED)
}

impl<T: Config> Pallet<T> {
	/// Everything `on_initialize` does; returns the weight used.
	pub(crate) fn run_block(now: BlockNumberFor<T>) -> Weight {
		let netuids = T::Subnets::netuids();
		let mut used = T::WeightInfo::on_initialize(netuids.len() as u32);
		if netuids.is_empty() {
			return used;
		}

		// 1. The root epoch when due, first in the epoch budget: it decides this block's
		// emission shares.
		let limit = T::MaxEpochWeight::get();
		let mut meter = WeightMeter::with_limit(limit);
		let now_u64: u64 = now.saturated_into();
		if let Some(cost) = T::RootEpoch::due(now_u64) {
			if meter.try_consume(cost).is_ok() {
				T::RootEpoch::run(now_u64);
			} else {
				log::warn!(target: LOG_TARGET, "the root epoch is heavier than a block's budget");
			}
		}

		// 2. Emission, split by the subnets' emission shares; what the rounding leaves is not
		// emitted.
		used.saturating_accrue(T::Shares::shares_weight());
		let parts = Self::emission_per_block(&netuids);
		let mut emitted: u128 = 0;
		for (netuid, part) in netuids.iter().zip(parts) {
			if part > 0 {
				PendingEmission::<T>::mutate(netuid, |pending| {
					*pending = pending.saturating_add(part)
				});
				emitted = emitted.saturating_add(u128::from(part));
			}
		}
		TotalEmitted::<T>::mutate(|total| *total = total.saturating_add(emitted));

		// 3. Due epochs, most overdue first (the schedule of `myelin_doors::schedule`).
		let mut due: Vec<(BlockNumberFor<T>, u16, u32)> = Vec::new();
		for netuid in &netuids {
			let Some(hp) = T::Subnets::hyperparams(*netuid) else { continue };
			let last = match LastEpoch::<T>::get(netuid) {
				Some(last) => last,
				None => {
					// First sight of the subnet: stagger its phase by netuid; epoch 0 begins.
					let start = schedule::first_epoch_block(*netuid, hp.tempo, now_u64);
					let start = BlockNumberFor::<T>::saturated_from(start);
					LastEpoch::<T>::insert(netuid, start);
					EpochIndex::<T>::insert(netuid, 0);
					start
				},
			};
			if schedule::is_due(last.saturated_into(), hp.tempo, now_u64) {
				due.push((last, *netuid, rows_removed_at_most(&hp)));
			}
		}
		due.sort();

		// Every epoch run fits the budget, so no block carries more than its limit: one that
		// could not fit even an empty budget is not run (its tempo passes, its emission stays
		// pending: `EpochTooHeavy`); the others wait for the next block in order.
		for (_, netuid, removed) in due {
			let n = T::Subnets::n(netuid);
			// Removing a row of a uid that lost its permit: a read and a write.
			let cost = T::WeightInfo::epoch(u32::from(n), T::Weights::entries(netuid))
				.saturating_add(T::DbWeight::get().reads_writes(removed.into(), removed.into()));
			if cost.any_gt(limit) {
				log::warn!(target: LOG_TARGET, "epoch of netuid {netuid} is heavier than a block's budget");
				Self::start_next_epoch(netuid, now);
				Self::deposit_event(Event::EpochTooHeavy {
					netuid,
					weight: cost.ref_time(),
					limit: limit.ref_time(),
				});
				continue;
			}
			if !meter.can_consume(cost) {
				log::debug!(target: LOG_TARGET, "epoch of netuid {netuid} deferred to the next block");
				break;
			}
			meter.consume(cost);
			Self::run_epoch(netuid, now);
		}
		used.saturating_accrue(meter.consumed());
		used
	}

	/// Run the epoch of `netuid` at `now`: read, compute, store, pay.
	pub(crate) fn run_epoch(netuid: u16, now: BlockNumberFor<T>) {
		let Some(SubnetSnapshot { owner, hyperparams: hp, hotkeys, registered_at }) =
			T::Subnets::epoch_snapshot(netuid)
		else {
			return;
		};
		let n = hotkeys.len() as u16;
		let pending = PendingEmission::<T>::take(netuid);
		let owner_cut = OWNER_CUT.mul_floor(pending);
		let last_epoch = LastEpoch::<T>::get(netuid).unwrap_or(now);

		// What the subnet owes a uid counts as its stake: it is, once paid.
		let mut owed = Owed::<T>::get(netuid).into_inner();
		owed.resize(usize::from(n), (0, 0));
		let now_stake: Vec<u64> = hotkeys
			.iter()
			.zip(&owed)
			.map(|(hotkey, (incentive, dividend))| {
				let staked: u64 = T::Stake::total_stake(hotkey).unique_saturated_into();
				staked.saturating_add(*incentive).saturating_add(*dividend)
			})
			.collect();
		// Only stake held since the last epoch counts: the lesser of then and now.
		let stake: Vec<u64> = match EpochStake::<T>::get(netuid) {
			Some(then) => now_stake
				.iter()
				.enumerate()
				.map(|(uid, now)| (*now).min(then.get(uid).copied().unwrap_or(0)))
				.collect(),
			None => now_stake.clone(),
		};
		// Only the stored bond rows are read (validators), not one key per uid.
		let mut bonds = alloc::vec![Vec::new(); usize::from(n)];
		for (uid, row) in Bonds::<T>::iter_prefix(netuid) {
			if let Some(slot) = bonds.get_mut(usize::from(uid)) {
				*slot = row.into_inner();
			}
		}
		// Only the rows of validators with a permit are read; the others are removed.
		let permit = myelin_yuma::validator_permits(&stake, usize::from(hp.max_allowed_validators));
		let weights = T::Weights::epoch_rows(netuid, &permit, rows_removed_at_most(&hp));
		let inputs = EpochInputs {
			stake,
			weights,
			bonds,
			last_update: T::Weights::last_updates(netuid, n),
			registered_at,
			block: now.saturated_into(),
			last_epoch_block: last_epoch.saturated_into(),
			validator_permit: Some(permit),
			emission: pending - owner_cut,
			params: hp.epoch_params(),
		};
		let fail = |why: &dyn core::fmt::Debug| {
			log::error!(target: LOG_TARGET, "epoch of netuid {netuid} failed: {why:?}");
			PendingEmission::<T>::insert(netuid, pending);
			Self::start_next_epoch(netuid, now);
			Self::deposit_event(Event::EpochFailed { netuid });
		};
		let outputs = match myelin_yuma::epoch(&inputs) {
			Ok(outputs) => outputs,
			Err(error) => return fail(&error),
		};
		// What the uids earned, owed until paid; never more than was emitted to them.
		let earned: u128 = outputs
			.incentive_emission
			.iter()
			.chain(&outputs.dividend_emission)
			.map(|amount| u128::from(*amount))
			.sum();
		if earned > u128::from(pending - owner_cut) {
			return fail(&"the outputs pay more than the emission");
		}

		// Store.
		EpochStake::<T>::insert(netuid, to_per_uid(now_stake));
		Consensus::<T>::insert(netuid, to_per_uid(outputs.consensus));
		Incentive::<T>::insert(netuid, to_per_uid(outputs.incentive));
		Dividends::<T>::insert(netuid, to_per_uid(outputs.dividends));
		ValidatorTrust::<T>::insert(netuid, to_per_uid(outputs.validator_trust));
		ValidatorPermit::<T>::insert(netuid, to_per_uid(outputs.validator_permit));
		Active::<T>::insert(netuid, to_per_uid(outputs.active));
		Emission::<T>::insert(netuid, to_per_uid(outputs.emission));
		let _ = Bonds::<T>::clear_prefix(netuid, u32::MAX, None);
		for (uid, row) in outputs.bonds.into_iter().enumerate() {
			if !row.is_empty() {
				Bonds::<T>::insert(netuid, uid as u16, BondRow::truncate_from(row));
			}
		}
		Self::start_next_epoch(netuid, now);
		LastEpochEmission::<T>::insert(netuid, pending);

		// Owe the uids what they earned (paid later: `crate::payouts`); pay the owner's cut.
		for (uid, entry) in owed.iter_mut().enumerate() {
			let incentive = outputs.incentive_emission.get(uid).copied().unwrap_or(0);
			let dividend = outputs.dividend_emission.get(uid).copied().unwrap_or(0);
			entry.0 = entry.0.saturating_add(incentive);
			entry.1 = entry.1.saturating_add(dividend);
		}
		if earned > 0 {
			Owed::<T>::insert(netuid, PerUid::truncate_from(owed));
			TotalOwed::<T>::mutate(|total| *total = total.saturating_add(earned));
		}
		let cut = RewardOf::<T>::unique_saturated_from(owner_cut);
		let paid: u128 = u128::from(T::Rewards::pay_owner_cut(&owner, cut).unique_saturated_into())
			.min(u128::from(owner_cut));
		TotalPaid::<T>::mutate(|total| *total = total.saturating_add(paid));
		UnpaidEmission::<T>::mutate(|dust| {
			*dust = dust.saturating_add(u128::from(pending) - paid - earned)
		});
		Self::deposit_event(Event::EpochCompleted { netuid, block: now, emission: pending });
	}

	/// Make `now`, whose `on_initialize` ran the epoch of `netuid`, the first block of the
	/// subnet's next epoch.
	fn start_next_epoch(netuid: u16, now: BlockNumberFor<T>) {
		LastEpoch::<T>::insert(netuid, now);
		EpochIndex::<T>::mutate(netuid, |index| *index = index.saturating_add(1));
	}

	/// Forget what `netuid` keeps as a whole (its per-uid bond rows go by
	/// [`Self::clear_bonds`]); its pending emission becomes unpaid.
	pub(crate) fn forget_subnet(netuid: u16) {
		let pending = PendingEmission::<T>::take(netuid);
		UnpaidEmission::<T>::mutate(|dust| *dust = dust.saturating_add(u128::from(pending)));
		LastEpoch::<T>::remove(netuid);
		EpochIndex::<T>::remove(netuid);
		LastEpochEmission::<T>::remove(netuid);
		Consensus::<T>::remove(netuid);
		Incentive::<T>::remove(netuid);
		Dividends::<T>::remove(netuid);
		ValidatorTrust::<T>::remove(netuid);
		Emission::<T>::remove(netuid);
		ValidatorPermit::<T>::remove(netuid);
		Active::<T>::remove(netuid);
		EpochStake::<T>::remove(netuid);
	}

	/// Remove at most `limit` bond rows of the dissolved `netuid`; how many were removed
	/// (fewer than `limit`: none left).
	pub(crate) fn clear_bonds(netuid: u16, limit: u32) -> u32 {
		let result = Bonds::<T>::clear_prefix(netuid, limit, None);
		myelin_doors::cleared(limit, result.maybe_cursor.is_some(), result.unique)
	}

	/// Forget the outputs and bonds of `uid` of `netuid`, so the next holder of the uid
	/// starts from nothing.
	pub(crate) fn forget_uid(netuid: u16, uid: u16) {
		let index = usize::from(uid);
		let zero_u16 = |values: &mut PerUid<u16>| {
			if let Some(v) = values.get_mut(index) {
				*v = 0
			}
		};
		Consensus::<T>::mutate(netuid, zero_u16);
		Incentive::<T>::mutate(netuid, zero_u16);
		Dividends::<T>::mutate(netuid, zero_u16);
		ValidatorTrust::<T>::mutate(netuid, zero_u16);
		let zero_u64 = |values: &mut PerUid<u64>| {
			if let Some(v) = values.get_mut(index) {
				*v = 0
			}
		};
		Emission::<T>::mutate(netuid, zero_u64);
		// The next holder's stake counts from the next epoch on, not from the last one.
		EpochStake::<T>::mutate(netuid, |values| values.as_mut().map(zero_u64));
		let no = |values: &mut PerUid<bool>| {
			if let Some(v) = values.get_mut(index) {
				*v = false
			}
		};
		ValidatorPermit::<T>::mutate(netuid, no);
		Active::<T>::mutate(netuid, no);
		Bonds::<T>::remove(netuid, uid);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Benchmark setup for other pallets: make `index` the current epoch of `netuid`.
	pub fn set_epoch_for_benchmarks(netuid: u16, index: u64) {
		if !LastEpoch::<T>::contains_key(netuid) {
			LastEpoch::<T>::insert(netuid, frame_system::Pallet::<T>::block_number());
		}
		EpochIndex::<T>::insert(netuid, index);
	}

	/// Benchmark setup for other pallets: give `uid` of `netuid` a validator permit.
	pub fn grant_permit_for_benchmarks(netuid: u16, uid: u16) {
		ValidatorPermit::<T>::mutate(netuid, |permits| {
			while permits.len() <= usize::from(uid) && permits.try_push(false).is_ok() {}
			if let Some(permit) = permits.get_mut(usize::from(uid)) {
				*permit = true;
			}
		});
	}
}

/// The invariants; see [`Pallet::do_try_state`].
pub(crate) fn try_state<T: Config>() -> Result<(), sp_runtime::TryRuntimeError> {
	let pending: u128 = PendingEmission::<T>::iter_values().map(u128::from).sum();
	ensure!(
		TotalEmitted::<T>::get()
			== pending + TotalOwed::<T>::get() + TotalPaid::<T>::get() + UnpaidEmission::<T>::get(),
		"emitted differs from pending + owed + paid + unpaid",
	);
	let exists = |netuid: &u16| T::Subnets::subnet_exists(*netuid);
	let sum = |(incentive, dividend): (u64, u64)| u128::from(incentive) + u128::from(dividend);
	let mut owed: u128 = 0;
	for (netuid, column) in Owed::<T>::iter() {
		ensure!(exists(&netuid), "owed by a gone subnet");
		ensure!(column.len() <= usize::from(T::Subnets::n(netuid)), "owed column longer than n");
		ensure!(column.iter().any(|entry| *entry != (0, 0)), "an owed column owing nothing");
		owed += column.into_iter().map(sum).sum::<u128>();
	}
	for retired in OwedRetired::<T>::iter_values() {
		owed += retired.into_iter().map(|(_, i, d)| sum((i, d))).sum::<u128>();
	}
	ensure!(owed == TotalOwed::<T>::get(), "TotalOwed differs from what the columns owe");
	ensure!(TotalEmitted::<T>::get() <= crate::emission::MAX_SUPPLY, "more than 21M MYL emitted",);
	ensure!(PendingEmission::<T>::iter_keys().all(|n| exists(&n)), "pending of a gone subnet");
	ensure!(LastEpoch::<T>::iter_keys().all(|n| exists(&n)), "last epoch of a gone subnet");
	ensure!(
		EpochIndex::<T>::iter_keys().all(LastEpoch::<T>::contains_key),
		"an epoch index of an unscheduled subnet",
	);
	for (netuid, values) in Emission::<T>::iter() {
		ensure!(exists(&netuid), "outputs of a gone subnet");
		ensure!(values.len() <= usize::from(T::Subnets::n(netuid)), "outputs longer than n");
	}
	for (netuid, uid, row) in Bonds::<T>::iter() {
		if T::Subnets::is_dissolving(netuid) {
			continue;
		}
		let n = T::Subnets::n(netuid);
		ensure!(uid < n, "bonds of a uid beyond n");
		ensure!(row.iter().all(|(j, _)| *j < n), "a bond to a uid beyond n");
	}
	Ok(())
}
