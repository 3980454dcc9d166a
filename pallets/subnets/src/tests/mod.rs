//! Tests of the subnets pallet, split by concern. Every test ends with
//! `Subnets::do_try_state()` (through `mock::test` / `ExtBuilder::build_and_execute`).

use crate::{mock::*, *};

mod axon;
mod dissolve;
mod hyperparameters;
mod interface;
mod migration;
mod migration_v3;
mod neurons;
mod prices;
mod pruning;
mod registration;

/// Assert that no storage item of the pallet holds anything for `netuid`, by iterating every
/// netuid-keyed map.
pub fn assert_no_storage_of(netuid: u16) {
	assert!(SubnetOwner::<Test>::iter_keys().all(|n| n != netuid), "SubnetOwner");
	assert!(SubnetOwnerHotkey::<Test>::iter_keys().all(|n| n != netuid), "SubnetOwnerHotkey");
	assert!(SubnetLocked::<Test>::iter_keys().all(|n| n != netuid), "SubnetLocked");
	assert!(Hyperparams::<Test>::iter_keys().all(|n| n != netuid), "Hyperparams");
	assert!(BurnPrice::<Test>::iter_keys().all(|n| n != netuid), "BurnPrice");
	assert!(SubnetworkN::<Test>::iter_keys().all(|n| n != netuid), "SubnetworkN");
	assert!(Hotkeys::<Test>::iter_keys().all(|n| n != netuid), "Hotkeys");
	assert!(Uids::<Test>::iter_keys().all(|(n, _)| n != netuid), "Uids");
	assert!(RegistrationBlocks::<Test>::iter_keys().all(|n| n != netuid), "RegistrationBlocks");
	assert!(NeuronPages::<Test>::iter_keys().all(|(n, _)| n != netuid), "NeuronPages");
	assert!(!Dissolving::<Test>::contains_key(netuid), "Dissolving");
}

/// The endpoint `uid` of `netuid` serves, with its block.
pub fn axon_of(netuid: u16, uid: u16) -> Option<AxonInfo<u64>> {
	Subnets::neuron_entry(netuid, uid).and_then(|entry| entry.axon)
}

/// Move to the next block (its `on_idle` clears what dissolved subnets left).
pub fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// Assert that `hotkey` holds no uid, registration block or axon on `netuid` anywhere.
pub fn assert_hotkey_gone(netuid: u16, hotkey: AccountId) {
	assert_eq!(Uids::<Test>::get(netuid, hotkey), None);
	assert!(!Hotkeys::<Test>::get(netuid).contains(&hotkey));
}

/// The hotkey of `uid` on `netuid`, from its column.
pub fn hotkey_at(netuid: u16, uid: u16) -> Option<AccountId> {
	Hotkeys::<Test>::get(netuid).get(usize::from(uid)).copied()
}

/// The registration block of `uid` on `netuid`, from its column.
pub fn registered_at(netuid: u16, uid: u16) -> Option<u64> {
	RegistrationBlocks::<Test>::get(netuid).get(usize::from(uid)).copied()
}

/// The held balance of `who` under `HoldReason::SubnetLock`.
pub fn held(who: AccountId) -> Balance {
	Subnets::held_for_locks(&who)
}

/// The hyperparameters of `netuid`.
pub fn params(netuid: u16) -> SubnetHyperparams<Balance> {
	Hyperparams::<Test>::get(netuid).expect("subnet exists")
}

/// Run the stepped migration `M` to its end, a step at a time within `limit`, checking after
/// each step that it stayed within `limit`, that `between` holds and that `try_state` passes.
/// Returns how many steps ended with more to do.
pub fn step_to_the_end<M: frame_support::migrations::SteppedMigration>(
	limit: frame_support::weights::Weight,
	mut between: impl FnMut(),
) -> usize {
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let mut meter = frame_support::weights::WeightMeter::with_limit(limit);
		match M::step(cursor, &mut meter).expect("a step") {
			Some(next) => cursor = Some(next),
			None => break,
		}
		assert!(meter.consumed().all_lte(limit));
		steps += 1;
		between();
		frame_support::assert_ok!(Subnets::do_try_state());
	}
	steps
}

/// Three subnets of 1, 5 and 300 neurons, subnet `k` registered at block `10 + k` by an owner
/// hotkey `1000 + k` and given its other neurons (owned by Bob) at block `20 + k`, with room for
/// 1000: what the migration tests put back into an old layout. Their netuids.
pub fn three_subnets() -> Vec<u16> {
	let mut netuids = Vec::new();
	for (index, size) in [1u64, 5, 300].into_iter().enumerate() {
		run_to_block(10 + index as u64);
		let owner = 1000 + index as u64;
		let netuid = register_subnet(ALICE, owner);
		root_set(netuid, Hyperparameter::MaxAllowedUids(1000));
		let hotkeys: Vec<AccountId> = (1..size).map(|i| owner * 10_000 + i).collect();
		for hotkey in &hotkeys {
			Subnets::take_hotkey(hotkey, &BOB);
		}
		run_to_block(20 + index as u64);
		Subnets::append_neurons(netuid, &hotkeys, 20 + index as u64);
		netuids.push(netuid);
	}
	netuids
}
