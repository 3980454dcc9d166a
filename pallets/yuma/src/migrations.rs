//! Storage migrations of the Yuma pallet.

/// Version 0 → 1: [`EpochIndex`](crate::EpochIndex) counts each subnet's epochs.
///
/// Before, other pallets numbered epochs `block / tempo`. Each subnet Yuma already schedules
/// starts counting at `now / tempo`, the number the old rule gave the upgrade block, so that a
/// commit-reveal window computed before the upgrade stays where it was (the Weights
/// migration translates the commits with it). Run before the Weights migration.
pub mod v1 {
	use crate::{Config, EpochIndex, LastEpoch, Pallet};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use myelin_doors::SubnetsInterface;
	use sp_runtime::SaturatedConversion;

	/// The migration itself, without the version check (see [`MigrateToV1`]).
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
			let mut subnets = 0u64;
			for netuid in LastEpoch::<T>::iter_keys() {
				subnets += 1;
				let tempo = T::Subnets::hyperparams(netuid).map(|hp| hp.tempo).unwrap_or(1);
				EpochIndex::<T>::insert(netuid, now / u64::from(tempo.max(1)));
			}
			T::DbWeight::get().reads_writes(2 * subnets + 1, subnets)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			ensure!(EpochIndex::<T>::iter_keys().next().is_none(), "epoch indices before v1");
			Ok((LastEpoch::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let scheduled = u64::decode(&mut &state[..]).map_err(|_| "bad pre_upgrade state")?;
			ensure!(
				EpochIndex::<T>::iter_keys().count() as u64 == scheduled,
				"a scheduled subnet without an epoch index",
			);
			ensure!(
				LastEpoch::<T>::iter_keys().all(EpochIndex::<T>::contains_key),
				"a scheduled subnet without an epoch index",
			);
			Ok(())
		}
	}

	/// Yuma v0 → v1, run once: checks and bumps the storage version.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
