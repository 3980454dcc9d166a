//! Genesis presets: `development` (what `myelin-node --dev` runs) and `local_testnet`
//! (`--chain local`, the base of the zombienet networks).

use crate::{
	AccountId, BalancesConfig, BlockTimeConfig, RuntimeGenesisConfig, SubnetsConfig, SudoConfig,
	DEFAULT_SLOT_DURATION_MS, DEV_SLOT_DURATION_MS, MYL,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What every endowed development account starts with: 1,000,000 MYL.
pub const ENDOWMENT: u128 = 1_000_000 * MYL;

/// The well-known development accounts Alice…Ferdie.
fn dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// The Aura and GRANDPA keys of a development authority.
fn authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// What differs between the chains besides authorities: block time and subnet economics.
struct ChainParams {
	slot_duration_ms: u64,
	/// The lowest subnet lock (`register_network`).
	network_min_lock: u128,
	/// The tempo of new subnets.
	default_tempo: u16,
}

/// A genesis patch: authorities, endowments, sudo key and chain parameters.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	sudo: AccountId,
	params: ChainParams,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		block_time: BlockTimeConfig { slot_duration: params.slot_duration_ms },
		subnets: SubnetsConfig {
			network_min_lock: params.network_min_lock,
			default_tempo: params.default_tempo,
		},
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|a| a.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities.iter().map(|a| (a.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(sudo) },
	})
}

/// `development`: Alice is the only authority and sudo; 250 ms blocks; subnets lock 1 MYL
/// and run an epoch every 10 blocks.
pub fn development() -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		ChainParams {
			slot_duration_ms: DEV_SLOT_DURATION_MS,
			network_min_lock: MYL,
			default_tempo: 10,
		},
	)
}

/// `local_testnet`: Alice and Bob are authorities, Alice is sudo; 6 s blocks; the spec's
/// subnet defaults (100 MYL minimum lock, tempo 360).
pub fn local_testnet() -> Value {
	genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		ChainParams {
			slot_duration_ms: DEFAULT_SLOT_DURATION_MS,
			network_min_lock: 100 * MYL,
			default_tempo: 360,
		},
	)
}

/// The JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	Some(serde_json::to_vec(&patch).expect("a serde_json::Value always serializes; qed"))
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
