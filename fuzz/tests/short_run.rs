//! The fixed-seed short run `make test` does: every invariant after every block, no panic,
//! and the run reaches the interesting states (subnets, stake, epochs), so it is not vacuous.

#[test]
fn a_fixed_seed_run_keeps_every_invariant() {
	let report = myelin_fuzz::run(0x5eed, 3_000, 20);
	assert_eq!(report.calls, 3_000);
	assert_eq!(report.blocks, 150);
	assert!(report.applied > 1_000, "{report:?}");
	assert!(report.succeeded > 300, "{report:?}");
	assert!(report.epochs > 0, "{report:?}");
}
