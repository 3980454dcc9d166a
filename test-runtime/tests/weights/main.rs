//! Tests of the Weights pallet in the shared test runtime, with the real Subnets, Staking and
//! Yuma pallets: rows, refusals, commit-reveal on the chain's epochs. Every test ends with
//! every pallet's invariants (through [`test`]).

use frame_support::{assert_noop, assert_ok};
use myelin_test_runtime::{
	check_invariants, current_epoch, last_weights_event as last_event, new_test_ext, run_to_block,
	set_permit, stake, AccountId, RuntimeOrigin, Subnets, Test, WeightsPallet, H, MYL, OWNER,
};
use pallet_weights::{Call, Commits, Entries, Error, Event, LastUpdate, Weights, MAX_COMMITS};

mod commit_reveal;
mod property;
mod set_weights;

/// The coldkey of the neurons.
pub const COLDKEY: AccountId = 2;
/// The subnet owner's hotkey (uid 0).
pub const OWNER_HK: AccountId = 100;
/// Validator hotkeys (uids 1 and 2).
pub const VALI: AccountId = 101;
pub const VALI2: AccountId = 102;
/// Miner hotkeys (uids 3 and 4).
pub const MINER: AccountId = 103;
pub const MINER2: AccountId = 104;
/// Registered nowhere.
pub const STRANGER: AccountId = 199;

/// Run `test` on subnet 1 (tempo 10, no weights rate limit), registered at block 1 with the
/// owner hotkey (uid 0), two staked validators holding permits (uids 1, 2) and two miners
/// (uids 3, 4); then check the invariants. Yuma first schedules the subnet at block 2 with the
/// phase 2 − 1 = 1, so its epochs run at blocks 11, 21, 31, …: epoch 0 is blocks 1..=10,
/// epoch 1 is 11..=20, epoch 2 is 21..=30.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(OWNER), OWNER_HK));
		for hotkey in [VALI, VALI2, MINER, MINER2] {
			assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(COLDKEY), 1, hotkey));
		}
		set_hyper(H::WeightsRateLimit(1));
		// Stake keeps the validators' permits when the epochs hand them out again.
		stake(COLDKEY, VALI, 100 * MYL);
		stake(COLDKEY, VALI2, 100 * MYL);
		set_permit(1, 1, true);
		set_permit(1, 2, true);
		test();
		check_invariants();
	})
}

/// Set a hyperparameter of netuid 1 as root.
pub fn set_hyper(param: pallet_subnets::Hyperparameter<u128>) {
	myelin_test_runtime::set_hyper(1, param);
}
