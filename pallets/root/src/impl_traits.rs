//! The doors this pallet opens: the emission shares and the root epoch (for Yuma and Subnets),
//! and the dissolved-subnet listener (for Subnets).

use crate::{pallet::*, WeightInfo};
use alloc::vec::Vec;
use frame_support::weights::Weight;
use myelin_doors::{EmissionShares, OnNeuronRemoved, RootEpoch};
use sp_runtime::SaturatedConversion;

impl<T: Config> EmissionShares for Pallet<T> {
	fn emission_shares(netuids: &[u16]) -> Vec<u32> {
		Self::emission_shares_of(netuids)
	}

	fn shares_weight() -> Weight {
		T::WeightInfo::emission_shares()
	}
}

impl<T: Config> RootEpoch for Pallet<T> {
	fn due(now: u64) -> Option<Weight> {
		Self::epoch_is_due(now.saturated_into()).then(Self::epoch_weight)
	}

	fn run(now: u64) {
		Self::run_epoch(now.saturated_into());
	}
}

impl<T: Config> OnNeuronRemoved<T::AccountId> for Pallet<T> {
	fn on_neuron_removed(_netuid: u16, _uid: u16, _hotkey: &T::AccountId) {}

	/// The subnet's incentive goes at once, so the other subnets' shares still sum to one.
	/// Root rows may keep the netuid: the root epoch skips netuids that do not exist and, for
	/// a subnet registered later on the same netuid, rows set before its registration.
	fn on_network_dissolved(netuid: u16) {
		Self::forget_subnet(netuid);
	}

	fn clear_dissolved(_netuid: u16, _limit: u32) -> u32 {
		0
	}
}
