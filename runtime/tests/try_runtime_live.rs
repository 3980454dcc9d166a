//! `make try-runtime` against a running chain: the whole state of one block is downloaded over
//! the node's JSON-RPC (`state_getKeysPaged`, `state_queryStorageAt`), and the runtime of this
//! checkout runs its upgrade on it with every check (`Executive::try_runtime_upgrade`: each
//! migration's `pre_upgrade`/`post_upgrade`, storage versions, the whole state decodes, every
//! pallet's `try_state`) and its multi-block migrations to their end (their own checks, every
//! `try_state` after each step), then runs it all again to show that it changes nothing the
//! second time.
//!
//! This is try-runtime-cli's `on-runtime-upgrade` built from its parts: the published
//! `frame-remote-externalities` (0.63) is built against the release before polkadot-sdk 2609
//! (sp-io 48, sp-state-machine 0.53) and cannot hold this runtime's externalities, and the
//! try-runtime-cli binary is not published for 2609. The runtime runs natively (this crate with
//! the `try-runtime` feature), not from the chain's `:code`.
//!
//! Driven by `tests/e2e/try-runtime-live.js`, which starts and fills the chain:
//! `MYELIN_TRY_RUNTIME_URI` (an `http://host:port` RPC address) and `MYELIN_TRY_RUNTIME_AT` (a
//! block hash; default the finalized head). Ignored by a plain `cargo test`.
#![cfg(feature = "try-runtime")]

mod common;

use common::step_multi_block_migrations;
use frame_support::traits::{GetStorageVersion, StorageVersion};
use frame_try_runtime::UpgradeCheckSelect;
use myelin_runtime::{Executive, Runtime};
use serde_json::{json, Value};
use sp_core::{bytes::from_hex, storage::Storage};
use std::{
	io::{Read, Write},
	net::TcpStream,
	time::{Duration, Instant},
};

/// A JSON-RPC client over HTTP/1.0 (one request per connection, the body read to its end).
struct Rpc {
	addr: String,
}

impl Rpc {
	fn new(uri: &str) -> Self {
		let addr = uri.strip_prefix("http://").unwrap_or_else(|| {
			panic!("MYELIN_TRY_RUNTIME_URI must be an http://host:port address, got {uri}")
		});
		Self { addr: addr.trim_end_matches('/').to_string() }
	}

	fn call(&self, method: &str, params: Value) -> Value {
		let body =
			json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
		let mut stream = TcpStream::connect(&self.addr)
			.unwrap_or_else(|e| panic!("connecting to the node at {}: {e}", self.addr));
		stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
		write!(
			stream,
			"POST / HTTP/1.0\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
			self.addr,
			body.len()
		)
		.unwrap();
		let mut response = Vec::new();
		stream.read_to_end(&mut response).unwrap();
		let response = String::from_utf8(response).expect("a UTF-8 response");
		let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
		assert!(head.starts_with("HTTP/1.") && head.contains(" 200 "), "{method}: {head}");
		let mut reply: Value = serde_json::from_str(body).expect("a JSON-RPC reply");
		if let Some(error) = reply.get("error") {
			panic!("{method}: JSON-RPC error {error}");
		}
		reply["result"].take()
	}
}

fn bytes(hex: &Value) -> Vec<u8> {
	from_hex(hex.as_str().expect("a hex string")).expect("valid hex")
}

/// Every top-trie key and value of block `at`.
fn download(rpc: &Rpc, at: &str) -> Storage {
	const PAGE: usize = 1000;
	let mut storage = Storage::default();
	let mut start: Option<String> = None;
	loop {
		let keys = rpc.call("state_getKeysPaged", json!(["0x", PAGE, start, at]));
		let keys: Vec<String> =
			keys.as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect();
		for chunk in keys.chunks(250) {
			let sets = rpc.call("state_queryStorageAt", json!([chunk, at]));
			for change in sets[0]["changes"].as_array().unwrap() {
				let key = bytes(&change[0]);
				assert!(
					!key.starts_with(
						sp_core::storage::well_known_keys::DEFAULT_CHILD_STORAGE_KEY_PREFIX
					),
					"child tries are not downloaded (this runtime has none)"
				);
				if !change[1].is_null() {
					storage.top.insert(key, bytes(&change[1]));
				}
			}
		}
		if keys.len() < PAGE {
			return storage;
		}
		start = keys.last().cloned();
	}
}

/// `(pallet, on-chain storage version, in-code storage version)` of the pallets with migrations.
fn versions() -> Vec<(&'static str, StorageVersion, StorageVersion)> {
	vec![
		(
			"Yuma",
			pallet_yuma::Pallet::<Runtime>::on_chain_storage_version(),
			pallet_yuma::Pallet::<Runtime>::in_code_storage_version(),
		),
		(
			"Weights",
			pallet_weights::Pallet::<Runtime>::on_chain_storage_version(),
			pallet_weights::Pallet::<Runtime>::in_code_storage_version(),
		),
		(
			"Subnets",
			pallet_subnets::Pallet::<Runtime>::on_chain_storage_version(),
			pallet_subnets::Pallet::<Runtime>::in_code_storage_version(),
		),
		(
			"Staking",
			pallet_myelin_staking::Pallet::<Runtime>::on_chain_storage_version(),
			pallet_myelin_staking::Pallet::<Runtime>::in_code_storage_version(),
		),
	]
}

#[test]
#[ignore = "needs a running node: make try-runtime (tests/e2e/try-runtime-live.js) runs it"]
fn the_upgrade_passes_every_try_runtime_check_on_a_running_chain() {
	let uri = std::env::var("MYELIN_TRY_RUNTIME_URI")
		.expect("MYELIN_TRY_RUNTIME_URI: the node's RPC address, e.g. http://127.0.0.1:9944");
	let rpc = Rpc::new(&uri);
	let at = std::env::var("MYELIN_TRY_RUNTIME_AT").unwrap_or_else(|_| {
		rpc.call("chain_getFinalizedHead", json!([])).as_str().unwrap().to_string()
	});
	let chain_spec = rpc.call("state_getRuntimeVersion", json!([at]))["specVersion"].clone();

	let started = Instant::now();
	let storage = download(&rpc, &at);
	let (keys, size) = (storage.top.len(), storage.top.values().map(Vec::len).sum::<usize>());
	println!(
		"try-runtime: downloaded block {at} (spec {chain_spec}) from {uri}: {keys} keys, {size} \
		 bytes of values, {} ms",
		started.elapsed().as_millis()
	);
	assert!(keys > 100, "a filled chain, not an empty one ({keys} keys)");

	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		let before = versions();
		assert!(
			before.iter().any(|(_, chain, code)| chain < code),
			"the chain is on an older layout than this runtime: {before:?}"
		);
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("every pre/post check, the decoding of the whole state and try_state hold");
		// Then the multi-block migrations, with their pre/post checks and every try_state
		// after each step.
		let blocks = step_multi_block_migrations();
		assert!(pallet_subnets::migrations::v1::old_layout_is_empty::<Runtime>());
		for ((pallet, old, code), (_, now, _)) in before.iter().zip(versions()) {
			assert_eq!(now, *code, "{pallet}: on-chain version after the upgrade");
			println!("try-runtime: {pallet} storage version {old:?} -> {now:?}");
		}
		println!(
			"try-runtime: on_runtime_upgrade with all checks passed on the live state, weight {} \
			 µs, proof size {} bytes",
			weight.ref_time() / 1_000_000,
			weight.proof_size()
		);
		println!("try-runtime: the multi-block migrations took {blocks} blocks");

		// Idempotent: a second run finds nothing to migrate and leaves the state as it is (but
		// for the events `MultiBlockMigrations` deposits, cleared before each root, and the
		// block numbers its steps advanced).
		// The block number the steps advanced is put back as well.
		frame_system::Pallet::<Runtime>::reset_events();
		let number = frame_system::Pallet::<Runtime>::block_number();
		let root = sp_io::storage::root(sp_core::storage::StateVersion::V1);
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("the second run's checks");
		step_multi_block_migrations();
		frame_system::Pallet::<Runtime>::reset_events();
		frame_system::Pallet::<Runtime>::set_block_number(number);
		assert_eq!(
			sp_io::storage::root(sp_core::storage::StateVersion::V1),
			root,
			"a second run changed the state"
		);
		println!("try-runtime: a second run changes nothing");
	});
}
