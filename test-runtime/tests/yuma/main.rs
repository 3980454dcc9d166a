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
