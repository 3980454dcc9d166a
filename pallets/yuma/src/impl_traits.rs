//! The Yuma pallet's side of the doors: emission for pruning and the cleanup hook (Subnets),
//! validator permits (Weights).

use crate::{Config, Emission, Pallet, ValidatorPermit, ValidatorPermits};
use pallet_subnets::{NeuronEmission, OnNeuronRemoved};

impl<T: Config> NeuronEmission for Pallet<T> {
	fn emission(netuid: u16, uid: u16) -> u64 {
		Emission::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0)
	}
}

impl<T: Config> OnNeuronRemoved<T::AccountId> for Pallet<T> {
	fn on_neuron_removed(netuid: u16, uid: u16, _hotkey: &T::AccountId) {
		Self::forget_uid(netuid, uid);
	}

	fn on_network_dissolved(netuid: u16) {
		Self::forget_subnet(netuid);
	}
}

impl<T: Config> ValidatorPermits for Pallet<T> {
	fn has_permit(netuid: u16, uid: u16) -> bool {
		ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false)
	}
}
