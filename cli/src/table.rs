//! Readable tables of the node's JSON: amounts in MYL, proportions of 65535 as decimals,
//! addresses shortened, columns aligned.

use myelin_worker::myl;
use serde_json::Value;

/// A metagraph column to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
	Uid,
	Stake,
	Incentive,
	Dividends,
	Trust,
	Consensus,
	Emission,
	Updated,
	Registered,
}

impl Column {
	/// The JSON field of a neuron this column shows, and whether it is a decimal string.
	fn field(self) -> (&'static str, bool) {
		match self {
			Column::Uid => ("uid", false),
			Column::Stake => ("stake", true),
			Column::Incentive => ("incentive", false),
			Column::Dividends => ("dividends", false),
			Column::Trust => ("validator_trust", false),
			Column::Consensus => ("consensus", false),
			Column::Emission => ("emission", true),
			Column::Updated => ("last_update", false),
			Column::Registered => ("registered_at", false),
		}
	}
}

/// `--sort`: a column name.
pub fn parse_column(s: &str) -> Result<Column, String> {
	Ok(match s {
		"uid" => Column::Uid,
		"stake" => Column::Stake,
		"incentive" => Column::Incentive,
		"dividends" => Column::Dividends,
		"trust" => Column::Trust,
		"consensus" => Column::Consensus,
		"emission" => Column::Emission,
		"updated" => Column::Updated,
		"registered" => Column::Registered,
		_ => {
			return Err(format!(
				"`{s}` is not a column: uid, stake, incentive, dividends, trust, consensus, \
				 emission, updated or registered"
			))
		},
	})
}

/// A neuron's value in `column`, as a number to sort by.
fn key(neuron: &Value, column: Column) -> u128 {
	let (field, decimal) = column.field();
	if decimal {
		neuron[field].as_str().and_then(|s| s.parse().ok()).unwrap_or(0)
	} else {
		u128::from(neuron[field].as_u64().unwrap_or(0))
	}
}

/// Base units as MYL, from a decimal string.
fn amount(value: &Value) -> String {
	value.as_str().and_then(|s| s.parse::<u128>().ok()).map(myl).unwrap_or_default()
}

/// A proportion of 65535 as a decimal with four places.
fn proportion(value: &Value) -> String {
	format!("{:.4}", value.as_u64().unwrap_or(0) as f64 / 65535.0)
}

/// `5GrwvaEF…GKutQY`.
fn short(value: &Value) -> String {
	let s = value.as_str().unwrap_or_default();
	if s.len() > 16 {
		format!("{}…{}", &s[..8], &s[s.len() - 6..])
	} else {
		s.to_string()
	}
}

/// Rows under a header, each column as wide as its widest cell; numbers right-aligned.
fn render(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
	let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
	for row in rows {
		for (w, cell) in widths.iter_mut().zip(row) {
			*w = (*w).max(cell.chars().count());
		}
	}
	let line = |cells: Vec<String>| {
		let padded: Vec<String> = cells
			.iter()
			.zip(&widths)
			.zip(right)
			.map(|((c, w), r)| {
				let pad = " ".repeat(w - c.chars().count());
				if *r {
					format!("{pad}{c}")
				} else {
					format!("{c}{pad}")
				}
			})
			.collect();
		padded.join("  ").trim_end().to_string()
	};
	let mut out = vec![line(header.iter().map(|h| h.to_string()).collect())];
	out.extend(rows.iter().cloned().map(line));
	out.join("\n")
}

/// `subnets_metagraph` as a table sorted by `column`.
pub fn metagraph(metagraph: &Value, column: Column, reverse: bool) -> String {
	let mut neurons: Vec<&Value> =
		metagraph["neurons"].as_array().map(|n| n.iter().collect()).unwrap_or_default();
	neurons.sort_by_key(|n| (key(n, column), key(n, Column::Uid)));
	if reverse {
		neurons.reverse();
	}
	let header = [
		"UID",
		"HOTKEY",
		"COLDKEY",
		"STAKE (MYL)",
		"V",
		"INCENTIVE",
		"DIVIDENDS",
		"TRUST",
		"CONSENSUS",
		"EMISSION (MYL)",
		"UPDATED",
		"REGISTERED",
		"AXON",
	];
	let rows: Vec<Vec<String>> = neurons
		.iter()
		.map(|n| {
			vec![
				n["uid"].to_string(),
				short(&n["hotkey"]),
				short(&n["coldkey"]),
				amount(&n["stake"]),
				if n["validator_permit"] == true { "*".into() } else { String::new() },
				proportion(&n["incentive"]),
				proportion(&n["dividends"]),
				proportion(&n["validator_trust"]),
				proportion(&n["consensus"]),
				amount(&n["emission"]),
				n["last_update"].to_string(),
				n["registered_at"].to_string(),
				n["axon"].as_str().unwrap_or("-").to_string(),
			]
		})
		.collect();
	let right = [true, false, false, true, false, true, true, true, true, true, true, true, false];
	format!(
		"subnet {} at block {}: {} neurons (V: validator permit)\n{}",
		metagraph["netuid"],
		metagraph["block"],
		metagraph["n"],
		render(&header, &rows, &right)
	)
}

/// `subnets_list` as a table.
pub fn subnets(list: &Value) -> String {
	let header = [
		"NETUID",
		"NEURONS",
		"TEMPO",
		"SHARE",
		"EMISSION/BLOCK (MYL)",
		"BURN (MYL)",
		"LOCK (MYL)",
		"OWNER",
	];
	let rows: Vec<Vec<String>> = list
		.as_array()
		.map(|l| l.as_slice())
		.unwrap_or_default()
		.iter()
		.map(|s| {
			vec![
				s["netuid"].to_string(),
				format!("{}/{}", s["n"], s["max_n"]),
				s["tempo"].to_string(),
				format!("{:.2}%", s["emission_share"].as_u64().unwrap_or(0) as f64 / 1e7),
				amount(&s["emission_per_block"]),
				amount(&s["burn"]),
				amount(&s["lock"]),
				short(&s["owner"]),
			]
		})
		.collect();
	render(&header, &rows, &[true, true, true, true, true, true, true, false])
}

/// A JSON object as `name: value` lines.
pub fn fields(object: &Value) -> String {
	let Some(map) = object.as_object() else { return object.to_string() };
	let width = map.keys().map(|k| k.len()).max().unwrap_or(0);
	map.iter()
		.map(|(k, v)| {
			let v = match v {
				Value::String(s) => s.clone(),
				other => other.to_string(),
			};
			format!("{k:width$}  {v}")
		})
		.collect::<Vec<_>>()
		.join("\n")
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn a_metagraph_sorts_by_any_column_and_shows_units() {
		let neuron = |uid: u64, stake: &str, incentive: u64| {
			json!({ "uid": uid, "hotkey": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
				"coldkey": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "stake": stake,
				"validator_permit": uid == 0, "incentive": incentive, "dividends": 0,
				"validator_trust": 0, "consensus": 0, "emission": "1500000000",
				"last_update": 7, "registered_at": 1, "axon": null })
		};
		let graph = json!({ "netuid": 1, "block": 9, "n": 3, "neurons": [
			neuron(0, "3000000000", 0), neuron(1, "1000000000", 65535), neuron(2, "2000000000", 100),
		] });
		let text = metagraph(&graph, parse_column("stake").unwrap(), true);
		let uids: Vec<&str> =
			text.lines().skip(2).map(|l| l.split_whitespace().next().unwrap()).collect();
		assert_eq!(uids, ["0", "2", "1"]);
		assert!(text.contains("5GrwvaEF…GKutQY"));
		assert!(text.contains(" 3 ") && text.contains("1.5") && text.contains("1.0000"));
		let by_incentive = metagraph(&graph, Column::Incentive, false);
		assert_eq!(by_incentive.lines().nth(2).unwrap().split_whitespace().next(), Some("0"));
		assert!(parse_column("price").unwrap_err().contains("`price` is not a column"));
	}

	#[test]
	fn fields_and_subnets_read_as_text() {
		assert_eq!(fields(&json!({ "tempo": 10, "name": "x" })), "name   x\ntempo  10");
		let list = json!([{ "netuid": 1, "n": 2, "max_n": 256, "tempo": 10,
			"emission_share": 1_000_000_000u64, "emission_per_block": "1000000000",
			"burn": "1260000000", "lock": "1000000000", "owner": "5Gr" }]);
		let text = subnets(&list);
		assert!(text.contains("2/256") && text.contains("100.00%") && text.contains("1.26"));
	}
}
