//! Genesis presets: `development` (what `myelin-node --dev` runs), `local_testnet`
//! (`--chain local`, the base of the zombienet networks) and `stress` (`--chain stress`: the
//! development chain with one full 4096-uid subnet).

use crate::{
	AccountId, BalancesConfig, BlockTimeConfig, RootConfig, RuntimeGenesisConfig, StakingConfig,
	SubnetsConfig, SudoConfig, DEFAULT_SLOT_DURATION_MS, DEV_SLOT_DURATION_MS, MYL,
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
	/// Blocks between two root epochs.
	root_tempo: u16,
	/// Blocks after its registration during which a subnet cannot be pruned.
	network_immunity_period: u32,
	/// Blocks stake added to a hotkey warms up (two tempos).
	stake_warmup: u32,
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
			network_immunity_period: params.network_immunity_period,
		},
		root: RootConfig { tempo: Some(params.root_tempo) },
		staking: StakingConfig { stake_warmup: params.stake_warmup },
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
/// and run an epoch every 10 blocks, as does root consensus.
pub fn development() -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		ChainParams {
			slot_duration_ms: DEV_SLOT_DURATION_MS,
			network_min_lock: MYL,
			default_tempo: 10,
			root_tempo: 10,
			network_immunity_period: 100,
			stake_warmup: 20,
		},
	)
}

/// `local_testnet`: Alice and Bob are authorities, Alice is sudo; 6 s blocks; the spec's
/// subnet defaults (100 MYL minimum lock, tempo 360; a root epoch every 360 blocks).
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
			root_tempo: 360,
			network_immunity_period: 100_800,
			stake_warmup: 720,
		},
	)
}

/// The name of the stress preset.
pub const STRESS_PRESET: &str = "stress";
/// Neurons of the stress chain's subnet 1 (every uid `MAX_UIDS` allows).
pub const STRESS_NEURONS: u16 = myelin_doors::MAX_UIDS;
/// Staked validators of the stress chain's subnet 1: uids `0..256`, each weighting every uid.
pub const STRESS_VALIDATORS: u16 = 256;
/// The tempo of the stress chain's subnet 1.
pub const STRESS_TEMPO: u16 = 20;

/// Hotkey `uid` of the stress chain: a generated account nobody holds the key of (its rows
/// come from genesis, so it never signs).
pub fn stress_hotkey(uid: u16) -> AccountId {
	let seed = [b"myelin/stress/hotkey".as_slice(), &uid.to_le_bytes()].concat();
	AccountId::from(<sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(&seed).0)
}

/// The weight validator `v` of the stress chain gives uid `j`: spread over 1..=65535.
pub fn stress_weight(v: u16, j: u16) -> u16 {
	(1 + (u32::from(v) * 7919 + u32::from(j) * 104_729) % 65_535) as u16
}

/// `stress`: the development chain (Alice, 250 ms blocks) whose genesis holds subnet 1 with
/// 4096 neurons and tempo 20. Uids 0..256 are validators: uid 0 is the owner hotkey (Alice,
/// 1000 MYL staked), uids 1..256 belong to Bob (1000 + uid MYL staked each); uids 256..4096
/// are miners of Charlie. Every validator weights every uid (rows set after registration),
/// so every epoch is the full 4096 × 256 one.
pub fn stress() -> Vec<u8> {
	let (alice, bob, charlie) = (
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::Bob.to_account_id(),
		Sr25519Keyring::Charlie.to_account_id(),
	);
	let coldkey = |uid: u16| match uid {
		0 => alice.clone(),
		uid if uid < STRESS_VALIDATORS => bob.clone(),
		_ => charlie.clone(),
	};
	let subnet = pallet_subnets::GenesisSubnet {
		owner: alice.clone(),
		neurons: (0..STRESS_NEURONS).map(|uid| (coldkey(uid), stress_hotkey(uid))).collect(),
		tempo: Some(STRESS_TEMPO),
		max_allowed_uids: Some(STRESS_NEURONS),
		max_allowed_validators: Some(STRESS_VALIDATORS),
	};
	let stakes: Vec<(AccountId, AccountId, u128)> = (0..STRESS_VALIDATORS)
		.map(|uid| (coldkey(uid), stress_hotkey(uid), (1000 + u128::from(uid)) * MYL))
		.collect();
	let mut base = development();
	base["subnets"]["subnets"] = serde_json::json!([subnet]);
	base["staking"]["stakes"] = serde_json::json!(stakes);
	let rows: Vec<(u16, u16, pallet_weights::GenesisRow)> = (0..STRESS_VALIDATORS)
		.map(|v| {
			let row: Vec<(u16, u16)> =
				(0..STRESS_NEURONS).map(|j| (j, stress_weight(v, j))).collect();
			(1, v, pallet_weights::GenesisRow::scale(&row))
		})
		.collect();
	base["weights"] = serde_json::json!({ "rows": rows });
	serde_json::to_vec(&base).expect("a serde_json::Value always serializes; qed")
}

/// The JSON patch of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		STRESS_PRESET => return Some(stress()),
		_ => return None,
	};
	Some(serde_json::to_vec(&patch).expect("a serde_json::Value always serializes; qed"))
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(STRESS_PRESET),
	]
}

/// The genesis storage of the default config with `patch` applied, merged as the node's
/// chain-spec builder merges a preset (objects key by key, anything else replaced). For
/// native tests and tools (the runtime tests, the fuzzer).
#[cfg(feature = "std")]
pub fn genesis_storage(patch: Value) -> sp_core::storage::Storage {
	use sp_runtime::BuildStorage;
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (k, v) in patch {
					merge(base.entry(k).or_insert(Value::Null), v);
				}
			},
			(base, patch) => *base = patch,
		}
	}
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.expect("the default config serializes; qed");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).unwrap_or_else(|e| panic!("genesis config: {e}"));
	config.build_storage().unwrap_or_else(|e| panic!("genesis storage: {e}"))
}
