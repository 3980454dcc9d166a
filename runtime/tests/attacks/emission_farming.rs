//! Emission farming: an owner registers a subnet, is its own validator and miner, and collects
//! a share of the chain's emission (and 18% of it as owner cut) while nobody else finds the
//! subnet useful; with every slot taken, the subnet squats one forever. Closed by root
//! consensus: a subnet no root validator weights has share 0 and earns nothing, and at
//! `SubnetLimit` a new subnet replaces it once its network immunity has passed.

use crate::common::{externalities, run_to};
use frame_support::{assert_noop, assert_ok};
use myelin_runtime::{genesis_config_presets, AccountId, Runtime, RuntimeOrigin, MYL};
use sp_keyring::Sr25519Keyring::{Bob, Charlie, Dave, Eve};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Root = pallet_root::Pallet<Runtime>;
type Balances = pallet_balances::Pallet<Runtime>;

fn key(byte: u8) -> AccountId {
	AccountId::new([byte; 32])
}

fn netuid_of(owner_hotkey: &AccountId) -> u16 {
	pallet_subnets::SubnetOwnerHotkey::<Runtime>::iter()
		.find(|(_, hotkey)| hotkey == owner_hotkey)
		.map(|(netuid, _)| netuid)
		.expect("registered")
}

#[test]
fn a_subnet_nobody_weights_earns_nothing_and_is_replaced_after_immunity() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let signed = |k: sp_keyring::Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		run_to(1);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			pallet_subnets::NetworkParameter::SubnetLimit(2)
		));
		// Dave farms: his own subnet, his own hotkey on it. Bob runs a subnet people use, and
		// Charlie's root validator weights it.
		assert_ok!(Subnets::register_network(signed(Dave), key(0xfa)));
		assert_ok!(Subnets::register_network(signed(Bob), key(0xb0)));
		let (farm, used) = (netuid_of(&key(0xfa)), netuid_of(&key(0xb0)));
		assert_ok!(Subnets::burned_register(signed(Charlie), used, key(0x77)));
		assert_ok!(Staking::add_stake(signed(Charlie), key(0x77), 100 * MYL));
		assert_ok!(Root::register(signed(Charlie), key(0x77)));
		run_to(2);
		assert_ok!(Root::set_weights(RuntimeOrigin::signed(key(0x77)), vec![used], vec![1]));

		// Before the first root epoch the shares are equal: farming pays.
		let pending = |netuid| pallet_yuma::PendingEmission::<Runtime>::get(netuid);
		assert!(pending(farm) > 0);
		let tempo = u32::from(pallet_root::Tempo::<Runtime>::get());
		run_to(tempo);
		assert_eq!(Root::emission_shares_of(&[farm, used]), vec![0, 1_000_000_000]);

		// From the root epoch on, the farm accrues nothing. Its next epoch pays out what it had
		// accrued before (a subnet's tempo is 10 on dev); after that, nothing: no emission, no
		// owner cut.
		assert_eq!(pallet_yuma::Pallet::<Runtime>::emission_per_block(&[farm, used])[0], 0);
		run_to(tempo + 20);
		assert_eq!(pending(farm), 0, "the farm still accrues");
		let dave_free = Balances::free_balance(Dave.to_account_id());
		run_to(tempo + 60);
		assert_eq!(pending(farm), 0, "the farm still accrues");
		assert_eq!(
			Balances::free_balance(Dave.to_account_id()),
			dave_free,
			"an owner cut was paid"
		);

		// Both slots are taken. Inside the farm's network immunity a newcomer is refused...
		let immunity = pallet_subnets::NetworkImmunityPeriod::<Runtime>::get();
		run_to(immunity);
		assert_noop!(
			Subnets::register_network(signed(Eve), key(0xee)),
			pallet_subnets::Error::<Runtime>::AllSubnetsImmune
		);
		// ...and once it has passed, the newcomer replaces the farm (lowest share), whose lock
		// goes back to Dave.
		run_to(immunity + 1);
		let held = Subnets::held_for_locks(&Dave.to_account_id());
		assert!(held > 0);
		assert_ok!(Subnets::register_network(signed(Eve), key(0xee)));
		assert!(!pallet_subnets::SubnetOwner::<Runtime>::contains_key(farm));
		assert!(pallet_subnets::SubnetOwner::<Runtime>::contains_key(used));
		assert_eq!(Subnets::held_for_locks(&Dave.to_account_id()), 0);
		assert_eq!(Balances::free_balance(Dave.to_account_id()), dave_free + held);
		for check in [
			Subnets::do_try_state(),
			Staking::do_try_state(),
			pallet_yuma::Pallet::<Runtime>::do_try_state(),
			Root::do_try_state(),
		] {
			check.unwrap();
		}
	});
}
