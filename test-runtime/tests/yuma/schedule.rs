//! Emission and epoch scheduling: splits, halvings, tempo, staggering, deferral.

use super::*;
use pallet_yuma::emission::halving_threshold;

#[test]
fn nothing_is_emitted_without_subnets() {
	test(|| {
		run_to_block(20);
		assert_eq!(TotalEmitted::<Test>::get(), 0);
	});
}

#[test]
fn block_emission_is_split_equally_among_subnets() {
	test(|| {
		let a = register_subnet(100);
		let b = register_subnet(110);
		run_to_block(2);
		assert_eq!(PendingEmission::<Test>::get(a), 500_000_000);
		assert_eq!(PendingEmission::<Test>::get(b), 500_000_000);
		assert_eq!(TotalEmitted::<Test>::get(), MYL);
		let c = register_subnet(120);
		run_to_block(3);
		// Equal shares sum to exactly a billion parts: the lowest netuid gets the extra part,
		// and the whole 1 MYL is emitted.
		assert_eq!(PendingEmission::<Test>::get(a), 500_000_000 + 333_333_334);
		assert_eq!(PendingEmission::<Test>::get(c), 333_333_333);
		assert_eq!(TotalEmitted::<Test>::get(), 2 * MYL);
	});
}

#[test]
fn emission_halves_at_the_threshold() {
	test(|| {
		let netuid = register_subnet(100);
		TotalEmitted::<Test>::put(halving_threshold(0) - MYL / 4);
		// Keep the accounting invariant: pretend the rest was paid.
		TotalPaid::<Test>::put(halving_threshold(0) - MYL / 4);
		run_to_block(2);
		assert_eq!(u128::from(PendingEmission::<Test>::get(netuid)), MYL);
		run_to_block(3);
		assert_eq!(u128::from(PendingEmission::<Test>::get(netuid)), MYL + MYL / 2);
	});
}

#[test]
fn epochs_fire_every_tempo_blocks_staggered_by_netuid() {
	test(|| {
		let one = register_subnet(100);
		let two = register_subnet(110);
		run_to_block(2);
		// First seen at block 2: phases 2 − 1 and 2 − 2.
		assert_eq!(LastEpoch::<Test>::get(one), Some(1));
		assert_eq!(LastEpoch::<Test>::get(two), Some(0));
		run_to_block(9);
		assert!(yuma_events().is_empty());
		run_to_block(10);
		assert_eq!(epochs_at(10), vec![two]);
		run_to_block(11);
		assert_eq!(epochs_at(11), vec![one]);
		run_to_block(21);
		assert_eq!(epochs_at(20), vec![two]);
		assert_eq!(epochs_at(21), vec![one]);
		// The tempo is read at every block.
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(OWNER),
			one,
			pallet_subnets::Hyperparameter::Tempo(3)
		));
		run_to_block(24);
		assert_eq!(epochs_at(24), vec![one]);
	});
}

#[test]
fn epochs_beyond_the_budget_wait_for_the_next_block() {
	test(|| {
		let netuids: Vec<u16> = (0..4).map(|k| register_subnet(100 + 10 * k)).collect();
		// Same phase for all.
		for netuid in &netuids {
			LastEpoch::<Test>::insert(netuid, 1);
		}
		// Room for one epoch per block.
		let one = <() as WeightInfo>::epoch(1, 0);
		MaxEpochWeight::set(one);
		run_to_block(11);
		assert_eq!(epochs_at(11), vec![netuids[0]]);
		run_to_block(14);
		assert_eq!(epochs_at(12), vec![netuids[1]]);
		assert_eq!(epochs_at(13), vec![netuids[2]]);
		assert_eq!(epochs_at(14), vec![netuids[3]]);
		// Deferred subnets keep their own schedule from when they ran.
		assert_eq!(LastEpoch::<Test>::get(netuids[3]), Some(14));
		// A budget too small for any epoch runs none: no block carries more than its budget.
		MaxEpochWeight::set(Weight::zero());
		run_to_block(21);
		assert!(epochs_at(21).is_empty());
		assert!(yuma_events().iter().any(|e| matches!(
			e,
			pallet_yuma::Event::EpochTooHeavy { netuid, limit: 0, .. } if *netuid == netuids[0]
		)));
	});
}

#[test]
fn on_initialize_reports_the_epochs_it_ran() {
	test(|| {
		register_subnet(100);
		run_to_block(5);
		System::set_block_number(6);
		let quiet = Yuma::on_initialize(6);
		run_to_block(10);
		System::set_block_number(11);
		let busy = Yuma::on_initialize(11);
		assert!(busy.ref_time() > quiet.ref_time());
	});
}
