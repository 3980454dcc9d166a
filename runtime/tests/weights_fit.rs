//! Every call's declared worst-case weight, and the worst case of the per-block work, against
//! the development chain's block (250 ms slots: 125 ms of weight a block, 93.75 ms of it for
//! normal extrinsics). Prints the table of `docs/benchmarks.md` (`--nocapture`) and asserts
//! that each fits.

mod common;

use common::externalities;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::Get,
	weights::Weight,
};
use myelin_runtime::{configs::RuntimeBlockWeights, genesis_config_presets, Runtime, RuntimeCall};
use pallet_root::WeightInfo as _;
use pallet_subnets::{Hyperparameter, NetworkParameter, WeightInfo as _};
use pallet_yuma::WeightInfo as _;
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::Perbill;

type SubnetsWeights = <Runtime as pallet_subnets::Config>::WeightInfo;
type YumaWeights = <Runtime as pallet_yuma::Config>::WeightInfo;
type RootWeights = <Runtime as pallet_root::Config>::WeightInfo;

fn ms(weight: Weight) -> f64 {
	weight.ref_time() as f64 / 1e9
}

/// Every call with the arguments of its worst case (4096-entry rows, the longest URL).
fn worst_calls() -> Vec<(&'static str, RuntimeCall)> {
	use pallet_market::Call as Market;
	use pallet_myelin_staking::Call as Staking;
	use pallet_root::Call as Root;
	use pallet_subnets::Call as Subnets;
	use pallet_weights::Call as Weights;
	let (a, b) = (Alice.to_account_id(), Bob.to_account_id());
	let uids: Vec<u16> = (0..4096).collect();
	let row: Vec<u16> = vec![1; 4096];
	vec![
		("subnets.register_network", Subnets::register_network { hotkey: a.clone() }.into()),
		("subnets.dissolve_network", Subnets::dissolve_network { netuid: 1 }.into()),
		(
			"subnets.set_hyperparameter",
			Subnets::set_hyperparameter { netuid: 1, param: Hyperparameter::Tempo(10) }.into(),
		),
		(
			"subnets.burned_register",
			Subnets::burned_register { netuid: 1, hotkey: a.clone() }.into(),
		),
		("subnets.serve_axon", Subnets::serve_axon { netuid: 1, url: vec![b'a'; 256] }.into()),
		(
			"subnets.set_network_parameter",
			Subnets::set_network_parameter { param: NetworkParameter::SubnetLimit(32) }.into(),
		),
		("staking.add_stake", Staking::add_stake { hotkey: a.clone(), amount: 1 }.into()),
		("staking.remove_stake", Staking::remove_stake { hotkey: a.clone(), amount: 1 }.into()),
		(
			"staking.move_stake",
			Staking::move_stake { from_hotkey: a.clone(), to_hotkey: b, amount: 1 }.into(),
		),
		("staking.set_take", Staking::set_take { hotkey: a, take: Perbill::zero() }.into()),
		("staking.set_take_rate_limit", Staking::set_take_rate_limit { blocks: 1 }.into()),
		("staking.set_take_increase_delay", Staking::set_take_increase_delay { blocks: 1 }.into()),
		(
			"weights.set_weights",
			Weights::set_weights {
				netuid: 1,
				uids: uids.clone(),
				weights: row.clone(),
				version_key: 0,
			}
			.into(),
		),
		(
			"weights.commit_weights",
			Weights::commit_weights { netuid: 1, commit: Default::default() }.into(),
		),
		(
			"weights.reveal_weights",
			Weights::reveal_weights { netuid: 1, uids, weights: row, salt: vec![], version_key: 0 }
				.into(),
		),
		("root.register", Root::register { hotkey: Alice.to_account_id() }.into()),
		(
			"root.set_weights",
			Root::set_weights { netuids: (1..=1024).collect(), weights: vec![1; 1024] }.into(),
		),
		(
			"root.set_root_parameter",
			Root::set_root_parameter { param: pallet_root::RootParameter::Tempo(10) }.into(),
		),
		("market.bond", Market::bond { netuid: 1, hotkey: a2(), amount: 1 }.into()),
		("market.unbond", Market::unbond { netuid: 1, hotkey: a2(), amount: 1 }.into()),
		("market.withdraw_unbonded", Market::withdraw_unbonded { netuid: 1, hotkey: a2() }.into()),
		(
			"market.set_offer",
			Market::set_offer {
				netuid: 1,
				price_per_unit: 1,
				capacity: 64,
				attributes: vec![0; 256],
			}
			.into(),
		),
		(
			"market.post_job",
			Market::post_job {
				netuid: 1,
				spec: vec![0; 1024],
				max_price: 1,
				deadline: 100,
				provider: Some(a2()),
			}
			.into(),
		),
		("market.cancel_job", Market::cancel_job { job_id: 0 }.into()),
		("market.accept_job", Market::accept_job { job_id: 0 }.into()),
		(
			"market.submit_result",
			Market::submit_result { job_id: 0, result_hash: Default::default(), units: 1 }.into(),
		),
		("market.attest", Market::attest { job_id: 0, approve: true }.into()),
		("market.dispute", Market::dispute { job_id: 0 }.into()),
		("market.finalize_job", Market::finalize_job { job_id: 0 }.into()),
		(
			"market.open_lease",
			Market::open_lease { netuid: 1, provider: a2(), rate_per_block: 1, deposit: 1 }.into(),
		),
		("market.accept_lease", Market::accept_lease { lease_id: 0 }.into()),
		("market.top_up", Market::top_up { lease_id: 0, amount: 1 }.into()),
		("market.withdraw_lease", Market::withdraw_lease { lease_id: 0 }.into()),
		("market.close_lease", Market::close_lease { lease_id: 0 }.into()),
		(
			"market.set_protocol_take",
			Market::set_protocol_take { take: Perbill::from_percent(2) }.into(),
		),
	]
}

fn a2() -> myelin_runtime::AccountId {
	Alice.to_account_id()
}

#[test]
fn every_worst_case_fits_a_dev_block() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		let limits = RuntimeBlockWeights::get();
		let normal = limits.get(DispatchClass::Normal);
		let max_extrinsic = normal.max_extrinsic.expect("normal extrinsics are bounded");
		println!(
			"dev block: {:.2} ms, normal extrinsics {:.2} ms (one at most {:.2} ms)",
			ms(limits.max_block),
			ms(normal.max_total.unwrap()),
			ms(max_extrinsic)
		);
		println!("| call | declared worst case (ms) | share of the normal limit |");
		for (name, call) in worst_calls() {
			let weight = call.get_dispatch_info().total_weight() + normal.base_extrinsic;
			println!(
				"| `{name}` | {:.3} | {:.1}% |",
				ms(weight),
				100.0 * ms(weight) / ms(normal.max_total.unwrap())
			);
			assert!(weight.all_lte(max_extrinsic), "{name}: {weight:?} above {max_extrinsic:?}");
		}

		// The per-block work: the worst epoch fits the epochs' budget, a migration step over
		// one uid onto a 4095-uid column fits the migrations' budget, and clearing a value
		// of a dissolved subnet fits what is left of a block (the part normal extrinsics can
		// never take).
		let epoch_budget = <Runtime as pallet_yuma::Config>::MaxEpochWeight::get();
		let migration_budget = <Runtime as pallet_migrations::Config>::MaxServiceWeight::get();
		let rows = [
			(
				"epoch, 4096 uids × 256 full rows",
				YumaWeights::epoch(4096, 4096 * 256),
				epoch_budget,
			),
			(
				"epoch, 1024 uids × 256 full rows",
				YumaWeights::epoch(1024, 1024 * 256),
				epoch_budget,
			),
			(
				"root epoch, 256 root validators × 1024 subnets, full rows",
				RootWeights::root_epoch(256, 1024),
				epoch_budget,
			),
			(
				"migration step, 1 uid onto 4095",
				SubnetsWeights::migrate_v1_step(4095, 1),
				migration_budget,
			),
			(
				// The least step of the pages migration: a subnet found, its `n`, whether the
				// page is written, and one page of 64 uids of a full subnet.
				"pages migration step, one page",
				SubnetsWeights::migrate_v3_page()
					.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(3)),
				migration_budget,
			),
			(
				"clearing 1 value of a dissolved subnet",
				SubnetsWeights::clear_dissolved(1),
				limits.max_block - normal.max_total.unwrap(),
			),
		];
		println!("| per-block work | declared (ms) | budget (ms) |");
		for (name, weight, budget) in rows {
			println!("| {name} | {:.3} | {:.2} |", ms(weight), ms(budget));
			assert!(weight.all_lte(budget), "{name}: {weight:?} above {budget:?}");
		}
	});
}
