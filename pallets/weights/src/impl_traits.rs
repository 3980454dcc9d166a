//! The weights pallet's side of the doors: rows for the Yuma pallet, cleanup for Subnets.

use crate::{Config, Entries, LastUpdate, Pallet, Weights};
use alloc::vec::Vec;
use myelin_doors::{OnNeuronRemoved, WeightsSource};
use sp_runtime::SaturatedConversion;

impl<T: Config> WeightsSource for Pallet<T> {
	fn weight_rows(netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>> {
		// Only the stored rows are read (validators), not one key per uid.
		let mut rows = alloc::vec![Vec::new(); usize::from(n)];
		for (uid, row) in Weights::<T>::iter_prefix(netuid) {
			if let Some(slot) = rows.get_mut(usize::from(uid)) {
				*slot = row.into_inner();
			}
		}
		rows
	}

	fn last_updates(netuid: u16, n: u16) -> Vec<u64> {
		let mut blocks = alloc::vec![0; usize::from(n)];
		for (uid, block) in LastUpdate::<T>::iter_prefix(netuid) {
			if let Some(slot) = blocks.get_mut(usize::from(uid)) {
				*slot = block.saturated_into();
			}
		}
		blocks
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

	fn clear_dissolved(netuid: u16, limit: u32) -> u32 {
		Self::clear_subnet(netuid, limit)
	}
}
