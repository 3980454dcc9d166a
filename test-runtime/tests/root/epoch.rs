//! The root epoch and the emission shares it decides.

use super::*;

/// Within 1% (10,000,000 parts per billion) of `expected`.
fn near(share: u32, expected: u32) -> bool {
	share.abs_diff(expected) <= SHARE_UNIT / 100
}

/// `hotkey` sets `row` as root weights.
fn root_weights(hotkey: AccountId, row: &[(u16, u16)]) {
	let (netuids, weights) = row.iter().copied().unzip();
	assert_ok!(Root::set_weights(RuntimeOrigin::signed(hotkey), netuids, weights));
}

#[test]
fn shares_are_equal_until_root_weights_exist() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		assert_eq!(shares(), vec![(a, SHARE_UNIT / 2), (b, SHARE_UNIT / 2)]);
		run_root_epoch();
		assert_eq!(shares(), vec![(a, SHARE_UNIT / 2), (b, SHARE_UNIT / 2)]);
		assert!(matches!(root_events().last(), Some(Event::RootEpochCompleted { .. })));
	});
}

#[test]
fn one_root_validator_weighting_3_to_1_sets_shares_3_to_1_and_emission_follows() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		// Weights set in the block a subnet was registered in count for nothing (as on a
		// subnet): set them a block later.
		run_to_block(2);
		root_weights(ROOT_A, &[(a, 3), (b, 1)]);
		run_root_epoch();
		let now = shares();
		assert!(near(now[0].1, 750_000_000) && near(now[1].1, 250_000_000), "{now:?}");
		let event = root_events().into_iter().rev().find_map(|e| match e {
			Event::RootEpochCompleted { shares, .. } => Some(shares),
			_ => None,
		});
		assert_eq!(event, Some(now.clone()));

		// Each block's emission is split by the shares (1 MYL a block before the halving).
		let parts = pallet_yuma::Pallet::<Test>::emission_per_block(&[a, b]);
		assert_eq!(parts[0], u64::from(now[0].1));
		assert_eq!(parts[1], u64::from(now[1].1));
		// In each block without the subnet's epoch, its pending emission grows by exactly
		// its part.
		let mut checked = 0;
		for _ in 0..10 {
			let before = (PendingEmission::<Test>::get(a), PendingEmission::<Test>::get(b));
			let next = System::block_number() + 1;
			run_to_block(next);
			let epochs = myelin_test_runtime::epochs_at(next);
			for (netuid, before, part) in [(a, before.0, parts[0]), (b, before.1, parts[1])] {
				if !epochs.contains(&netuid) {
					assert_eq!(PendingEmission::<Test>::get(netuid), before + part);
					checked += 1;
				}
			}
		}
		assert!(checked >= 16);
	});
}

#[test]
fn a_smaller_root_validator_cannot_move_shares_past_kappa_clipping() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		run_to_block(2);
		// ROOT_A (70% of the root stake) weights 3:1; ROOT_B (30%) puts everything on b.
		root_weights(ROOT_A, &[(a, 3), (b, 1)]);
		root_weights(ROOT_B, &[(b, 1)]);
		run_root_epoch();
		// Consensus (kappa = 1/2 of the stake) is ROOT_A's row: a 0.75, b 0.25. ROOT_B's 1.0 on
		// b is clipped to 0.25, so b ranks 0.7·0.25 + 0.3·0.25 = 0.25 against a's 0.7·0.75 =
		// 0.525: a gets 0.525 / 0.775 = 67.7%. Unclipped, b would rank 0.475 and a get 52.5%.
		let now = shares();
		assert!(near(now[0].1, 677_419_355), "{now:?}");
		assert!(now[0].1 > 600_000_000);
	});
}

#[test]
fn a_subnet_nobody_weights_earns_nothing() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		let c = register_subnet(120);
		run_to_block(2);
		root_weights(ROOT_A, &[(a, 1), (b, 1)]);
		run_root_epoch();
		assert_eq!(shares(), vec![(a, SHARE_UNIT / 2), (b, SHARE_UNIT / 2), (c, 0)]);
		let pending = PendingEmission::<Test>::get(c);
		run_to_block(System::block_number() + 3);
		assert!(PendingEmission::<Test>::get(c) <= pending, "subnet c still accrues");
		assert_eq!(pallet_yuma::Pallet::<Test>::emission_per_block(&[a, b, c])[2], 0);
	});
}

#[test]
fn a_dissolved_subnets_share_goes_to_the_others_at_once() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		run_to_block(2);
		root_weights(ROOT_A, &[(a, 3), (b, 1)]);
		run_root_epoch();
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), b));
		assert_eq!(shares(), vec![(a, SHARE_UNIT)]);
		assert_eq!(Incentives::<Test>::get().iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![a]);
	});
}

#[test]
fn root_weights_set_before_a_subnet_was_registered_do_not_count_for_it() {
	test(|| {
		let (a, b) = two_subnets_two_roots();
		run_to_block(2);
		root_weights(ROOT_A, &[(a, 1), (b, 1)]);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::root(), b));
		run_to_block(4);
		// The netuid is free again once cleared, and a new subnet takes it.
		assert_eq!(register_subnet(130), b);
		run_root_epoch();
		// ROOT_A's row still names netuid b, but from before the new subnet existed.
		assert_eq!(shares(), vec![(a, SHARE_UNIT), (b, 0)]);
	});
}
