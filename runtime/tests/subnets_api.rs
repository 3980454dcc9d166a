//! The `SubnetsApi` views on the dev genesis: a subnet with three neurons, stake, an axon and
//! one epoch, read back field by field against the pallets that own each value.

mod common;

use common::{externalities, run_to};
use myelin_runtime::{genesis_config_presets, subnets_api, AccountId, Runtime, RuntimeOrigin, MYL};
use pallet_myelin_staking::StakeInfo;
use pallet_subnets::SubnetsInterface;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;

/// Alice owns netuid 1 with hotkey Charlie (uid 0); Bob registers Dave (uid 1) and Eve (uid 2);
/// Alice stakes 100 MYL on Charlie and Bob 50 MYL on Dave; Eve serves an axon.
fn subnet_with_three_neurons() -> (AccountId, AccountId, AccountId) {
	let signed = |k: sp_keyring::Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
	frame_system::Pallet::<Runtime>::set_block_number(1);
	Subnets::register_network(signed(Alice), Charlie.to_account_id()).unwrap();
	Subnets::burned_register(signed(Bob), 1, Dave.to_account_id()).unwrap();
	Subnets::burned_register(signed(Bob), 1, Eve.to_account_id()).unwrap();
	Staking::add_stake(signed(Alice), Charlie.to_account_id(), 100 * MYL).unwrap();
	Staking::add_stake(signed(Bob), Dave.to_account_id(), 50 * MYL).unwrap();
	Subnets::serve_axon(signed(Eve), 1, b"http://127.0.0.1:8091".to_vec()).unwrap();
	(Charlie.to_account_id(), Dave.to_account_id(), Eve.to_account_id())
}

#[test]
fn unknown_subnets_and_uids_are_none() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		assert!(subnets_api::subnets().is_empty());
		assert!(subnets_api::metagraph(1).is_none());
		assert!(subnets_api::hyperparameters(1).is_none());
		assert!(subnets_api::neuron(1, 0).is_none());
		subnet_with_three_neurons();
		assert!(subnets_api::metagraph(2).is_none());
		assert!(subnets_api::neuron(1, 3).is_none());
		assert!(subnets_api::neuron(1, 2).is_some());
	});
}

#[test]
fn subnet_list_and_hyperparameters_come_from_the_pallets() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let (charlie, _, _) = subnet_with_three_neurons();
		run_to(3);
		let list = subnets_api::subnets();
		assert_eq!(list.len(), 1);
		let info = &list[0];
		assert_eq!(info.netuid, 1);
		assert_eq!(info.owner, Alice.to_account_id());
		assert_eq!(info.owner_hotkey, charlie);
		assert_eq!((info.n, info.max_n, info.tempo), (3, 256, 10));
		// One subnet takes the whole 1 MYL of each block.
		assert_eq!(info.emission_per_block, MYL);
		assert_eq!(Some(info.burn), Subnets::registration_price(1));
		assert_eq!(info.lock, MYL);
		assert_eq!(
			info.last_epoch_block,
			u64::from(pallet_yuma::LastEpoch::<Runtime>::get(1).unwrap())
		);
		assert_eq!(subnets_api::hyperparameters(1), Subnets::hyperparams(1));
		assert_eq!(subnets_api::hyperparameters(1).unwrap().tempo, 10);
	});
}

#[test]
fn metagraph_before_and_after_an_epoch() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let (charlie, dave, eve) = subnet_with_three_neurons();
		let before = subnets_api::metagraph(1).unwrap();
		assert_eq!((before.netuid, before.block, before.n), (1, 1, 3));
		let uids: Vec<u16> = before.neurons.iter().map(|n| n.uid).collect();
		assert_eq!(uids, vec![0, 1, 2]);
		assert_eq!(before.neurons[0].hotkey, charlie);
		assert_eq!(before.neurons[0].coldkey, Alice.to_account_id());
		assert_eq!(before.neurons[1].hotkey, dave);
		assert_eq!(before.neurons[2].coldkey, Bob.to_account_id());
		assert_eq!(before.neurons[0].stake, 100 * MYL);
		assert_eq!(before.neurons[1].stake, 50 * MYL);
		assert_eq!(before.neurons[2].stake, 0);
		assert_eq!(before.neurons[2].axon.as_deref(), Some(&b"http://127.0.0.1:8091"[..]));
		assert_eq!(before.neurons[0].axon, None);
		assert!(before.neurons.iter().all(|n| n.registered_at == 1 && n.emission == 0));
		assert!(before.neurons.iter().all(|n| !n.validator_permit && n.incentive == 0));

		// The subnet's first epoch (phase 1 by netuid, tempo 10) runs by block 12.
		run_to(12);
		let last_epoch = pallet_yuma::LastEpoch::<Runtime>::get(1).unwrap();
		assert!(last_epoch > 1);
		let after = subnets_api::metagraph(1).unwrap();
		assert_eq!(after.block, 12);
		for (uid, neuron) in after.neurons.iter().enumerate() {
			let hotkey = Subnets::hotkey_of(1, uid as u16).unwrap();
			assert_eq!(neuron.stake, Staking::total_stake(&hotkey));
			assert_eq!(
				neuron.emission,
				u128::from(pallet_yuma::Emission::<Runtime>::get(1)[uid]),
				"uid {uid}"
			);
			assert_eq!(
				neuron.validator_permit,
				pallet_yuma::ValidatorPermit::<Runtime>::get(1)[uid]
			);
			// One neuron carries its take whatever its permit; the metagraph only for the
			// permitted (the others' dividends are 0).
			let mut single = subnets_api::neuron(1, uid as u16).unwrap();
			assert_eq!(single.take, Some(Staking::effective_take(&hotkey).deconstruct()));
			if !neuron.validator_permit {
				assert_eq!((neuron.take, neuron.pending_take), (None, None));
				(single.take, single.pending_take) = (None, None);
			}
			assert_eq!(neuron, &single);
		}
		// Charlie and Dave hold stake, so they hold the permits; with no weights set the
		// validators share everything, and the whole epoch minus the owner cut is paid.
		assert!(after.neurons[0].validator_permit && after.neurons[1].validator_permit);
		assert!(!after.neurons[2].validator_permit);
		let paid: u128 = after.neurons.iter().map(|n| n.emission).sum();
		let pending = u128::from(pallet_yuma::LastEpochEmission::<Runtime>::get(1));
		let owner_cut = pending * 18 / 100;
		assert!(pending > 0);
		assert!(pending - owner_cut - paid <= 3, "paid {paid} of {pending}");
		// By stake, 100 : 50.
		let (e0, e1) = (after.neurons[0].emission, after.neurons[1].emission);
		assert!(e0.abs_diff(2 * e1) <= 2, "{e0} vs {e1}");
		assert_eq!(eve, after.neurons[2].hotkey);
	});
}
