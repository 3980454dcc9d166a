//! The node, over WebSocket JSON-RPC: the `subnets_*` views as JSON (at the best block, or at
//! a block hash given as their optional last parameter), and signed extrinsics typed by subxt
//! from the committed runtime metadata (`artifacts/myelin.scale`, refreshed by `make
//! metadata`; a runtime test fails when it is stale).

use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use serde::{de::DeserializeOwned, Deserialize};
use subxt::{
	error::{DispatchError, TransactionEventsError},
	rpcs::{
		client::{rpc_params, RpcParams},
		RpcClient,
	},
	transactions::{TransactionInvalid, ValidationResult},
	tx::Payload,
	utils::H256,
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

/// One entry of `subnets_list` (the fields the workers use; the others are ignored).
#[derive(Clone, Debug, Deserialize)]
pub struct SubnetInfo {
	/// The subnet.
	pub netuid: u16,
	/// The registration price at the block read, base units as a decimal string.
	pub burn: String,
	/// The index of the subnet's epoch the block read is in. It grows by one at each block
	/// whose `on_initialize` ran the subnet's epoch, that block being the first of the new
	/// epoch. Commit-reveal windows are counted in these epochs.
	pub epoch: u64,
	/// The block at which the subnet's next epoch is due (the block after the one read when
	/// the epoch is due but was deferred).
	pub next_epoch_block: u64,
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
	/// The hash of that block (to read the state it left, e.g. `subnets_list` at it).
	pub block_hash: H256,
}

/// A block: its number and hash.
#[derive(Clone, Copy, Debug)]
pub struct Head {
	/// Its number.
	pub number: u64,
	/// Its hash.
	pub hash: H256,
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

	/// Calls the JSON-RPC `method` with `params` and reads its result as `T`.
	pub async fn request<T: DeserializeOwned>(&self, method: &str, params: RpcParams) -> Result<T> {
		self.rpc.request(method, params).await.with_context(|| method.to_string())
	}

	/// `subnets_metagraph(netuid)` at the best block.
	pub async fn metagraph(&self, netuid: u16) -> Result<Metagraph> {
		self.metagraph_at(netuid, None).await
	}

	/// `subnets_metagraph(netuid)` at block `at` (default: the best block).
	pub async fn metagraph_at(&self, netuid: u16, at: Option<H256>) -> Result<Metagraph> {
		self.request("subnets_metagraph", with_at(rpc_params![netuid], at)).await
	}

	/// `subnets_hyperparameters(netuid)` at the best block.
	pub async fn hyperparameters(&self, netuid: u16) -> Result<Hyperparameters> {
		self.hyperparameters_at(netuid, None).await
	}

	/// `subnets_hyperparameters(netuid)` at block `at` (default: the best block).
	pub async fn hyperparameters_at(
		&self,
		netuid: u16,
		at: Option<H256>,
	) -> Result<Hyperparameters> {
		self.request("subnets_hyperparameters", with_at(rpc_params![netuid], at)).await
	}

	/// The entry of `netuid` in `subnets_list` at the best block.
	pub async fn subnet(&self, netuid: u16) -> Result<SubnetInfo> {
		self.subnet_at(netuid, None).await
	}

	/// The entry of `netuid` in `subnets_list` at block `at` (default: the best block).
	pub async fn subnet_at(&self, netuid: u16, at: Option<H256>) -> Result<SubnetInfo> {
		let list: Vec<SubnetInfo> =
			self.request("subnets_list", with_at(rpc_params![], at)).await?;
		list.into_iter().find(|s| s.netuid == netuid).ok_or_else(|| match at {
			Some(hash) => anyhow!("netuid {netuid} does not exist at block {hash:?}"),
			None => anyhow!("netuid {netuid} does not exist"),
		})
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
		in_block.wait_for_success().await.map_err(|e| anyhow!(describe_failure(&e)))?;
		let block_hash = in_block.block_hash();
		Ok(Included { block_number: self.number_of(block_hash).await?, block_hash })
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> Result<u64> {
		let header: serde_json::Value = self.request("chain_getHeader", rpc_params![]).await?;
		header_number(&header)
	}

	/// The best block.
	pub async fn best_head(&self) -> Result<Head> {
		let hash: Option<H256> = self.request("chain_getBlockHash", rpc_params![]).await?;
		let hash = hash.ok_or_else(|| anyhow!("chain_getBlockHash: no best block"))?;
		Ok(Head { number: self.number_of(hash).await?, hash })
	}

	/// The last finalized block.
	pub async fn finalized_head(&self) -> Result<Head> {
		let hash: H256 = self.request("chain_getFinalizedHead", rpc_params![]).await?;
		Ok(Head { number: self.number_of(hash).await?, hash })
	}

	/// The number of the block `hash`.
	async fn number_of(&self, hash: H256) -> Result<u64> {
		let header: Option<serde_json::Value> =
			self.request("chain_getHeader", rpc_params![hash]).await?;
		header_number(&header.ok_or_else(|| anyhow!("chain_getHeader: unknown block {hash:?}"))?)
	}

	/// The subxt client, for storage reads.
	pub fn client(&self) -> &OnlineClient<SubstrateConfig> {
		&self.client
	}

	/// `Weights.Commits(netuid, hotkey)` at block `at`: the outstanding commitments, each
	/// `(hash, epoch committed in)`, oldest first.
	pub async fn commits_at(
		&self,
		netuid: u16,
		hotkey: subxt::utils::AccountId32,
		at: H256,
	) -> Result<Vec<(H256, u64)>> {
		let block = self.client.at_block(at).await?;
		let commits = block
			.storage()
			.try_fetch(api::storage().weights().commits(), (netuid, hotkey))
			.await?
			.map(|v| v.decode())
			.transpose()?;
		Ok(commits.map(|c| c.0).unwrap_or_default())
	}
}

/// Why an included extrinsic failed: a pallet's error as `Pallet.Error: its documentation`
/// (from the metadata, as polkadot.js shows it), anything else as subxt words it.
pub fn describe_failure(error: &TransactionEventsError) -> String {
	if let TransactionEventsError::ExtrinsicFailed(DispatchError::Module(module)) = error {
		if let Ok(details) = module.details() {
			let docs = details.variant.docs.join(" ");
			let name = format!("{}.{}", details.pallet.name(), details.variant.name);
			return if docs.trim().is_empty() { name } else { format!("{name}: {}", docs.trim()) };
		}
	}
	error.to_string()
}

/// `params`, then the block hash `at` when there is one: the optional last parameter of the
/// `subnets_*` methods (without it they read the best block).
fn with_at(mut params: RpcParams, at: Option<H256>) -> RpcParams {
	if let Some(hash) = at {
		params.push(hash).expect("a block hash serialises to JSON");
	}
	params
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
		17 => "salt longer than 32",
		21 => "not a root validator",
		22 => "root weights rate limit",
		23 => "invalid root weights",
		_ => "unknown",
	};
	format!("code {code}: {meaning}")
}
