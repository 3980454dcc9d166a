//! `myelin-worker validator`: every `--interval` blocks, read the metagraph, send a task to
//! every miner with an axon, score the answers, and set weights (commit then reveal when the
//! subnet has commit-reveal on), within the weights rate limit.
//!
//! Commit-reveal follows the chain's epochs, not block numbers: each subnet counts its own
//! epochs (scheduled by the Yuma pallet, staggered by netuid, possibly deferred), and
//! `subnets_list` reports, at any block, the subnet's `epoch` and its `next_epoch_block`. A
//! commitment belongs to the epoch of the block that included it (read with `subnets_list` at
//! that block's hash); it is revealed while the best block is in epoch `commit epoch +
//! commit_reveal_period`, and dropped once that epoch is over. While a commitment waits, the
//! epoch is checked at every new block, not only every `--interval` blocks, so that a short
//! window is not missed. A reveal is sent only once the finalized block is in the window too,
//! since [`Chain::submit`] checks transactions against the finalized state.

use std::{
	collections::{BTreeMap, HashMap},
	time::{Duration, Instant},
};

use anyhow::{anyhow, Context, Result};
use subxt::{
	ext::{codec::Encode, futures::future::join_all},
	utils::H256,
};

use crate::{
	chain::{api, Chain, Hyperparameters, Metagraph, Neuron, SubnetInfo},
	http::post_json,
	keys::address,
	random_u64,
	register::{connect_registered, NeuronConfig},
	score::{score, to_weights, Outcome},
	task::{exec, MatMulAnswer, MatMulTask, TaskKind, TaskRequest},
};

/// Everything the validator is told on the command line.
pub struct ValidatorConfig {
	/// The node, the subnet and the neuron's keys.
	pub neuron: NeuronConfig,
	/// Blocks between two scoring rounds.
	pub interval: u64,
	/// The task sent to miners.
	pub task: TaskKind,
	/// Matrix size of the built-in task.
	pub size: u32,
	/// Freivalds rounds per check.
	pub rounds: u32,
	/// How long a miner has to answer.
	pub timeout: Duration,
	/// The latency that halves a correct answer's score.
	pub reference: Duration,
	/// How often to look at the best block.
	pub poll: Duration,
}

/// A commitment waiting for its reveal window.
struct PendingCommit {
	/// The number of the block that included the commit.
	block_number: u64,
	/// The hash of that block.
	block_hash: H256,
	/// The subnet's epoch at that block (`None` until `subnets_list` at it has been read).
	epoch: Option<u64>,
	uids: Vec<u16>,
	weights: Vec<u16>,
	salt: Vec<u16>,
	version_key: u64,
}

/// What the validator remembers between rounds.
#[derive(Default)]
struct State {
	/// Moving average of each uid's scores, with the hotkey it was earned by.
	scores: BTreeMap<u16, (String, f64)>,
	pending: Option<PendingCommit>,
	last_round: Option<u64>,
	/// The best block at which the reveal window was last checked.
	last_reveal_check: Option<u64>,
}

/// Where the subnet stands in its epochs at one block (the best block when it was read).
struct EpochView {
	/// The block.
	block: u64,
	/// The subnet's epoch at that block (`subnets_list`).
	epoch: u64,
	/// The block at which its next epoch is due (`subnets_list`).
	next_epoch_block: u64,
	/// `commit_reveal_period` at that block.
	period: u64,
}

impl EpochView {
	fn new(block: u64, hp: &Hyperparameters, subnet: &SubnetInfo) -> Self {
		Self {
			block,
			epoch: subnet.epoch,
			next_epoch_block: subnet.next_epoch_block,
			period: hp.commit_reveal_period,
		}
	}

	/// Reads it at the best block.
	async fn best(chain: &Chain, netuid: u16) -> Result<Self> {
		let best = chain.best_head().await?;
		let hp = chain.hyperparameters_at(netuid, Some(best.hash)).await?;
		let subnet = chain.subnet_at(netuid, Some(best.hash)).await?;
		Ok(Self::new(best.number, &hp, &subnet))
	}
}

/// Runs the validator until `shutdown` resolves.
pub async fn run(
	config: ValidatorConfig,
	shutdown: impl std::future::Future<Output = ()>,
) -> Result<()> {
	tokio::pin!(shutdown);
	let (mut chain, me) = tokio::select! {
		_ = &mut shutdown => return Ok(()),
		connected = connect_registered(&config.neuron) => connected?,
	};
	let uid = me.uid;
	log::info!(
		"validator uid {uid} on netuid {}: {:?} tasks every {} blocks",
		config.neuron.netuid,
		config.task,
		config.interval
	);
	let mut state = State::default();
	loop {
		let step = async {
			let block = chain.best_number().await.context("round failed")?;
			if state.last_round.is_none_or(|last| block >= last + config.interval) {
				state.last_round = Some(block);
				state.last_reveal_check = Some(block);
				return round(&chain, &config, &mut state).await.context("round failed");
			}
			// Between rounds, a waiting commitment is checked at every new block.
			if state.pending.is_some() && state.last_reveal_check.is_none_or(|last| block > last) {
				state.last_reveal_check = Some(block);
				let now = EpochView::best(&chain, config.neuron.netuid)
					.await
					.context("reading the epoch for the reveal")?;
				reveal_if_due(&chain, &config, &mut state, &now).await;
			}
			Ok::<(), anyhow::Error>(())
		};
		let outcome = tokio::select! {
			_ = &mut shutdown => break,
			outcome = step => outcome,
		};
		if let Err(e) = outcome {
			log::warn!("{e:#}");
			if chain.best_number().await.is_err() {
				log::warn!("lost the node; reconnecting");
				chain = tokio::select! {
					_ = &mut shutdown => break,
					chain = Chain::connect_with_backoff(&config.neuron.url) => chain,
				};
			}
		}
		tokio::select! {
			_ = &mut shutdown => break,
			_ = tokio::time::sleep(config.poll) => {},
		}
	}
	log::info!("validator stopped");
	Ok(())
}

/// One round: reveal what is due, score every miner, set or commit weights. The metagraph,
/// the hyperparameters and the subnet's epoch are all read at the same (best) block.
async fn round(chain: &Chain, config: &ValidatorConfig, state: &mut State) -> Result<()> {
	let netuid = config.neuron.netuid;
	let at = Some(chain.best_head().await?.hash);
	let mg = chain.metagraph_at(netuid, at).await?;
	let hp = chain.hyperparameters_at(netuid, at).await?;
	let subnet = chain.subnet_at(netuid, at).await?;
	let me_address = address(&config.neuron.hotkey);
	let me = mg
		.find(&me_address)
		.ok_or_else(|| anyhow!("hotkey {me_address} is no longer registered"))?;
	reveal_if_due(chain, config, state, &EpochView::new(mg.block, &hp, &subnet)).await;

	let miners: Vec<&Neuron> =
		mg.neurons.iter().filter(|n| n.uid != me.uid && n.axon.is_some()).collect();
	log::info!("block #{}: scoring {} miners", mg.block, miners.len());
	let outcomes = join_all(miners.iter().map(|n| ask(config, n))).await;
	for (neuron, outcome) in miners.iter().zip(&outcomes) {
		let s = score(outcome, config.reference);
		let entry = state.scores.entry(neuron.uid).or_insert_with(|| (neuron.hotkey.clone(), s));
		if entry.0 != neuron.hotkey {
			*entry = (neuron.hotkey.clone(), s); // a new neuron took the uid: start over
		} else {
			entry.1 = 0.5 * entry.1 + 0.5 * s;
		}
		log::info!(
			"uid {} {}: {} -> score {s:.3} (average {:.3})",
			neuron.uid,
			neuron.axon.as_deref().unwrap_or(""),
			describe(outcome),
			entry.1
		);
	}
	// Forget uids that no longer serve.
	let serving: HashMap<u16, &str> = miners.iter().map(|n| (n.uid, n.hotkey.as_str())).collect();
	state.scores.retain(|uid, (hotkey, _)| serving.get(uid) == Some(&hotkey.as_str()));

	set_or_commit(chain, config, state, &mg, me, &hp).await
}

/// Sends one task to `neuron` and checks the answer.
async fn ask(config: &ValidatorConfig, neuron: &Neuron) -> Outcome {
	let Some(axon) = &neuron.axon else { return Outcome::Missing("no axon".into()) };
	let url = format!("{}/task", axon.trim_end_matches('/'));
	let request = match &config.task {
		TaskKind::MatMul => TaskRequest::Matmul(MatMulTask { seed: random_u64(), n: config.size }),
		TaskKind::Exec(_) => TaskRequest::Exec { seed: random_u64() },
	};
	let body = serde_json::to_vec(&request).expect("a task serialises");
	let started = Instant::now();
	let answer = match post_json(&url, body, config.timeout).await {
		Ok(answer) => answer,
		Err(e) => return Outcome::Missing(e),
	};
	let latency = started.elapsed();
	match (&config.task, request) {
		(TaskKind::MatMul, TaskRequest::Matmul(task)) => {
			let Ok(answer) = serde_json::from_slice::<MatMulAnswer>(&answer) else {
				return Outcome::Wrong;
			};
			let rounds = config.rounds;
			let checked =
				tokio::task::spawn_blocking(move || task.verify(&answer, rounds, random_u64()))
					.await;
			match checked {
				Ok(true) => Outcome::Correct { latency },
				_ => Outcome::Wrong,
			}
		},
		(TaskKind::Exec(scorer), task) => {
			let Ok(answer) = serde_json::from_slice::<serde_json::Value>(&answer) else {
				return Outcome::Wrong;
			};
			let input = serde_json::json!({
				"task": task,
				"answer": answer,
				"latency_ms": latency.as_secs_f64() * 1000.0,
			});
			match exec::run_json(scorer, &input, config.timeout)
				.await
				.and_then(|v| exec::parse_score(&v))
			{
				Ok(s) => Outcome::Scored(s),
				Err(e) => {
					log::warn!("scoring plug-in: {e}");
					Outcome::Scored(0.0)
				},
			}
		},
		_ => unreachable!("the request is built from the task kind"),
	}
}

fn describe(outcome: &Outcome) -> String {
	match outcome {
		Outcome::Missing(why) => format!("no answer ({why})"),
		Outcome::Wrong => "wrong answer".into(),
		Outcome::Correct { latency } => format!("correct in {} ms", latency.as_millis()),
		Outcome::Scored(s) => format!("plug-in score {s:.3}"),
	}
}

async fn set_or_commit(
	chain: &Chain,
	config: &ValidatorConfig,
	state: &mut State,
	mg: &Metagraph,
	me: &Neuron,
	hp: &Hyperparameters,
) -> Result<()> {
	if !me.validator_permit {
		log::info!("no validator permit yet (needs stake and an epoch); weights not set");
		return Ok(());
	}
	if me.last_update > 0 && mg.block < me.last_update + hp.weights_rate_limit {
		log::info!(
			"weights rate limit: next weights from block #{}",
			me.last_update + hp.weights_rate_limit
		);
		return Ok(());
	}
	let scores: Vec<(u16, f64)> = state.scores.iter().map(|(uid, (_, s))| (*uid, *s)).collect();
	let (uids, weights) = to_weights(&scores);
	if uids.is_empty() || uids.len() < usize::from(hp.min_allowed_weights) {
		log::info!(
			"{} miners scored above 0, the subnet needs {}; weights not set",
			uids.len(),
			hp.min_allowed_weights.max(1)
		);
		return Ok(());
	}
	let row =
		uids.iter().zip(&weights).map(|(u, w)| format!("{u}:{w}")).collect::<Vec<_>>().join(" ");
	let version_key = hp.weights_version_key;
	if hp.commit_reveal_enabled {
		if state.pending.is_some() {
			log::info!("a commitment is waiting for its reveal; not committing another");
			return Ok(());
		}
		let salt: Vec<u16> = (0..8).map(|_| random_u64() as u16).collect();
		let account = config.neuron.hotkey.public_key().to_account_id();
		let hash =
			commit_hash(&account.0, config.neuron.netuid, &uids, &weights, &salt, version_key);
		let call =
			api::tx().weights().commit_weights(config.neuron.netuid, subxt::utils::H256(hash));
		let included =
			chain.submit(&call, &config.neuron.hotkey).await.context("commit_weights")?;
		let mut pending = PendingCommit {
			block_number: included.block_number,
			block_hash: included.block_hash,
			epoch: None,
			uids,
			weights,
			salt,
			version_key,
		};
		// The commitment belongs to the epoch of the block that included it.
		match chain.subnet_at(config.neuron.netuid, Some(included.block_hash)).await {
			Ok(subnet) => {
				log::info!(
					"committed weights [{row}] in block #{} (epoch {}): reveal in epoch {}",
					included.block_number,
					subnet.epoch,
					subnet.epoch + hp.commit_reveal_period
				);
				pending.epoch = Some(subnet.epoch);
			},
			Err(e) => log::warn!(
				"committed weights [{row}] in block #{}, but reading its epoch failed ({e:#}); \
				 reading it again before the reveal",
				included.block_number
			),
		}
		state.pending = Some(pending);
	} else {
		let call =
			api::tx().weights().set_weights(config.neuron.netuid, uids, weights, version_key);
		let included = chain.submit(&call, &config.neuron.hotkey).await.context("set_weights")?;
		log::info!("set weights [{row}] in block #{}", included.block_number);
	}
	Ok(())
}

/// Reveals the pending commitment when the subnet is in its reveal window at the best block
/// (`now`): the epoch `commit_reveal_period` after the commitment's. Drops it once that epoch is
/// over. Failures are logged; a failed reveal is tried again while the window lasts.
async fn reveal_if_due(
	chain: &Chain,
	config: &ValidatorConfig,
	state: &mut State,
	now: &EpochView,
) {
	let netuid = config.neuron.netuid;
	let Some(pending) = state.pending.as_mut() else { return };
	let commit_block = pending.block_number;
	if pending.epoch.is_none() {
		match chain.subnet_at(netuid, Some(pending.block_hash)).await {
			Ok(subnet) => {
				log::info!(
					"the commitment in block #{commit_block} is from epoch {}: reveal in epoch {}",
					subnet.epoch,
					subnet.epoch + now.period
				);
				pending.epoch = Some(subnet.epoch);
			},
			Err(e) => {
				log::warn!(
					"reading the epoch of block #{commit_block} (the commitment's) failed: {e:#}"
				);
				return;
			},
		}
	}
	let Some(commit_epoch) = pending.epoch else { return };
	let window = commit_epoch + now.period;
	if now.epoch < window {
		log::debug!(
			"block #{} is in epoch {}; the commitment of epoch {commit_epoch} is revealed in \
			 epoch {window} (next epoch due at block #{})",
			now.block,
			now.epoch,
			now.next_epoch_block
		);
		return;
	}
	if now.epoch > window {
		log::warn!(
			"missed the reveal window (epoch {window}) of the commitment in block #{commit_block} \
			 (epoch {commit_epoch}): block #{} is in epoch {}; dropping it",
			now.block,
			now.epoch
		);
		state.pending = None;
		return;
	}
	// `submit` checks the reveal against the finalized state first: until the finalized block
	// is in the window too, that check would refuse it as too early.
	match chain.finalized_head().await {
		Ok(finalized) => match chain.subnet_at(netuid, Some(finalized.hash)).await {
			Ok(subnet) if subnet.epoch < window => {
				log::info!(
					"reveal window (epoch {window}) open at block #{}, but the finalized block \
					 #{} is still in epoch {}; revealing once it is finalized",
					now.block,
					finalized.number,
					subnet.epoch
				);
				return;
			},
			Ok(_) => {},
			Err(e) => {
				log::warn!("reading the epoch of the finalized block failed: {e:#}");
				return;
			},
		},
		Err(e) => {
			log::warn!("reading the finalized block failed: {e:#}");
			return;
		},
	}
	if now.next_epoch_block <= now.block + 1 {
		log::warn!(
			"revealing at the end of the window: epoch {} is due at block #{}, the next block; if \
			 it runs there, the reveal lands in epoch {} and is refused as expired",
			window + 1,
			now.next_epoch_block,
			window + 1
		);
	} else {
		log::info!(
			"revealing the commitment of epoch {commit_epoch} in epoch {window} (block #{}, the \
			 window closes at block #{} at the earliest)",
			now.block,
			now.next_epoch_block
		);
	}
	let call = api::tx().weights().reveal_weights(
		netuid,
		pending.uids.clone(),
		pending.weights.clone(),
		pending.salt.clone(),
		pending.version_key,
	);
	match chain.submit(&call, &config.neuron.hotkey).await {
		Ok(included) => {
			log::info!(
				"revealed the weights committed in block #{commit_block} (epoch {commit_epoch}) in \
				 block #{} (epoch {window})",
				included.block_number
			);
			state.pending = None;
		},
		Err(e) => log::warn!(
			"reveal in epoch {window} at block #{} failed: {e:#}; trying again while the window \
			 lasts",
			now.block
		),
	}
}

/// `blake2_256(SCALE(hotkey, netuid, uids, weights, salt, version_key))`: the commitment the
/// Weights pallet checks a reveal against.
pub fn commit_hash(
	hotkey: &[u8; 32],
	netuid: u16,
	uids: &[u16],
	weights: &[u16],
	salt: &[u16],
	version_key: u64,
) -> [u8; 32] {
	let encoded = (hotkey, netuid, uids, weights, salt, version_key).encode();
	sp_crypto_hashing::blake2_256(&encoded)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn commit_hash_is_blake2_of_the_scale_tuple() {
		let hotkey = [7u8; 32];
		let mut manual = hotkey.to_vec();
		manual.extend(5u16.to_le_bytes());
		manual.push(2 << 2); // compact length 2
		manual.extend([1u8, 0, 2, 0]);
		manual.push(2 << 2);
		manual.extend([0xff, 0xff, 0x10, 0x00]);
		manual.push(1 << 2);
		manual.extend([9u8, 0]);
		manual.extend(3u64.to_le_bytes());
		assert_eq!(
			commit_hash(&hotkey, 5, &[1, 2], &[65535, 16], &[9], 3),
			sp_crypto_hashing::blake2_256(&manual)
		);
	}
}
