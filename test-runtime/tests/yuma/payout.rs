//! One epoch end to end: outputs stored, emission paid through Staking, issuance exact,
//! cleanup when neurons and subnets go.

use super::*;

#[test]
fn without_weights_validators_share_by_stake_and_the_owner_gets_18_percent() {
	test(|| {
		let netuid = subnet();
		let owner_free = Balances::free_balance(OWNER);
		let issuance_before = issuance();
		run_to_block(11);
		assert_eq!(epochs_at(11), vec![netuid]);
		// 10 blocks of 1 MYL (blocks 2..=11).
		let emission = 10 * MYL;
		assert_eq!(u128::from(LastEpochEmission::<Test>::get(netuid)), emission);
		assert_eq!(Balances::free_balance(OWNER) - owner_free, emission * 18 / 100);
		// The rest by stake: 60% / 40%; minted exactly as paid.
		let rest = emission - emission * 18 / 100;
		assert!(stake_of(VALIDATOR_A).abs_diff(600 * MYL + rest * 6 / 10) <= 2);
		assert!(stake_of(VALIDATOR_B).abs_diff(400 * MYL + rest * 4 / 10) <= 2);
		assert_eq!(stake_of(MINER_A), 0);
		assert_eq!(issuance() - issuance_before, TotalPaid::<Test>::get());
		assert_eq!(TotalPaid::<Test>::get() + UnpaidEmission::<Test>::get(), emission);
		// Outputs are stored per uid.
		assert_eq!(Emission::<Test>::get(netuid).len(), 5);
		assert_eq!(
			ValidatorPermit::<Test>::get(netuid).to_vec(),
			vec![false, true, true, false, false]
		);
		assert!(<Yuma as ValidatorPermits>::has_permit(netuid, 1));
		assert!(!<Yuma as ValidatorPermits>::has_permit(netuid, 3));
	});
}

#[test]
fn validators_weighting_a_miner_make_it_earn_most() {
	test(|| {
		let netuid = subnet();
		// The first epoch hands out permits; weights are set after it.
		run_to_block(11);
		set_weights(netuid, 1, vec![(3, 60_000), (4, 5_535)]);
		set_weights(netuid, 2, vec![(3, 50_000), (4, 15_535)]);
		let before_a = stake_of(MINER_A);
		let before_b = stake_of(MINER_B);
		run_to_block(21);
		let incentive = Incentive::<Test>::get(netuid);
		assert!(incentive[3] > incentive[4], "incentive {incentive:?}");
		assert!(stake_of(MINER_A) - before_a > stake_of(MINER_B) - before_b);
		// Miner incentive is its owner's stake on the miner hotkey.
		assert_eq!(Staking::stake_of(&MINER_COLDKEY, &MINER_A), stake_of(MINER_A));
		assert!(Dividends::<Test>::get(netuid)[1] > 0);
		assert!(!Bonds::<Test>::get(netuid, 1).is_empty());
	});
}

#[test]
fn issuance_grows_by_exactly_what_was_paid_over_many_epochs() {
	test(|| {
		let netuid = subnet();
		let other = register_subnet(110);
		let start = issuance();
		run_to_block(11);
		set_weights(netuid, 1, vec![(3, 1), (4, 2)]);
		set_weights(netuid, 2, vec![(3, 7)]);
		run_to_block(75);
		assert_eq!(issuance() - start, TotalPaid::<Test>::get());
		let pending: u128 = PendingEmission::<Test>::iter_values().map(u128::from).sum();
		assert_eq!(
			TotalEmitted::<Test>::get(),
			pending + TotalPaid::<Test>::get() + UnpaidEmission::<Test>::get()
		);
		assert!(LastEpoch::<Test>::get(other).is_some());
	});
}

#[test]
fn a_dissolved_subnet_leaves_nothing_and_its_pending_emission_is_unpaid() {
	test(|| {
		let netuid = subnet();
		run_to_block(15);
		let pending = PendingEmission::<Test>::get(netuid);
		assert!(pending > 0);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(OWNER), netuid));
		assert_eq!(UnpaidEmission::<Test>::get(), u128::from(pending));
		assert!(!PendingEmission::<Test>::contains_key(netuid));
		assert!(!LastEpoch::<Test>::contains_key(netuid));
		assert!(!Emission::<Test>::contains_key(netuid));
		assert!(!ValidatorPermit::<Test>::contains_key(netuid));
		// Bond rows are per uid: cleared by the next blocks' `on_idle`.
		assert!(
			<Subnets as myelin_test_runtime::myelin_doors::SubnetsInterface<_, _>>::is_dissolving(
				netuid
			)
		);
		myelin_test_runtime::check_invariants();
		run_to_block(16);
		assert_eq!(Bonds::<Test>::iter_prefix(netuid).count(), 0);
	});
}

#[test]
fn a_pruned_uid_keeps_no_outputs_for_its_next_holder() {
	test(|| {
		let netuid = subnet();
		run_to_block(11);
		set_weights(netuid, 1, vec![(3, 60_000)]);
		run_to_block(21);
		assert!(Emission::<Test>::get(netuid)[1] > 0);
		<Yuma as OnNeuronRemoved<AccountId>>::on_neuron_removed(netuid, 1, &VALIDATOR_A);
		assert_eq!(Emission::<Test>::get(netuid)[1], 0);
		assert!(!ValidatorPermit::<Test>::get(netuid)[1]);
		assert!(Bonds::<Test>::get(netuid, 1).is_empty());
		assert_eq!(<Yuma as NeuronEmission>::emission(netuid, 1), 0);
	});
}
