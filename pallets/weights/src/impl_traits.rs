//! The weights pallet's side of the doors: rows for the Yuma pallet, cleanup for Subnets.

use crate::{Config, Entries, LastUpdate, Pallet, Weights};
use alloc::vec::Vec;
use myelin_doors::{OnNeuronRemoved, WeightsSource};
use sp_runtime::SaturatedConversion;

impl<T: Config> WeightsSource for Pallet<T> {
	fn epoch_rows(netuid: u16, permit: &[bool], max_removed: u32) -> Vec<Vec<(u16, u16)>> {
		let mut rows = alloc::vec![Vec::new(); permit.len()];
		// Keys only: the rows of uids without a permit are never decoded.
		let mut stale = Vec::new();
		for uid in Weights::<T>::iter_key_prefix(netuid) {
			match permit.get(usize::from(uid)) {
				Some(true) => {
					if let Some(row) = Weights::<T>::get(netuid, uid) {
						rows[usize::from(uid)] = row.into_inner();
					}
				},
				_ => stale.push(uid),
			}
		}
		stale.sort_unstable();
		for uid in stale.into_iter().take(max_removed as usize) {
			Self::remove_row(netuid, uid);
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
