//! The Market pallet on the shared test runtime: bonds and offers, jobs (paid, rejected,
//! refunded, slashed), leases (paid per block, paused, resumed, closed). Every test ends with
//! every pallet's `try_state` (holds equal the market's books) and the issuance check.

mod bonds;
mod jobs;
mod leases;

pub use frame_support::{assert_noop, assert_ok};
pub use myelin_test_runtime::*;
pub use pallet_market::{Error, Event, JobState, LeaseState, RefundReason};

/// A provider hotkey, owned by `MINER_COLDKEY`.
pub const PROVIDER: AccountId = 200;
/// Another miner hotkey, owned by coldkey 4.
pub const OTHER: AccountId = 201;
/// Validators, owned by `VALIDATOR_COLDKEY`: 100 and 50 MYL of stake.
pub const V1: AccountId = 300;
pub const V2: AccountId = 301;
/// A validator hotkey without a permit.
pub const V3: AccountId = 302;
/// Who posts jobs and opens leases.
pub const POSTER: AccountId = 5;

pub type Market = pallet_market::Pallet<Test>;

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A subnet with PROVIDER (bonded 100 MYL, offer 1 MYL a unit, capacity 4), OTHER (no bond,
/// no offer), V1 and V2 holding permits and V3 without one.
pub fn market() -> u16 {
	let netuid = register_subnet(100);
	register(netuid, MINER_COLDKEY, PROVIDER);
	register(netuid, 4, OTHER);
	for v in [V1, V2, V3] {
		register(netuid, VALIDATOR_COLDKEY, v);
	}
	stake(VALIDATOR_COLDKEY, V1, 100 * MYL);
	stake(VALIDATOR_COLDKEY, V2, 50 * MYL);
	for v in [V1, V2] {
		let uid = pallet_subnets::Uids::<Test>::get(netuid, v).unwrap();
		set_permit(netuid, uid, true);
	}
	assert_ok!(Market::bond(signed(MINER_COLDKEY), netuid, PROVIDER, 100 * MYL));
	assert_ok!(Market::set_offer(signed(PROVIDER), netuid, MYL, 4, b"{\"gpu\":\"none\"}".to_vec()));
	netuid
}

/// The market's events so far.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Market(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

pub fn held(reason: pallet_market::HoldReason, who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	pallet_balances::Pallet::<Test>::balance_on_hold(&RuntimeHoldReason::Market(reason), &who)
}

/// Moves the chain to block `n` without running hooks (no epoch resets the permits).
pub fn jump_to(n: u64) {
	System::set_block_number(n);
}

pub fn now() -> u64 {
	System::block_number()
}
