//! Storage migrations of the Weights pallet.

/// Version 0 → 1: commits record the index of the subnet's epoch they were made in (the
/// chain's real epochs, from the Yuma pallet) instead of the block.
///
/// Version 0 numbered epochs `block / tempo`. Each outstanding commit made at block `b` is
/// given the epoch `current − (now / tempo − b / tempo)`: it keeps its distance, in epochs, to
/// the current epoch, so a commit waiting for its window still opens it after as many epochs
/// as before. Commits whose window had already passed are dropped. Run after the Yuma
/// migration that starts each subnet's epoch count, so `current` is set.
pub mod v1 {
	use crate::{Commit, Commits, Config, Pallet, MAX_COMMITS};
	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use myelin_doors::{EpochSchedule, SubnetsInterface};
	use sp_core::H256;
	use sp_runtime::SaturatedConversion;

	/// A version 0 commit: the hash and the block it was made at.
	pub type OldCommits<T> = BoundedVec<(H256, BlockNumberFor<T>), ConstU32<MAX_COMMITS>>;

	/// The epoch a version 0 commit made at `block` gets, on a subnet of `tempo` whose current
	/// epoch is `current`, at block `now`; `None` when its window had passed.
	pub fn epoch_of_old_commit(
		block: u64,
		now: u64,
		tempo: u16,
		period: u32,
		current: u64,
	) -> Option<u64> {
		let tempo = u64::from(tempo.max(1));
		let elapsed = (now / tempo).saturating_sub(block / tempo);
		(elapsed <= u64::from(period)).then(|| current.saturating_sub(elapsed))
	}

	/// The migration itself, without the version check (see [`MigrateToV1`]).
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
			let mut reads = 0u64;
			let mut writes = 0u64;
			Commits::<T>::translate::<OldCommits<T>, _>(|netuid, _hotkey, old| {
				reads += 2;
				writes += 1;
				let params = T::Subnets::hyperparams(netuid)?;
				let current = T::Epochs::current_epoch(netuid);
				let new: Vec<Commit> = old
					.into_iter()
					.filter_map(|(hash, block)| {
						epoch_of_old_commit(
							block.saturated_into(),
							now,
							params.tempo,
							params.commit_reveal_period,
							current,
						)
						.map(|epoch| (hash, epoch))
					})
					.collect();
				(!new.is_empty()).then(|| BoundedVec::truncate_from(new))
			});
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let count = Commits::<T>::iter_keys().count() as u64;
			Ok(count.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..]).map_err(|_| "bad pre_upgrade state")?;
			// Every entry decodes in the new format, and none was added.
			let mut after = 0u64;
			for (netuid, _, commits) in Commits::<T>::iter() {
				after += 1;
				let current = T::Epochs::current_epoch(netuid);
				ensure!(commits.iter().all(|(_, e)| *e <= current), "a commit from the future");
			}
			ensure!(after <= before, "commits appeared in the migration");
			Ok(())
		}
	}

	/// Weights v0 → v1, run once: checks and bumps the storage version.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
