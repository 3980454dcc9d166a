//! Genesis state for runtime tests, built the way the node's chain-spec builder builds it.

use frame_support::traits::Hooks;
use myelin_runtime::Runtime;
use serde_json::Value;

/// The storage of the default genesis config with `patch` applied, as the node builds it.
#[allow(dead_code)] // not every test file builds a genesis
pub fn externalities(patch: Value) -> sp_io::TestExternalities {
	myelin_runtime::genesis_config_presets::genesis_storage(patch).into()
}

/// Advance to `block`, running Yuma's `on_initialize` (emission, epochs) and `on_idle` (owed
/// payouts) in every block, and after each the chain-wide money check
/// ([`assert_issuance_is_all_balances`]).
#[allow(dead_code)] // not every test file advances blocks
pub fn run_to(block: u32) {
	let now = frame_system::Pallet::<Runtime>::block_number();
	for n in now + 1..=block {
		frame_system::Pallet::<Runtime>::set_block_number(n);
		pallet_yuma::Pallet::<Runtime>::on_initialize(n);
		pallet_yuma::Pallet::<Runtime>::on_idle(n, frame_support::weights::Weight::MAX);
		assert_issuance_is_all_balances();
	}
}

/// The runtime's money invariant: the total issuance equals Σ (free + reserved) over all
/// accounts (holds are part of `reserved`). The fuzzer checks the same after every block.
#[allow(dead_code)] // not every test file advances blocks
pub fn assert_issuance_is_all_balances() {
	use frame_support::traits::fungible::Inspect;
	let all: u128 = frame_system::Account::<Runtime>::iter_values()
		.map(|account| account.data.free + account.data.reserved)
		.sum();
	let issuance =
		<myelin_runtime::Balances as Inspect<myelin_runtime::AccountId>>::total_issuance();
	assert_eq!(issuance, all, "total issuance differs from Σ (free + reserved)");
}

/// Run the multi-block migrations as blocks would (one `step` per block, with `try_state` of
/// every pallet after each) until they are done; the number of blocks. Under `try-runtime`,
/// `pallet-migrations` runs each migration's `pre_upgrade` and `post_upgrade` and panics if a
/// migration fails.
#[cfg(feature = "try-runtime")]
#[allow(dead_code)] // not every test file upgrades
pub fn step_multi_block_migrations() -> u32 {
	use frame_support::{
		migrations::MultiStepMigrator,
		traits::{TryState, TryStateSelect},
	};
	type Mbm = pallet_migrations::Pallet<Runtime>;
	let mut blocks = 0;
	while Mbm::ongoing() {
		let now = frame_system::Pallet::<Runtime>::block_number() + 1;
		frame_system::Pallet::<Runtime>::set_block_number(now);
		Mbm::step();
		myelin_runtime::AllPalletsWithSystem::try_state(now, TryStateSelect::All)
			.expect("every try_state holds between steps");
		blocks += 1;
		assert!(blocks < 10_000, "the multi-block migrations do not end");
	}
	blocks
}
