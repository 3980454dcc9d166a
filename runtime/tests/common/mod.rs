//! Genesis state for runtime tests, built the way the node's chain-spec builder builds it.

use frame_support::traits::Hooks;
use myelin_runtime::Runtime;
use serde_json::Value;

/// The storage of the default genesis config with `patch` applied, as the node builds it.
pub fn externalities(patch: Value) -> sp_io::TestExternalities {
	myelin_runtime::genesis_config_presets::genesis_storage(patch).into()
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
