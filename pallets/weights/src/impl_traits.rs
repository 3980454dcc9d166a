//! The weights pallet's side of the doors: rows for the Yuma pallet, cleanup for Subnets.

use crate::{Config, Entries, LastUpdate, Pallet, Weights};
use alloc::vec::Vec;
use myelin_doors::{OnNeuronRemoved, WeightsSource};
use sp_runtime::SaturatedConversion;

impl<T: Config> WeightsSource for Pallet<T> {
	fn weight_rows(netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>> {
		(0..n)
			.map(|uid| {
				Weights::<T>::get(netuid, uid).map(|row| row.into_inner()).unwrap_or_default()
			})
			.collect()
	}

	fn last_updates(netuid: u16, n: u16) -> Vec<u64> {
		(0..n)
			.map(|uid| LastUpdate::<T>::get(netuid, uid).map(|b| b.saturated_into()).unwrap_or(0))
			.collect()
	}

	fn entries(netuid: u16) -> u32 {
		Entries::<T>::get(netuid)
	}
}

impl<T: Config> OnNeuronRemoved<T::AccountId> for Pallet<T> {
	fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &T::AccountId) {
		Self::forget_neuron(netuid, uid, hotkey);
	}

	fn on_network_dissolved(netuid: u16) {
		Self::forget_subnet(netuid);
	}
}
