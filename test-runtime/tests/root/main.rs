//! Tests of the Root pallet in the shared test runtime, with the real Subnets, Staking, Yuma
//! and Weights pallets: root validators, their rows, the root epoch and the emission shares it
//! decides. Every test ends with every pallet's invariants (through [`test`]).

use frame_support::{assert_noop, assert_ok};
use myelin_test_runtime::myelin_doors::SHARE_UNIT;
use myelin_test_runtime::{
	register, register_subnet, run_to_block, stake, test, AccountId, Root, RuntimeOrigin, Subnets,
	System, Test, MINER_COLDKEY, MYL, OWNER, VALIDATOR_COLDKEY,
};
use pallet_root::*;
use pallet_yuma::PendingEmission;

mod epoch;
mod validators;
mod weights;

const ROOT_A: AccountId = 401;
const ROOT_B: AccountId = 402;

/// Two subnets (owner hotkeys 100 and 110) and `ROOT_A` (700 MYL) and `ROOT_B` (300 MYL),
/// validator hotkeys registered on subnet 1 and joined to root; a root epoch every 10 blocks.
/// Returns the netuids.
fn two_subnets_two_roots() -> (u16, u16) {
	assert_ok!(Root::set_root_parameter(RuntimeOrigin::root(), RootParameter::Tempo(10)));
	let a = register_subnet(100);
	let b = register_subnet(110);
	register(a, VALIDATOR_COLDKEY, ROOT_A);
	register(a, VALIDATOR_COLDKEY, ROOT_B);
	stake(VALIDATOR_COLDKEY, ROOT_A, 700 * MYL);
	stake(VALIDATOR_COLDKEY, ROOT_B, 300 * MYL);
	assert_ok!(Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), ROOT_A));
	assert_ok!(Root::register(RuntimeOrigin::signed(VALIDATOR_COLDKEY), ROOT_B));
	(a, b)
}

/// The emission share of every existing subnet now, `(netuid, parts per billion)`.
fn shares() -> Vec<(u16, u32)> {
	let netuids = <Subnets as myelin_test_runtime::myelin_doors::SubnetsInterface<_, _>>::netuids();
	let shares = Root::emission_shares_of(&netuids);
	netuids.into_iter().zip(shares).collect()
}

/// The root events so far.
fn root_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			myelin_test_runtime::RuntimeEvent::Root(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Runs blocks until the next root epoch has run.
fn run_root_epoch() {
	let last = LastRootEpoch::<Test>::get();
	run_to_block(last + u64::from(Tempo::<Test>::get()));
	assert_eq!(LastRootEpoch::<Test>::get(), System::block_number());
}
