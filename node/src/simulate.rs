//! `myelin-node simulate-epoch`: one Yuma epoch from JSON on stdin to JSON on stdout, with the
//! same crate the runtime uses (`myelin-yuma`), so researchers can explore Yuma without a
//! chain. Input and output are the JSON of `SPEC.md` ("Epoch simulator"). Bad input: exit
//! code 2 and one line on stderr naming the field.

use myelin_doors::root::{root_epoch_inputs, shares_from_incentives, RootMember};
use myelin_yuma::{EpochInputs, EpochOutputs, EpochParams, YumaVersion};
use serde_json::{json, Map, Value};
use std::io::Read;

/// A refusal of the input: the field it concerns and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct InputError {
	/// The JSON path of the field (`stake`, `weights[3]`, `params.kappa`, …).
	pub field: String,
	/// What is wrong with it.
	pub message: String,
}

impl std::fmt::Display for InputError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}: {}", self.field, self.message)
	}
}

fn err(field: impl Into<String>, message: impl Into<String>) -> InputError {
	InputError { field: field.into(), message: message.into() }
}

/// Reads stdin, runs the epoch and prints the outputs; exit code 2 on bad input.
pub fn run() -> ! {
	let mut input = String::new();
	if let Err(e) = std::io::stdin().read_to_string(&mut input) {
		eprintln!("stdin: {e}");
		std::process::exit(2);
	}
	match simulate(&input) {
		Ok(output) => {
			println!("{output}");
			std::process::exit(0);
		},
		Err(e) => {
			eprintln!("{e}");
			std::process::exit(2);
		},
	}
}

/// The whole simulator on a string: the output JSON, or the input error.
pub fn simulate(input: &str) -> Result<Value, InputError> {
	let value: Value =
		serde_json::from_str(input).map_err(|e| err("input", format!("malformed JSON: {e}")))?;
	if value.get("root").is_some() {
		return simulate_root(&value);
	}
	let inputs = parse(&value)?;
	let outputs = myelin_yuma::epoch(&inputs).map_err(|e| err(e.field(), e.to_string()))?;
	Ok(render(&outputs))
}

/// A root epoch (`"root": {"subnets": [netuid, …], "registered_at": [block, …]}`): `stake`,
/// `weights`, `last_update` and `registered_at` are the root validators' (each row
/// `[[netuid, weight], …]`: subnets as uids), `block`, `last_epoch_block` and `params.kappa`,
/// `params.activity_cutoff` as for a subnet; the answer is each subnet's incentive and
/// emission share, computed as the Root pallet does (`myelin_doors::root`).
fn simulate_root(value: &Value) -> Result<Value, InputError> {
	let obj = value.as_object().ok_or_else(|| err("input", "expected a JSON object"))?;
	const ROOT_FIELDS: [&str; 8] = [
		"root",
		"stake",
		"weights",
		"last_update",
		"registered_at",
		"block",
		"last_epoch_block",
		"params",
	];
	if let Some(unknown) = obj.keys().find(|k| !ROOT_FIELDS.contains(&k.as_str())) {
		return Err(err(unknown.as_str(), "not used by a root epoch"));
	}
	let root = obj["root"].as_object().ok_or_else(|| err("root", "expected an object"))?;
	if let Some(unknown) = root.keys().find(|k| !["subnets", "registered_at"].contains(&k.as_str()))
	{
		return Err(err(format!("root.{unknown}"), "unknown field"));
	}
	let netuids: Vec<u16> =
		array(root.get("subnets").ok_or_else(|| err("root.subnets", "missing"))?, "root.subnets")?
			.iter()
			.enumerate()
			.map(|(i, v)| u16_of(v, &format!("root.subnets[{i}]")))
			.collect::<Result<_, _>>()?;
	if !netuids.windows(2).all(|w| w[0] < w[1]) {
		return Err(err("root.subnets", "netuids must be ascending and distinct"));
	}
	let subnet_registered = match root.get("registered_at") {
		Some(v) => u64s(v, "root.registered_at")?,
		None => vec![0; netuids.len()],
	};
	if subnet_registered.len() != netuids.len() {
		return Err(err("root.registered_at", "one per subnet"));
	}
	let stake = u64s(obj.get("stake").ok_or_else(|| err("stake", "missing"))?, "stake")?;
	let v = stake.len();
	let rows = sparse(obj.get("weights").ok_or_else(|| err("weights", "missing"))?, "weights")?;
	let block = obj.get("block").map(|b| u64_of(b, "block")).transpose()?.unwrap_or(1);
	let last_update = match obj.get("last_update") {
		Some(x) => u64s(x, "last_update")?,
		None => vec![block; v],
	};
	let joined = match obj.get("registered_at") {
		Some(x) => u64s(x, "registered_at")?,
		None => vec![0; v],
	};
	for (field, len) in [
		("weights", rows.len()),
		("last_update", last_update.len()),
		("registered_at", joined.len()),
	] {
		if len != v {
			return Err(err(field, "one per root validator (the length of stake)"));
		}
	}
	for (i, row) in rows.iter().enumerate() {
		if let Some((netuid, _)) = row.iter().find(|(n, _)| netuids.binary_search(n).is_err()) {
			return Err(err(
				format!("weights[{i}]"),
				format!("netuid {netuid} is not in root.subnets"),
			));
		}
	}
	let last_epoch_block = obj
		.get("last_epoch_block")
		.map(|b| u64_of(b, "last_epoch_block"))
		.transpose()?
		.unwrap_or(0);
	let params = match obj.get("params") {
		Some(p) => parse_params(p)?,
		None => EpochParams::default(),
	};
	let members: Vec<RootMember> = (0..v)
		.map(|i| RootMember {
			stake: stake[i],
			row: rows[i].clone(),
			last_update: last_update[i],
			joined: joined[i],
		})
		.collect();
	let subnets: Vec<(u16, u64)> = netuids.iter().copied().zip(subnet_registered).collect();
	let inputs = root_epoch_inputs(
		&members,
		&subnets,
		block,
		last_epoch_block,
		params.kappa,
		params.activity_cutoff,
	);
	let outputs = myelin_yuma::epoch(&inputs).map_err(|e| err(e.field(), e.to_string()))?;
	let incentives: Vec<(u16, u16)> =
		netuids.iter().copied().zip(outputs.incentive[v..].iter().copied()).collect();
	Ok(json!({
		"subnets": netuids,
		"incentive": &outputs.incentive[v..],
		"consensus": &outputs.consensus[v..],
		"emission_share": shares_from_incentives(&incentives, &netuids),
		"validator_trust": &outputs.validator_trust[..v],
	}))
}

const FIELDS: [&str; 10] = [
	"stake",
	"weights",
	"bonds",
	"last_update",
	"registered_at",
	"block",
	"last_epoch_block",
	"validator_permit",
	"emission",
	"params",
];

fn u64_of(v: &Value, field: &str) -> Result<u64, InputError> {
	v.as_u64().ok_or_else(|| err(field, "expected an unsigned integer below 2^64"))
}

fn u16_of(v: &Value, field: &str) -> Result<u16, InputError> {
	u64_of(v, field)?.try_into().map_err(|_| err(field, "expected an integer in 0..=65535"))
}

fn array<'a>(v: &'a Value, field: &str) -> Result<&'a Vec<Value>, InputError> {
	v.as_array().ok_or_else(|| err(field, "expected an array"))
}

fn u64s(v: &Value, field: &str) -> Result<Vec<u64>, InputError> {
	array(v, field)?.iter().enumerate().map(|(i, x)| u64_of(x, &format!("{field}[{i}]"))).collect()
}

/// `[[[uid, value], …] per uid]`.
fn sparse(v: &Value, field: &str) -> Result<Vec<Vec<(u16, u16)>>, InputError> {
	array(v, field)?
		.iter()
		.enumerate()
		.map(|(i, row)| {
			let path = format!("{field}[{i}]");
			array(row, &path)?
				.iter()
				.enumerate()
				.map(|(k, pair)| {
					let path = format!("{path}[{k}]");
					let pair = array(pair, &path)?;
					if pair.len() != 2 {
						return Err(err(path, "expected a [uid, value] pair"));
					}
					Ok((u16_of(&pair[0], &path)?, u16_of(&pair[1], &path)?))
				})
				.collect()
		})
		.collect()
}

fn parse(value: &Value) -> Result<EpochInputs, InputError> {
	let obj = value.as_object().ok_or_else(|| err("input", "expected a JSON object"))?;
	if let Some(unknown) = obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
		return Err(err(unknown.as_str(), "unknown field"));
	}
	let stake = u64s(obj.get("stake").ok_or_else(|| err("stake", "missing"))?, "stake")?;
	let n = stake.len();
	let weights = sparse(obj.get("weights").ok_or_else(|| err("weights", "missing"))?, "weights")?;
	let bonds = match obj.get("bonds") {
		Some(v) => sparse(v, "bonds")?,
		None => vec![Vec::new(); n],
	};
	let block = match obj.get("block") {
		Some(v) => u64_of(v, "block")?,
		None => 1,
	};
	let last_update = match obj.get("last_update") {
		Some(v) => u64s(v, "last_update")?,
		None => vec![block; n],
	};
	let registered_at = match obj.get("registered_at") {
		Some(v) => u64s(v, "registered_at")?,
		None => vec![0; n],
	};
	let last_epoch_block = match obj.get("last_epoch_block") {
		Some(v) => u64_of(v, "last_epoch_block")?,
		None => 0,
	};
	let validator_permit = match obj.get("validator_permit") {
		Some(v) => Some(
			array(v, "validator_permit")?
				.iter()
				.enumerate()
				.map(|(i, b)| {
					b.as_bool()
						.ok_or_else(|| err(format!("validator_permit[{i}]"), "expected a boolean"))
				})
				.collect::<Result<Vec<bool>, _>>()?,
		),
		None => None,
	};
	let emission =
		u64_of(obj.get("emission").ok_or_else(|| err("emission", "missing"))?, "emission")?;
	let params = match obj.get("params") {
		Some(v) => parse_params(v)?,
		None => EpochParams::default(),
	};
	Ok(EpochInputs {
		stake,
		weights,
		bonds,
		last_update,
		registered_at,
		block,
		last_epoch_block,
		validator_permit,
		emission,
		params,
	})
}

fn parse_params(v: &Value) -> Result<EpochParams, InputError> {
	let obj: &Map<String, Value> =
		v.as_object().ok_or_else(|| err("params", "expected an object"))?;
	let mut p = EpochParams::default();
	for (name, value) in obj {
		let field = format!("params.{name}");
		match name.as_str() {
			"kappa" => p.kappa = u16_of(value, &field)?,
			"yuma_version" => {
				let version = u16_of(value, &field)?;
				p.yuma_version = YumaVersion::from_number(version)
					.ok_or_else(|| err(&field, "expected 2 or 3"))?;
			},
			"bonds_moving_average" => {
				p.bonds_moving_average = u64_of(value, &field)?;
				if p.bonds_moving_average > 999_999 {
					return Err(err(field, "at most 999999"));
				}
			},
			"bonds_penalty" => p.bonds_penalty = u16_of(value, &field)?,
			"liquid_alpha_enabled" => {
				p.liquid_alpha_enabled =
					value.as_bool().ok_or_else(|| err(&field, "expected a boolean"))?
			},
			"alpha_low" => p.alpha_low = u16_of(value, &field)?,
			"alpha_high" => p.alpha_high = u16_of(value, &field)?,
			"alpha_sigmoid_steepness" => {
				p.alpha_sigmoid_steepness = value
					.as_i64()
					.and_then(|s| i32::try_from(s).ok())
					.ok_or_else(|| err(&field, "expected a 32-bit integer"))?;
			},
			"max_allowed_validators" => {
				p.max_allowed_validators = u16_of(value, &field)?;
				if p.max_allowed_validators == 0 {
					return Err(err(field, "at least 1"));
				}
			},
			"activity_cutoff" => p.activity_cutoff = u64_of(value, &field)?,
			// The epoch does not use the others; accepting them lets a subnet's whole
			// `subnets_hyperparameters` object be passed as `params`.
			other if myelin_doors::HYPERPARAMETER_NAMES.contains(&other) => {},
			_ => return Err(err(field, "unknown hyperparameter")),
		}
	}
	if p.alpha_low > p.alpha_high {
		return Err(err("params.alpha_low", "above alpha_high"));
	}
	if p.alpha_low < 1638 {
		return Err(err("params.alpha_low", "below 1638"));
	}
	Ok(p)
}

fn render(o: &EpochOutputs) -> Value {
	json!({
		"consensus": o.consensus,
		"incentive": o.incentive,
		"dividends": o.dividends,
		"validator_trust": o.validator_trust,
		"validator_permit": o.validator_permit,
		"emission": o.emission,
		"bonds": o.bonds.iter().map(|row| row.iter().map(|(j, b)| json!([j, b])).collect::<Vec<_>>()).collect::<Vec<_>>(),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	const TWO_BY_TWO: &str = r#"{
		"stake": [600, 400, 0, 0],
		"weights": [[[2, 65535], [3, 0]], [[2, 30000], [3, 30000]], [], []],
		"emission": 1000000,
		"params": {"tempo": 10, "yuma_version": 3}
	}"#;

	#[test]
	fn a_small_epoch_answers_with_every_output() {
		let out = simulate(TWO_BY_TWO).unwrap();
		for field in [
			"consensus",
			"incentive",
			"dividends",
			"validator_trust",
			"validator_permit",
			"emission",
			"bonds",
		] {
			assert_eq!(out[field].as_array().map(|a| a.len()), Some(4), "{field}");
		}
		let incentive: Vec<u64> =
			out["incentive"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
		assert!(incentive[2] > incentive[3], "both validators weight uid 2 more");
		let emitted: u64 =
			out["emission"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).sum();
		assert!(1_000_000 - emitted <= 4, "emitted {emitted}");
	}

	#[test]
	fn a_whole_subnets_hyperparameters_object_is_accepted_as_params() {
		let mut input: Value = serde_json::from_str(TWO_BY_TWO).unwrap();
		let mut params =
			serde_json::to_value(myelin_doors::SubnetHyperparams::<u128>::with_tempo(10)).unwrap();
		params["yuma_version"] = Value::from(2);
		input["params"] = params;
		let parsed = parse(&input).unwrap();
		assert_eq!(parsed.params.yuma_version, YumaVersion::Yuma2);
		assert_eq!(parsed.params.max_allowed_validators, 64);
	}

	#[test]
	fn bad_input_names_the_field() {
		let cases = [
			("not json", "input"),
			("[]", "input"),
			(r#"{"weights": [], "emission": 1}"#, "stake"),
			(r#"{"stake": [1], "emission": 1}"#, "weights"),
			(r#"{"stake": [1], "weights": [[]]}"#, "emission"),
			(r#"{"stake": [-1], "weights": [[]], "emission": 1}"#, "stake[0]"),
			(r#"{"stake": [1, 2], "weights": [[]], "emission": 1}"#, "weights"),
			(r#"{"stake": [1], "weights": [[[5, 1]]], "emission": 1}"#, "weights"),
			(r#"{"stake": [1], "weights": [[[0, 70000]]], "emission": 1}"#, "weights[0][0]"),
			(
				r#"{"stake": [1], "weights": [[]], "emission": 1, "params": {"kappa": "x"}}"#,
				"params.kappa",
			),
			(
				r#"{"stake": [1], "weights": [[]], "emission": 1, "params": {"yuma_version": 4}}"#,
				"params.yuma_version",
			),
			(
				r#"{"stake": [1], "weights": [[]], "emission": 1, "params": {"nope": 1}}"#,
				"params.nope",
			),
			(r#"{"stake": [1], "weights": [[]], "emission": 1, "extra": 1}"#, "extra"),
			(
				r#"{"stake": [1], "weights": [[]], "emission": 1, "last_update": [1, 2]}"#,
				"last_update",
			),
		];
		for (input, field) in cases {
			let e = simulate(input).unwrap_err();
			assert!(e.field.starts_with(field), "{input}: got {e}");
		}
	}
}
