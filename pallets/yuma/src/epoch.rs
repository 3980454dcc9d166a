//! The work of a block: emission, epoch scheduling, one epoch (read inputs, run the crate,
//! store outputs, pay), cleanup when neurons or subnets go, and the invariants.

use crate::{pallet::*, BondRow, PerUid, WeightInfo, WeightsSource, LOG_TARGET, OWNER_CUT};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_yuma::{EpochInputs, EpochParams, YumaVersion};
use pallet_myelin_staking::{StakeInfo, StakingRewards};
use pallet_subnets::{SubnetHyperparams, SubnetsInterface};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto},
	SaturatedConversion,
};

/// The epoch parameters of a subnet's hyperparameters.
pub(crate) fn epoch_params<B>(hp: &SubnetHyperparams<B>) -> EpochParams {
	EpochParams {
		kappa: hp.kappa,
		yuma_version: YumaVersion::from_number(u16::from(hp.yuma_version)).unwrap_or_default(),
		bonds_moving_average: hp.bonds_moving_average,
		bonds_penalty: hp.bonds_penalty,
		liquid_alpha_enabled: hp.liquid_alpha_enabled,
		alpha_low: hp.alpha_low,
		alpha_high: hp.alpha_high,
		alpha_sigmoid_steepness: i32::from(hp.alpha_sigmoid_steepness),
		max_allowed_validators: hp.max_allowed_validators,
		activity_cutoff: u64::from(hp.activity_cutoff),
	}
}

/// The balance type of rewards.
pub(crate) type RewardOf<T> =
	<<T as Config>::Rewards as StakingRewards<<T as frame_system::Config>::AccountId>>::Balance;

fn to_per_uid<V: Clone>(values: Vec<V>) -> PerUid<V> {
	PerUid::truncate_from(values)
}

impl<T: Config> Pallet<T> {
	/// Everything `on_initialize` does; returns the weight used.
	pub(crate) fn run_block(now: BlockNumberFor<T>) -> Weight {
		let netuids = T::Subnets::netuids();
		let mut used = T::WeightInfo::on_initialize(netuids.len() as u32);
		if netuids.is_empty() {
			return used;
		}

		// 1. Emission, split equally; what does not divide evenly is not emitted.
		let share_u64 = Self::emission_per_subnet(netuids.len());
		if share_u64 > 0 {
			for netuid in &netuids {
				PendingEmission::<T>::mutate(netuid, |pending| {
					*pending = pending.saturating_add(share_u64)
				});
			}
			TotalEmitted::<T>::mutate(|total| {
				*total = total.saturating_add(u128::from(share_u64) * netuids.len() as u128)
			});
		}

		// 2. Due epochs, most overdue first.
		let mut due: Vec<(BlockNumberFor<T>, u16)> = Vec::new();
		for netuid in &netuids {
			let Some(hp) = T::Subnets::hyperparams(*netuid) else { continue };
			let tempo = BlockNumberFor::<T>::from(u32::from(hp.tempo.max(1)));
			let last = match LastEpoch::<T>::get(netuid) {
				Some(last) => last,
				None => {
					// First sight of the subnet: stagger its phase by netuid.
					let offset =
						BlockNumberFor::<T>::from(u32::from(*netuid) % u32::from(hp.tempo.max(1)));
					let start = now.saturating_sub(offset);
					LastEpoch::<T>::insert(netuid, start);
					start
				},
			};
			if now.saturating_sub(last) >= tempo {
				due.push((last, *netuid));
			}
		}
		due.sort();

		let mut meter = WeightMeter::with_limit(T::MaxEpochWeight::get());
		for (ran, (_, netuid)) in due.into_iter().enumerate() {
			let n = T::Subnets::n(netuid);
			let cost = T::WeightInfo::epoch(u32::from(n), T::Weights::entries(netuid));
			if ran > 0 && !meter.can_consume(cost) {
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
		let Some(hp) = T::Subnets::hyperparams(netuid) else { return };
		let n = T::Subnets::n(netuid);
		let neurons = T::Subnets::neurons(netuid);
		let pending = PendingEmission::<T>::take(netuid);
		let owner_cut = OWNER_CUT.mul_floor(pending);
		let last_epoch = LastEpoch::<T>::get(netuid).unwrap_or(now);

		let mut stake = alloc::vec![0u64; usize::from(n)];
		for (uid, hotkey) in &neurons {
			if let Some(slot) = stake.get_mut(usize::from(*uid)) {
				*slot = T::Stake::total_stake(hotkey).unique_saturated_into();
			}
		}
		let registered_at = (0..n)
			.map(|uid| {
				T::Subnets::registered_at(netuid, uid).map(|b| b.saturated_into()).unwrap_or(0)
			})
			.collect();
		let bonds = (0..n).map(|uid| Bonds::<T>::get(netuid, uid).into_inner()).collect();
		let inputs = EpochInputs {
			stake,
			weights: T::Weights::weight_rows(netuid, n),
			bonds,
			last_update: T::Weights::last_updates(netuid, n),
			registered_at,
			block: now.saturated_into(),
			last_epoch_block: last_epoch.saturated_into(),
			validator_permit: None,
			emission: pending - owner_cut,
			params: epoch_params(&hp),
		};
		let outputs = match myelin_yuma::epoch(&inputs) {
			Ok(outputs) => outputs,
			Err(error) => {
				log::error!(target: LOG_TARGET, "epoch of netuid {netuid} refused its inputs: {error:?}");
				PendingEmission::<T>::insert(netuid, pending);
				LastEpoch::<T>::insert(netuid, now);
				Self::deposit_event(Event::EpochFailed { netuid });
				return;
			},
		};

		// Store.
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
		LastEpoch::<T>::insert(netuid, now);
		LastEpochEmission::<T>::insert(netuid, pending);

		// Pay.
		let mut paid: u128 = 0;
		if let Some(owner) = T::Subnets::subnet_owner(netuid) {
			let cut = RewardOf::<T>::unique_saturated_from(owner_cut);
			paid += u128::from(T::Rewards::pay_owner_cut(&owner, cut).unique_saturated_into());
		}
		for (uid, hotkey) in &neurons {
			let uid = usize::from(*uid);
			let incentive = outputs.incentive_emission.get(uid).copied().unwrap_or(0);
			if incentive > 0 {
				let amount = RewardOf::<T>::unique_saturated_from(incentive);
				paid += u128::from(
					T::Rewards::credit_incentive(hotkey, amount).unique_saturated_into(),
				);
			}
			let dividend = outputs.dividend_emission.get(uid).copied().unwrap_or(0);
			if dividend > 0 {
				let amount = RewardOf::<T>::unique_saturated_from(dividend);
				paid +=
					u128::from(T::Rewards::pay_dividend(hotkey, amount).unique_saturated_into());
			}
		}
		let paid = paid.min(u128::from(pending));
		TotalPaid::<T>::mutate(|total| *total = total.saturating_add(paid));
		UnpaidEmission::<T>::mutate(|dust| *dust = dust.saturating_add(u128::from(pending) - paid));
		Self::deposit_event(Event::EpochCompleted { netuid, block: now, emission: pending });
	}

	/// Forget everything of `netuid`; its pending emission becomes unpaid.
	pub(crate) fn forget_subnet(netuid: u16) {
		let pending = PendingEmission::<T>::take(netuid);
		UnpaidEmission::<T>::mutate(|dust| *dust = dust.saturating_add(u128::from(pending)));
		LastEpoch::<T>::remove(netuid);
		LastEpochEmission::<T>::remove(netuid);
		Consensus::<T>::remove(netuid);
		Incentive::<T>::remove(netuid);
		Dividends::<T>::remove(netuid);
		ValidatorTrust::<T>::remove(netuid);
		Emission::<T>::remove(netuid);
		ValidatorPermit::<T>::remove(netuid);
		Active::<T>::remove(netuid);
		let _ = Bonds::<T>::clear_prefix(netuid, u32::MAX, None);
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
		Emission::<T>::mutate(netuid, |values| {
			if let Some(v) = values.get_mut(index) {
				*v = 0
			}
		});
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
		TotalEmitted::<T>::get() == pending + TotalPaid::<T>::get() + UnpaidEmission::<T>::get(),
		"emitted differs from pending + paid + unpaid",
	);
	ensure!(TotalEmitted::<T>::get() <= crate::emission::MAX_SUPPLY, "more than 21M MYL emitted",);
	let exists = |netuid: &u16| T::Subnets::subnet_exists(*netuid);
	ensure!(PendingEmission::<T>::iter_keys().all(|n| exists(&n)), "pending of a gone subnet");
	ensure!(LastEpoch::<T>::iter_keys().all(|n| exists(&n)), "last epoch of a gone subnet");
	for (netuid, values) in Emission::<T>::iter() {
		ensure!(exists(&netuid), "outputs of a gone subnet");
		ensure!(values.len() <= usize::from(T::Subnets::n(netuid)), "outputs longer than n");
	}
	for (netuid, uid, row) in Bonds::<T>::iter() {
		let n = T::Subnets::n(netuid);
		ensure!(uid < n, "bonds of a uid beyond n");
		ensure!(row.iter().all(|(j, _)| *j < n), "a bond to a uid beyond n");
	}
	Ok(())
}
