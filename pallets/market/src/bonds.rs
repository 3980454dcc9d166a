//! Bonds and offers: what a provider puts up and what it advertises.

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::SubnetsInterface;
use sp_runtime::{traits::Zero, Saturating};

use crate::{
	Attributes, BalanceOf, BondOf, Bonds, Config, Error, Event, HoldReason, Offer, Offers, Pallet,
	MAX_CAPACITY,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_bond(
		owner: T::AccountId,
		netuid: u16,
		hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(T::Subnets::uid_of(netuid, &hotkey).is_some(), Error::<T>::NotRegistered);
		ensure!(
			T::Subnets::hotkey_owner(&hotkey).as_ref() == Some(&owner),
			Error::<T>::NotHotkeyOwner
		);
		let mut bond = Bonds::<T>::get(netuid, &hotkey).unwrap_or_else(|| BondOf::<T> {
			owner: owner.clone(),
			amount: Zero::zero(),
			committed: Zero::zero(),
			unbonding: Zero::zero(),
			unlock_at: Zero::zero(),
		});
		// Ownership of a hotkey never changes, so an existing bond is the caller's.
		ensure!(bond.owner == owner, Error::<T>::NotHotkeyOwner);
		Self::hold(HoldReason::Bond, &owner, amount)?;
		bond.amount = bond.amount.saturating_add(amount);
		Bonds::<T>::insert(netuid, &hotkey, bond);
		Self::deposit_event(Event::Bonded { netuid, hotkey, owner, amount });
		Ok(())
	}

	pub(crate) fn do_unbond(
		owner: T::AccountId,
		netuid: u16,
		hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut bond = Bonds::<T>::get(netuid, &hotkey).ok_or(Error::<T>::NoBond)?;
		ensure!(bond.owner == owner, Error::<T>::NotHotkeyOwner);
		ensure!(amount <= Self::free_bond(&bond), Error::<T>::BondCommitted);
		let unlock_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		bond.unbonding = bond.unbonding.saturating_add(amount);
		bond.unlock_at = unlock_at;
		Bonds::<T>::insert(netuid, &hotkey, bond);
		Self::deposit_event(Event::Unbonding { netuid, hotkey, amount, unlock_at });
		Ok(())
	}

	pub(crate) fn do_withdraw_unbonded(
		owner: T::AccountId,
		netuid: u16,
		hotkey: T::AccountId,
	) -> DispatchResult {
		let mut bond = Bonds::<T>::get(netuid, &hotkey).ok_or(Error::<T>::NoBond)?;
		ensure!(bond.owner == owner, Error::<T>::NotHotkeyOwner);
		ensure!(!bond.unbonding.is_zero(), Error::<T>::NothingUnbonding);
		ensure!(
			frame_system::Pallet::<T>::block_number() >= bond.unlock_at,
			Error::<T>::StillUnbonding
		);
		let amount = bond.unbonding;
		Self::release(HoldReason::Bond, &owner, amount);
		bond.amount = bond.amount.saturating_sub(amount);
		bond.unbonding = Zero::zero();
		Self::store_bond(netuid, &hotkey, bond);
		Self::deposit_event(Event::BondWithdrawn { netuid, hotkey, amount });
		Ok(())
	}

	pub(crate) fn do_set_offer(
		hotkey: T::AccountId,
		netuid: u16,
		price_per_unit: BalanceOf<T>,
		capacity: u32,
		attributes: alloc::vec::Vec<u8>,
	) -> DispatchResult {
		ensure!(capacity <= MAX_CAPACITY, Error::<T>::CapacityTooHigh);
		ensure!(!price_per_unit.is_zero(), Error::<T>::ZeroAmount);
		let attributes: Attributes =
			attributes.try_into().map_err(|_| Error::<T>::AttributesTooLong)?;
		ensure!(T::Subnets::uid_of(netuid, &hotkey).is_some(), Error::<T>::NotRegistered);
		let open = Offers::<T>::get(netuid, &hotkey).map(|o| o.open).unwrap_or(0);
		Offers::<T>::insert(netuid, &hotkey, Offer { price_per_unit, capacity, attributes, open });
		Self::deposit_event(Event::OfferSet { netuid, hotkey, price_per_unit, capacity });
		Ok(())
	}

	/// What a bond can still commit or unbond: amount − committed − unbonding.
	pub(crate) fn free_bond(bond: &BondOf<T>) -> BalanceOf<T> {
		bond.amount.saturating_sub(bond.committed).saturating_sub(bond.unbonding)
	}

	/// Commits `required` of `hotkey`'s bond on `netuid` and takes a slot of its offer's
	/// capacity; returns the offer's price per unit.
	pub(crate) fn commit_provider(
		netuid: u16,
		hotkey: &T::AccountId,
		required: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		ensure!(T::Subnets::uid_of(netuid, hotkey).is_some(), Error::<T>::NotRegistered);
		let mut offer = Offers::<T>::get(netuid, hotkey).ok_or(Error::<T>::NoOffer)?;
		ensure!(offer.open < offer.capacity, Error::<T>::AtCapacity);
		let mut bond = Bonds::<T>::get(netuid, hotkey).ok_or(Error::<T>::InsufficientBond)?;
		ensure!(Self::free_bond(&bond) >= required, Error::<T>::InsufficientBond);
		bond.committed = bond.committed.saturating_add(required);
		offer.open += 1;
		Bonds::<T>::insert(netuid, hotkey, bond);
		let price = offer.price_per_unit;
		Offers::<T>::insert(netuid, hotkey, offer);
		Ok(price)
	}

	/// Releases a commitment of `committed` and its capacity slot (the job or lease ended).
	pub(crate) fn uncommit_provider(netuid: u16, hotkey: &T::AccountId, committed: BalanceOf<T>) {
		if let Some(mut bond) = Bonds::<T>::get(netuid, hotkey) {
			bond.committed = bond.committed.saturating_sub(committed);
			Self::store_bond(netuid, hotkey, bond);
		}
		Offers::<T>::mutate(netuid, hotkey, |offer| {
			if let Some(offer) = offer {
				offer.open = offer.open.saturating_sub(1);
			}
		});
	}

	/// Slashes up to `amount` of `hotkey`'s bond on `netuid` (never below what stays committed
	/// by its other work, which the caller already released). Returns (the bond's owner, what
	/// was slashed); the caller pays it out of the owner's `Bond` hold.
	pub(crate) fn take_from_bond(
		netuid: u16,
		hotkey: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Option<(T::AccountId, BalanceOf<T>)> {
		let mut bond = Bonds::<T>::get(netuid, hotkey)?;
		// Slash the free part first, then the unbonding chunk.
		let from_free = amount.min(Self::free_bond(&bond));
		let from_unbonding = amount.saturating_sub(from_free).min(bond.unbonding);
		let slashed = from_free.saturating_add(from_unbonding);
		bond.unbonding = bond.unbonding.saturating_sub(from_unbonding);
		bond.amount = bond.amount.saturating_sub(slashed);
		let owner = bond.owner.clone();
		Self::store_bond(netuid, hotkey, bond);
		Some((owner, slashed))
	}

	/// Writes a bond, or removes it when nothing is left in it.
	fn store_bond(netuid: u16, hotkey: &T::AccountId, bond: BondOf<T>) {
		if bond.amount.is_zero() && bond.committed.is_zero() {
			Bonds::<T>::remove(netuid, hotkey);
		} else {
			Bonds::<T>::insert(netuid, hotkey, bond);
		}
	}

	/// The block `n` blocks from now.
	pub(crate) fn blocks_ahead(n: BlockNumberFor<T>) -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number().saturating_add(n)
	}
}
