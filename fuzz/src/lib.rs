//! # Myelin runtime fuzzer
//!
//! Drives the real runtime (not the mocks) with seeded random sequences of every user call,
//! signed by random accounts (funded coldkeys, unfunded hotkeys and strangers; root through
//! `sudo`), block by block through the executive with its hooks: Aura's slot digest and the
//! timestamp inherent, then the calls as signed extrinsics (signature, nonce, fees and every
//! transaction extension), then `finalize_block`. After every block it checks:
//!
//! - every pallet's `try_state` (Subnets, Staking, Weights, Yuma);
//! - total issuance = Σ (free + reserved) over all accounts;
//! - the block's declared weight is within the block's limit.
//!
//! A panic anywhere (runtime or check) fails the run, with the seed that reproduces it.
//! `make fuzz` runs 100,000 calls; `cargo test` runs a short fixed-seed run.

mod calls;
mod chain;

pub use calls::Rng;
pub use chain::Chain;

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Report {
	/// Calls generated and submitted.
	pub calls: u64,
	/// Extrinsics the executive applied (valid transactions; their dispatch may have failed).
	pub applied: u64,
	/// Of those, dispatches that succeeded.
	pub succeeded: u64,
	/// Blocks built (each checked).
	pub blocks: u64,
	/// The largest declared weight of a block, in picoseconds of ref time.
	pub max_block_weight: u64,
	/// Subnets that existed at the end.
	pub subnets: usize,
	/// Epochs that ran (`EpochCompleted` and `RootEpochCompleted` events).
	pub epochs: u64,
}

/// Run `calls` random calls from `seed`, `per_block` to a block, checking every block.
pub fn run(seed: u64, calls: u64, per_block: u32) -> Report {
	let mut chain = Chain::new();
	let mut rng = Rng::new(seed);
	let mut report = Report::default();
	chain.execute(|chain| {
		while report.calls < calls {
			chain.start_block();
			for _ in 0..per_block.max(1) {
				if report.calls >= calls {
					break;
				}
				let (signer, call) = calls::random_call(&mut rng, chain);
				report.calls += 1;
				if let Some(ok) = chain.submit(&signer, call) {
					report.applied += 1;
					report.succeeded += u64::from(ok);
				}
			}
			let (weight, epochs) = chain.finish_block();
			report.epochs += epochs;
			report.blocks += 1;
			report.max_block_weight = report.max_block_weight.max(weight);
			chain.check_invariants(seed);
		}
		report.subnets = chain.netuids().len();
	});
	report
}
