//! Take front-running: a hotkey's first take increase was never rate-limited and increases
//! applied at once, so an owner advertised 0%, gathered stake, and raised the take to 18% a
//! block before an epoch paid dividends. Closed: an increase is announced
//! (`TakeIncreaseAnnounced`, and `pending_take` in the metagraph) and paid only from
//! `TakeIncreaseDelay` blocks later, the first one too; stakers can leave before.

use crate::common::{externalities, run_to};
use frame_support::assert_ok;
use myelin_runtime::{
	genesis_config_presets, subnets_api, AccountId, Runtime, RuntimeEvent, RuntimeOrigin, MYL,
};
use pallet_myelin_staking::{Event, StakingRewards};
use sp_keyring::Sr25519Keyring::{Bob, Dave};
use sp_runtime::Perbill;

type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Subnets = pallet_subnets::Pallet<Runtime>;

/// The take of the last `DividendPaid`.
fn last_dividend_take() -> u128 {
	frame_system::Pallet::<Runtime>::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Staking(Event::DividendPaid { take, .. }) => Some(take),
			_ => None,
		})
		.expect("a dividend was paid")
}

#[test]
fn a_raise_just_before_the_dividends_does_not_apply_to_them() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let dave = RuntimeOrigin::signed(Dave.to_account_id());
		let hotkey = AccountId::new([0xd1; 32]);
		assert_ok!(Subnets::register_network(dave.clone(), hotkey.clone()));
		let netuid = pallet_subnets::SubnetOwner::<Runtime>::iter_keys().next().unwrap();
		// The owner advertises 0%; Bob stakes on it.
		assert_ok!(Staking::set_take(dave.clone(), hotkey.clone(), Perbill::zero()));
		assert_ok!(Staking::add_stake(
			RuntimeOrigin::signed(Bob.to_account_id()),
			hotkey.clone(),
			100 * MYL
		));

		// The first raise: announced, not in force.
		run_to(10);
		assert_ok!(Staking::set_take(dave, hotkey.clone(), Perbill::from_percent(18)));
		let delay = pallet_myelin_staking::TakeIncreaseDelay::<Runtime>::get();
		let effective_at = 10 + delay;
		assert!(frame_system::Pallet::<Runtime>::events().iter().any(|r| r.event
			== RuntimeEvent::Staking(Event::TakeIncreaseAnnounced {
				hotkey: hotkey.clone(),
				take: Perbill::from_percent(18),
				effective_at,
			})));
		// Stakers see it coming: the metagraph shows it on the owner's hotkey (uid 0).
		let neuron = subnets_api::neuron(netuid, 0).unwrap();
		assert_eq!(neuron.take, Some(0));
		let pending = neuron.pending_take.expect("the announced take is in the metagraph");
		assert_eq!((pending.take, pending.effective_at), (180_000_000, u64::from(effective_at)));

		// Dividends paid a block before `effective_at` keep the 0%.
		frame_system::Pallet::<Runtime>::set_block_number(effective_at - 1);
		Staking::pay_dividend(&hotkey, 10 * MYL);
		assert_eq!(last_dividend_take(), 0);
		// From `effective_at` on the 18% is paid.
		frame_system::Pallet::<Runtime>::set_block_number(effective_at);
		Staking::pay_dividend(&hotkey, 10 * MYL);
		assert_eq!(last_dividend_take(), 18 * MYL / 10);
		Staking::do_try_state().unwrap();
	});
}
