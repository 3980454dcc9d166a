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
