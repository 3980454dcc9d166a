//! `set_hyperparameter`: who may set what, bounds and cross-checks.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use Hyperparameter as H;

/// One valid value for every variant the owner may set.
fn owner_variants() -> Vec<Hyperparameter<Balance>> {
	vec![
		H::Tempo(100),
		H::YumaVersion(2),
		H::BondsMovingAverage(999_999),
		H::BondsPenalty(0),
		H::LiquidAlphaEnabled(true),
		H::AlphaValues { low: 1638, high: 65_535 },
		H::AlphaSigmoidSteepness(50),
		H::ImmunityPeriod(0),
		H::ActivityCutoff(100),
		H::WeightsRateLimit(1),
		H::MinAllowedWeights(0),
		// The largest share of a row over the one neuron of a new subnet is 65535.
		H::MaxWeightLimit(65_535),
		H::WeightsVersionKey(u64::MAX),
		H::CommitRevealEnabled(true),
		H::CommitRevealPeriod(100),
		H::RegistrationAllowed(false),
		H::ServingRateLimit(u32::MAX),
	]
}

/// One valid value for every root-only variant.
fn root_variants() -> Vec<Hyperparameter<Balance>> {
	vec![
		H::Kappa(65_535),
		H::MaxAllowedUids(4096),
		H::MaxAllowedValidators(4096),
		H::MinBurn(MYL),
		H::MaxBurn(1_000 * MYL),
		H::BurnHalfLife(1),
	]
}

/// Whether `param` is the value stored in `p`.
fn is_stored(p: &SubnetHyperparams<Balance>, param: Hyperparameter<Balance>) -> bool {
	match param {
		H::Tempo(v) => p.tempo == v,
		H::Kappa(v) => p.kappa == v,
		H::YumaVersion(v) => p.yuma_version == v,
		H::BondsMovingAverage(v) => p.bonds_moving_average == v,
		H::BondsPenalty(v) => p.bonds_penalty == v,
		H::LiquidAlphaEnabled(v) => p.liquid_alpha_enabled == v,
		H::AlphaValues { low, high } => p.alpha_low == low && p.alpha_high == high,
		H::AlphaSigmoidSteepness(v) => p.alpha_sigmoid_steepness == v,
		H::MaxAllowedUids(v) => p.max_allowed_uids == v,
		H::MaxAllowedValidators(v) => p.max_allowed_validators == v,
		H::ImmunityPeriod(v) => p.immunity_period == v,
		H::ActivityCutoff(v) => p.activity_cutoff == v,
		H::WeightsRateLimit(v) => p.weights_rate_limit == v,
		H::MinAllowedWeights(v) => p.min_allowed_weights == v,
		H::MaxWeightLimit(v) => p.max_weight_limit == v,
		H::WeightsVersionKey(v) => p.weights_version_key == v,
		H::CommitRevealEnabled(v) => p.commit_reveal_enabled == v,
		H::CommitRevealPeriod(v) => p.commit_reveal_period == v,
		H::MinBurn(v) => p.min_burn == v,
		H::MaxBurn(v) => p.max_burn == v,
		H::BurnHalfLife(v) => p.burn_half_life == v,
		H::RegistrationAllowed(v) => p.registration_allowed == v,
		H::ServingRateLimit(v) => p.serving_rate_limit == v,
	}
}

#[test]
fn root_only_classification() {
	for param in owner_variants() {
		assert!(!param.is_root_only(), "{param:?}");
	}
	for param in root_variants() {
		assert!(param.is_root_only(), "{param:?}");
	}
	// Every variant is covered by exactly one of the lists.
	assert_eq!(owner_variants().len() + root_variants().len(), 23);
}

#[test]
fn the_owner_sets_every_owner_variant() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		for param in owner_variants() {
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), netuid, param));
			assert_eq!(last_subnet_event(), Event::HyperparameterSet { netuid, param });
			assert!(is_stored(&params(netuid), param), "{param:?} not stored");
		}
		// All of them are stored together.
		let p = params(netuid);
		for param in owner_variants() {
			assert!(is_stored(&p, param), "{param:?} lost");
		}
	});
}

#[test]
fn root_sets_every_variant() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		for param in root_variants().into_iter().chain(owner_variants()) {
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
			assert_eq!(last_subnet_event(), Event::HyperparameterSet { netuid, param });
			assert!(is_stored(&params(netuid), param), "{param:?} not stored");
		}
	});
}

#[test]
fn the_owner_is_refused_root_only_variants() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		for param in root_variants() {
			assert_noop!(
				Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), netuid, param),
				Error::<Test>::RootOnlyHyperparameter
			);
		}
	});
}

#[test]
fn strangers_are_refused_every_variant() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_subnet(BOB, 201);
		for param in owner_variants().into_iter().chain(root_variants()) {
			// Another subnet's owner, the owner's hotkey and a random account.
			for who in [BOB, 101, CHARLIE] {
				assert_noop!(
					Subnets::set_hyperparameter(RuntimeOrigin::signed(who), netuid, param),
					Error::<Test>::NotSubnetOwner
				);
			}
			assert_noop!(
				Subnets::set_hyperparameter(RuntimeOrigin::none(), netuid, param),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn unknown_subnets_are_refused() {
	test(|| {
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::root(), 1, H::Tempo(10)),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), 1, H::Tempo(10)),
			Error::<Test>::SubnetNotFound
		);
	});
}

/// Assert that root setting `param` on `netuid` fails with `error`, changing nothing.
fn refused(netuid: u16, param: Hyperparameter<Balance>, error: Error<Test>) {
	assert_noop!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param), error);
}

/// Assert that root may set `param` on `netuid`.
fn accepted(netuid: u16, param: Hyperparameter<Balance>) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
}

#[test]
fn tempo_bounds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::Tempo(0), Error::<Test>::TempoOutOfBounds);
		refused(netuid, H::Tempo(50_401), Error::<Test>::TempoOutOfBounds);
		refused(netuid, H::Tempo(u16::MAX), Error::<Test>::TempoOutOfBounds);
		// activity_cutoff is 5000.
		refused(netuid, H::Tempo(5001), Error::<Test>::ActivityCutoffBelowTempo);
		accepted(netuid, H::Tempo(5000));
		accepted(netuid, H::Tempo(1));
		accepted(netuid, H::ActivityCutoff(50_400));
		accepted(netuid, H::Tempo(50_400));
		// The owner is bound the same way.
		assert_noop!(
			Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), netuid, H::Tempo(0)),
			Error::<Test>::TempoOutOfBounds
		);
	});
}

#[test]
fn activity_cutoff_is_at_least_tempo() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::ActivityCutoff(359), Error::<Test>::ActivityCutoffBelowTempo);
		refused(netuid, H::ActivityCutoff(0), Error::<Test>::ActivityCutoffBelowTempo);
		accepted(netuid, H::ActivityCutoff(360));
		accepted(netuid, H::Tempo(10));
		accepted(netuid, H::ActivityCutoff(10));
	});
}

#[test]
fn yuma_version_is_2_or_3() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		for version in [0, 1, 4, u8::MAX] {
			refused(netuid, H::YumaVersion(version), Error::<Test>::YumaVersionInvalid);
		}
		accepted(netuid, H::YumaVersion(2));
		accepted(netuid, H::YumaVersion(3));
	});
}

#[test]
fn bonds_moving_average_bound() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::BondsMovingAverage(1_000_000), Error::<Test>::BondsMovingAverageTooHigh);
		refused(netuid, H::BondsMovingAverage(u64::MAX), Error::<Test>::BondsMovingAverageTooHigh);
		accepted(netuid, H::BondsMovingAverage(999_999));
		accepted(netuid, H::BondsMovingAverage(0));
	});
}

#[test]
fn alpha_values_bounds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::AlphaValues { low: 1637, high: 60_000 }, Error::<Test>::AlphaLowTooLow);
		refused(netuid, H::AlphaValues { low: 0, high: 0 }, Error::<Test>::AlphaLowTooLow);
		refused(
			netuid,
			H::AlphaValues { low: 50_000, high: 49_999 },
			Error::<Test>::AlphaLowAboveHigh,
		);
		accepted(netuid, H::AlphaValues { low: 1638, high: 1638 });
		accepted(netuid, H::AlphaValues { low: 65_535, high: 65_535 });
		assert_eq!((params(netuid).alpha_low, params(netuid).alpha_high), (65_535, 65_535));
	});
}

#[test]
fn max_allowed_uids_bounds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::MaxAllowedUids(0), Error::<Test>::MaxAllowedUidsOutOfBounds);
		refused(netuid, H::MaxAllowedUids(1), Error::<Test>::MaxAllowedUidsOutOfBounds);
		refused(netuid, H::MaxAllowedUids(4097), Error::<Test>::MaxAllowedUidsOutOfBounds);
		accepted(netuid, H::MaxAllowedUids(4096));
		// max_allowed_validators is 64.
		refused(netuid, H::MaxAllowedUids(63), Error::<Test>::ValidatorsExceedMaxUids);
		accepted(netuid, H::MaxAllowedUids(64));
		accepted(netuid, H::MaxAllowedValidators(1));
		// min_allowed_weights is 1, then 10.
		accepted(netuid, H::MaxAllowedUids(2));
		accepted(netuid, H::MaxAllowedUids(64));
		accepted(netuid, H::MinAllowedWeights(10));
		refused(netuid, H::MaxAllowedUids(9), Error::<Test>::MinWeightsExceedMaxUids);
		accepted(netuid, H::MaxAllowedUids(10));
	});
}

#[test]
fn max_allowed_uids_never_below_the_neuron_count() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		accepted(netuid, H::MaxAllowedValidators(1));
		accepted(netuid, H::MinAllowedWeights(0));
		for hotkey in [201, 202, 203, 204] {
			register_neuron(netuid, BOB, hotkey);
		}
		// n = 5.
		refused(netuid, H::MaxAllowedUids(4), Error::<Test>::MaxAllowedUidsBelowNeuronCount);
		refused(netuid, H::MaxAllowedUids(2), Error::<Test>::MaxAllowedUidsBelowNeuronCount);
		accepted(netuid, H::MaxAllowedUids(5));
		assert_eq!(params(netuid).max_allowed_uids, 5);
	});
}

#[test]
fn max_allowed_validators_bounds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::MaxAllowedValidators(0), Error::<Test>::MaxAllowedValidatorsZero);
		refused(netuid, H::MaxAllowedValidators(257), Error::<Test>::ValidatorsExceedMaxUids);
		accepted(netuid, H::MaxAllowedValidators(256));
		accepted(netuid, H::MaxAllowedValidators(1));
	});
}

#[test]
fn min_allowed_weights_bound() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::MinAllowedWeights(257), Error::<Test>::MinWeightsExceedMaxUids);
		accepted(netuid, H::MinAllowedWeights(256));
		accepted(netuid, H::MinAllowedWeights(0));
		// The owner may set it too, but not above the current neurons (here 1).
		assert_noop!(
			Subnets::set_hyperparameter(
				RuntimeOrigin::signed(ALICE),
				netuid,
				H::MinAllowedWeights(u16::MAX)
			),
			Error::<Test>::MinAllowedWeightsAboveNeuronCount
		);
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(ALICE),
			netuid,
			H::MinAllowedWeights(1)
		));
	});
}

#[test]
fn commit_reveal_period_bounds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		refused(netuid, H::CommitRevealPeriod(0), Error::<Test>::CommitRevealPeriodOutOfBounds);
		refused(netuid, H::CommitRevealPeriod(101), Error::<Test>::CommitRevealPeriodOutOfBounds);
		accepted(netuid, H::CommitRevealPeriod(1));
		accepted(netuid, H::CommitRevealPeriod(100));
	});
}

#[test]
fn burn_bounds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		// max_burn is 100 MYL, min_burn 0.0005 MYL.
		refused(netuid, H::MinBurn(100 * MYL + 1), Error::<Test>::MinBurnAboveMaxBurn);
		refused(netuid, H::MaxBurn(MYL / 2000 - 1), Error::<Test>::MinBurnAboveMaxBurn);
		accepted(netuid, H::MinBurn(100 * MYL));
		refused(netuid, H::MaxBurn(100 * MYL - 1), Error::<Test>::MinBurnAboveMaxBurn);
		accepted(netuid, H::MaxBurn(u128::MAX));
		accepted(netuid, H::MinBurn(0));
		accepted(netuid, H::MaxBurn(0));
		refused(netuid, H::BurnHalfLife(0), Error::<Test>::BurnHalfLifeZero);
		accepted(netuid, H::BurnHalfLife(u32::MAX));
	});
}

#[test]
fn rate_limits_are_at_least_one_block() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		// Not even root may set 0: every feeless call of a hotkey would then pass the pool.
		refused(netuid, H::WeightsRateLimit(0), Error::<Test>::WeightsRateLimitZero);
		refused(netuid, H::ServingRateLimit(0), Error::<Test>::ServingRateLimitZero);
		accepted(netuid, H::WeightsRateLimit(1));
		accepted(netuid, H::ServingRateLimit(1));
	});
}

#[test]
fn settings_are_per_subnet() {
	test(|| {
		let first = register_subnet(ALICE, 101);
		let second = register_subnet(BOB, 201);
		assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::signed(ALICE), first, H::Tempo(99)));
		accepted(second, H::Kappa(1));
		assert_eq!(params(first).tempo, 99);
		assert_eq!(params(second).tempo, 360);
		assert_eq!(params(first).kappa, 32_767);
		assert_eq!(params(second).kappa, 1);
	});
}
