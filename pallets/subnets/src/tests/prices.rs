//! Price dynamics: the registration price of `burned_register` and the lock cost of
//! `register_network`. Floats appear only here, as an independent reference model.

use super::*;
use frame_support::assert_ok;
use Hyperparameter as H;

/// The price `burned_register` would burn now.
fn price(netuid: u16) -> Balance {
	Subnets::registration_price(netuid).expect("subnet exists")
}

/// Register a fresh hotkey of Bob; returns what was burned.
fn register_and_get_burn(netuid: u16, hotkey: AccountId) -> Balance {
	let before = free(BOB);
	register_neuron(netuid, BOB, hotkey);
	before - free(BOB)
}

/// The spec's price model in floating point.
fn model(base: f64, elapsed: u64, half_life: u32, min: Balance, max: Balance) -> f64 {
	(base * 2f64.powf(-(elapsed as f64) / f64::from(half_life))).clamp(min as f64, max as f64)
}

fn assert_close(actual: Balance, expected: f64, relative: f64) {
	let error = (actual as f64 - expected).abs();
	assert!(
		error <= expected * relative + 1.0,
		"actual {actual}, expected {expected}, error {error}"
	);
}

#[test]
fn a_new_subnet_costs_one_myl() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		assert_eq!(price(netuid), MYL);
		assert_eq!(register_and_get_burn(netuid, 201), MYL);
		assert_eq!(
			last_subnet_event(),
			Event::NeuronRegistered { netuid, uid: 1, hotkey: 201, burned: MYL }
		);
		assert_eq!(Subnets::registration_price(77), None);
	});
}

#[test]
fn each_registration_multiplies_the_price_by_1_26() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		let expected = [
			1_000_000_000u128,
			1_260_000_000,
			1_587_600_000,
			2_000_376_000,
			2_520_473_760,
			3_175_796_937,
		];
		for (i, want) in expected.iter().enumerate() {
			assert_eq!(price(netuid), *want);
			assert_eq!(register_and_get_burn(netuid, 200 + i as u64), *want);
		}
		// Twenty registrations in one block: 1.26^k within rounding.
		for k in expected.len()..20 {
			let burned = register_and_get_burn(netuid, 200 + k as u64);
			assert_close(burned, 1e9 * 1.26f64.powi(k as i32), 1e-9);
		}
	});
}

#[test]
fn the_price_halves_every_half_life() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		// Base 1.26 MYL from block 1, half-life 360.
		run_to_block(361);
		assert_eq!(price(netuid), 630_000_000);
		run_to_block(721);
		assert_eq!(price(netuid), 315_000_000);
		run_to_block(1081);
		assert_eq!(price(netuid), 157_500_000);
		// Continuous in between: 1.26 · 2^(−1/2) and 1.26 · 2^(−1/4).
		run_to_block(181);
		assert_close(price(netuid), 1.26e9 / 2f64.sqrt(), 1e-9);
		run_to_block(91);
		assert_close(price(netuid), 1.26e9 * 2f64.powf(-0.25), 1e-9);
	});
}

#[test]
fn the_price_decays_monotonically_and_matches_the_model() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		let p = params(netuid);
		let mut previous = price(netuid);
		for block in 1..=6_000u64 {
			run_to_block(block);
			let now = price(netuid);
			assert!(now <= previous, "price rose at block {block}");
			assert_close(now, model(1.26e9, block - 1, 360, p.min_burn, p.max_burn), 1e-9);
			previous = now;
		}
		// Far in the future it rests at min_burn.
		assert_eq!(previous, MYL / 2000);
		run_to_block(1_000_000_000);
		assert_eq!(price(netuid), MYL / 2000);
	});
}

#[test]
fn the_price_is_clamped_to_min_burn() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		// 1.26 MYL / 4096 = 307_617 < 500_000.
		run_to_block(1 + 12 * 360);
		assert_eq!(price(netuid), 500_000);
		assert_eq!(register_and_get_burn(netuid, 202), 500_000);
		// The next base is 1.26 · 500_000.
		assert_eq!(price(netuid), 630_000);
		// Root raises the floor: the price follows at once.
		root_set(netuid, H::MinBurn(5 * MYL));
		assert_eq!(price(netuid), 5 * MYL);
		assert_eq!(register_and_get_burn(netuid, 203), 5 * MYL);
	});
}

#[test]
fn the_price_is_clamped_to_max_burn() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		root_set(netuid, H::MaxBurn(2 * MYL));
		let burns: Vec<Balance> = (0..8).map(|i| register_and_get_burn(netuid, 200 + i)).collect();
		assert_eq!(
			burns,
			vec![MYL, 1_260_000_000, 1_587_600_000, 2 * MYL, 2 * MYL, 2 * MYL, 2 * MYL, 2 * MYL]
		);
		// The base above the cap is 2.52 MYL: the price stays at the cap until
		// 360 · log2(1.26) ≈ 120 blocks have passed.
		run_to_block(120);
		assert_eq!(price(netuid), 2 * MYL);
		run_to_block(125);
		assert!(price(netuid) < 2 * MYL);
		// With the default cap of 100 MYL, a long burst of registrations tops out there.
		root_set(netuid, H::MaxBurn(100 * MYL));
		for i in 0..30 {
			register_neuron(netuid, BOB, 300 + i);
		}
		assert_eq!(price(netuid), 100 * MYL);
		assert_eq!(register_and_get_burn(netuid, 400), 100 * MYL);
	});
}

#[test]
fn the_half_life_is_set_by_root() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		root_set(netuid, H::BurnHalfLife(10));
		run_to_block(11);
		assert_eq!(price(netuid), 630_000_000);
		root_set(netuid, H::BurnHalfLife(1));
		run_to_block(12);
		// 11 half-lives of one block: 1.26 MYL / 2048.
		assert_eq!(price(netuid), 615_234);
	});
}

#[test]
fn prices_are_per_subnet() {
	test(|| {
		let first = register_subnet(ALICE, 101);
		let second = register_subnet(BOB, 201);
		for i in 0..3 {
			register_neuron(first, CHARLIE, 300 + i);
		}
		assert_eq!(price(first), 2_000_376_000);
		assert_eq!(price(second), MYL);
	});
}

#[test]
fn a_long_run_follows_the_model_and_burns_exactly() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		root_set(netuid, H::MaxAllowedUids(4096));
		let p = params(netuid);
		let issuance_before = issuance();
		let (mut base, mut since) = (1e9f64, 1u64);
		let mut block = 1u64;
		let mut total_burned = 0;
		// Bursts and pauses: 400 registrations over ~40_000 blocks.
		for i in 0..400u64 {
			block += (i * 7_919) % 251;
			run_to_block(block);
			let expected = model(base, block - since, p.burn_half_life, p.min_burn, p.max_burn);
			let burned = register_and_get_burn(netuid, 10_000 + i);
			assert_close(burned, expected, 1e-6);
			total_burned += burned;
			base = burned as f64 * 1.26;
			since = block;
		}
		assert_eq!(issuance(), issuance_before - total_burned);
	});
}

#[test]
fn the_lock_doubles_after_each_registration() {
	test(|| {
		let mut locks = Vec::new();
		for (coldkey, hotkey) in [(ALICE, 101), (BOB, 201), (CHARLIE, 301), (ALICE, 102)] {
			assert_eq!(Subnets::network_lock_cost(), (100 * MYL) << locks.len());
			let netuid = register_subnet(coldkey, hotkey);
			locks.push(SubnetLocked::<Test>::get(netuid).unwrap());
		}
		assert_eq!(locks, vec![100 * MYL, 200 * MYL, 400 * MYL, 800 * MYL]);
		assert_eq!(held(ALICE), 900 * MYL);
		assert_eq!(held(BOB), 200 * MYL);
		assert_eq!(held(CHARLIE), 400 * MYL);
		assert_eq!(Subnets::network_lock_cost(), 1600 * MYL);
	});
}

#[test]
fn the_lock_decays_linearly_back_to_the_minimum() {
	ExtBuilder::default().lock_reduction_interval(1000).build_and_execute(|| {
		register_subnet(ALICE, 101);
		register_subnet(BOB, 201);
		// Last lock 200 MYL at block 1: cost 400 MYL falling by 0.4 MYL a block.
		assert_eq!(Subnets::network_lock_cost(), 400 * MYL);
		run_to_block(251);
		assert_eq!(Subnets::network_lock_cost(), 300 * MYL);
		run_to_block(501);
		assert_eq!(Subnets::network_lock_cost(), 200 * MYL);
		run_to_block(502);
		assert_eq!(Subnets::network_lock_cost(), 200 * MYL - 400_000_000);
		run_to_block(751);
		assert_eq!(Subnets::network_lock_cost(), 100 * MYL);
		run_to_block(900);
		assert_eq!(Subnets::network_lock_cost(), 100 * MYL);
		run_to_block(1_000_000);
		assert_eq!(Subnets::network_lock_cost(), 100 * MYL);

		// Registering at a decayed cost doubles that cost.
		run_to_block(1_000_500);
		let netuid = register_subnet(CHARLIE, 301);
		assert_eq!(SubnetLocked::<Test>::get(netuid), Some(100 * MYL));
		assert_eq!(Subnets::network_lock_cost(), 200 * MYL);
		run_to_block(1_000_750);
		assert_eq!(Subnets::network_lock_cost(), 150 * MYL);
	});
}

#[test]
fn the_lock_decays_over_the_default_interval() {
	test(|| {
		register_subnet(ALICE, 101);
		// 200 MYL falling to 100 MYL over 50_400 blocks, then flat.
		run_to_block(1 + 25_200);
		assert_eq!(Subnets::network_lock_cost(), 150 * MYL);
		run_to_block(1 + 50_400);
		assert_eq!(Subnets::network_lock_cost(), 100 * MYL);
		run_to_block(1 + 100_800);
		assert_eq!(Subnets::network_lock_cost(), 100 * MYL);
	});
}

#[test]
fn the_minimum_lock_is_a_floor() {
	test(|| {
		register_subnet(ALICE, 101);
		run_to_block(1 + 100_800);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::NetworkMinLock(1_000 * MYL)
		));
		assert_eq!(Subnets::network_lock_cost(), 1_000 * MYL);
		// Above the decayed doubled lock too.
		register_subnet(BOB, 201);
		assert_eq!(Subnets::network_lock_cost(), 2_000 * MYL);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::NetworkMinLock(5_000 * MYL)
		));
		assert_eq!(Subnets::network_lock_cost(), 5_000 * MYL);
	});
}

#[test]
fn a_shorter_interval_applies_at_once() {
	test(|| {
		register_subnet(ALICE, 101);
		run_to_block(101);
		assert_ok!(Subnets::set_network_parameter(
			RuntimeOrigin::root(),
			NetworkParameter::LockReductionInterval(400)
		));
		// 200 MYL − 200 MYL · 100/400.
		assert_eq!(Subnets::network_lock_cost(), 150 * MYL);
	});
}

#[test]
fn a_registration_never_burns_more_than_its_limit() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		// The price a signer saw (1 MYL) rises by 1.26 with a registration included first.
		assert_eq!(price(netuid), MYL);
		register_neuron(netuid, BOB, 201);
		let risen = price(netuid);
		assert!(risen > MYL);
		let (free_before, issuance_before) = (free(BOB), issuance());
		frame_support::assert_noop!(
			Subnets::burned_register_with_limit(RuntimeOrigin::signed(BOB), netuid, 202, MYL),
			Error::<Test>::BurnAboveLimit
		);
		assert_eq!((free(BOB), issuance()), (free_before, issuance_before));
		assert_eq!(SubnetworkN::<Test>::get(netuid), 2);
		// At its price exactly, the same call registers and burns that price.
		assert_ok!(Subnets::burned_register_with_limit(
			RuntimeOrigin::signed(BOB),
			netuid,
			202,
			risen
		));
		assert_eq!(free(BOB), free_before - risen);
		assert_eq!(
			last_subnet_event(),
			Event::NeuronRegistered { netuid, uid: 2, hotkey: 202, burned: risen }
		);
	});
}

#[test]
fn a_subnet_never_locks_more_than_its_limit() {
	test(|| {
		let lock = Subnets::network_lock_cost();
		register_subnet(ALICE, 101);
		// The lock cost doubled with the registration included first.
		let risen = Subnets::network_lock_cost();
		assert!(risen > lock);
		let held_before = held(BOB);
		frame_support::assert_noop!(
			Subnets::register_network_with_limit(RuntimeOrigin::signed(BOB), 102, lock),
			Error::<Test>::LockAboveLimit
		);
		assert_eq!(held(BOB), held_before);
		assert_ok!(Subnets::register_network_with_limit(RuntimeOrigin::signed(BOB), 102, risen));
		assert_eq!(held(BOB), held_before + risen);
	});
}
