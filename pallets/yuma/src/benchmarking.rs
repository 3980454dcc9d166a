//! Benchmarks of the Yuma pallet: not written yet (the epoch benchmark over `n` and the number
//! of weight entries needs the Weights pallet to set up rows). Until then `weights.rs` holds
//! placeholder figures derived from the crate's criterion benchmarks.
