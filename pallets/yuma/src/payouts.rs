//! Lazy payouts. An epoch only adds what each uid earned to its subnet's [`Owed`] column (one
//! write for the whole subnet); the payouts through Staking follow:
//!
//! - in `on_idle`, with whatever weight the block has left ([`Pallet::pay_owed_with`]), so a
//!   small subnet is paid in the epoch's own block;
//! - when Staking is about to change a hotkey's pool ([`PendingRewards::settle`]);
//! - when a neuron is pruned (its uid changes hands right after).
//!
//! When a subnet is dissolved, what its neurons are owed moves with their hotkeys to
//! [`OwedRetired`], which `on_idle` pays first. Nothing owed is ever dropped: at all times
//! `Σ Owed + Σ OwedRetired = TotalOwed`.

use crate::{epoch::RewardOf, pallet::*, PerUid, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	traits::Get,
	weights::{Weight, WeightMeter},
	BoundedVec,
};
use myelin_doors::{PendingRewards, StakingRewards, SubnetsInterface};
use sp_runtime::traits::{UniqueSaturatedFrom, UniqueSaturatedInto};

impl<T: Config> Pallet<T> {
	/// Pay `incentive` and `dividend`, owed to `hotkey`, through Staking, and account for it:
	/// what Staking credits is paid, the rest (e.g. a hotkey nobody owns any more) unpaid.
	pub(crate) fn pay_owed(hotkey: &T::AccountId, incentive: u64, dividend: u64) {
		let mut credited: u128 = 0;
		if incentive > 0 {
			let amount = RewardOf::<T>::unique_saturated_from(incentive);
			credited +=
				u128::from(T::Rewards::credit_incentive(hotkey, amount).unique_saturated_into());
		}
		if dividend > 0 {
			let amount = RewardOf::<T>::unique_saturated_from(dividend);
			credited +=
				u128::from(T::Rewards::pay_dividend(hotkey, amount).unique_saturated_into());
		}
		let asked = u128::from(incentive) + u128::from(dividend);
		let credited = credited.min(asked);
		TotalOwed::<T>::mutate(|owed| *owed = owed.saturating_sub(asked));
		TotalPaid::<T>::mutate(|paid| *paid = paid.saturating_add(credited));
		UnpaidEmission::<T>::mutate(|dust| *dust = dust.saturating_add(asked - credited));
	}

	/// Store `column` as what `netuid` owes, or remove it when nothing is owed.
	fn put_owed(netuid: u16, column: Vec<(u64, u64)>) {
		if column.iter().all(|entry| *entry == (0, 0)) {
			Owed::<T>::remove(netuid);
		} else {
			Owed::<T>::insert(netuid, PerUid::truncate_from(column));
		}
	}

	/// Pay what `uid` of `netuid`, held by `hotkey`, is owed (the uid is about to be pruned).
	pub(crate) fn settle_uid(netuid: u16, uid: u16, hotkey: &T::AccountId) {
		let mut column = Owed::<T>::get(netuid).into_inner();
		let Some(entry) = column.get_mut(usize::from(uid)) else { return };
		let (incentive, dividend) = core::mem::take(entry);
		if incentive == 0 && dividend == 0 {
			return;
		}
		Self::pay_owed(hotkey, incentive, dividend);
		Self::put_owed(netuid, column);
	}

	/// `netuid` is being dissolved (its neurons can still be read): keep what they are owed,
	/// with their hotkeys, in [`OwedRetired`] for `on_idle` to pay.
	pub(crate) fn retire_owed(netuid: u16) {
		let column = Owed::<T>::take(netuid).into_inner();
		if column.is_empty() {
			return;
		}
		let hotkeys = T::Subnets::hotkeys(netuid);
		let owed: Vec<(T::AccountId, u64, u64)> = column
			.into_iter()
			.enumerate()
			.filter(|(_, entry)| *entry != (0, 0))
			.filter_map(|(uid, (incentive, dividend))| match hotkeys.get(uid).cloned() {
				Some(hotkey) => Some((hotkey, incentive, dividend)),
				None => {
					Self::pay_owed_to_nobody(incentive, dividend);
					None
				},
			})
			.collect();
		if !owed.is_empty() {
			let id = NextRetired::<T>::mutate(|next| {
				let id = *next;
				*next = next.wrapping_add(1);
				id
			});
			OwedRetired::<T>::insert(id, BoundedVec::truncate_from(owed));
		}
	}

	/// Pay owed rewards, oldest retired subnets first, then subnets by netuid and uids in
	/// order, as long as `limit` allows; returns the weight used (never above `limit`).
	pub fn pay_owed_with(limit: Weight) -> Weight {
		let db = T::DbWeight::get();
		let mut meter = WeightMeter::with_limit(limit);
		let per_uid = T::WeightInfo::settle();
		// Finding the first retired entry and the first subnet owing anything.
		if meter.try_consume(db.reads(2)).is_err() {
			return Weight::zero();
		}
		let retired: Vec<u32> = OwedRetired::<T>::iter_keys().collect();
		for id in retired {
			if meter.try_consume(db.reads_writes(1, 1)).is_err() {
				return meter.consumed();
			}
			let Some(owed) = OwedRetired::<T>::take(id) else { continue };
			let mut owed = owed.into_inner().into_iter();
			for (hotkey, incentive, dividend) in owed.by_ref() {
				if meter.try_consume(per_uid).is_err() {
					let rest: Vec<_> =
						core::iter::once((hotkey, incentive, dividend)).chain(owed).collect();
					OwedRetired::<T>::insert(id, BoundedVec::truncate_from(rest));
					return meter.consumed();
				}
				Self::pay_owed(&hotkey, incentive, dividend);
			}
		}
		let netuids: Vec<u16> = Owed::<T>::iter_keys().collect();
		for netuid in netuids {
			// The column owed, the subnet's hotkeys (one column too) and the write back.
			if meter.try_consume(db.reads_writes(2, 1)).is_err() {
				break;
			}
			let mut column = Owed::<T>::get(netuid).into_inner();
			let hotkeys = T::Subnets::hotkeys(netuid);
			for uid in 0..column.len() {
				if column[uid] == (0, 0) {
					continue;
				}
				if meter.try_consume(per_uid).is_err() {
					Self::put_owed(netuid, column);
					return meter.consumed();
				}
				let (incentive, dividend) = core::mem::take(&mut column[uid]);
				match hotkeys.get(uid) {
					Some(hotkey) => Self::pay_owed(hotkey, incentive, dividend),
					None => Self::pay_owed_to_nobody(incentive, dividend),
				}
			}
			Self::put_owed(netuid, column);
		}
		meter.consumed()
	}

	/// An owed amount whose uid has no holder (should not happen): unpaid.
	fn pay_owed_to_nobody(incentive: u64, dividend: u64) {
		let asked = u128::from(incentive) + u128::from(dividend);
		TotalOwed::<T>::mutate(|owed| *owed = owed.saturating_sub(asked));
		UnpaidEmission::<T>::mutate(|dust| *dust = dust.saturating_add(asked));
	}
}

impl<T: Config> PendingRewards<T::AccountId> for Pallet<T> {
	fn settle(hotkey: &T::AccountId) -> Weight {
		let db = T::DbWeight::get();
		let netuids = T::Subnets::netuids();
		// The netuids (a key each), then for each the hotkey's uid and the subnet's column.
		let mut used = db.reads(1 + 3 * netuids.len() as u64);
		let (mut incentive, mut dividend) = (0u64, 0u64);
		for netuid in netuids {
			let Some(uid) = T::Subnets::uid_of(netuid, hotkey) else { continue };
			let mut column = Owed::<T>::get(netuid).into_inner();
			let Some(entry) = column.get_mut(usize::from(uid)) else { continue };
			if *entry == (0, 0) {
				continue;
			}
			let (i, d) = core::mem::take(entry);
			incentive = incentive.saturating_add(i);
			dividend = dividend.saturating_add(d);
			Self::put_owed(netuid, column);
			used.saturating_accrue(db.writes(1));
		}
		if incentive > 0 || dividend > 0 {
			Self::pay_owed(hotkey, incentive, dividend);
			used.saturating_accrue(T::WeightInfo::settle());
		}
		used
	}

	fn max_settle_weight() -> Weight {
		let subnets = u64::from(T::Subnets::max_subnets());
		// The bound itself, the netuids (a key each), and per subnet the uid, the column and
		// its write.
		T::DbWeight::get()
			.reads_writes(2 + 3 * subnets, subnets)
			.saturating_add(T::WeightInfo::settle())
	}
}
