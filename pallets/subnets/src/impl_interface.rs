//! [`SubnetsInterface`] for [`Pallet`]: the read door other pallets and the runtime APIs use.

use crate::{
	BalanceOf, Config, HotkeyOwner, Hyperparams, NetworkRegisteredAt, Pallet, SubnetHyperparams,
	SubnetLimit, SubnetLocked, SubnetOwner, SubnetOwnerHotkey, SubnetSnapshot, SubnetsInterface,
	SubnetworkN, Uids,
};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

impl<T: Config> SubnetsInterface<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn netuids() -> Vec<u16> {
		let mut netuids: Vec<u16> = SubnetOwner::<T>::iter_keys().collect();
		netuids.sort_unstable();
		netuids
	}

	fn max_subnets() -> u16 {
		SubnetLimit::<T>::get().max(SubnetOwner::<T>::count().min(u32::from(u16::MAX)) as u16)
	}

	fn is_dissolving(netuid: u16) -> bool {
		crate::Dissolving::<T>::contains_key(netuid)
	}

	fn subnet_exists(netuid: u16) -> bool {
		SubnetOwner::<T>::contains_key(netuid)
	}

	fn subnet_owner(netuid: u16) -> Option<T::AccountId> {
		SubnetOwner::<T>::get(netuid)
	}

	fn subnet_owner_hotkey(netuid: u16) -> Option<T::AccountId> {
		SubnetOwnerHotkey::<T>::get(netuid)
	}

	fn n(netuid: u16) -> u16 {
		SubnetworkN::<T>::get(netuid)
	}

	fn uid_of(netuid: u16, hotkey: &T::AccountId) -> Option<u16> {
		Uids::<T>::get(netuid, hotkey)
	}

	fn hotkey_of(netuid: u16, uid: u16) -> Option<T::AccountId> {
		Pallet::<T>::hotkey_at(netuid, uid)
	}

	fn hotkeys(netuid: u16) -> Vec<T::AccountId> {
		Pallet::<T>::hotkeys(netuid)
	}

	fn registered_at(netuid: u16, uid: u16) -> Option<BlockNumberFor<T>> {
		Pallet::<T>::registered_block(netuid, uid)
	}

	fn hotkey_owner(hotkey: &T::AccountId) -> Option<T::AccountId> {
		HotkeyOwner::<T>::get(hotkey)
	}

	fn hyperparams(netuid: u16) -> Option<SubnetHyperparams<BalanceOf<T>>> {
		Hyperparams::<T>::get(netuid)
	}

	fn neurons(netuid: u16) -> Vec<(u16, T::AccountId)> {
		Pallet::<T>::hotkeys(netuid)
			.into_iter()
			.enumerate()
			.map(|(uid, hotkey)| (uid as u16, hotkey))
			.collect()
	}

	fn epoch_snapshot(netuid: u16) -> Option<SubnetSnapshot<T::AccountId, BalanceOf<T>>> {
		let owner = SubnetOwner::<T>::get(netuid)?;
		let hyperparams = Hyperparams::<T>::get(netuid)?;
		// One column each, indexed by uid (`0..n`: a `try_state` invariant).
		let hotkeys = Pallet::<T>::hotkeys(netuid);
		let registered_at = Pallet::<T>::registration_blocks(netuid)
			.into_iter()
			.map(|b| b.saturated_into())
			.collect();
		Some(SubnetSnapshot { owner, hyperparams, hotkeys, registered_at })
	}

	fn axon_url(netuid: u16, uid: u16) -> Option<Vec<u8>> {
		Pallet::<T>::neuron_entry(netuid, uid)?.axon.map(|axon| axon.url.into_inner())
	}

	fn registration_price(netuid: u16) -> Option<BalanceOf<T>> {
		Pallet::<T>::registration_price(netuid)
	}

	fn locked(netuid: u16) -> Option<BalanceOf<T>> {
		SubnetLocked::<T>::get(netuid)
	}

	fn network_lock_cost() -> BalanceOf<T> {
		Pallet::<T>::network_lock_cost()
	}

	fn network_registered_at(netuid: u16) -> Option<BlockNumberFor<T>> {
		NetworkRegisteredAt::<T>::get(netuid)
	}
}
