//! The two registrations: a subnet (`register_network`) and a neuron (`burned_register`), each
//! with an optional bound on what the signer pays (the `_with_limit` calls).

use crate::{
	math, BalanceOf, BurnPrice, BurnState, Config, DefaultTempo, Dissolving, Error, Event,
	HoldReason, Hyperparams, LockState, NetworkLock, NetworkRegisteredAt, OnNeuronRemoved, Pallet,
	SubnetHyperparams, SubnetLimit, SubnetLocked, SubnetOwner, SubnetOwnerHotkey, SubnetworkN,
	Uids, WeightInfo, INITIAL_BURN,
};
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	ensure,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::{traits::Zero, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// `register_network` signed by `coldkey`; refused with `LockAboveLimit` when the lock
	/// cost is above `max_lock`.
	pub(crate) fn do_register_network(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		max_lock: Option<BalanceOf<T>>,
	) -> DispatchResultWithPostInfo {
		let limit = u32::from(SubnetLimit::<T>::get());
		ensure!(limit > 0, Error::<T>::SubnetLimitReached);
		let count = SubnetOwner::<T>::count();
		let prune = if count >= limit {
			Some(Self::network_to_prune().ok_or(Error::<T>::AllSubnetsImmune)?)
		} else {
			None
		};
		Self::ensure_may_use_hotkey(&coldkey, &hotkey)?;
		let lock = Self::network_lock_cost();
		if let Some(max_lock) = max_lock {
			ensure!(lock <= max_lock, Error::<T>::LockAboveLimit);
		}
		let reason = T::RuntimeHoldReason::from(HoldReason::SubnetLock);
		ensure!(
			T::Currency::can_hold(&reason, &coldkey, lock),
			Error::<T>::InsufficientBalanceForLock
		);
		// At most `SubnetLimit ≤ 1024` netuids are taken, so this finds one quickly. A
		// dissolved netuid is free once everything kept for it is cleared.
		let netuid = (1..=u16::MAX)
			.find(|netuid| {
				!SubnetOwner::<T>::contains_key(netuid) && !Dissolving::<T>::contains_key(netuid)
			})
			.ok_or(Error::<T>::SubnetLimitReached)?;

		// Every check comes first, so a refused registration prunes nothing.
		if let Some(pruned) = prune {
			let owner = SubnetOwner::<T>::get(pruned).ok_or(Error::<T>::SubnetNotFound)?;
			T::OnNeuronRemoved::on_network_dissolved(pruned);
			let lock_released = Self::remove_subnet(pruned, &owner)?;
			Self::deposit_event(Event::NetworkPruned { netuid: pruned, lock_released });
		}
		if !lock.is_zero() {
			T::Currency::hold(&reason, &coldkey, lock)?;
		}
		let now = frame_system::Pallet::<T>::block_number();
		NetworkLock::<T>::put(LockState { last_lock: lock, block: now });

		SubnetOwner::<T>::insert(netuid, &coldkey);
		NetworkRegisteredAt::<T>::insert(netuid, now);
		SubnetOwnerHotkey::<T>::insert(netuid, &hotkey);
		SubnetLocked::<T>::insert(netuid, lock);
		let params = SubnetHyperparams::<BalanceOf<T>>::with_tempo(DefaultTempo::<T>::get());
		Hyperparams::<T>::insert(netuid, params);
		let initial_burn: BalanceOf<T> = INITIAL_BURN.saturated_into();
		BurnPrice::<T>::insert(netuid, BurnState { base: initial_burn, since: now });
		Self::take_hotkey(&hotkey, &coldkey);
		let uid = Self::append_neuron(netuid, &hotkey, now);
		debug_assert_eq!(uid, 0);

		Self::deposit_event(Event::NetworkRegistered { netuid, owner: coldkey, hotkey, lock });
		let weight = match prune {
			Some(_) => T::WeightInfo::register_network_pruning(count),
			None => T::WeightInfo::register_network(u32::from(netuid)),
		};
		Ok(Some(weight).into())
	}

	/// `burned_register` signed by `coldkey`; refused with `BurnAboveLimit` when the price is
	/// above `max_burn`.
	pub(crate) fn do_burned_register(
		coldkey: T::AccountId,
		netuid: u16,
		hotkey: T::AccountId,
		max_burn: Option<BalanceOf<T>>,
	) -> DispatchResultWithPostInfo {
		let params = Hyperparams::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(params.registration_allowed, Error::<T>::RegistrationDisabled);
		Self::ensure_may_use_hotkey(&coldkey, &hotkey)?;
		ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotkeyAlreadyRegistered);

		let now = frame_system::Pallet::<T>::block_number();
		let n = SubnetworkN::<T>::get(netuid);
		let (to_prune, scanned) = if n >= params.max_allowed_uids {
			let uid = Self::prune_candidate(netuid, n, &params, now)
				.ok_or(Error::<T>::NoNeuronToPrune)?;
			(Some(uid), n)
		} else {
			(None, 0)
		};

		let price = Self::price_at(netuid, &params, now);
		if let Some(max_burn) = max_burn {
			ensure!(price <= max_burn, Error::<T>::BurnAboveLimit);
		}
		ensure!(
			T::Currency::reducible_balance(&coldkey, Preservation::Preserve, Fortitude::Polite)
				>= price,
			Error::<T>::InsufficientBalanceForBurn
		);
		if !price.is_zero() {
			T::Currency::burn_from(
				&coldkey,
				price,
				Preservation::Preserve,
				Precision::Exact,
				Fortitude::Polite,
			)?;
		}

		Self::take_hotkey(&hotkey, &coldkey);
		let uid = match to_prune {
			Some(uid) => {
				Self::prune_neuron(netuid, uid);
				Self::put_neuron(netuid, uid, &hotkey, now);
				uid
			},
			None => Self::append_neuron(netuid, &hotkey, now),
		};
		let next: BalanceOf<T> = math::grow_burn(price.saturated_into()).saturated_into();
		BurnPrice::<T>::insert(netuid, BurnState { base: next, since: now });

		Self::deposit_event(Event::NeuronRegistered { netuid, uid, hotkey, burned: price });
		Ok(Some(T::WeightInfo::burned_register(u32::from(scanned))).into())
	}
}
