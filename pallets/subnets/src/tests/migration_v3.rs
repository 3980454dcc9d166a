//! The migration to storage version 3 (`migrations::v3`): per-uid endpoints and the owners of
//! the hotkeys become pages of 64 uids, written over as many steps as the weight allows, with
//! the same neurons read at every step.

use super::*;
use crate::migrations::v3::{self, MigrateToV3, MigrateV2ToV3};
use frame_support::{
	assert_ok,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::{Weight, WeightMeter},
};

/// A subnet's coldkeys and endpoints by uid, as the pallet reads them.
type Entries = Vec<(AccountId, Option<Vec<u8>>)>;

/// Three subnets of 1, 5 and 300 neurons, some serving endpoints, put back into the version 2
/// layout; what they read before.
fn old_chain() -> Vec<(u16, Entries)> {
	let mut subnets = Vec::new();
	for netuid in three_subnets() {
		let n = SubnetworkN::<Test>::get(netuid);
		for uid in (0..n).step_by(3) {
			let url = AxonUrl::try_from(format!("http://10.0.0.{uid}:80").into_bytes()).unwrap();
			Subnets::put_axon(netuid, uid, AxonInfo { url, block: 7 });
		}
		subnets.push((netuid, Subnets::coldkeys_and_axons(netuid)));
	}
	for (netuid, _) in &subnets {
		v3::to_old_layout::<Test>(*netuid);
		assert_eq!(NeuronPages::<Test>::iter_prefix(netuid).count(), 0);
	}
	assert_eq!(Subnets::on_chain_storage_version(), StorageVersion::new(2));
	assert_ok!(Subnets::do_try_state());
	// The single-block half: version 3, nothing moved.
	MigrateToV3::<Test>::on_runtime_upgrade();
	assert_eq!(Subnets::on_chain_storage_version(), StorageVersion::new(3));
	subnets
}

#[test]
fn writes_every_page_over_steps_and_reads_the_same_in_between() {
	test(|| {
		let before = old_chain();
		for (netuid, entries) in &before {
			assert_eq!(Subnets::coldkeys_and_axons(*netuid), *entries);
			assert_eq!(entries[0].0, ALICE);
			assert!(entries.iter().skip(1).all(|(coldkey, _)| *coldkey == BOB));
		}
		// Room for two pages a step, with the netuid probes.
		let probe: Weight = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(1);
		let page = <() as WeightInfo>::migrate_v3_page().saturating_add(probe);
		let limit = page.saturating_mul(2).saturating_add(probe.saturating_mul(4));
		let steps = step_to_the_end::<MigrateV2ToV3<Test>>(limit, || {
			for (netuid, entries) in &before {
				assert_eq!(Subnets::coldkeys_and_axons(*netuid), *entries);
				for (uid, (_, url)) in entries.iter().enumerate() {
					let served = Subnets::neuron_entry(*netuid, uid as u16).unwrap().axon;
					assert_eq!(served.map(|axon| axon.url.into_inner()), *url);
				}
			}
		});
		// 1 + 1 + 5 pages, two a step: three steps go on, the fourth finishes.
		assert_eq!(steps, 3);
		assert_eq!(v3::Axons::<Test>::iter_keys().count(), 0);
		for (netuid, entries) in &before {
			let pages = NeuronPages::<Test>::iter_prefix(netuid).count();
			assert_eq!(pages, entries.len().div_ceil(64));
			assert_eq!(Subnets::coldkeys_and_axons(*netuid), *entries);
		}
	});
}

#[test]
fn serving_after_the_migration_is_rate_limited_by_the_migrated_block() {
	test(|| {
		let before = old_chain();
		let mut meter = WeightMeter::new();
		let mut cursor = None;
		while let Some(next) = MigrateV2ToV3::<Test>::step(cursor, &mut meter).unwrap() {
			cursor = Some(next);
		}
		let (netuid, _) = before[2];
		// Uid 3 served at block 7; the limit counts from there.
		let uid3 = Subnets::neuron_entry(netuid, 3).unwrap().axon.unwrap();
		assert_eq!(uid3.block, 7);
	});
}

#[test]
fn asks_for_more_weight_than_a_step_without_room_for_one_page() {
	test(|| {
		old_chain();
		let mut meter = WeightMeter::with_limit(Weight::from_parts(1, 0));
		assert!(matches!(
			MigrateV2ToV3::<Test>::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { .. })
		));
	});
}
