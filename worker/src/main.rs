//! `myelin-worker`: run a Myelin miner or validator against a node. `--help` for the options.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode, time::Duration};

use clap::{Args, Parser, Subcommand};
use myelin_worker::{
	keys, logger,
	miner::{self, MinerConfig},
	parse_myl,
	register::NeuronConfig,
	state,
	task::{PluginSpec, TaskKind},
	validator::{self, ValidatorConfig},
};

#[derive(Parser)]
#[command(name = "myelin-worker", version, about = "Myelin miner and validator workers")]
struct Cli {
	#[command(subcommand)]
	role: Role,
}

#[derive(Subcommand)]
enum Role {
	/// Register, publish an HTTP endpoint, answer tasks.
	Miner(MinerArgs),
	/// Score the miners of a subnet and set weights.
	Validator(ValidatorArgs),
	/// Buy a matmul job on the compute market: post it, check its result, settle it; prints
	/// the outcome as JSON.
	Client(ClientArgs),
}

#[derive(Args)]
struct ClientArgs {
	/// The node's WebSocket JSON-RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The subnet whose providers compute it.
	#[arg(long)]
	netuid: u16,
	/// The poster's secret URI (it pays). Prefer --suri-file.
	#[arg(long)]
	suri: Option<String>,
	/// A file holding the poster's secret URI.
	#[arg(long)]
	suri_file: Option<PathBuf>,
	/// Matrix size (1..=512).
	#[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=512))]
	n: u32,
	/// The most to pay, in MYL.
	#[arg(long, value_parser = parse_myl)]
	max_price: u128,
	/// Blocks until the job's deadline.
	#[arg(long, default_value_t = 200)]
	deadline_in: u64,
	/// A PEM file of certificates to trust for https axons, besides the system's.
	#[arg(long)]
	ca_cert: Option<PathBuf>,
	/// Post a plug-in job with this JSON input instead of a matmul job.
	#[arg(long, value_parser = parse_json)]
	input: Option<serde_json::Value>,
	/// The plug-in that checks a plug-in job's result (as the validator's --market-verifier).
	#[arg(long)]
	verifier: Option<PluginSpec>,
}

fn parse_json(s: &str) -> Result<serde_json::Value, String> {
	serde_json::from_str(s).map_err(|e| format!("not JSON: {e}"))
}

#[derive(Args)]
struct Common {
	/// The node's WebSocket JSON-RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The subnet to work on.
	#[arg(long)]
	netuid: u16,
	/// The hotkey's secret URI (`//Alice`, a mnemonic, a 0x seed). Prefer --suri-file.
	#[arg(long)]
	suri: Option<String>,
	/// A file holding the hotkey's secret URI.
	#[arg(long)]
	suri_file: Option<PathBuf>,
	/// The coldkey that pays the registration if the hotkey has no uid yet.
	#[arg(long)]
	coldkey: Option<String>,
	/// A file holding the coldkey's secret URI.
	#[arg(long)]
	coldkey_file: Option<PathBuf>,
	/// The most MYL the registration may burn.
	#[arg(long, default_value = "1", value_parser = parse_myl)]
	max_burn: u128,
	/// `matmul` (built in, verified with Freivalds' algorithm), or a plug-in: `exec:<command>`
	/// (a process per call) or `lines:<command>` (one long-lived process, a JSON line per call).
	/// The miner's plug-in answers tasks; the validator's scores a whole round.
	#[arg(long, default_value = "matmul")]
	task: TaskKind,
	/// Serve Prometheus metrics at http://ADDR/metrics (e.g. 127.0.0.1:9616).
	#[arg(long, value_name = "ADDR")]
	metrics: Option<SocketAddr>,
}

#[derive(Args)]
struct MinerArgs {
	#[command(flatten)]
	common: Common,
	/// Where to serve tasks.
	#[arg(long, default_value = "127.0.0.1:8091")]
	listen: SocketAddr,
	/// The URL published on chain (default: http(s)://<listen address>).
	#[arg(long)]
	axon_url: Option<String>,
	/// Serve https with this certificate chain (PEM); needs --tls-key.
	#[arg(long, requires = "tls_key")]
	tls_cert: Option<PathBuf>,
	/// The private key (PEM) of --tls-cert.
	#[arg(long, requires = "tls_cert")]
	tls_key: Option<PathBuf>,
	/// Seconds a plug-in may take per task.
	#[arg(long, default_value_t = 30)]
	exec_timeout: u64,
	/// Tasks one validator may have running here at once; more are refused with 429.
	#[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=1024))]
	max_per_validator: u32,
	/// Milliseconds between two reads of who holds a validator permit.
	#[arg(long, default_value_t = 3000, value_parser = clap::value_parser!(u64).range(100..))]
	permit_refresh_ms: u64,
	/// Testing: wait this many milliseconds before answering.
	#[arg(long, default_value_t = 0)]
	delay_ms: u64,
	/// Take matmul jobs of the compute market (`myelin provider bond` and `offer` first) and
	/// serve their results at GET /result/<job_id>.
	#[arg(long)]
	market: bool,
	/// Testing: answer wrong products, to tasks and market jobs (to see validators catch them).
	#[arg(long)]
	corrupt: bool,
}

#[derive(Args)]
struct ValidatorArgs {
	#[command(flatten)]
	common: Common,
	/// Blocks between two scoring rounds.
	#[arg(long, default_value_t = 10)]
	interval: u64,
	/// Matrix size of the built-in task (1..=512).
	#[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=512))]
	size: u32,
	/// Freivalds rounds per check: a wrong product passes with probability 2^-rounds.
	#[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=64))]
	rounds: u32,
	/// Milliseconds a miner has to answer.
	#[arg(long, default_value_t = 5000)]
	timeout_ms: u64,
	/// Milliseconds of latency that halve a correct answer's score.
	#[arg(long, default_value_t = 100)]
	reference_ms: u64,
	/// With a plug-in --task: the plug-in that makes each round's task (`exec:` or `lines:`);
	/// without it, every round sends `{"kind": "exec", "seed": s}`.
	#[arg(long)]
	task_plugin: Option<PluginSpec>,
	/// Where the validator keeps its scores and pending commitment (default
	/// $MYELIN_HOME/worker or ~/.myelin/worker).
	#[arg(long)]
	state_dir: Option<PathBuf>,
	/// A PEM file of certificates to trust for https axons, besides the system's.
	#[arg(long)]
	ca_cert: Option<PathBuf>,
	/// Verify the compute market's submitted results on the subnet and attest them.
	#[arg(long)]
	market: bool,
	/// With --market: the plug-in (`exec:` or `lines:`) that checks plug-in jobs' results:
	/// `{"input", "result"}` in, `true`/`false` (or `{"approve": bool}`) out.
	#[arg(long, requires = "market")]
	market_verifier: Option<PluginSpec>,
}

fn main() -> ExitCode {
	logger::init();
	let cli = Cli::parse();
	let runtime = match tokio::runtime::Runtime::new() {
		Ok(runtime) => runtime,
		Err(e) => {
			log::error!("cannot start the async runtime: {e}");
			return ExitCode::FAILURE;
		},
	};
	match runtime.block_on(run(cli)) {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			log::error!("{e:#}");
			ExitCode::FAILURE
		},
	}
}

async fn ctrl_c() {
	if tokio::signal::ctrl_c().await.is_ok() {
		log::info!("Ctrl-C: stopping");
	}
}

/// The settings miners and validators share, with both keys loaded.
fn neuron(common: &Common) -> anyhow::Result<NeuronConfig> {
	let hotkey = keys::load("suri", common.suri.as_deref(), common.suri_file.as_deref())?
		.ok_or_else(|| anyhow::anyhow!("--suri or --suri-file: the hotkey is required"))?;
	Ok(NeuronConfig {
		url: common.url.clone(),
		netuid: common.netuid,
		hotkey,
		coldkey: keys::load("coldkey", common.coldkey.as_deref(), common.coldkey_file.as_deref())?,
		max_burn: common.max_burn,
	})
}

async fn run(cli: Cli) -> anyhow::Result<()> {
	match cli.role {
		Role::Miner(args) => {
			let c = &args.common;
			let config = MinerConfig {
				neuron: neuron(c)?,
				listen: args.listen,
				axon_url: args.axon_url,
				task: c.task.clone(),
				exec_timeout: Duration::from_secs(args.exec_timeout),
				max_per_validator: args.max_per_validator as usize,
				permit_refresh: Duration::from_millis(args.permit_refresh_ms),
				tls: args.tls_cert.zip(args.tls_key),
				metrics: c.metrics,
				delay: Duration::from_millis(args.delay_ms),
				market: args.market,
				corrupt: args.corrupt,
			};
			miner::run(config, ctrl_c()).await
		},
		Role::Validator(args) => {
			let c = &args.common;
			let config = ValidatorConfig {
				neuron: neuron(c)?,
				interval: args.interval.max(1),
				task: c.task.clone(),
				size: args.size,
				rounds: args.rounds,
				timeout: Duration::from_millis(args.timeout_ms),
				reference: Duration::from_millis(args.reference_ms.max(1)),
				poll: Duration::from_millis(250),
				task_plugin: args.task_plugin,
				state_dir: args.state_dir.unwrap_or_else(state::default_dir),
				ca_cert: args.ca_cert,
				metrics: c.metrics,
				market: args.market,
				market_verifier: args.market_verifier,
			};
			if config.task_plugin.is_some() && config.task == TaskKind::MatMul {
				anyhow::bail!("--task-plugin needs a plug-in --task (the round scorer)");
			}
			validator::run(config, ctrl_c()).await
		},
		Role::Client(args) => {
			let poster = keys::load("suri", args.suri.as_deref(), args.suri_file.as_deref())?
				.ok_or_else(|| anyhow::anyhow!("--suri or --suri-file: the poster is required"))?;
			let chain = myelin_worker::chain::Chain::connect(&args.url).await?;
			let tls = myelin_worker::tls::connector(args.ca_cert.as_deref())?;
			let config = myelin_worker::market::ClientConfig {
				netuid: args.netuid,
				n: args.n,
				max_price: args.max_price,
				deadline_in: args.deadline_in,
				rounds: 20,
				timeout: Duration::from_secs(10),
				poll: Duration::from_millis(500),
				input: args.input,
				verifier: args.verifier.map(myelin_worker::task::Plugin::new),
			};
			let outcome = myelin_worker::market::client(&chain, &poster, &config, &tls).await?;
			println!("{outcome}");
			Ok(())
		},
	}
}
