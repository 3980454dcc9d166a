//! Leases: a deposit paid out per block, lazily, on every touch; paused, not closed, when it
//! runs out.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::SubnetsInterface;
use sp_runtime::traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero};

use crate::{
	BalanceOf, Config, Error, Event, HoldReason, Lease, LeaseOf, LeaseState, Leases, NextLeaseId,
	Offers, Pallet,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_lease(
		user: T::AccountId,
		netuid: u16,
		provider: T::AccountId,
		rate_per_block: BalanceOf<T>,
		deposit: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!rate_per_block.is_zero(), Error::<T>::ZeroRate);
		ensure!(!deposit.is_zero(), Error::<T>::ZeroAmount);
		ensure!(T::Subnets::subnet_exists(netuid), Error::<T>::NoSuchSubnet);
		ensure!(T::Subnets::uid_of(netuid, &provider).is_some(), Error::<T>::NotRegistered);
		ensure!(Offers::<T>::contains_key(netuid, &provider), Error::<T>::NoOffer);
		Self::hold(HoldReason::LeaseDeposit, &user, deposit)?;
		let lease_id = NextLeaseId::<T>::mutate(|id| {
			let this = *id;
			*id = id.saturating_add(1);
			this
		});
		Leases::<T>::insert(
			lease_id,
			Lease {
				netuid,
				user: user.clone(),
				provider: provider.clone(),
				rate_per_block,
				deposit,
				settled_at: frame_system::Pallet::<T>::block_number(),
				bond: Zero::zero(),
				paid: Zero::zero(),
				state: LeaseState::Pending,
			},
		);
		Self::deposit_event(Event::LeaseOpened {
			lease_id,
			netuid,
			user,
			provider,
			rate_per_block,
			deposit,
		});
		Ok(())
	}

	/// The bond a lease at `rate` requires of its provider.
	pub(crate) fn lease_bond(rate: BalanceOf<T>) -> BalanceOf<T> {
		rate.saturating_mul(BalanceOf::<T>::from(T::LeaseBondBlocks::get()))
	}

	pub(crate) fn do_accept_lease(hotkey: T::AccountId, lease_id: u64) -> DispatchResult {
		let mut lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::NoSuchLease)?;
		ensure!(lease.provider == hotkey, Error::<T>::NotProvider);
		ensure!(lease.state == LeaseState::Pending, Error::<T>::WrongLeaseState);
		let bond = Self::lease_bond(lease.rate_per_block);
		Self::commit_provider(lease.netuid, &hotkey, bond)?;
		lease.bond = bond;
		lease.state = LeaseState::Active;
		lease.settled_at = frame_system::Pallet::<T>::block_number();
		Leases::<T>::insert(lease_id, lease);
		Self::deposit_event(Event::LeaseAccepted { lease_id });
		Ok(())
	}

	pub(crate) fn do_top_up(
		user: T::AccountId,
		lease_id: u64,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::NoSuchLease)?;
		ensure!(lease.user == user, Error::<T>::NotLeaseParty);
		Self::settle(lease_id, &mut lease);
		let now = frame_system::Pallet::<T>::block_number();
		let resumes = match lease.state {
			LeaseState::Paused { at } => {
				// Refused: the call's storage layer undoes the settlement above too.
				ensure!(now <= at.saturating_add(T::LeaseGrace::get()), Error::<T>::LeaseGraceOver);
				true
			},
			_ => false,
		};
		Self::hold(HoldReason::LeaseDeposit, &user, amount)?;
		lease.deposit = lease.deposit.saturating_add(amount);
		if resumes {
			lease.state = LeaseState::Active;
			lease.settled_at = now;
		}
		Leases::<T>::insert(lease_id, lease);
		Self::deposit_event(Event::LeaseToppedUp { lease_id, amount });
		if resumes {
			Self::deposit_event(Event::LeaseResumed { lease_id });
		}
		Ok(())
	}

	pub(crate) fn do_withdraw_lease(hotkey: T::AccountId, lease_id: u64) -> DispatchResult {
		let mut lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::NoSuchLease)?;
		ensure!(lease.provider == hotkey, Error::<T>::NotProvider);
		ensure!(lease.state != LeaseState::Pending, Error::<T>::WrongLeaseState);
		Self::settle(lease_id, &mut lease);
		let now = frame_system::Pallet::<T>::block_number();
		match lease.state {
			// Past its grace a paused lease cannot resume: closing it frees the bond.
			LeaseState::Paused { at } if now > at.saturating_add(T::LeaseGrace::get()) => {
				Self::close(lease_id, lease)
			},
			_ => Leases::<T>::insert(lease_id, lease),
		}
		Ok(())
	}

	pub(crate) fn do_close_lease(who: T::AccountId, lease_id: u64) -> DispatchResult {
		let mut lease = Leases::<T>::get(lease_id).ok_or(Error::<T>::NoSuchLease)?;
		ensure!(lease.user == who || lease.provider == who, Error::<T>::NotLeaseParty);
		Self::settle(lease_id, &mut lease);
		Self::close(lease_id, lease);
		Ok(())
	}

	/// Refunds what is left of the deposit, frees the provider's bond, removes the lease.
	fn close(lease_id: u64, lease: LeaseOf<T>) {
		Self::release(HoldReason::LeaseDeposit, &lease.user, lease.deposit);
		if lease.state != LeaseState::Pending {
			Self::uncommit_provider(lease.netuid, &lease.provider, lease.bond);
		}
		Leases::<T>::remove(lease_id);
		Self::deposit_event(Event::LeaseClosed { lease_id, refunded: lease.deposit });
	}

	/// Pays an active lease up to now from its deposit; pauses it at the block the deposit
	/// ran out. Does nothing to a pending or paused lease. The caller stores the lease.
	pub(crate) fn settle(lease_id: u64, lease: &mut LeaseOf<T>) {
		if lease.state != LeaseState::Active {
			return;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let blocks: u128 = now.saturating_sub(lease.settled_at).unique_saturated_into();
		let owed =
			lease.rate_per_block.saturating_mul(BalanceOf::<T>::unique_saturated_from(blocks));
		let amount = if owed > lease.deposit {
			// Paid up to the last block the deposit covers; paused from there. Less than a
			// block's rate stays in the deposit.
			let covered = lease.deposit / lease.rate_per_block;
			let blocks: u128 = covered.unique_saturated_into();
			let at =
				lease.settled_at.saturating_add(BlockNumberFor::<T>::unique_saturated_from(blocks));
			lease.state = LeaseState::Paused { at };
			lease.settled_at = at;
			covered.saturating_mul(lease.rate_per_block)
		} else {
			lease.settled_at = now;
			owed
		};
		if !amount.is_zero() {
			lease.deposit = lease.deposit.saturating_sub(amount);
			lease.paid = lease.paid.saturating_add(amount);
			let (net, take) = Self::split_take(amount);
			let payee =
				T::Subnets::hotkey_owner(&lease.provider).unwrap_or_else(|| lease.provider.clone());
			let paid = Self::pay_held(HoldReason::LeaseDeposit, &lease.user, &payee, net);
			Self::burn_held(HoldReason::LeaseDeposit, &lease.user, take);
			Self::deposit_event(Event::LeaseSettled { lease_id, paid, take });
		}
		if let LeaseState::Paused { at } = lease.state {
			Self::deposit_event(Event::LeasePaused { lease_id, paused_at: at });
		}
	}
}
