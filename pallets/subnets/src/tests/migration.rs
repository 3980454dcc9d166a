//! The migration to storage version 1 (`migrations::v1`): per-uid hotkeys and registration
//! blocks become one column per subnet, moved over as many steps as the weight allows, with
//! the same state read at every step.

use super::*;
use crate::migrations::v1::{self, MigrateToV1, MigrateV0ToV1};
use frame_support::{
	assert_ok,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// Three subnets of 1, 5 and 300 neurons registered at different blocks, put back into the
/// version 0 layout; their `(hotkey, registration block)` columns as they were.
fn old_chain() -> Vec<(u16, Vec<(AccountId, u64)>)> {
	let subnets: Vec<_> = three_subnets()
		.into_iter()
		.map(|netuid| {
			let column = Hotkeys::<Test>::get(netuid)
				.into_iter()
				.zip(RegistrationBlocks::<Test>::get(netuid))
				.collect();
			(netuid, column)
		})
		.collect();
	for (netuid, _) in &subnets {
		v1::to_old_layout::<Test>(*netuid);
	}
	assert_eq!(Subnets::on_chain_storage_version(), StorageVersion::new(0));
	assert_ok!(Subnets::do_try_state());
	// The single-block half: version 1, nothing moved.
	MigrateToV1::<Test>::on_runtime_upgrade();
	assert_eq!(Subnets::on_chain_storage_version(), StorageVersion::new(1));
	subnets
}

/// What the pallet reads for `netuid` now, through its door.
fn read(netuid: u16) -> Vec<(AccountId, u64)> {
	let snapshot = <Subnets as SubnetsInterface<_, _>>::epoch_snapshot(netuid).unwrap();
	snapshot.hotkeys.into_iter().zip(snapshot.registered_at).collect()
}

#[test]
fn moves_every_subnet_over_steps_and_reads_the_same_in_between() {
	test(|| {
		let before = old_chain();
		for (netuid, column) in &before {
			assert_eq!(read(*netuid), *column);
		}
		// Room for about 40 uids a step.
		let limit = <() as WeightInfo>::migrate_v1_step(0, 40);
		// Between steps: the same neurons, and the invariants hold.
		let steps = step_to_the_end::<MigrateV0ToV1<Test>>(limit, || {
			for (netuid, column) in &before {
				assert_eq!(read(*netuid), *column);
				for (uid, (hotkey, block)) in column.iter().enumerate() {
					let uid = uid as u16;
					assert_eq!(Subnets::hotkey_at(*netuid, uid), Some(*hotkey));
					assert_eq!(Subnets::registered_block(*netuid, uid), Some(*block));
				}
			}
		});
		assert!(steps >= 2, "{steps} steps");
		assert!(v1::old_layout_is_empty::<Test>());
		for (netuid, column) in &before {
			let stored: Vec<(AccountId, u64)> = Hotkeys::<Test>::get(netuid)
				.into_iter()
				.zip(RegistrationBlocks::<Test>::get(netuid))
				.collect();
			assert_eq!(stored, *column);
		}
	});
}

#[test]
fn does_nothing_when_nothing_is_left_to_move() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		let column = Hotkeys::<Test>::get(netuid);
		let mut meter = WeightMeter::new();
		assert_eq!(MigrateV0ToV1::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(Hotkeys::<Test>::get(netuid), column);
	});
}

#[test]
fn asks_for_more_weight_than_a_step_without_room_for_one_uid() {
	test(|| {
		old_chain();
		let mut meter = WeightMeter::with_limit(Weight::from_parts(1, 0));
		assert!(matches!(
			MigrateV0ToV1::<Test>::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { .. })
		));
		assert!(!v1::old_layout_is_empty::<Test>());
	});
}

/// Version 1 → 2: the subnets of a chain that did not record their registration block get
/// the upgrade's block; a second run changes nothing.
#[test]
fn v2_records_the_upgrade_block_for_existing_subnets() {
	use crate::migrations::v2::MigrateToV2;
	use crate::NetworkRegisteredAt;
	test(|| {
		let a = register_subnet(ALICE, 1000);
		run_to_block(5);
		let b = register_subnet(ALICE, 1001);
		assert_eq!(NetworkRegisteredAt::<Test>::get(a), Some(1));
		assert_eq!(NetworkRegisteredAt::<Test>::get(b), Some(5));
		// As a chain on version 1 holds them: no registration blocks.
		let _ = NetworkRegisteredAt::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Subnets>();
		run_to_block(9);
		MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Subnets::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(NetworkRegisteredAt::<Test>::get(a), Some(9));
		assert_eq!(NetworkRegisteredAt::<Test>::get(b), Some(9));
		run_to_block(12);
		MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(NetworkRegisteredAt::<Test>::get(a), Some(9));
	});
}
