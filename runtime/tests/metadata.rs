//! The worker's subxt code is generated from `worker/artifacts/myelin.scale`. This test fails
//! when that file no longer matches the runtime; `make metadata` rewrites it.

use myelin_runtime::Runtime;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../worker/artifacts/myelin.scale");

#[test]
fn worker_metadata_is_current() {
	let current = sp_io::TestExternalities::default()
		.execute_with(|| Runtime::metadata_at_version(15))
		.expect("the runtime serves metadata v15");
	if std::env::var_os("UPDATE_METADATA").is_some() {
		std::fs::write(FILE, &*current).expect("write worker/artifacts/myelin.scale");
		return;
	}
	let committed = std::fs::read(FILE).unwrap_or_default();
	assert!(
		committed == *current,
		"worker/artifacts/myelin.scale is stale ({} bytes, the runtime's metadata has {}): run \
		 `make metadata` and commit it",
		committed.len(),
		current.len()
	);
}
