//! Benchmarks of the weights pallet: not written yet. `set_weights` over 1..=4096 entries
//! needs a subnet of 4096 neurons with a permitted validator; until the benchmark is in,
//! `weights.rs` holds placeholder figures.
