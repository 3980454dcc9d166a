//! `myelin root show|register|weights`: root consensus, which decides each subnet's share of
//! the emission (docs/protocol.md section 3.5).

use anyhow::Result;
use clap::Subcommand;
use myelin_worker::{
	chain::{api, Chain},
	myl,
};
use serde_json::{json, Value};
use subxt::{rpcs::client::rpc_params, utils::AccountId32};

use crate::{parse_account, submit, Output, Signer};

#[derive(Subcommand)]
pub enum RootCommand {
	/// The root validators, their stake and rows, and the root epoch's schedule.
	Show,
	/// Make a hotkey of the signing coldkey a root validator (it needs total stake; when the
	/// set is full it replaces the least staked member, if it has more).
	Register {
		/// The hotkey (SS58), owned by the signing coldkey.
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		#[command(flatten)]
		signer: Signer,
	},
	/// Set the signing root validator's weights over subnets (feeless; signed by its hotkey).
	Weights {
		/// The netuids weighted, comma-separated.
		#[arg(long, value_delimiter = ',', required = true)]
		netuids: Vec<u16>,
		/// Their weights, comma-separated, in the same order.
		#[arg(long, value_delimiter = ',', required = true)]
		weights: Vec<u16>,
		#[command(flatten)]
		signer: Signer,
	},
}

pub async fn run(chain: &Chain, out: &Output, command: RootCommand) -> Result<()> {
	match command {
		RootCommand::Show => {
			let root: Value = chain.request("subnets_root", rpc_params![]).await?;
			out.print(&root, || text(&root))
		},
		RootCommand::Register { hotkey, signer } => {
			let included =
				submit(chain, &api::tx().root().register(hotkey), &signer.keypair()?).await?;
			out.done(&included, &format!("{hotkey} is a root validator"))
		},
		RootCommand::Weights { netuids, weights, signer } => {
			let call = api::tx().root().set_weights(netuids, weights);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			out.done_with(&included, json!({}), "root weights set")
		},
	}
}

/// `subnets_root` as a few lines.
fn text(root: &Value) -> String {
	let mut lines = vec![format!(
		"root epoch every {} blocks: last at #{}, next at #{}; at most {} validators",
		root["tempo"],
		root["last_root_epoch_block"],
		root["next_root_epoch_block"],
		root["max_validators"]
	)];
	for validator in root["validators"].as_array().map(|v| v.as_slice()).unwrap_or_default() {
		let stake = validator["stake"].as_str().and_then(|s| s.parse::<u128>().ok()).unwrap_or(0);
		let row: Vec<String> = validator["weights"]
			.as_array()
			.map(|row| row.iter().map(|pair| format!("{}:{}", pair[0], pair[1])).collect())
			.unwrap_or_default();
		lines.push(format!(
			"{}  {} MYL  weights [{}]",
			validator["hotkey"].as_str().unwrap_or_default(),
			myl(stake),
			row.join(" ")
		));
	}
	lines.join("\n")
}
