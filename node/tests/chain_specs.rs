//! The node's CLI: the committed chain specs match what the node generates (leaving out the
//! Wasm code, which differs between checkout paths), and the subcommands zombienet and
//! operators rely on exist.

use serde_json::Value;
use std::{path::PathBuf, process::Command};

const NODE: &str = env!("CARGO_BIN_EXE_myelin-node");

fn repo_root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn node(args: &[&str]) -> String {
	let out = Command::new(NODE).args(args).output().expect("myelin-node runs");
	assert!(
		out.status.success(),
		"myelin-node {args:?} failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Removes the runtime code from a plain or raw chain spec and returns what it was.
fn strip_code(spec: &mut Value) -> Option<Value> {
	let genesis = spec.get_mut("genesis")?;
	if let Some(code) = genesis.pointer_mut("/runtimeGenesis/code") {
		return Some(code.take());
	}
	genesis.pointer_mut("/raw/top")?.as_object_mut()?.remove("0x3a636f6465")
}

fn exported(raw: bool) -> Value {
	let mut args = vec!["export-chain-spec", "--chain", "local"];
	if raw {
		args.push("--raw");
	}
	serde_json::from_str(&node(&args)).expect("the node exports JSON")
}

fn committed(name: &str) -> Value {
	let path = repo_root().join("chain-specs").join(name);
	let text = std::fs::read_to_string(&path)
		.unwrap_or_else(|e| panic!("{}: {e} (run `make chain-specs`)", path.display()));
	serde_json::from_str(&text).expect("committed spec is JSON")
}

fn assert_matches(name: &str, raw: bool) {
	let (mut generated, mut on_disk) = (exported(raw), committed(name));
	let code = strip_code(&mut generated).expect("generated spec has code");
	assert!(code.as_str().is_some_and(|c| c.starts_with("0x") && c.len() > 1000));
	assert!(strip_code(&mut on_disk).is_some(), "{name} has code");
	assert!(
		generated == on_disk,
		"chain-specs/{name} differs from what the node generates; run `make chain-specs`"
	);
}

#[test]
fn committed_local_spec_matches_the_node() {
	assert_matches("local.json", false);
}

#[test]
fn committed_local_raw_spec_matches_the_node() {
	assert_matches("local-raw.json", true);
}

#[test]
fn dev_and_local_differ_only_by_preset() {
	let dev: Value = serde_json::from_str(&node(&["export-chain-spec", "--chain", "dev"])).unwrap();
	let local = exported(false);
	let preset =
		|s: &Value| s.pointer("/genesis/runtimeGenesis/patch/blockTime/slotDuration").cloned();
	assert_eq!(preset(&dev), Some(250.into()));
	assert_eq!(preset(&local), Some(6000.into()));
	for spec in [&dev, &local] {
		assert_eq!(spec["properties"]["tokenSymbol"], "MYL");
		assert_eq!(spec["properties"]["tokenDecimals"], 9);
		assert_eq!(spec["properties"]["ss58Format"], 42);
	}
	// One runtime for both chains: the same Wasm code.
	assert_eq!(
		dev.pointer("/genesis/runtimeGenesis/code"),
		local.pointer("/genesis/runtimeGenesis/code")
	);
}

#[test]
fn build_spec_still_works_for_zombienet() {
	let spec: Value = serde_json::from_str(&node(&[
		"build-spec",
		"--chain",
		"local",
		"--disable-default-bootnode",
	]))
	.unwrap();
	assert_eq!(spec["id"], "myelin_local_testnet");
}

#[test]
fn help_lists_the_operator_subcommands() {
	let help = node(&["--help"]);
	for sub in [
		"build-spec",
		"export-chain-spec",
		"check-block",
		"export-blocks",
		"import-blocks",
		"purge-chain",
		"revert",
		"key",
	] {
		assert!(help.contains(sub), "--help lists {sub}");
	}
}

#[test]
fn an_unknown_chain_is_an_error() {
	let out = Command::new(NODE)
		.args(["export-chain-spec", "--chain", "/nonexistent/spec.json"])
		.output()
		.unwrap();
	assert!(!out.status.success());
}
