//! The built-in chain specifications: `dev`, `local` and `stress`.
//!
//! All are built from the same Wasm runtime and differ only in the genesis preset they
//! select (`development`, `local_testnet` or `stress`); the preset sets the slot duration.

use myelin_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// A Myelin chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the Wasm runtime was not built (was SKIP_WASM_BUILD set?); rebuild without it".into()
	})
}

/// Token symbol, decimals and SS58 prefix, shown by polkadot.js and other wallets.
fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	p.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	p.insert("ss58Format".into(), SS58_PREFIX.into());
	p
}

/// A spec of this runtime named `name` (`id`) whose genesis is the runtime's preset `preset`.
fn from_preset(name: &str, id: &str, kind: ChainType, preset: &str) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(kind)
		.with_properties(properties())
		.with_genesis_config_preset_name(preset)
		.build())
}

/// `--dev`: one authority (Alice), 250 ms blocks.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Myelin Development",
		"myelin_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: Alice and Bob authorities, 6 s blocks.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Myelin Local Testnet",
		"myelin_local_testnet",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `--chain stress` (with `--dev`): the development chain whose genesis holds subnet 1 with
/// 4096 neurons, 256 staked validators weighting every uid, and tempo 20.
pub fn stress() -> Result<ChainSpec, String> {
	from_preset(
		"Myelin Stress",
		"myelin_stress",
		ChainType::Development,
		myelin_runtime::genesis_config_presets::STRESS_PRESET,
	)
}
