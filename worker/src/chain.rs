//! The node, over WebSocket JSON-RPC: the `subnets_*` views as JSON, and signed extrinsics
//! typed by subxt from the committed runtime metadata (`artifacts/myelin.scale`, refreshed by
//! `make metadata`; a runtime test fails when it is stale).

use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use serde::{de::DeserializeOwned, Deserialize};
use subxt::{
	rpcs::{
		client::{rpc_params, RpcParams},
		RpcClient,
	},
	transactions::{TransactionInvalid, ValidationResult},
	tx::Payload,
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::Keypair;

/// The runtime's calls, storage and events, generated at compile time.
#[subxt::subxt(runtime_metadata_path = "artifacts/myelin.scale")]
pub mod api {}

/// One neuron of `subnets_metagraph` (the fields the workers use).
#[derive(Clone, Debug, Deserialize)]
pub struct Neuron {
	/// Its uid.
	pub uid: u16,
	/// Its hotkey, SS58.
	pub hotkey: String,
	/// Incentive at the last epoch (of 65535).
	pub incentive: u16,
	/// Whether it held a validator permit at the last epoch.
	pub validator_permit: bool,
	/// Block of its last accepted weights (0: never).
	pub last_update: u64,
	/// The URL it serves, if any.
	pub axon: Option<String>,
}

/// `subnets_metagraph`.
#[derive(Clone, Debug, Deserialize)]
pub struct Metagraph {
	/// The block it was read at (the best block).
	pub block: u64,
	/// Every neuron, ascending by uid.
	pub neurons: Vec<Neuron>,
}

impl Metagraph {
	/// The neuron whose hotkey is `hotkey` (SS58).
	pub fn find(&self, hotkey: &str) -> Option<&Neuron> {
		self.neurons.iter().find(|n| n.hotkey == hotkey)
	}
}

/// The hyperparameters the workers need from `subnets_hyperparameters`.
#[derive(Clone, Debug, Deserialize)]
pub struct Hyperparameters {
	/// Blocks per epoch.
	pub tempo: u64,
	/// Blocks between two weight settings of one validator.
	pub weights_rate_limit: u64,
	/// Fewest weights a row must have.
	pub min_allowed_weights: u16,
	/// The lowest accepted weights version key.
	pub weights_version_key: u64,
	/// Whether weights are committed and revealed.
	pub commit_reveal_enabled: bool,
	/// Epochs between a commit and its reveal window.
	pub commit_reveal_period: u64,
}

/// One entry of `subnets_list`.
#[derive(Clone, Debug, Deserialize)]
pub struct SubnetInfo {
	/// The subnet.
	pub netuid: u16,
	/// The registration price now, base units as a decimal string.
	pub burn: String,
}

/// A connection to a node.
#[derive(Clone)]
pub struct Chain {
	rpc: RpcClient,
	client: OnlineClient<SubstrateConfig>,
}

/// Where an extrinsic landed.
#[derive(Debug)]
pub struct Included {
	/// The number of the finalized block that holds it.
	pub block_number: u64,
}

impl Chain {
	/// Connects to `url` (`ws://…`) once.
	pub async fn connect(url: &str) -> Result<Self> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("connecting to {url}"))?;
		let client = OnlineClient::<SubstrateConfig>::from_rpc_client(rpc.clone())
			.await
			.with_context(|| format!("reading the runtime of {url}"))?;
		Ok(Self { rpc, client })
	}

	/// Connects to `url`, retrying with exponential backoff (1 s doubling up to 30 s) until it
	/// works. Logs each failure.
	pub async fn connect_with_backoff(url: &str) -> Self {
		let mut wait = Duration::from_secs(1);
		loop {
			match Self::connect(url).await {
				Ok(chain) => {
					log::info!("connected to {url}");
					return chain;
				},
				Err(e) => {
					log::warn!("{e:#}; retrying in {}s", wait.as_secs());
					tokio::time::sleep(wait).await;
					wait = (wait * 2).min(Duration::from_secs(30));
				},
			}
		}
	}

	async fn request<T: DeserializeOwned>(&self, method: &str, params: RpcParams) -> Result<T> {
		self.rpc.request(method, params).await.with_context(|| method.to_string())
	}

	/// `subnets_metagraph(netuid)` at the best block.
	pub async fn metagraph(&self, netuid: u16) -> Result<Metagraph> {
		self.request("subnets_metagraph", rpc_params![netuid]).await
	}

	/// `subnets_hyperparameters(netuid)` at the best block.
	pub async fn hyperparameters(&self, netuid: u16) -> Result<Hyperparameters> {
		self.request("subnets_hyperparameters", rpc_params![netuid]).await
	}

	/// The entry of `netuid` in `subnets_list`.
	pub async fn subnet(&self, netuid: u16) -> Result<SubnetInfo> {
		let list: Vec<SubnetInfo> = self.request("subnets_list", rpc_params![]).await?;
		list.into_iter()
			.find(|s| s.netuid == netuid)
			.ok_or_else(|| anyhow!("netuid {netuid} does not exist"))
	}

	/// Signs `call` with `signer`, checks it against the transaction pool's rules, submits it
	/// and waits until it is finalized and succeeded. A refusal names the pool code or the
	/// pallet error.
	pub async fn submit<C: Payload>(&self, call: &C, signer: &Keypair) -> Result<Included> {
		let mut tx = self.client.tx().await.context("reading the current block")?;
		let signed = tx
			.create_signed(call, signer, Default::default())
			.await
			.context("signing the transaction")?;
		match signed.validate().await.context("validating the transaction")? {
			ValidationResult::Valid(_) => {},
			ValidationResult::Invalid(TransactionInvalid::Custom(code)) => {
				return Err(anyhow!("refused by the pool: {}", pool_code(code)));
			},
			ValidationResult::Invalid(other) => {
				return Err(anyhow!("refused by the pool: {other:?}"))
			},
			ValidationResult::Unknown(other) => {
				return Err(anyhow!("not accepted by the pool: {other:?}"))
			},
		}
		let in_block = signed
			.submit_and_watch()
			.await
			.context("submitting the transaction")?
			.wait_for_finalized()
			.await
			.map_err(|e| anyhow!("{e}"))?;
		in_block.wait_for_success().await.map_err(|e| anyhow!("{e}"))?;
		let hash = format!("{:?}", in_block.block_hash());
		let header: serde_json::Value = self.request("chain_getHeader", rpc_params![hash]).await?;
		Ok(Included { block_number: header_number(&header)? })
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> Result<u64> {
		let header: serde_json::Value = self.request("chain_getHeader", rpc_params![]).await?;
		header_number(&header)
	}
}

fn header_number(header: &serde_json::Value) -> Result<u64> {
	let number = header["number"].as_str().ok_or_else(|| anyhow!("chain_getHeader: no number"))?;
	u64::from_str_radix(number.trim_start_matches("0x"), 16).context("chain_getHeader: bad number")
}

/// A readable name for the custom `InvalidTransaction` codes of our feeless calls.
pub fn pool_code(code: u8) -> String {
	let meaning = match code {
		1 => "hotkey not registered on the subnet (serve_axon)",
		2 => "serving rate limit (serve_axon)",
		3 => "invalid axon URL",
		11 => "hotkey not registered on the subnet (weights)",
		12 => "weights rate limit",
		13 => "no validator permit",
		14 => "invalid weights",
		15 => "wrong weights mode (commit-reveal on or off)",
		16 => "commit or reveal refused",
		_ => "unknown",
	};
	format!("code {code}: {meaning}")
}
