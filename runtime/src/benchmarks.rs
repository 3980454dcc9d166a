//! The pallets whose FRAME benchmarks the runtime exposes (`make weights` runs them with
//! frame-omni-bencher and writes each pallet's `weights.rs`).

frame_benchmarking::define_benchmarks!(
	[pallet_subnets, Subnets]
	[pallet_myelin_staking, Staking]
	[pallet_weights, Weights]
	[pallet_root, Root]
	[pallet_market, Market]
	[pallet_yuma, Yuma]
);
