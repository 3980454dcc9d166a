//! Rows that never leave: a weight row stayed when its validator lost the permit, and the
//! epoch read all `n` rows, so rotating stake across one's own hotkeys (each takes a permit,
//! sets a row, hands the stake on) grew the stored entries toward `n²`, and every epoch paid
//! to read them. Closed: the epoch works out the permits first, reads only the rows of
//! permitted uids and removes the others' (at most `MAX_ROWS_REMOVED` an epoch), so the
//! entries stay at most validators × n.

use crate::common::{externalities, run_to};
use frame_support::assert_ok;
use myelin_runtime::{genesis_config_presets, AccountId, Runtime, RuntimeOrigin, MYL};
use pallet_subnets::Hyperparameter as H;
use sp_keyring::Sr25519Keyring::Bob;

type Subnets = pallet_subnets::Pallet<Runtime>;
type Weights = pallet_weights::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;

/// Advance block by block until `hotkey` holds the permit of `netuid`; the block it got it.
fn run_until_permitted(netuid: u16, hotkey: &AccountId) -> u32 {
	let uid = pallet_subnets::Uids::<Runtime>::get(netuid, hotkey).unwrap();
	for _ in 0..50 {
		let permits = pallet_yuma::ValidatorPermit::<Runtime>::get(netuid);
		if permits.get(usize::from(uid)) == Some(&true) {
			return frame_system::Pallet::<Runtime>::block_number();
		}
		run_to(frame_system::Pallet::<Runtime>::block_number() + 1);
	}
	panic!("{hotkey} never got the permit");
}

#[test]
fn a_row_leaves_with_its_validators_permit() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let netuid = crate::daves_subnet();
		let bob = RuntimeOrigin::signed(Bob.to_account_id());
		// Two hotkeys of one coldkey, and one permit to pass between them.
		let (first, second) = (AccountId::new([0x81; 32]), AccountId::new([0x82; 32]));
		assert_ok!(Subnets::burned_register(bob.clone(), netuid, first.clone()));
		assert_ok!(Subnets::burned_register(bob.clone(), netuid, second.clone()));
		let root = |param| Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param);
		assert_ok!(root(H::MaxAllowedValidators(1)));
		assert_ok!(root(H::WeightsRateLimit(1)));
		assert_ok!(Staking::add_stake(bob.clone(), first.clone(), 100 * MYL));
		run_until_permitted(netuid, &first);

		// The first hotkey sets a row over every uid, then hands its stake to the second.
		let row = |who: &AccountId| {
			Weights::set_weights(
				RuntimeOrigin::signed(who.clone()),
				netuid,
				vec![0, 1, 2],
				vec![1, 1, 1],
				0,
			)
		};
		assert_ok!(row(&first));
		let first_uid = pallet_subnets::Uids::<Runtime>::get(netuid, &first).unwrap();
		assert!(pallet_weights::Weights::<Runtime>::contains_key(netuid, first_uid));
		assert_eq!(pallet_weights::Entries::<Runtime>::get(netuid), 3);
		assert_ok!(Staking::move_stake(bob, first.clone(), second.clone(), 100 * MYL));
		run_until_permitted(netuid, &second);

		// The epoch that moved the permit removed the first hotkey's row.
		assert!(!pallet_weights::Weights::<Runtime>::contains_key(netuid, first_uid));
		assert_eq!(pallet_weights::Entries::<Runtime>::get(netuid), 0);
		// The second sets its own: the entries are one validator's row, not two.
		assert_ok!(row(&second));
		assert_eq!(pallet_weights::Entries::<Runtime>::get(netuid), 3);
		Weights::do_try_state().unwrap();
	});
}
