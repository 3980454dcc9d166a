//! Moving held money: holds, releases, payments out of a hold, burns. Every amount the books
//! track is held under its reason in its payer's account; these helpers are the only places
//! that change holds.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use sp_runtime::{traits::Zero, Saturating};

use crate::{BalanceOf, Config, Error, HoldReason, Pallet};

impl<T: Config> Pallet<T> {
	/// Holds `amount` from `who` under `reason`.
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Releases `amount` of `who`'s hold under `reason` to its free balance.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let released = T::Currency::release(&reason.into(), who, amount, Precision::BestEffort);
		Self::log_short("release", amount, released.ok());
	}

	/// Burns `amount` of `who`'s hold under `reason` (total issuance falls by as much).
	pub(crate) fn burn_held(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let burned = T::Currency::burn_held(
			&reason.into(),
			who,
			amount,
			Precision::BestEffort,
			Fortitude::Force,
		);
		Self::log_short("burn", amount, burned.ok());
	}

	/// Pays `amount` of `from`'s hold under `reason` into `to`'s free balance. An amount the
	/// recipient cannot take (below the existential deposit of an account that does not exist)
	/// is burned instead. Returns what `to` got.
	pub(crate) fn pay_held(
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		if from == to {
			Self::release(reason, from, amount);
			return amount;
		}
		match T::Currency::transfer_on_hold(
			&reason.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		) {
			Ok(paid) => paid,
			Err(_) => {
				Self::burn_held(reason, from, amount);
				Zero::zero()
			},
		}
	}

	/// Splits a payment `gross` into (what the payee gets, the protocol take).
	pub(crate) fn split_take(gross: BalanceOf<T>) -> (BalanceOf<T>, BalanceOf<T>) {
		let take = crate::ProtocolTake::<T>::get() * gross;
		(gross.saturating_sub(take), take)
	}

	fn log_short(what: &str, wanted: BalanceOf<T>, done: Option<BalanceOf<T>>) {
		if done != Some(wanted) {
			log::error!(target: "runtime::market", "{what} of {wanted:?} moved {done:?}: books and holds differ");
		}
	}
}
