//! `myelin-worker validator`: every `--interval` blocks, read the metagraph, send a task to
//! every miner with an axon, score the answers, and set weights (commit then reveal when the
//! subnet has commit-reveal on), within the weights rate limit.

use std::{
	collections::{BTreeMap, HashMap},
	time::{Duration, Instant},
};

use anyhow::{anyhow, Context, Result};
use subxt::ext::{codec::Encode, futures::future::join_all};

use crate::{
	chain::{api, Chain, Hyperparameters, Metagraph, Neuron},
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
	epoch: u64,
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
			let block = chain.best_number().await?;
			if state.last_round.is_some_and(|last| block < last + config.interval) {
				return Ok::<bool, anyhow::Error>(false);
			}
			state.last_round = Some(block);
			round(&chain, &config, &mut state).await.map(|()| true)
		};
		let outcome = tokio::select! {
			_ = &mut shutdown => break,
			outcome = step => outcome,
		};
		if let Err(e) = outcome {
			log::warn!("round failed: {e:#}");
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

/// One round: reveal what is due, score every miner, set or commit weights.
async fn round(chain: &Chain, config: &ValidatorConfig, state: &mut State) -> Result<()> {
	let netuid = config.neuron.netuid;
	let (mg, hp) = (chain.metagraph(netuid).await?, chain.hyperparameters(netuid).await?);
	let me_address = address(&config.neuron.hotkey);
	let me = mg
		.find(&me_address)
		.ok_or_else(|| anyhow!("hotkey {me_address} is no longer registered"))?;
	let epoch = mg.block / hp.tempo.max(1);
	reveal_if_due(chain, config, state, &hp, epoch, mg.block).await;

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

	set_or_commit(chain, config, state, &mg, me, &hp, epoch).await
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
	epoch: u64,
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
		log::info!(
			"committed weights [{row}] in block #{} (reveal in epoch {})",
			included.block_number,
			epoch + hp.commit_reveal_period
		);
		state.pending = Some(PendingCommit { epoch, uids, weights, salt, version_key });
	} else {
		let call =
			api::tx().weights().set_weights(config.neuron.netuid, uids, weights, version_key);
		let included = chain.submit(&call, &config.neuron.hotkey).await.context("set_weights")?;
		log::info!("set weights [{row}] in block #{}", included.block_number);
	}
	Ok(())
}

async fn reveal_if_due(
	chain: &Chain,
	config: &ValidatorConfig,
	state: &mut State,
	hp: &Hyperparameters,
	epoch: u64,
	block: u64,
) {
	let Some(pending) = &state.pending else { return };
	let window = pending.epoch + hp.commit_reveal_period;
	if epoch < window {
		return;
	}
	if epoch > window {
		log::warn!(
			"missed the reveal window of the commitment from epoch {}; dropping it",
			pending.epoch
		);
		state.pending = None;
		return;
	}
	let call = api::tx().weights().reveal_weights(
		config.neuron.netuid,
		pending.uids.clone(),
		pending.weights.clone(),
		pending.salt.clone(),
		pending.version_key,
	);
	match chain.submit(&call, &config.neuron.hotkey).await {
		Ok(included) => {
			log::info!(
				"revealed the weights committed in epoch {} in block #{}",
				pending.epoch,
				included.block_number
			);
			state.pending = None;
		},
		Err(e) => log::warn!("reveal at block #{block} failed: {e:#}"),
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
