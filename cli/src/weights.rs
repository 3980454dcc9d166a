//! `myelin weights set|commit|reveal`: a validator's hotkey sets its row, or commits to it and
//! reveals it later (the commitment computed as the chain computes it).

use anyhow::Result;
use clap::{Args, Subcommand};
use myelin_worker::{chain::api, random_u64, validator::commit_hash};
use serde_json::json;

use crate::{submit, Output, Signer};

#[derive(Subcommand)]
pub enum WeightsCommand {
	/// Set the signing hotkey's weight row (subnets without commit-reveal).
	Set(Row),
	/// Commit to a row (subnets with commit-reveal); prints the salt to reveal it with.
	Commit {
		#[command(flatten)]
		row: Row,
		/// The salt, comma-separated `u16`s (at most 32; default: 8 random ones).
		#[arg(long, value_delimiter = ',')]
		salt: Vec<u16>,
	},
	/// Reveal a committed row, in its reveal window, with the salt it was committed with.
	Reveal {
		#[command(flatten)]
		row: Row,
		/// The salt of the commit, comma-separated.
		#[arg(long, value_delimiter = ',', required = true)]
		salt: Vec<u16>,
	},
}

/// A weight row and who signs it.
#[derive(Args)]
pub struct Row {
	/// The subnet.
	#[arg(long)]
	netuid: u16,
	/// The uids weighted, comma-separated (`1,2,5`).
	#[arg(long, value_delimiter = ',', required = true)]
	uids: Vec<u16>,
	/// Their weights, comma-separated, in the same order (any scale: the chain normalises).
	#[arg(long, value_delimiter = ',', required = true)]
	weights: Vec<u16>,
	/// The subnet's `weights_version_key` the row is for.
	#[arg(long, default_value_t = 0)]
	version_key: u64,
	/// The validator's hotkey signs (it needs no funds: the weights calls are feeless).
	#[command(flatten)]
	signer: Signer,
}

pub async fn run(
	chain: &myelin_worker::chain::Chain,
	out: &Output,
	command: WeightsCommand,
) -> Result<()> {
	match command {
		WeightsCommand::Set(row) => {
			let key = row.signer.keypair()?;
			let call =
				api::tx().weights().set_weights(row.netuid, row.uids, row.weights, row.version_key);
			let included = submit(chain, &call, &key).await?;
			out.done(&included, &format!("weights set on subnet {}", row.netuid))
		},
		WeightsCommand::Commit { row, salt } => {
			let key = row.signer.keypair()?;
			let salt =
				if salt.is_empty() { (0..8).map(|_| random_u64() as u16).collect() } else { salt };
			let hotkey = key.public_key().0;
			let hash =
				commit_hash(&hotkey, row.netuid, &row.uids, &row.weights, &salt, row.version_key);
			let call = api::tx().weights().commit_weights(row.netuid, subxt::utils::H256(hash));
			let included = submit(chain, &call, &key).await?;
			let salt_text = salt.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
			out.done_with(
				&included,
				json!({ "commit": myelin_worker::protocol::hex(&hash), "salt": salt }),
				&format!("committed; reveal in its window with --salt {salt_text}"),
			)
		},
		WeightsCommand::Reveal { row, salt } => {
			let key = row.signer.keypair()?;
			let call = api::tx().weights().reveal_weights(
				row.netuid,
				row.uids,
				row.weights,
				salt,
				row.version_key,
			);
			let included = submit(chain, &call, &key).await?;
			out.done(&included, &format!("weights revealed on subnet {}", row.netuid))
		},
	}
}
