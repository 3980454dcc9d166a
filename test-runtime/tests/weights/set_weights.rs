//! `set_weights`: the stored row, every refusal, the rate limit, the version key, cleanup.

use super::*;

fn set(
	hotkey: AccountId,
	uids: Vec<u16>,
	weights: Vec<u16>,
	key: u64,
) -> sp_runtime::DispatchResult {
	WeightsPallet::set_weights(RuntimeOrigin::signed(hotkey), 1, uids, weights, key)
}

#[test]
fn a_validator_sets_a_max_upscaled_sorted_row() {
	test(|| {
		assert_ok!(set(VALI, vec![4, 3], vec![100, 300], 0));
		assert_eq!(Weights::<Test>::get(1, 1).unwrap().to_vec(), vec![(3, 65_535), (4, 21_845)]);
		assert_eq!(LastUpdate::<Test>::get(1, 1), Some(1));
		assert_eq!(Entries::<Test>::get(1), 2);
		assert_eq!(last_event(), Event::WeightsSet { netuid: 1, uid: 1 });
		// A new row replaces the old one (a block later: the rate limit is at least one
		// block); zero weights are not stored.
		run_to_block(2);
		assert_ok!(set(VALI, vec![3, 4, 0], vec![5, 0, 5], 0));
		assert_eq!(Weights::<Test>::get(1, 1).unwrap().to_vec(), vec![(0, 65_535), (3, 65_535)]);
		assert_eq!(Entries::<Test>::get(1), 2);
	});
}

#[test]
fn set_weights_is_feeless() {
	use frame_support::dispatch::{GetDispatchInfo, Pays};
	let call =
		Call::<Test>::set_weights { netuid: 1, uids: vec![1], weights: vec![1], version_key: 0 };
	assert_eq!(call.get_dispatch_info().pays_fee, Pays::No);
}

#[test]
fn every_refusal_has_its_error() {
	test(|| {
		assert_noop!(
			WeightsPallet::set_weights(RuntimeOrigin::signed(VALI), 9, vec![3], vec![1], 0),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(set(STRANGER, vec![3], vec![1], 0), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(set(MINER, vec![3], vec![1], 0), Error::<Test>::NoValidatorPermit);
		assert_noop!(set(VALI, vec![3, 4], vec![1], 0), Error::<Test>::LengthMismatch);
		assert_noop!(set(VALI, vec![3, 3], vec![1, 2], 0), Error::<Test>::DuplicateUid);
		assert_noop!(set(VALI, vec![3, 5], vec![1, 2], 0), Error::<Test>::UidNotFound);
		assert_noop!(set(VALI, vec![3], vec![0], 0), Error::<Test>::AllWeightsZero);
		set_hyper(H::MinAllowedWeights(2));
		assert_noop!(set(VALI, vec![3], vec![1], 0), Error::<Test>::TooFewWeights);
		set_hyper(H::MinAllowedWeights(1));
		set_hyper(H::MaxWeightLimit(40_000));
		// 3:1 normalises to 49151 > 40000; 1:1 to 32767.
		assert_noop!(set(VALI, vec![3, 4], vec![3, 1], 0), Error::<Test>::WeightAboveLimit);
		assert_ok!(set(VALI, vec![3, 4], vec![1, 1], 0));
		set_hyper(H::MaxWeightLimit(65_535));
		set_hyper(H::WeightsVersionKey(7));
		assert_noop!(set(VALI2, vec![3], vec![1], 6), Error::<Test>::OutdatedVersionKey);
		assert_ok!(set(VALI2, vec![3], vec![1], 7));
		set_hyper(H::CommitRevealEnabled(true));
		assert_noop!(set(VALI2, vec![3], vec![1], 7), Error::<Test>::CommitRevealEnabled);
	});
}

#[test]
fn the_rate_limit_counts_blocks_since_the_last_update() {
	test(|| {
		set_hyper(H::WeightsRateLimit(5));
		assert_ok!(set(VALI, vec![3], vec![1], 0));
		run_to_block(5);
		assert_noop!(set(VALI, vec![3], vec![2], 0), Error::<Test>::SettingWeightsTooFast);
		run_to_block(6);
		assert_ok!(set(VALI, vec![3], vec![2], 0));
		assert_eq!(LastUpdate::<Test>::get(1, 1), Some(6));
		// Another validator is not limited by the first.
		assert_ok!(set(VALI2, vec![3], vec![2], 0));
	});
}

#[test]
fn a_pruned_neuron_and_a_dissolved_subnet_leave_no_rows() {
	test(|| {
		assert_ok!(set(VALI, vec![3, 4], vec![1, 2], 0));
		assert_ok!(set(VALI2, vec![3], vec![1], 0));
		<WeightsPallet as myelin_test_runtime::myelin_doors::OnNeuronRemoved<AccountId>>::on_neuron_removed(
			1, 1, &VALI,
		);
		assert!(Weights::<Test>::get(1, 1).is_none());
		assert!(LastUpdate::<Test>::get(1, 1).is_none());
		assert_eq!(Entries::<Test>::get(1), 1);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(OWNER), 1));
		assert_eq!(Entries::<Test>::iter().count(), 0);
		// Rows and last updates are per uid: cleared by the next block's `on_idle`.
		assert_eq!(Weights::<Test>::iter().count(), 1);
		myelin_test_runtime::check_invariants();
		run_to_block(frame_system::Pallet::<Test>::block_number() + 1);
		assert_eq!(Weights::<Test>::iter().count(), 0);
		assert_eq!(LastUpdate::<Test>::iter().count(), 0);
		assert_eq!(Entries::<Test>::iter().count(), 0);
	});
}

#[test]
fn pruning_through_subnets_reaches_this_pallet() {
	test(|| {
		// A full subnet of 5 with no immunity: the next registration prunes.
		set_hyper(H::MaxAllowedValidators(5));
		set_hyper(H::MaxAllowedUids(5));
		set_hyper(H::ImmunityPeriod(0));
		for (uid, hotkey) in [OWNER_HK, VALI, VALI2, MINER, MINER2].into_iter().enumerate() {
			set_permit(1, uid as u16, true);
			assert_ok!(set(hotkey, vec![3], vec![1], 0));
		}
		assert_eq!(Entries::<Test>::get(1), 5);
		run_to_block(3);
		assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(COLDKEY), 1, 150));
		let pruned = pallet_subnets::Uids::<Test>::get(1, 150).unwrap();
		assert!(Weights::<Test>::get(1, pruned).is_none());
		assert!(LastUpdate::<Test>::get(1, pruned).is_none());
		assert_eq!(Entries::<Test>::get(1), 4);
	});
}

#[test]
fn the_pool_check_gives_the_code_of_each_refusal() {
	use pallet_weights::pool_codes::*;
	test(|| {
		let call = |uids: Vec<u16>, weights: Vec<u16>| Call::<Test>::set_weights {
			netuid: 1,
			uids,
			weights,
			version_key: 0,
		};
		assert_eq!(WeightsPallet::pool_check(&VALI, &call(vec![3], vec![1])), Ok(()));
		assert_eq!(
			WeightsPallet::pool_check(&STRANGER, &call(vec![3], vec![1])),
			Err(NOT_REGISTERED)
		);
		assert_eq!(WeightsPallet::pool_check(&MINER, &call(vec![3], vec![1])), Err(NO_PERMIT));
		assert_eq!(WeightsPallet::pool_check(&VALI, &call(vec![9], vec![1])), Err(INVALID_WEIGHTS));
		set_hyper(H::WeightsRateLimit(5));
		assert_ok!(set(VALI, vec![3], vec![1], 0));
		assert_eq!(WeightsPallet::pool_check(&VALI, &call(vec![3], vec![1])), Err(RATE_LIMITED));
		set_hyper(H::CommitRevealEnabled(true));
		assert_eq!(WeightsPallet::pool_check(&VALI2, &call(vec![3], vec![1])), Err(WRONG_MODE));
	});
}
