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
