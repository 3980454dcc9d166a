//! The invariants, checked by `try_state` after every block of a try-runtime run and after
//! every test: holds equal the books, bonds cover their commitments, offers count their work.

use alloc::collections::BTreeMap;
use frame_support::traits::fungible::InspectHold;
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	BalanceOf, Bonds, Config, HoldReason, JobState, Jobs, LeaseState, Leases, Offers, Pallet,
	ProtocolTake, MAX_TAKE,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the market (see the module docs).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut escrows: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		// (netuid, provider) → (committed, open).
		let mut work: BTreeMap<(u16, T::AccountId), (BalanceOf<T>, u32)> = BTreeMap::new();
		let add = |map: &mut BTreeMap<T::AccountId, BalanceOf<T>>,
		           who: &T::AccountId,
		           x: BalanceOf<T>| {
			let entry = map.entry(who.clone()).or_insert_with(Zero::zero);
			*entry = entry.saturating_add(x);
		};

		for (_, job) in Jobs::<T>::iter() {
			add(&mut escrows, &job.poster, job.max_price);
			match &job.state {
				JobState::Posted => {},
				JobState::Accepted { provider, bond, .. }
				| JobState::Submitted { provider, bond, .. } => {
					let w = work.entry((job.netuid, provider.clone())).or_insert((Zero::zero(), 0));
					w.0 = w.0.saturating_add(*bond);
					w.1 += 1;
				},
			}
			if let JobState::Submitted { price, .. } = &job.state {
				frame_support::ensure!(*price <= job.max_price, "a job's price exceeds its escrow");
			}
		}
		for (_, lease) in Leases::<T>::iter() {
			add(&mut deposits, &lease.user, lease.deposit);
			if lease.state != LeaseState::Pending {
				let w =
					work.entry((lease.netuid, lease.provider.clone())).or_insert((Zero::zero(), 0));
				w.0 = w.0.saturating_add(lease.bond);
				w.1 += 1;
			}
		}
		for (netuid, hotkey, bond) in Bonds::<T>::iter() {
			add(&mut bonds, &bond.owner, bond.amount);
			let committed =
				work.get(&(netuid, hotkey.clone())).map(|w| w.0).unwrap_or_else(Zero::zero);
			frame_support::ensure!(
				bond.committed == committed,
				"a bond's commitment differs from its work's"
			);
			frame_support::ensure!(
				bond.amount >= bond.committed.saturating_add(bond.unbonding),
				"a bond is below its commitments and unbonding chunk"
			);
		}
		for ((netuid, hotkey), (committed, _)) in &work {
			frame_support::ensure!(
				committed.is_zero() || Bonds::<T>::contains_key(netuid, hotkey),
				"bonded work without a bond"
			);
		}
		for (netuid, hotkey, offer) in Offers::<T>::iter() {
			let open = work.get(&(netuid, hotkey)).map(|w| w.1).unwrap_or(0);
			frame_support::ensure!(
				offer.open == open,
				"an offer's open count differs from its work"
			);
		}
		for (reason, books) in [
			(HoldReason::Bond, bonds),
			(HoldReason::JobEscrow, escrows),
			(HoldReason::LeaseDeposit, deposits),
		] {
			for (who, expected) in books {
				let held = T::Currency::balance_on_hold(&reason.into(), &who);
				if held != expected {
					log::error!(target: "runtime::market", "{reason:?} hold of {who:?}: {held:?}, books {expected:?}");
					return Err("a market hold differs from the books".into());
				}
			}
		}
		frame_support::ensure!(
			ProtocolTake::<T>::get() <= MAX_TAKE,
			"protocol take above its bound"
		);
		Ok(())
	}
}
