//! `myelin`: the command-line tool of a Myelin chain. `myelin --help` lists the commands.
//!
//! Reads go through the node's `subnets_*` JSON-RPC and its storage; transactions are signed
//! with a secret URI (`--suri`, `--suri-file` or `MYELIN_SURI`) and followed until finalized.
//! Every command prints a table or sentences, or JSON with `--json`. A refused transaction
//! prints the pallet error with its documentation and exits with 1; a bad argument names the
//! argument and exits with 2.

mod market;
mod params;
mod root;
mod table;
mod wallet;
mod weights;

use std::{path::PathBuf, process::ExitCode, str::FromStr};

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use myelin_worker::{
	chain::{api, Chain, Included},
	keys, myl, parse_myl,
};
use serde_json::{json, Value};
use subxt::{rpcs::client::rpc_params, utils::AccountId32};
use subxt_signer::sr25519::Keypair;

#[derive(Parser)]
#[command(name = "myelin", version, about = "The command-line tool of a Myelin chain")]
struct Cli {
	/// The node's WebSocket JSON-RPC endpoint.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Print JSON instead of tables and sentences.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Subnets: list, show, hyperparameters, create, dissolve.
	Subnet {
		#[command(subcommand)]
		command: SubnetCommand,
	},
	/// Register a hotkey on a subnet (the coldkey signs and pays the burn, at most --max-burn).
	Register(RegisterArgs),
	/// Stake: add, remove, show.
	Stake {
		#[command(subcommand)]
		command: StakeCommand,
	},
	/// A hotkey's take: the share of its dividends its owner keeps.
	Take {
		#[command(subcommand)]
		command: TakeCommand,
	},
	/// Root consensus: show, register, weights.
	Root {
		#[command(subcommand)]
		command: root::RootCommand,
	},
	/// A compute provider's bond and offer: bond, unbond, withdraw, offer, show.
	Provider {
		#[command(subcommand)]
		command: market::ProviderCommand,
	},
	/// Compute jobs: post, cancel, accept, submit, attest, dispute, finalize, show.
	Job {
		#[command(subcommand)]
		command: market::JobCommand,
	},
	/// Compute leases: open, accept, top-up, withdraw, close, show.
	Lease {
		#[command(subcommand)]
		command: market::LeaseCommand,
	},
	/// A validator's weights: set, commit, reveal.
	Weights {
		#[command(subcommand)]
		command: weights::WeightsCommand,
	},
	/// The neurons of a subnet, one row each.
	Metagraph(MetagraphArgs),
	/// The free and held balance of an account.
	Balance {
		/// The account (SS58).
		#[arg(value_parser = parse_account)]
		address: AccountId32,
	},
	/// Wallets: a coldkey and hotkeys, stored encrypted (polkadot.js JSON keystore).
	Wallet {
		#[command(subcommand)]
		command: wallet::WalletCommand,
	},
	/// The SS58 address of a signer (`--suri`, `--suri-file`, `MYELIN_SURI` or `--wallet`).
	Address {
		#[command(flatten)]
		signer: Signer,
	},
	/// Send MYL, keeping the sender alive.
	Transfer {
		/// The receiver (SS58).
		#[arg(long, value_parser = parse_account)]
		to: AccountId32,
		/// How much, in MYL (e.g. 10 or 0.25).
		#[arg(long, value_parser = parse_myl)]
		amount: u128,
		#[command(flatten)]
		signer: Signer,
	},
}

#[derive(Subcommand)]
enum SubnetCommand {
	/// Every subnet: size, tempo, emission share, prices.
	List,
	/// One subnet with its hyperparameters.
	Show {
		/// The subnet.
		netuid: u16,
	},
	/// The hyperparameters of a subnet.
	Hyperparameters {
		/// The subnet.
		netuid: u16,
	},
	/// Create a subnet owned by the signing coldkey, `--hotkey` as its uid 0.
	Create {
		/// The owner's hotkey (SS58): uid 0 of the new subnet.
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		/// The most MYL the subnet's lock may hold from the coldkey (the lock doubles with
		/// every registration: refused with `LockAboveLimit` above this).
		#[arg(long, value_parser = parse_myl)]
		max_lock: u128,
		#[command(flatten)]
		signer: Signer,
	},
	/// Set one hyperparameter of a subnet (its owner, or root with --sudo).
	Set {
		/// The subnet.
		netuid: u16,
		/// `NAME=VALUE`, a name of `subnet hyperparameters` (e.g. `tempo=20`,
		/// `alpha_values=2000,60000`, `max_burn=10` in MYL).
		#[arg(long, value_parser = params::parse_param)]
		param: params::Param,
		/// Wrap it in `sudo.sudo` (the signer is the sudo key), for what only root may set.
		#[arg(long)]
		sudo: bool,
		#[command(flatten)]
		signer: Signer,
	},
	/// Dissolve a subnet of the signing coldkey; its lock comes back.
	Dissolve {
		/// The subnet.
		netuid: u16,
		#[command(flatten)]
		signer: Signer,
	},
}

#[derive(Args)]
struct RegisterArgs {
	/// The subnet.
	#[arg(long)]
	netuid: u16,
	/// The hotkey to register (SS58).
	#[arg(long, value_parser = parse_account)]
	hotkey: AccountId32,
	/// The most MYL to burn (default: the price shown now; refused with `BurnAboveLimit` if
	/// another registration raised it meanwhile).
	#[arg(long, value_parser = parse_myl)]
	max_burn: Option<u128>,
	#[command(flatten)]
	signer: Signer,
}

#[derive(Subcommand)]
enum StakeCommand {
	/// Stake MYL of the signing coldkey on a hotkey (which some coldkey must own).
	Add(StakeArgs),
	/// Take stake of the signing coldkey back from a hotkey.
	Remove(StakeArgs),
	/// Move stake of the signing coldkey from one hotkey to another.
	Move {
		/// The hotkey the stake leaves (SS58).
		#[arg(long, value_parser = parse_account)]
		from: AccountId32,
		/// The hotkey it goes to (SS58).
		#[arg(long, value_parser = parse_account)]
		to: AccountId32,
		/// How much, in MYL.
		#[arg(long, value_parser = parse_myl)]
		amount: u128,
		#[command(flatten)]
		signer: Signer,
	},
	/// A hotkey's stake, and one coldkey's part of it.
	Show {
		/// The hotkey (SS58).
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		/// A coldkey staking on it (SS58).
		#[arg(long, value_parser = parse_account)]
		coldkey: Option<AccountId32>,
	},
}

#[derive(Subcommand)]
enum TakeCommand {
	/// Set the take of a hotkey of the signing coldkey: a decrease applies at once, an
	/// increase is announced and in force `TakeIncreaseDelay` blocks later.
	Set {
		/// The hotkey (SS58).
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		/// The take in percent, 0 to 18 (e.g. 9 or 4.5).
		#[arg(long, value_parser = parse_percent)]
		take: u32,
		#[command(flatten)]
		signer: Signer,
	},
}

/// A percentage of 0..=18 as parts per billion.
fn parse_percent(s: &str) -> Result<u32, String> {
	let bad = || format!("`{s}` is not a take in percent of 0 to 18 (e.g. 9 or 4.5)");
	let parts = myelin_worker::parse_myl(s).map_err(|_| bad())? / 100;
	u32::try_from(parts).ok().filter(|p| *p <= 180_000_000).ok_or_else(bad)
}

#[derive(Args)]
struct StakeArgs {
	/// The hotkey (SS58).
	#[arg(long, value_parser = parse_account)]
	hotkey: AccountId32,
	/// How much, in MYL.
	#[arg(long, value_parser = parse_myl)]
	amount: u128,
	#[command(flatten)]
	signer: Signer,
}

#[derive(Args)]
struct MetagraphArgs {
	/// The subnet.
	netuid: u16,
	/// Sort by this column (uid, stake, incentive, dividends, trust, consensus, emission,
	/// updated, registered).
	#[arg(long, default_value = "uid", value_parser = table::parse_column)]
	sort: table::Column,
	/// Largest first.
	#[arg(long)]
	reverse: bool,
}

/// Who signs: a wallet's key, or a secret URI given on the command line, in a file, or in
/// `MYELIN_SURI`.
#[derive(Args)]
struct Signer {
	/// Sign with this wallet's coldkey (`myelin wallet`; its password from MYELIN_PASSWORD
	/// or a prompt).
	#[arg(long)]
	wallet: Option<String>,
	/// With --wallet: sign with this hotkey of the wallet instead of its coldkey.
	#[arg(long, requires = "wallet")]
	wallet_hotkey: Option<String>,
	/// The signing key's secret URI (`//Alice`, a mnemonic, a 0x seed). Prefer --suri-file
	/// or MYELIN_SURI: command lines can be read by other users.
	#[arg(long)]
	suri: Option<String>,
	/// A file holding the signing key's secret URI.
	#[arg(long)]
	suri_file: Option<PathBuf>,
}

impl Signer {
	fn keypair(&self) -> Result<Keypair> {
		if let Some(wallet) = &self.wallet {
			if self.suri.is_some() || self.suri_file.is_some() {
				bail!("give --wallet or --suri/--suri-file, not both");
			}
			return wallet::load(wallet, self.wallet_hotkey.as_deref());
		}
		let env = std::env::var("MYELIN_SURI").ok();
		let suri =
			self.suri.as_deref().or(if self.suri_file.is_none() { env.as_deref() } else { None });
		keys::load("suri", suri, self.suri_file.as_deref())?
			.ok_or_else(|| anyhow!("--suri, --suri-file or MYELIN_SURI: who signs?"))
	}
}

fn parse_account(s: &str) -> Result<AccountId32, String> {
	AccountId32::from_str(s.trim()).map_err(|_| format!("`{s}` is not an SS58 address"))
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	match run(cli).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e:#}");
			ExitCode::FAILURE
		},
	}
}

async fn run(cli: Cli) -> Result<()> {
	let out = Output { json: cli.json };
	// What needs no node.
	match cli.command {
		Command::Address { signer } => {
			let address = keys::address(&signer.keypair()?);
			return out.print(&json!({ "address": address }), || address.clone());
		},
		Command::Wallet { command } => return wallet::run(&out, command),
		_ => {},
	}
	let chain = Chain::connect(&cli.url).await?;
	match cli.command {
		Command::Address { .. } | Command::Wallet { .. } => unreachable!("answered without a node"),
		Command::Subnet { command } => subnet(&chain, &out, command).await,
		Command::Register(args) => register(&chain, &out, args).await,
		Command::Stake { command } => stake(&chain, &out, command).await,
		Command::Weights { command } => weights::run(&chain, &out, command).await,
		Command::Root { command } => root::run(&chain, &out, command).await,
		Command::Provider { command } => market::provider(&chain, &out, command).await,
		Command::Job { command } => market::job(&chain, &out, command).await,
		Command::Lease { command } => market::lease(&chain, &out, command).await,
		Command::Take { command: TakeCommand::Set { hotkey, take, signer } } => {
			let call = api::tx()
				.staking()
				.set_take(hotkey, api::runtime_types::sp_arithmetic::per_things::Perbill(take));
			let included = submit(&chain, &call, &signer.keypair()?).await?;
			let percent = f64::from(take) / 1e7;
			out.done(
				&included,
				&format!(
					"take of {hotkey} set to {percent}% (an increase is in force after its delay)"
				),
			)
		},
		Command::Metagraph(args) => {
			let metagraph: Value =
				chain.request("subnets_metagraph", rpc_params![args.netuid]).await?;
			out.print(&metagraph, || table::metagraph(&metagraph, args.sort, args.reverse))
		},
		Command::Balance { address } => {
			let at = chain.client().at_current_block().await?;
			let account = at
				.storage()
				.fetch(api::storage().system().account(), (address,))
				.await?
				.decode()?;
			let value = json!({
				"address": address.to_string(),
				"free": account.data.free.to_string(),
				"held": account.data.reserved.to_string(),
				"frozen": account.data.frozen.to_string(),
			});
			out.print(&value, || {
				format!(
					"free {} MYL, held {} MYL (stake and locks), frozen {} MYL",
					myl(account.data.free),
					myl(account.data.reserved),
					myl(account.data.frozen)
				)
			})
		},
		Command::Transfer { to, amount, signer } => {
			let call = api::tx()
				.balances()
				.transfer_keep_alive(subxt::utils::MultiAddress::Id(to), amount);
			let included = submit(&chain, &call, &signer.keypair()?).await?;
			out.done(&included, &format!("sent {} MYL to {to}", myl(amount)))
		},
	}
}

async fn subnet(chain: &Chain, out: &Output, command: SubnetCommand) -> Result<()> {
	match command {
		SubnetCommand::List => {
			let list: Value = chain.request("subnets_list", rpc_params![]).await?;
			out.print(&list, || table::subnets(&list))
		},
		SubnetCommand::Show { netuid } => {
			let subnet = subnet_info(chain, netuid).await?;
			let hyperparameters: Value =
				chain.request("subnets_hyperparameters", rpc_params![netuid]).await?;
			let value = json!({ "subnet": subnet, "hyperparameters": hyperparameters });
			out.print(&value, || {
				format!("{}\n\n{}", table::fields(&subnet), table::fields(&hyperparameters))
			})
		},
		SubnetCommand::Hyperparameters { netuid } => {
			let hyperparameters: Value =
				chain.request("subnets_hyperparameters", rpc_params![netuid]).await?;
			out.print(&hyperparameters, || table::fields(&hyperparameters))
		},
		SubnetCommand::Create { hotkey, max_lock, signer } => {
			let call = api::tx().subnets().register_network_with_limit(hotkey, max_lock);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			let list: Value = chain
				.request("subnets_list", rpc_params![format!("{:?}", included.block_hash)])
				.await?;
			let netuid = list
				.as_array()
				.and_then(|list| {
					list.iter()
						.filter(|s| s["owner_hotkey"] == hotkey.to_string())
						.filter_map(|s| s["netuid"].as_u64())
						.max()
				})
				.ok_or_else(|| anyhow!("the new subnet is not in subnets_list"))?;
			out.done_with(
				&included,
				json!({ "netuid": netuid }),
				&format!("created subnet {netuid}"),
			)
		},
		SubnetCommand::Set { netuid, param, sudo, signer } => {
			let key = signer.keypair()?;
			let param = param.build();
			let included = if sudo {
				use api::runtime_types::{
					myelin_runtime::RuntimeCall, pallet_subnets::pallet::Call,
				};
				let inner = RuntimeCall::Subnets(Call::set_hyperparameter { netuid, param });
				let included = submit(chain, &api::tx().sudo().sudo(inner), &key).await?;
				sudo_result(chain, &included).await?;
				included
			} else {
				submit(chain, &api::tx().subnets().set_hyperparameter(netuid, param), &key).await?
			};
			out.done(&included, &format!("hyperparameter of subnet {netuid} set"))
		},
		SubnetCommand::Dissolve { netuid, signer } => {
			let call = api::tx().subnets().dissolve_network(netuid);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			out.done(&included, &format!("dissolved subnet {netuid}"))
		},
	}
}

async fn register(chain: &Chain, out: &Output, args: RegisterArgs) -> Result<()> {
	let max_burn = match args.max_burn {
		Some(max) => max,
		None => subnet_info(chain, args.netuid).await?["burn"]
			.as_str()
			.and_then(|s| s.parse().ok())
			.ok_or_else(|| anyhow!("subnets_list: no burn for netuid {}", args.netuid))?,
	};
	let call = api::tx().subnets().burned_register_with_limit(args.netuid, args.hotkey, max_burn);
	let included = submit(chain, &call, &args.signer.keypair()?).await?;
	let metagraph: Value = chain
		.request(
			"subnets_metagraph",
			rpc_params![args.netuid, format!("{:?}", included.block_hash)],
		)
		.await?;
	let uid = metagraph["neurons"]
		.as_array()
		.and_then(|n| n.iter().find(|n| n["hotkey"] == args.hotkey.to_string()))
		.and_then(|n| n["uid"].as_u64())
		.ok_or_else(|| anyhow!("the hotkey is not in the metagraph after registering"))?;
	out.done_with(
		&included,
		json!({ "netuid": args.netuid, "uid": uid }),
		&format!("registered {} as uid {uid} of subnet {}", args.hotkey, args.netuid),
	)
}

async fn stake(chain: &Chain, out: &Output, command: StakeCommand) -> Result<()> {
	match command {
		StakeCommand::Add(StakeArgs { hotkey, amount, signer }) => {
			let call = api::tx().staking().add_stake(hotkey, amount);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			out.done(&included, &format!("staked {} MYL on {hotkey}", myl(amount)))
		},
		StakeCommand::Remove(StakeArgs { hotkey, amount, signer }) => {
			let call = api::tx().staking().remove_stake(hotkey, amount);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			out.done(&included, &format!("took {} MYL of stake back from {hotkey}", myl(amount)))
		},
		StakeCommand::Move { from, to, amount, signer } => {
			let call = api::tx().staking().move_stake(from, to, amount);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			out.done(&included, &format!("moved {} MYL of stake from {from} to {to}", myl(amount)))
		},
		StakeCommand::Show { hotkey, coldkey } => {
			let at = chain.client().at_current_block().await?;
			let storage = at.storage();
			let pool = storage
				.try_fetch(api::storage().staking().pools(), (hotkey,))
				.await?
				.map(|v| v.decode())
				.transpose()?;
			let (stake, shares) = pool.map(|p| (p.stake, p.shares)).unwrap_or((0, 0));
			let mut value = json!({ "hotkey": hotkey.to_string(), "stake": stake.to_string() });
			let mut text = format!("{hotkey}: {} MYL staked", myl(stake));
			if let Some(coldkey) = coldkey {
				let position = storage
					.try_fetch(api::storage().staking().stakes(), (hotkey, coldkey))
					.await?
					.map(|v| v.decode())
					.transpose()?;
				let owned = position.map(|p| p.shares).unwrap_or(0);
				// The position's value, rounded down as the chain rounds it.
				let worth = if shares == 0 { 0 } else { mul_div(owned, stake, shares) };
				value["coldkey"] = json!(coldkey.to_string());
				value["coldkey_stake"] = json!(worth.to_string());
				text.push_str(&format!(", {} MYL of it {coldkey}'s", myl(worth)));
			}
			out.print(&value, || text)
		},
	}
}

/// The outcome of the call a `sudo.sudo` in `included` dispatched (`Sudo.Sudid`): the call's
/// own error as `Pallet.Error: its documentation`, as for a call signed directly.
async fn sudo_result(chain: &Chain, included: &Included) -> Result<()> {
	use api::runtime_types::sp_runtime::DispatchError;
	let at = chain.client().at_block(included.block_hash).await?;
	let events = at.events().fetch().await?;
	let Some(sudid) = events.find_first::<api::sudo::events::Sudid>() else {
		bail!("no Sudo.Sudid event in block #{}", included.block_number)
	};
	match sudid?.sudo_result {
		Ok(()) => Ok(()),
		Err(DispatchError::Module(error)) => {
			let metadata = at.metadata();
			let details = metadata.pallet_by_error_index(error.index).and_then(|pallet| {
				let variant = pallet.error_variant_by_index(error.error[0])?;
				Some(format!(
					"{}.{}: {}",
					pallet.name(),
					variant.name,
					variant.docs.join(" ").trim()
				))
			});
			bail!("sudo: {}", details.unwrap_or_else(|| format!("module error {error:?}")))
		},
		Err(other) => bail!("sudo: {other:?}"),
	}
}

/// `a · b / c` rounded down, without overflow for stake-sized numbers.
fn mul_div(a: u128, b: u128, c: u128) -> u128 {
	let (q, r) = (a / c, a % c);
	q.saturating_mul(b).saturating_add((r.saturating_mul(b)) / c)
}

/// The entry of `netuid` in `subnets_list`, or an error naming it.
async fn subnet_info(chain: &Chain, netuid: u16) -> Result<Value> {
	let list: Value = chain.request("subnets_list", rpc_params![]).await?;
	list.as_array()
		.and_then(|list| list.iter().find(|s| s["netuid"] == netuid).cloned())
		.ok_or_else(|| anyhow!("netuid {netuid}: no such subnet"))
}

/// Signs and submits `call`, saying on stderr that it waits, until it is finalized.
async fn submit<C: subxt::tx::Payload>(
	chain: &Chain,
	call: &C,
	signer: &Keypair,
) -> Result<Included> {
	eprintln!("submitting as {}; waiting for inclusion and finality…", keys::address(signer));
	let included = chain.submit(call, signer).await?;
	eprintln!("finalized in block #{}", included.block_number);
	Ok(included)
}

/// Where results go: stdout, as text or as JSON.
struct Output {
	json: bool,
}

impl Output {
	fn print(&self, value: &Value, text: impl FnOnce() -> String) -> Result<()> {
		if self.json {
			println!("{}", serde_json::to_string_pretty(value).context("printing JSON")?);
		} else {
			println!("{}", text());
		}
		Ok(())
	}

	fn done(&self, included: &Included, text: &str) -> Result<()> {
		self.done_with(included, json!({}), text)
	}

	fn done_with(&self, included: &Included, mut value: Value, text: &str) -> Result<()> {
		let Some(object) = value.as_object_mut() else { bail!("not an object: {value}") };
		object.insert("block".into(), json!(included.block_number));
		object.insert("block_hash".into(), json!(format!("{:?}", included.block_hash)));
		self.print(&value, || format!("{text} (block #{})", included.block_number))
	}
}
