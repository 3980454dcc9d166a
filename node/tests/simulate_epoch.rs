//! `myelin-node simulate-epoch` as a user runs it: JSON in on stdin, JSON out on stdout, exit
//! code 2 and one line naming the field on bad input.

use std::{
	io::Write,
	process::{Command, Output, Stdio},
};

fn simulate(input: &str) -> Output {
	let mut child = Command::new(env!("CARGO_BIN_EXE_myelin-node"))
		.arg("simulate-epoch")
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("myelin-node starts");
	child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
	child.wait_with_output().unwrap()
}

#[test]
fn answers_an_epoch_on_stdout() {
	let out = simulate(
		r#"{"stake": [1000, 0, 0], "weights": [[[1, 3], [2, 1]], [], []], "emission": 900,
		    "params": {"kappa": 32767}}"#,
	);
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
	let incentive: Vec<u64> =
		json["incentive"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
	assert_eq!(incentive.len(), 3);
	assert!(incentive[1] > incentive[2]);
	assert_eq!(json["validator_permit"][0], serde_json::Value::Bool(true));
}

#[test]
fn bad_input_exits_2_naming_the_field() {
	for (input, field) in [
		("{", "input"),
		(r#"{"stake": [1, 2], "weights": [[]], "emission": 1}"#, "weights"),
		(
			r#"{"stake": [1], "weights": [[[0, 1]]], "emission": 1, "params": {"alpha_low": 1}}"#,
			"params.alpha_low",
		),
	] {
		let out = simulate(input);
		assert_eq!(out.status.code(), Some(2), "{input}");
		let stderr = String::from_utf8_lossy(&out.stderr);
		assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
		assert!(stderr.starts_with(field), "{input}: {stderr}");
	}
}

/// A root epoch: root validators' rows over netuids (subnets as uids). The same case as the
/// runtime's test: 70% of the root stake weights 3:1, 30% puts all on the second subnet, and
/// kappa clipping keeps the first at 0.525 / 0.775 of the emission.
#[test]
fn answers_a_root_epoch_with_emission_shares() {
	let out = simulate(
		r#"{"root": {"subnets": [1, 2], "registered_at": [1, 1]},
		    "stake": [700, 300], "weights": [[[1, 3], [2, 1]], [[2, 1]]],
		    "last_update": [5, 5], "block": 10}"#,
	);
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
	assert_eq!(json["subnets"], serde_json::json!([1, 2]));
	let shares: Vec<u64> =
		json["emission_share"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
	assert_eq!(shares.iter().sum::<u64>(), 1_000_000_000);
	assert!(shares[0].abs_diff(677_419_355) <= 10_000_000, "{shares:?}");

	// Nobody weights: equal shares. An unknown netuid in a row, or a subnet field: refused.
	let out = simulate(r#"{"root": {"subnets": [3, 4]}, "stake": [1], "weights": [[]]}"#);
	let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
	assert_eq!(json["emission_share"], serde_json::json!([500_000_000, 500_000_000]));
	for (input, field) in [
		(r#"{"root": {"subnets": [1]}, "stake": [1], "weights": [[[9, 1]]]}"#, "weights[0]"),
		(r#"{"root": {"subnets": [1]}, "stake": [1], "weights": [[]], "emission": 5}"#, "emission"),
		(r#"{"root": {"subnets": [2, 1]}, "stake": [1], "weights": [[]]}"#, "root.subnets"),
	] {
		let out = simulate(input);
		assert_eq!(out.status.code(), Some(2), "{input}");
		let stderr = String::from_utf8_lossy(&out.stderr);
		assert!(stderr.starts_with(&format!("{field}:")), "{input}: {stderr}");
	}
}
