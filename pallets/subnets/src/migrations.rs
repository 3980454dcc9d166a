//! Storage migrations of the Subnets pallet.

/// The single-block half of a multi-block migration ([`v1`], [`v3`]): nothing is moved in the
/// upgrade's block, only the storage version is set (by `VersionedMigration`), since the code
/// of the new version reads both layouts.
pub struct BumpVersion<T>(core::marker::PhantomData<T>);

impl<T: crate::Config> frame_support::traits::UncheckedOnRuntimeUpgrade for BumpVersion<T> {
	fn on_runtime_upgrade() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Version 0 → 1: a subnet's hotkeys and registration blocks become one column each
/// ([`Hotkeys`](crate::Hotkeys), [`RegistrationBlocks`](crate::RegistrationBlocks)) instead of
/// one value per `(netuid, uid)` (`Keys`, `RegisteredAt`), so that the epoch, the metagraph and
/// pruning read a whole subnet in one read.
///
/// Two halves:
/// - [`MigrateToV1`], a single-block migration, sets the storage version to 1: the code of
///   version 1 reads both layouts. A column holds the uids `0..k` moved so far, the old maps
///   the uids `k..n` not moved yet, and the pallet completes each column from them
///   ([`complete`]), so the state reads the same at every block.
/// - [`MigrateV0ToV1`], a multi-block migration (a `SteppedMigration` run by
///   `pallet-migrations`), moves the values: a chain may hold 32 subnets of 4096 neurons,
///   262,144 values of each old map, far more than one block can move. Each step moves uids
///   in order, subnet by subnet, as many as its weight allows; the old maps are the cursor (a
///   subnet's next uid is its column's length). No extrinsic is applied while it runs
///   (`pallet-migrations`), so nothing writes a half-moved subnet.
pub mod v1 {
	use super::BumpVersion;
	use crate::{Config, Hotkeys, Pallet, RegistrationBlocks, SubnetworkN, WeightInfo, MAX_UIDS};
	use alloc::vec::Vec;
	use frame_support::{
		migrations::{MigrationId, SteppedMigration, SteppedMigrationError, VersionedMigration},
		pallet_prelude::*,
		storage_alias,
		weights::WeightMeter,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// Version 0's hotkey of each `(netuid, uid)`.
	#[storage_alias]
	pub type Keys<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		u16,
		Twox64Concat,
		u16,
		<T as frame_system::Config>::AccountId,
		OptionQuery,
	>;

	/// Version 0's registration block of each `(netuid, uid)`.
	#[storage_alias]
	pub type RegisteredAt<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		u16,
		Twox64Concat,
		u16,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// The hotkey of `uid` on `netuid` in the old layout (a uid not moved yet).
	pub fn old_hotkey<T: Config>(netuid: u16, uid: u16) -> Option<T::AccountId> {
		Keys::<T>::get(netuid, uid)
	}

	/// The registration block of `uid` on `netuid` in the old layout.
	pub fn old_block<T: Config>(netuid: u16, uid: u16) -> Option<BlockNumberFor<T>> {
		RegisteredAt::<T>::get(netuid, uid)
	}

	/// Complete `column`, the moved uids `0..k` of `netuid`, with the uids `k..n` still in the
	/// old layout, read by `old`. Once migrated a column is `n` long and this reads only `n`.
	pub fn complete<T: Config, V>(
		netuid: u16,
		column: &mut Vec<V>,
		old: impl Fn(u16, u16) -> Option<V>,
	) {
		let n = SubnetworkN::<T>::get(netuid);
		for uid in (column.len().min(usize::from(MAX_UIDS)) as u16)..n {
			match old(netuid, uid) {
				Some(value) => column.push(value),
				None => break,
			}
		}
	}

	/// Whether nothing is left in the old layout.
	pub fn old_layout_is_empty<T: Config>() -> bool {
		Keys::<T>::iter_keys().next().is_none() && RegisteredAt::<T>::iter_keys().next().is_none()
	}

	/// Whether every old value lies where the columns expect the uids not moved yet: on an
	/// existing subnet, at a uid in `column length..n`. (Checked by `try_state`.)
	pub fn old_layout_is_consistent<T: Config>() -> bool {
		let fits = |netuid: u16, uid: u16, moved: Option<usize>| {
			crate::SubnetOwner::<T>::contains_key(netuid)
				&& uid < SubnetworkN::<T>::get(netuid)
				&& usize::from(uid) >= moved.unwrap_or(0)
		};
		Keys::<T>::iter_keys()
			.all(|(netuid, uid)| fits(netuid, uid, Hotkeys::<T>::decode_len(netuid)))
			&& RegisteredAt::<T>::iter_keys()
				.all(|(netuid, uid)| fits(netuid, uid, RegistrationBlocks::<T>::decode_len(netuid)))
	}

	/// Version 0 → 1 in one block: the version only; [`MigrateV0ToV1`] moves the values.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, BumpVersion<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

	/// The multi-block half (see the [module](self)). Its cursor counts the uids moved so far.
	pub struct MigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> SteppedMigration for MigrateV0ToV1<T> {
		type Cursor = u32;
		type Identifier = MigrationId<14>;

		fn id() -> Self::Identifier {
			MigrationId { pallet_id: *b"subnets-column", version_from: 0, version_to: 1 }
		}

		fn step(
			cursor: Option<Self::Cursor>,
			meter: &mut WeightMeter,
		) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
			let mut moved = cursor.unwrap_or(0);
			let mut progressed = false;
			loop {
				let Some((netuid, _)) = Keys::<T>::iter_keys().next() else {
					// Registration blocks without a hotkey cannot exist in version 0 (its
					// `try_state`); whatever is left goes.
					let _ = RegisteredAt::<T>::clear(u32::MAX, None);
					return Ok(None);
				};
				let n = usize::from(SubnetworkN::<T>::get(netuid));
				let mut hotkeys = Hotkeys::<T>::get(netuid).into_inner();
				let mut blocks = RegistrationBlocks::<T>::get(netuid).into_inner();
				let start = hotkeys.len();
				if start >= n || blocks.len() != start {
					log::error!(
						target: crate::LOG_TARGET,
						"v1 migration: subnet {netuid} has {start} hotkeys moved of {n}",
					);
					return Err(SteppedMigrationError::Failed);
				}
				// The most uids of this subnet the meter allows: moving `k` uids onto columns
				// holding `start` costs `migrate_v1_step(start, k)`.
				let cost = |k: u32| T::WeightInfo::migrate_v1_step(start as u32, k);
				let fits = |k: u32| meter.can_consume(cost(k));
				if !fits(1) {
					if progressed {
						return Ok(Some(moved));
					}
					return Err(SteppedMigrationError::InsufficientWeight { required: cost(1) });
				}
				let take = crate::math::largest_that_fits(1, (n - start) as u32, fits) as usize;
				for uid in start..start + take {
					let uid = uid as u16;
					let (Some(hotkey), Some(block)) =
						(Keys::<T>::take(netuid, uid), RegisteredAt::<T>::take(netuid, uid))
					else {
						log::error!(
							target: crate::LOG_TARGET,
							"v1 migration: uid {uid} of subnet {netuid} has no hotkey or block",
						);
						return Err(SteppedMigrationError::Failed);
					};
					hotkeys.push(hotkey);
					blocks.push(block);
				}
				Hotkeys::<T>::insert(netuid, BoundedVec::truncate_from(hotkeys));
				RegistrationBlocks::<T>::insert(netuid, BoundedVec::truncate_from(blocks));
				meter.consume(cost(take as u32));
				moved = moved.saturating_add(take as u32);
				progressed = true;
			}
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(old_subnets::<T>().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			ensure!(Pallet::<T>::on_chain_storage_version() >= 1, "Subnets is not on version 1");
			ensure!(old_layout_is_empty::<T>(), "values left in the old layout");
			let before = Vec::<SubnetBefore<T>>::decode(&mut &state[..])
				.map_err(|_| "undecodable pre_upgrade state")?;
			for (netuid, neurons) in before {
				let hotkeys = Hotkeys::<T>::get(netuid);
				let blocks = RegistrationBlocks::<T>::get(netuid);
				ensure!(hotkeys.len() == neurons.len(), "a column differs in length");
				ensure!(
					neurons.iter().zip(hotkeys.iter().zip(blocks.iter())).all(
						|((hotkey, block), (new_hotkey, new_block))| {
							hotkey == new_hotkey && block == new_block
						}
					),
					"a moved neuron differs"
				);
			}
			Ok(())
		}
	}

	/// A subnet's neurons in version 0, `(hotkey, registration block)` by uid.
	#[cfg(feature = "try-runtime")]
	type SubnetBefore<T> = (u16, Vec<(<T as frame_system::Config>::AccountId, BlockNumberFor<T>)>);

	/// Every subnet's neurons as the pallet reads them (both layouts), by uid `0..n`.
	#[cfg(feature = "try-runtime")]
	fn old_subnets<T: Config>() -> Vec<SubnetBefore<T>> {
		SubnetworkN::<T>::iter_keys()
			.map(|netuid| {
				let hotkeys = Pallet::<T>::hotkeys(netuid);
				let blocks = Pallet::<T>::registration_blocks(netuid);
				(netuid, hotkeys.into_iter().zip(blocks).collect())
			})
			.collect()
	}

	/// Benchmark and test setup: put `netuid`'s neurons back into the old layout and the
	/// pallet on version 0, as a chain on the last release holds them (run
	/// [`MigrateToV1`] before stepping [`MigrateV0ToV1`]).
	#[cfg(any(feature = "runtime-benchmarks", feature = "std"))]
	pub fn to_old_layout<T: Config>(netuid: u16) {
		let hotkeys = Hotkeys::<T>::take(netuid);
		let blocks = RegistrationBlocks::<T>::take(netuid);
		for (uid, (hotkey, block)) in hotkeys.into_iter().zip(blocks).enumerate() {
			Keys::<T>::insert(netuid, uid as u16, hotkey);
			RegisteredAt::<T>::insert(netuid, uid as u16, block);
		}
		StorageVersion::new(0).put::<Pallet<T>>();
	}
}

/// Version 1 → 2: each subnet's registration block is kept ([`NetworkRegisteredAt`]): root
/// consensus ignores root weights set before a subnet was registered, and subnet pruning
/// counts network immunity from it. The chain did not record it before, so the subnets that
/// exist at the upgrade are given the upgrade's block (at most 1024 writes, one block).
///
/// [`NetworkRegisteredAt`]: crate::NetworkRegisteredAt
pub mod v2 {
	use crate::{Config, NetworkRegisteredAt, Pallet, SubnetOwner};
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};

	/// Gives every existing subnet the current block as its registration block.
	pub struct RecordRegistrationBlocks<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RecordRegistrationBlocks<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let mut subnets = 0u64;
			for netuid in SubnetOwner::<T>::iter_keys() {
				NetworkRegisteredAt::<T>::insert(netuid, now);
				subnets += 1;
			}
			T::DbWeight::get().reads_writes(subnets + 1, subnets)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			ensure!(
				NetworkRegisteredAt::<T>::iter_keys().next().is_none(),
				"registration blocks exist before version 2"
			);
			Ok(SubnetOwner::<T>::iter_keys().collect::<Vec<u16>>().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before =
				Vec::<u16>::decode(&mut &state[..]).map_err(|_| "undecodable pre_upgrade state")?;
			let now = frame_system::Pallet::<T>::block_number();
			for netuid in &before {
				ensure!(
					NetworkRegisteredAt::<T>::get(netuid) == Some(now),
					"a subnet without its registration block"
				);
			}
			ensure!(
				NetworkRegisteredAt::<T>::iter_keys().count() == before.len(),
				"a registration block for a netuid that does not exist"
			);
			ensure!(Pallet::<T>::on_chain_storage_version() == 2, "Subnets is not on version 2");
			Ok(())
		}
	}

	/// Version 1 → 2 in one block.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		RecordRegistrationBlocks<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2 → 3: a subnet's coldkeys and endpoints are kept in pages of 64 uids
/// ([`NeuronPages`]) instead of a read of [`HotkeyOwner`] and one of `Axons` per uid, so the
/// metagraph reads a subnet of 4096 neurons' coldkeys and endpoints in 64 reads, not 8192.
///
/// Two halves, like [`v1`]:
/// - [`MigrateToV3`], a single-block migration, sets the storage version to 3: the code of
///   version 3 reads both layouts, a page not written yet being put together from `Axons`
///   and [`HotkeyOwner`] ([`old_page`]), so the state reads the same at every block.
/// - [`MigrateV2ToV3`], a multi-block migration, writes the pages subnet by subnet (in the
///   storage order of `SubnetworkN`), page by page, as many as each step's weight allows,
///   taking their endpoints out of `Axons`; its cursor is the next `(netuid, page)`. No extrinsic is applied while
///   it runs (`pallet-migrations`).
///
/// [`NeuronPages`]: crate::NeuronPages
/// [`HotkeyOwner`]: crate::HotkeyOwner
pub mod v3 {
	use super::BumpVersion;
	use crate::{
		pages::{page_of, pages_for},
		AxonInfo, Config, Dissolving, HotkeyOwner, NeuronEntry, NeuronPage, NeuronPages, Pallet,
		SubnetOwner, SubnetworkN, WeightInfo, NEURON_PAGE,
	};
	use alloc::vec::Vec;
	use frame_support::{
		migrations::{MigrationId, SteppedMigration, SteppedMigrationError, VersionedMigration},
		pallet_prelude::*,
		storage_alias,
		weights::WeightMeter,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// Version 2's endpoint of each `(netuid, uid)`.
	#[storage_alias]
	pub type Axons<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		u16,
		Twox64Concat,
		u16,
		AxonInfo<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Page `page` of `netuid` as version 2 holds it: the owner of each hotkey of its uids
	/// (`hotkeys` are the subnet's, by uid) and their endpoints in `Axons`.
	pub fn old_page<T: Config>(
		netuid: u16,
		page: u16,
		hotkeys: &[T::AccountId],
	) -> NeuronPage<T::AccountId, BlockNumberFor<T>> {
		let first = usize::from(page) * usize::from(NEURON_PAGE);
		let entries = hotkeys.iter().enumerate().skip(first).take(usize::from(NEURON_PAGE)).map(
			|(uid, hotkey)| NeuronEntry {
				coldkey: HotkeyOwner::<T>::get(hotkey).unwrap_or_else(|| hotkey.clone()),
				axon: Axons::<T>::get(netuid, uid as u16),
			},
		);
		BoundedVec::truncate_from(entries.collect::<Vec<_>>())
	}

	/// Write page `page` of `netuid` from the old layout, taking its endpoints out of `Axons`.
	pub fn migrate_page<T: Config>(netuid: u16, page: u16) {
		let hotkeys = Pallet::<T>::hotkeys(netuid);
		let entries = old_page::<T>(netuid, page, &hotkeys);
		let first = page.saturating_mul(NEURON_PAGE);
		for uid in first..first.saturating_add(entries.len() as u16) {
			Axons::<T>::remove(netuid, uid);
		}
		NeuronPages::<T>::insert(netuid, page, entries);
	}

	/// Remove at most `limit` old `Axons` of the dissolved `netuid`; how many (fewer: none
	/// left). (A subnet dissolved before the migration reached it.)
	pub fn clear_old_axons<T: Config>(netuid: u16, limit: u32) -> u32 {
		let result = Axons::<T>::clear_prefix(netuid, limit, None);
		myelin_doors::cleared(limit, result.maybe_cursor.is_some(), result.unique)
	}

	/// Whether every old endpoint lies where the pages expect one not moved yet: at a uid
	/// below `n` of an existing subnet whose page is not written, or on a dissolving netuid.
	/// (Checked by `try_state`.)
	pub fn old_layout_is_consistent<T: Config>() -> bool {
		Axons::<T>::iter_keys().all(|(netuid, uid)| {
			Dissolving::<T>::contains_key(netuid)
				|| (SubnetOwner::<T>::contains_key(netuid)
					&& uid < SubnetworkN::<T>::get(netuid)
					&& NeuronPages::<T>::decode_len(netuid, page_of(uid).0).unwrap_or(0) == 0)
		})
	}

	/// Version 2 → 3 in one block: the version only; [`MigrateV2ToV3`] writes the pages.
	pub type MigrateToV3<T> =
		VersionedMigration<2, 3, BumpVersion<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

	/// The multi-block half (see the [module](self)). Its cursor is the next `(netuid, page)`.
	pub struct MigrateV2ToV3<T>(core::marker::PhantomData<T>);

	impl<T: Config> SteppedMigration for MigrateV2ToV3<T> {
		type Cursor = (u16, u16);
		type Identifier = MigrationId<13>;

		fn id() -> Self::Identifier {
			MigrationId { pallet_id: *b"subnets-pages", version_from: 2, version_to: 3 }
		}

		fn step(
			cursor: Option<Self::Cursor>,
			meter: &mut WeightMeter,
		) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
			// Subnets in storage order (`SubnetworkN`'s keys), each from page 0: every move
			// costs a read (the next key, a subnet's `n`, whether a page is written), and a
			// page its benchmarked weight.
			let read = T::DbWeight::get().reads(1);
			let page_cost = T::WeightInfo::migrate_v3_page().saturating_add(read);
			let least = read.saturating_mul(2).saturating_add(page_cost);
			if !meter.can_consume(least) {
				return Err(SteppedMigrationError::InsufficientWeight { required: least });
			}
			let mut at = match cursor {
				Some(at) => Some(at),
				None => {
					meter.consume(read);
					SubnetworkN::<T>::iter_keys().next().map(|netuid| (netuid, 0))
				},
			};
			while let Some((netuid, page)) = at {
				if !meter.can_consume(read) {
					return Ok(Some((netuid, page)));
				}
				meter.consume(read);
				if page < pages_for(SubnetworkN::<T>::get(netuid)) {
					if !meter.can_consume(page_cost) {
						return Ok(Some((netuid, page)));
					}
					meter.consume(read);
					if NeuronPages::<T>::decode_len(netuid, page).unwrap_or(0) == 0 {
						migrate_page::<T>(netuid, page);
						meter.consume(T::WeightInfo::migrate_v3_page());
					}
					at = Some((netuid, page + 1));
				} else {
					if !meter.can_consume(read) {
						return Ok(Some((netuid, page)));
					}
					meter.consume(read);
					let after = SubnetworkN::<T>::hashed_key_for(netuid);
					at = SubnetworkN::<T>::iter_keys_from(after).next().map(|next| (next, 0));
				}
			}
			// What is left in the old layout belongs to dissolved subnets, which `on_idle`
			// clears with the rest of their values.
			Ok(None)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(neurons::<T>().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			ensure!(Pallet::<T>::on_chain_storage_version() >= 3, "Subnets is not on version 3");
			ensure!(
				Axons::<T>::iter_keys().all(|(netuid, _)| Dissolving::<T>::contains_key(netuid)),
				"endpoints left in the old layout"
			);
			let before = Vec::<SubnetNeurons<T>>::decode(&mut &state[..])
				.map_err(|_| "undecodable pre_upgrade state")?;
			for (netuid, entries) in before {
				let pages = pages_for(entries.len() as u16);
				let stored: Vec<_> = (0..pages)
					.flat_map(|p| NeuronPages::<T>::get(netuid, p).into_inner())
					.collect();
				ensure!(stored == entries, "a subnet's coldkeys or endpoints differ");
			}
			Ok(())
		}
	}

	/// A subnet's entries by uid, as the pallet reads them.
	#[cfg(feature = "try-runtime")]
	type SubnetNeurons<T> =
		(u16, Vec<NeuronEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>>);

	/// Every subnet's entries as the pallet reads them (both layouts).
	#[cfg(feature = "try-runtime")]
	fn neurons<T: Config>() -> Vec<SubnetNeurons<T>> {
		SubnetworkN::<T>::iter()
			.map(|(netuid, n)| {
				let entries = (0..pages_for(n))
					.flat_map(|p| Pallet::<T>::neuron_page(netuid, p).into_inner());
				(netuid, entries.collect())
			})
			.collect()
	}

	/// Test and benchmark setup: put `netuid`'s endpoints back into the old layout, drop its
	/// pages, and the pallet on version 2, as a chain on the last release holds them.
	#[cfg(any(feature = "runtime-benchmarks", feature = "std"))]
	pub fn to_old_layout<T: Config>(netuid: u16) {
		for (page, entries) in NeuronPages::<T>::drain_prefix(netuid) {
			let first = page.saturating_mul(NEURON_PAGE);
			for (k, entry) in entries.into_iter().enumerate() {
				if let Some(axon) = entry.axon {
					Axons::<T>::insert(netuid, first + k as u16, axon);
				}
			}
		}
		StorageVersion::new(2).put::<Pallet<T>>();
	}
}
