//! The Yuma pallet's side of the doors: emission for pruning and the cleanup hook (Subnets),
//! validator permits and the epoch schedule (Weights, runtime API).

use crate::{Config, Emission, EpochIndex, LastEpoch, Pallet, ValidatorPermit};
use myelin_doors::{EpochSchedule, EpochState, NeuronEmission, OnNeuronRemoved, ValidatorPermits};
use sp_runtime::SaturatedConversion;

impl<T: Config> NeuronEmission for Pallet<T> {
	fn emission(netuid: u16, uid: u16) -> u64 {
		Emission::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0)
	}

	fn emissions(netuid: u16) -> alloc::vec::Vec<u64> {
		Emission::<T>::get(netuid).into_inner()
	}
}

impl<T: Config> OnNeuronRemoved<T::AccountId> for Pallet<T> {
	fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &T::AccountId) {
		// The pruned hotkey is paid what it earned before its uid changes hands.
		Self::settle_uid(netuid, uid, hotkey);
		Self::forget_uid(netuid, uid);
	}

	fn on_network_dissolved(netuid: u16) {
		// Called while the subnet's neurons can still be read: their hotkeys keep what they
		// are owed.
		Self::retire_owed(netuid);
		Self::forget_subnet(netuid);
	}

	fn clear_dissolved(netuid: u16, limit: u32) -> u32 {
		Self::clear_bonds(netuid, limit)
	}
}

impl<T: Config> ValidatorPermits for Pallet<T> {
	fn has_permit(netuid: u16, uid: u16) -> bool {
		ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn grant_permit(netuid: u16, uid: u16) {
		Self::grant_permit_for_benchmarks(netuid, uid)
	}
}

impl<T: Config> EpochSchedule for Pallet<T> {
	fn epoch_state(netuid: u16) -> Option<EpochState> {
		let last = LastEpoch::<T>::get(netuid)?;
		Some(EpochState { last_block: last.saturated_into(), index: EpochIndex::<T>::get(netuid) })
	}
}
