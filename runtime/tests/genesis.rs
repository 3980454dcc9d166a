//! The genesis presets build a valid state: authorities, endowments, sudo, slot duration.

mod common;

use common::externalities;

use frame_support::traits::{fungible::Inspect, Get};
use myelin_runtime::{
	genesis_config_presets::{self, ENDOWMENT},
	AccountId, Balances, Runtime, EXISTENTIAL_DEPOSIT, MYL,
};
use serde_json::Value;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

fn dev_accounts() -> Vec<AccountId> {
	use Sr25519Keyring::*;
	[Alice, Bob, Charlie, Dave, Eve, Ferdie].iter().map(|k| k.to_account_id()).collect()
}

#[test]
fn presets_are_listed_and_served() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![
			PresetId::from(DEV_RUNTIME_PRESET),
			PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
			PresetId::from(genesis_config_presets::STRESS_PRESET),
		]
	);
	for name in &names {
		let bytes = genesis_config_presets::get_preset(name).expect("listed preset exists");
		let _: Value = serde_json::from_slice(&bytes).expect("preset is JSON");
	}
	assert!(genesis_config_presets::get_preset(&PresetId::from("mainnet")).is_none());
}

#[test]
fn development_runs_250ms_slots_with_alice() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), 250);
		assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 125);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_runs_6s_slots_with_alice_and_bob() {
	externalities(genesis_config_presets::local_testnet()).execute_with(|| {
		assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), 6_000);
		assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 3_000);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		assert_eq!(grandpa.len(), 2);
		assert!(grandpa.iter().all(|(_, weight)| *weight == 1));
	});
}

/// `(max_block, normal max_total, epoch budget, migration budget)` in milliseconds of
/// reference time, under the current genesis.
fn block_limits_ms() -> (u64, u64, u64, u64) {
	use frame_support::dispatch::DispatchClass;
	let ms = |w: frame_support::weights::Weight| w.ref_time() / 1_000_000_000;
	let weights = myelin_runtime::configs::RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal).max_total.unwrap();
	(
		ms(weights.max_block),
		ms(normal),
		ms(<Runtime as pallet_yuma::Config>::MaxEpochWeight::get()),
		ms(<Runtime as pallet_migrations::Config>::MaxServiceWeight::get()),
	)
}

#[test]
fn a_block_carries_half_its_slot_of_weight_and_at_most_2s() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		assert_eq!(block_limits_ms(), (125, 93, 106, 12));
	});
	externalities(genesis_config_presets::local_testnet()).execute_with(|| {
		assert_eq!(block_limits_ms(), (2_000, 1_500, 1_700, 200));
	});
	// 20 s slots: still 2 s.
	externalities(serde_json::json!({ "blockTime": { "slotDuration": 20_000 } })).execute_with(
		|| {
			assert_eq!(block_limits_ms().0, 2_000);
		},
	);
}

#[test]
fn a_genesis_without_slot_duration_uses_6s() {
	externalities(serde_json::json!({})).execute_with(|| {
		assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), 6_000);
	});
}

#[test]
#[should_panic(expected = "slotDuration must be an even number")]
fn an_odd_slot_duration_is_refused() {
	externalities(serde_json::json!({ "blockTime": { "slotDuration": 251 } }));
}

#[test]
fn alice_to_ferdie_hold_one_million_myl_each() {
	assert_eq!(ENDOWMENT, 1_000_000 * MYL);
	for patch in [genesis_config_presets::development(), genesis_config_presets::local_testnet()] {
		externalities(patch).execute_with(|| {
			for who in dev_accounts() {
				assert_eq!(Balances::balance(&who), ENDOWMENT);
			}
			// Plus the existential deposit that keeps the staking reward pot alive.
			assert_eq!(Balances::total_issuance(), 6 * ENDOWMENT + EXISTENTIAL_DEPOSIT);
		});
	}
}

#[test]
fn subnets_genesis_differs_per_chain() {
	use pallet_subnets::{DefaultTempo, NetworkMinLock};
	externalities(genesis_config_presets::development()).execute_with(|| {
		assert_eq!(NetworkMinLock::<Runtime>::get(), MYL);
		assert_eq!(DefaultTempo::<Runtime>::get(), 10);
		assert_eq!(pallet_subnets::Pallet::<Runtime>::network_lock_cost(), MYL);
		assert_eq!(pallet_subnets::Pallet::<Runtime>::do_try_state(), Ok(()));
	});
	externalities(genesis_config_presets::local_testnet()).execute_with(|| {
		assert_eq!(NetworkMinLock::<Runtime>::get(), 100 * MYL);
		assert_eq!(DefaultTempo::<Runtime>::get(), 360);
	});
}

#[test]
fn staking_starts_with_its_reward_pot_and_default_take_rate_limit() {
	use pallet_myelin_staking::{Pallet as Staking, TakeRateLimit};
	for patch in [genesis_config_presets::development(), genesis_config_presets::local_testnet()] {
		externalities(patch).execute_with(|| {
			assert_eq!(Balances::balance(&Staking::<Runtime>::pot()), EXISTENTIAL_DEPOSIT);
			assert_eq!(TakeRateLimit::<Runtime>::get(), 216_000);
			assert_eq!(Staking::<Runtime>::do_try_state(), Ok(()));
		});
	}
}

#[test]
fn stress_holds_a_full_subnet_with_staked_validators_weighting_every_uid() {
	use genesis_config_presets::{stress_hotkey, stress_weight, STRESS_NEURONS, STRESS_VALIDATORS};
	let patch: Value = serde_json::from_slice(&genesis_config_presets::stress()).unwrap();
	externalities(patch).execute_with(|| {
		type Subnets = pallet_subnets::Pallet<Runtime>;
		assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), 250);
		assert_eq!(pallet_subnets::SubnetworkN::<Runtime>::get(1), STRESS_NEURONS);
		let params = pallet_subnets::Hyperparams::<Runtime>::get(1).unwrap();
		assert_eq!((params.tempo, params.max_allowed_validators), (20, STRESS_VALIDATORS));
		let hotkeys = pallet_subnets::Hotkeys::<Runtime>::get(1);
		assert_eq!((hotkeys.len(), &hotkeys[4095]), (4096, &stress_hotkey(4095)));
		assert_eq!(
			pallet_subnets::HotkeyOwner::<Runtime>::get(stress_hotkey(300)),
			Some(Sr25519Keyring::Charlie.to_account_id())
		);
		// 256 staked validators, each row full and set after registration.
		let staking = pallet_myelin_staking::Pallet::<Runtime>::total_stake_of;
		assert_eq!(staking(&stress_hotkey(255)), 1255 * MYL);
		assert_eq!(staking(&stress_hotkey(256)), 0);
		assert_eq!(pallet_weights::Entries::<Runtime>::get(1), 256 * 4096);
		let row = pallet_weights::Weights::<Runtime>::get(1, 7).unwrap();
		assert_eq!(row.len(), 4096);
		assert_eq!(row[100], (100, stress_weight(7, 100)));
		assert_eq!(pallet_weights::LastUpdate::<Runtime>::get(1, 7), Some(1));
		assert_eq!(pallet_subnets::RegistrationBlocks::<Runtime>::get(1)[7], 0);
		// Every invariant holds, and a genesis subnet holds no lock.
		assert_eq!(pallet_subnets::SubnetLocked::<Runtime>::get(1), Some(0));
		Subnets::do_try_state().unwrap();
		pallet_myelin_staking::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_weights::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_yuma::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_root::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
#[should_panic(expected = "owned by another coldkey")]
fn a_genesis_neuron_cannot_take_a_hotkey_another_coldkey_owns() {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let bob = Sr25519Keyring::Bob.to_account_id();
	let hk = Sr25519Keyring::Eve.to_account_id();
	externalities(serde_json::json!({ "subnets": { "subnets": [
		{ "owner": alice, "neurons": [[alice, hk]] },
		{ "owner": bob, "neurons": [[bob, hk]] },
	] } }));
}

#[test]
#[should_panic(expected = "must be sorted")]
fn a_genesis_row_must_be_sorted() {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let hk = Sr25519Keyring::Eve.to_account_id();
	let hk2 = Sr25519Keyring::Ferdie.to_account_id();
	externalities(serde_json::json!({
		"subnets": { "subnets": [{ "owner": alice, "neurons": [[alice, hk], [alice, hk2]] }] },
		"weights": { "rows": [[1, 0, [[1, 5], [0, 5]]]] },
	}));
}

#[test]
fn a_genesis_row_may_be_given_as_hex_scale() {
	let pairs = vec![(0u16, 9u16), (1, 65_535)];
	let row = pallet_weights::GenesisRow::scale(&pairs);
	assert_eq!(row.pairs(), Some(pairs));
	assert_eq!(pallet_weights::GenesisRow::Scale("0x0".into()).pairs(), None);
	assert_eq!(pallet_weights::GenesisRow::Scale("0xzz".into()).pairs(), None);
	assert_eq!(pallet_weights::GenesisRow::Scale("08".into()).pairs(), None);
}

#[test]
#[should_panic(expected = "staking genesis")]
fn a_genesis_stake_needs_a_hotkey_someone_owns() {
	let alice = Sr25519Keyring::Alice.to_account_id();
	let eve = Sr25519Keyring::Eve.to_account_id();
	externalities(serde_json::json!({ "staking": { "stakes": [[alice, eve, 10 * MYL]] } }));
}
