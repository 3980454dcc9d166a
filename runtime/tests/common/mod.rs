//! Genesis state for runtime tests, built the way the node's chain-spec builder builds it.

use frame_support::traits::Hooks;
use myelin_runtime::{BuildStorage, Runtime, RuntimeGenesisConfig};
use serde_json::Value;

/// Applies a genesis patch on top of the default config, as the node's chain-spec builder does.
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

/// The storage of the default genesis config with `patch` applied.
pub fn externalities(patch: Value) -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().unwrap().into()
}

/// Advance to `block`, running Yuma's `on_initialize` (emission, epochs) and `on_idle` (owed
/// payouts) in every block.
#[allow(dead_code)] // not every test file advances blocks
pub fn run_to(block: u32) {
	let now = frame_system::Pallet::<Runtime>::block_number();
	for n in now + 1..=block {
		frame_system::Pallet::<Runtime>::set_block_number(n);
		pallet_yuma::Pallet::<Runtime>::on_initialize(n);
		pallet_yuma::Pallet::<Runtime>::on_idle(n, frame_support::weights::Weight::MAX);
	}
}
