//! Tests of the Yuma pallet in the shared test runtime, with the real Subnets, Staking and
//! Weights pallets (weight rows are stored directly by [`set_weights`]). Every test ends with
//! every pallet's invariants (through [`test`]).

use frame_support::{assert_ok, traits::Hooks, weights::Weight};
use myelin_test_runtime::myelin_doors::{NeuronEmission, OnNeuronRemoved, ValidatorPermits};
use myelin_test_runtime::{
	epochs_at, issuance, register, register_subnet, run_to_block, set_weights, stake, test,
	yuma_events, AccountId, Balance, Balances, MaxEpochWeight, RuntimeOrigin, Staking, Subnets,
	System, Test, Yuma, MINER_COLDKEY, MYL, OWNER, VALIDATOR_COLDKEY,
};
use pallet_yuma::*;

mod lazy;
mod payout;
mod schedule;

use myelin_test_runtime::myelin_doors::StakeInfo;

const OWNER_HK: AccountId = 100;
const VALIDATOR_A: AccountId = 201;
const VALIDATOR_B: AccountId = 202;
const MINER_A: AccountId = 301;
const MINER_B: AccountId = 302;

/// A subnet with the owner hotkey (uid 0), two validators (uids 1, 2: 600 and 400 MYL of
/// stake) and two miners (uids 3, 4). Returns the netuid.
fn subnet() -> u16 {
	let netuid = register_subnet(OWNER_HK);
	register(netuid, VALIDATOR_COLDKEY, VALIDATOR_A);
	register(netuid, VALIDATOR_COLDKEY, VALIDATOR_B);
	register(netuid, MINER_COLDKEY, MINER_A);
	register(netuid, MINER_COLDKEY, MINER_B);
	stake(VALIDATOR_COLDKEY, VALIDATOR_A, 600 * MYL);
	stake(VALIDATOR_COLDKEY, VALIDATOR_B, 400 * MYL);
	netuid
}

/// Everything staked to `hotkey`.
fn stake_of(hotkey: AccountId) -> Balance {
	<Staking as StakeInfo<AccountId>>::total_stake(&hotkey)
}
