//! Free block-filling: `serving_rate_limit` and `weights_rate_limit` accepted 0, and the pool
//! then admitted every copy of a feeless `serve_axon` (or a 4096-entry `set_weights`) with
//! consecutive nonces, so one hotkey filled blocks for free after its owner paid one
//! registration. Closed three ways:
//!
//! - both rate limits are at least one block (`WeightsRateLimitZero`, `ServingRateLimitZero`;
//!   a 0 stored before the bound counts as 1), so a block includes one call of a kind from a
//!   hotkey per subnet;
//! - every feeless call provides the pool tag (kind, netuid, hotkey): the pool holds one at a
//!   time (the e2e test `attacks.test.js` submits the second);
//! - all feeless calls of a block together take at most `FEELESS_SHARE` (a quarter) of its
//!   weight and length; past it they wait (`ExhaustsResources`).

use crate::common::{externalities, run_to};
use frame_support::{assert_noop, assert_ok, dispatch::DispatchInfo, traits::Get, weights::Weight};
use myelin_runtime::{
	feeless::{feeless_limits, CheckHotkeyCalls},
	genesis_config_presets, signed_extrinsic, Executive, Runtime, RuntimeCall, RuntimeOrigin,
};
use pallet_subnets::{Error, Hyperparameter as H};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::Bob;
use sp_runtime::{
	traits::TransactionExtension,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
};

type Subnets = pallet_subnets::Pallet<Runtime>;

/// A subnet of Dave with `hotkey` registered by Bob: its netuid.
fn subnet_with(hotkey: &sr25519::Pair) -> u16 {
	let netuid = crate::daves_subnet();
	assert_ok!(Subnets::burned_register(
		RuntimeOrigin::signed(Bob.to_account_id()),
		netuid,
		hotkey.public().into()
	));
	netuid
}

fn serve(netuid: u16, url: &str) -> RuntimeCall {
	RuntimeCall::Subnets(pallet_subnets::Call::serve_axon { netuid, url: url.as_bytes().to_vec() })
}

#[test]
fn a_hotkey_gets_one_feeless_call_of_a_kind_into_a_block() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let hotkey = sr25519::Pair::from_seed(&[0x91; 32]);
		let netuid = subnet_with(&hotkey);
		// Not even root may lift the limits.
		let root = |param| Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param);
		assert_noop!(root(H::ServingRateLimit(0)), Error::<Runtime>::ServingRateLimitZero);
		assert_noop!(root(H::WeightsRateLimit(0)), Error::<Runtime>::WeightsRateLimitZero);
		assert_ok!(root(H::ServingRateLimit(1)));
		// A chain may still hold a 0 from before the bound.
		pallet_subnets::Hyperparams::<Runtime>::mutate(netuid, |p| {
			p.as_mut().unwrap().serving_rate_limit = 0
		});

		// Copies with consecutive nonces: the first is included, the second is invalid in the
		// same block (rate-limited, pool code 2) and costs nothing.
		let first = signed_extrinsic(&hotkey, serve(netuid, "http://a.example"), 0);
		let second = signed_extrinsic(&hotkey, serve(netuid, "http://b.example"), 1);
		assert_eq!(Executive::apply_extrinsic(first), Ok(Ok(())));
		assert_eq!(
			Executive::apply_extrinsic(second.clone()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				pallet_subnets::pool_codes::RATE_LIMITED
			)))
		);
		// In the next block it goes in.
		run_to(2);
		assert_eq!(Executive::apply_extrinsic(second), Ok(Ok(())));
	});
}

#[test]
fn the_pool_holds_one_feeless_call_of_a_kind_per_hotkey_and_subnet() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let hotkey = sr25519::Pair::from_seed(&[0x92; 32]);
		let netuid = subnet_with(&hotkey);
		let parent = frame_system::Pallet::<Runtime>::parent_hash();
		let validate = |call, nonce| {
			Executive::validate_transaction(
				TransactionSource::External,
				signed_extrinsic(&hotkey, call, nonce),
				parent,
			)
			.expect("valid in the pool")
			.provides
		};
		let tags_first = validate(serve(netuid, "http://a.example"), 0);
		let tags_second = validate(serve(netuid, "http://b.example"), 1);
		// Besides their nonce tags, both provide the same feeless tag: the pool keeps one.
		let shared: Vec<_> = tags_first.iter().filter(|t| tags_second.contains(t)).collect();
		assert_eq!(shared.len(), 1, "one tag in common: (serve_axon, netuid, hotkey)");
		// A call of another kind, or a paid call, does not share it.
		let weights = RuntimeCall::Weights(pallet_weights::Call::commit_weights {
			netuid,
			commit: sp_core::H256::repeat_byte(1),
		});
		let commit_tags = Executive::validate_transaction(
			TransactionSource::External,
			signed_extrinsic(&hotkey, weights, 0),
			parent,
		)
		.map(|v| v.provides);
		if let Ok(commit_tags) = commit_tags {
			assert!(!commit_tags.contains(shared[0]));
		}
	});
}

#[test]
fn feeless_calls_take_at_most_a_quarter_of_a_block() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let hotkey = sr25519::Pair::from_seed(&[0x93; 32]);
		let netuid = subnet_with(&hotkey);
		let (max_weight, max_length) = feeless_limits();
		let block = myelin_runtime::configs::RuntimeBlockWeights::get().max_block.ref_time();
		assert_eq!(max_weight, block / 4);
		assert_eq!(max_length, 5 * 1024 * 1024 / 4);

		let origin = RuntimeOrigin::signed(hotkey.public().into());
		let call = serve(netuid, "http://a.example");
		let heavy = DispatchInfo {
			call_weight: Weight::from_parts(max_weight / 2 + 1, 0),
			..Default::default()
		};
		let prepare =
			|info: &DispatchInfo, len| CheckHotkeyCalls.prepare((), &origin, &call, info, len);
		assert_eq!(prepare(&heavy, 100), Ok(()));
		assert_eq!(
			prepare(&heavy, 100),
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		);
		// By length too.
		let light = DispatchInfo::default();
		assert_eq!(
			prepare(&light, max_length as usize),
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		);
		// A paid call is not counted.
		let paid = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_eq!(CheckHotkeyCalls.prepare((), &origin, &paid, &heavy, 100), Ok(()));
		// The next block starts afresh.
		run_to(2);
		assert_eq!(prepare(&heavy, 100), Ok(()));
	});
}
