//! `set_weights`: each refusal by name (and the pool code the transaction extension uses),
//! and the stored row.

use super::*;

fn call(netuids: Vec<u16>, weights: Vec<u16>) -> Call<Test> {
	Call::set_weights { netuids, weights }
}

#[test]
fn each_refusal_has_its_own_error_and_pool_code() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		let set =
			|who, netuids, weights| Root::set_weights(RuntimeOrigin::signed(who), netuids, weights);
		// A subnet validator that is not a root validator.
		register(a, VALIDATOR_COLDKEY, 403);
		assert_noop!(set(403, vec![a], vec![1]), Error::<Test>::NotRootValidator);
		assert_eq!(
			Root::pool_check(&403, &call(vec![a], vec![1])),
			Err(pool_codes::NOT_ROOT_VALIDATOR)
		);
		assert_noop!(set(ROOT_A, vec![a, b], vec![1]), Error::<Test>::LengthMismatch);
		assert_noop!(set(ROOT_A, vec![a, 9], vec![1, 1]), Error::<Test>::UnknownNetuid);
		assert_noop!(set(ROOT_A, vec![a, b, a], vec![1, 1, 1]), Error::<Test>::DuplicateNetuid);
		assert_eq!(
			Root::pool_check(&ROOT_A, &call(vec![a, a], vec![1, 1])),
			Err(pool_codes::INVALID_WEIGHTS)
		);
		assert_eq!(Root::pool_check(&ROOT_A, &call(vec![b, a], vec![1, 3])), Ok(()));

		assert_ok!(set(ROOT_A, vec![b, a], vec![1, 3]));
		// Sorted by netuid.
		assert_eq!(Rows::<Test>::get(ROOT_A).unwrap().weights.into_inner(), vec![(a, 3), (b, 1)]);
		assert_eq!(root_events().last(), Some(&Event::RootWeightsSet { hotkey: ROOT_A }));

		// Within the rate limit: refused by name, in the pool too.
		let limit = u64::from(WeightsRateLimit::<Test>::get());
		run_to_block(System::block_number() + limit - 1);
		assert_noop!(set(ROOT_A, vec![a], vec![1]), Error::<Test>::SettingWeightsTooFast);
		assert_eq!(
			Root::pool_check(&ROOT_A, &call(vec![a], vec![1])),
			Err(pool_codes::RATE_LIMITED)
		);
		run_to_block(System::block_number() + 1);
		// Zeros are dropped: all on b.
		assert_ok!(set(ROOT_A, vec![a, b], vec![0, 5]));
		assert_eq!(Rows::<Test>::get(ROOT_A).unwrap().weights.into_inner(), vec![(b, 5)]);
	});
}

#[test]
fn an_unsigned_or_root_origin_is_refused() {
	test(|| {
		let (a, _) = two_subnets_two_roots();
		assert_noop!(
			Root::set_weights(RuntimeOrigin::root(), vec![a], vec![1]),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Root::set_weights(RuntimeOrigin::none(), vec![a], vec![1]),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
