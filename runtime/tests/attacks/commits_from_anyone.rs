//! Commits from anyone: `commit_weights` is feeless, and it checked neither the validator
//! permit nor a rate limit, so any registered miner got free commits it could never reveal.
//! Closed: a commit needs a permit and waits `weights_rate_limit` blocks after the last one,
//! as `set_weights` does; the pool refuses both (codes 13 and 12).

use crate::common::{externalities, run_to};
use frame_support::{assert_noop, assert_ok};
use myelin_runtime::{genesis_config_presets, AccountId, Runtime, RuntimeOrigin, MYL};
use pallet_subnets::Hyperparameter as H;
use pallet_weights::{pool_codes, Call, Error};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Bob;

type Subnets = pallet_subnets::Pallet<Runtime>;
type Weights = pallet_weights::Pallet<Runtime>;

#[test]
fn only_permitted_validators_commit_and_at_the_rate_limit() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let (validator, miner) = (AccountId::new([0x71; 32]), AccountId::new([0x72; 32]));
		let netuid = crate::daves_subnet();
		let bob = RuntimeOrigin::signed(Bob.to_account_id());
		assert_ok!(Subnets::burned_register(bob.clone(), netuid, validator.clone()));
		assert_ok!(Subnets::burned_register(bob.clone(), netuid, miner.clone()));
		assert_ok!(pallet_myelin_staking::Pallet::<Runtime>::add_stake(
			bob,
			validator.clone(),
			100 * MYL
		));
		let root = |param| Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param);
		assert_ok!(root(H::CommitRevealEnabled(true)));
		assert_ok!(root(H::WeightsRateLimit(5)));
		assert_ok!(root(H::MaxAllowedValidators(1)));
		// An epoch hands the one permit out by stake: the validator's.
		run_to(30);
		let uid = pallet_subnets::Uids::<Runtime>::get(netuid, &validator).unwrap();
		assert!(pallet_yuma::ValidatorPermit::<Runtime>::get(netuid)[usize::from(uid)]);

		let commit = |who: &AccountId, byte| {
			Weights::commit_weights(
				RuntimeOrigin::signed(who.clone()),
				netuid,
				H256::repeat_byte(byte),
			)
		};
		let pool = |who: &AccountId, byte| {
			Weights::pool_check(
				who,
				&Call::commit_weights { netuid, commit: H256::repeat_byte(byte) },
			)
		};
		// The miner has no permit: refused in the pool and by name.
		assert_eq!(pool(&miner, 1), Err(pool_codes::NO_PERMIT));
		assert_noop!(commit(&miner, 1), Error::<Runtime>::NoValidatorPermit);
		// The validator commits, then must wait `weights_rate_limit` blocks.
		assert_ok!(commit(&validator, 1));
		assert_eq!(pool(&validator, 2), Err(pool_codes::RATE_LIMITED));
		assert_noop!(commit(&validator, 2), Error::<Runtime>::SettingWeightsTooFast);
		run_to(35);
		assert_eq!(pool(&validator, 2), Ok(()));
		assert_ok!(commit(&validator, 2));
		Weights::do_try_state().unwrap();
	});
}
