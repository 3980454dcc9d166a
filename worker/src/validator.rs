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
	net::SocketAddr,
	path::PathBuf,
	str::FromStr,
	time::{Duration, Instant},
};

use anyhow::{anyhow, Context, Result};
use bytes::Bytes;
use serde_json::{json, Value};
use subxt::{
	ext::{codec::Encode, futures::future::join_all},
	utils::{AccountId32, H256},
};
use tokio_rustls::TlsConnector;

use crate::{
	chain::{api, Chain, Hyperparameters, Metagraph, Neuron, SubnetInfo},
	http::post_json,
	keys::address,
	metrics::{Kind, Metrics},
	protocol, random_u64,
	register::{connect_registered, NeuronConfig},
	score::{round_scores, score, to_weights, Outcome},
	state::{self, Saved, SavedCommit, SavedScore},
	task::{MatMulAnswer, MatMulTask, Plugin, PluginSpec, TaskKind, TaskRequest},
};

/// Everything the validator is told on the command line.
pub struct ValidatorConfig {
	/// The node, the subnet and the neuron's keys.
	pub neuron: NeuronConfig,
	/// Blocks between two scoring rounds.
	pub interval: u64,
	/// The task: `matmul`, or the round scorer plug-in.
	pub task: TaskKind,
	/// The plug-in that makes each round's task (plug-in tasks only; default `{"kind": "exec",
	/// "seed": s}`).
	pub task_plugin: Option<PluginSpec>,
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
	/// Where the state file lives.
	pub state_dir: PathBuf,
	/// `--ca-cert`: more trusted roots for https axons.
	pub ca_cert: Option<PathBuf>,
	/// `--metrics`: where to serve Prometheus metrics.
	pub metrics: Option<SocketAddr>,
	/// `--market`: verify the compute market's results on the subnet and attest them.
	pub market: bool,
	/// `--market-verifier`: checks plug-in jobs' results (`{"input", "result"}` in, `true` or
	/// `false` out); without it, plug-in jobs are not attested.
	pub market_verifier: Option<PluginSpec>,
}

/// A commitment waiting for its reveal window.
struct PendingCommit {
	/// Its hash, as `Weights.Commits` stores it.
	hash: H256,
	/// The number of the block that included the commit, when known.
	block_number: Option<u64>,
	/// The subnet's epoch the chain filed it under (`None` until read from `Weights.Commits`).
	epoch: Option<u64>,
	uids: Vec<u16>,
	weights: Vec<u16>,
	salt: Vec<u16>,
	version_key: u64,
}

impl PendingCommit {
	fn block(&self) -> String {
		self.block_number
			.map(|n| format!("block #{n}"))
			.unwrap_or_else(|| "an unknown block".into())
	}
}

/// What the validator remembers between rounds (and, through [`state`], across restarts).
#[derive(Default)]
struct State {
	/// Moving average of each uid's scores, with the hotkey it was earned by.
	scores: BTreeMap<u16, (String, f64)>,
	pending: Option<PendingCommit>,
	last_round: Option<u64>,
	/// The best block at which the reveal window was last checked.
	last_reveal_check: Option<u64>,
}

/// The validator's settings and the things it made from them.
struct Validator {
	config: ValidatorConfig,
	tls: TlsConnector,
	scorer: Option<Plugin>,
	task_plugin: Option<Plugin>,
	metrics: Metrics,
	state_file: PathBuf,
	me: String,
	verifier: Option<Plugin>,
}

impl Validator {
	fn save(&self, state: &State) {
		let saved = Saved {
			version: state::VERSION,
			netuid: self.config.neuron.netuid,
			hotkey: self.me.clone(),
			scores: state
				.scores
				.iter()
				.map(|(uid, (hotkey, score))| {
					(*uid, SavedScore { hotkey: hotkey.clone(), score: *score })
				})
				.collect(),
			pending: state.pending.as_ref().map(|p| SavedCommit {
				hash: format!("{:?}", p.hash),
				uids: p.uids.clone(),
				weights: p.weights.clone(),
				salt: p.salt.clone(),
				version_key: p.version_key,
				block_number: p.block_number,
				epoch: p.epoch,
			}),
		};
		if let Err(e) = state::save(&self.state_file, &saved) {
			log::warn!("saving the state: {e:#}");
		}
		self.metrics.set(
			"myelin_validator_pending_commit",
			&[],
			f64::from(u8::from(state.pending.is_some())),
		);
	}

	fn load(&self) -> State {
		let mut state = State::default();
		let Some(saved) = state::load(&self.state_file, self.config.neuron.netuid, &self.me) else {
			return state;
		};
		state.scores =
			saved.scores.into_iter().map(|(uid, s)| (uid, (s.hotkey, s.score))).collect();
		state.pending = saved.pending.and_then(|p| {
			let hash = H256::from_str(&p.hash).ok()?;
			Some(PendingCommit {
				hash,
				block_number: p.block_number,
				epoch: p.epoch,
				uids: p.uids,
				weights: p.weights,
				salt: p.salt,
				version_key: p.version_key,
			})
		});
		log::info!(
			"resumed from {}: {} miners' scores{}",
			self.state_file.display(),
			state.scores.len(),
			match &state.pending {
				Some(p) => format!(", a commitment from {} waiting for its reveal", p.block()),
				None => String::new(),
			}
		);
		state
	}
}

fn describe_metrics(m: &Metrics) {
	m.describe("myelin_validator_rounds_total", Kind::Counter, "Scoring rounds run.");
	m.describe(
		"myelin_validator_answers_total",
		Kind::Counter,
		"Miners' answers by outcome: correct, wrong, scored, missing.",
	);
	m.describe("myelin_validator_miner_score", Kind::Gauge, "Each uid's moving-average score.");
	m.describe(
		"myelin_validator_weights_total",
		Kind::Counter,
		"Weight transactions included, by kind: set, commit, reveal.",
	);
	m.describe(
		"myelin_validator_last_weights_block",
		Kind::Gauge,
		"The block that included the last weights, commitment or reveal.",
	);
	m.describe(
		"myelin_validator_pending_commit",
		Kind::Gauge,
		"1 while a commitment waits for its reveal.",
	);
	m.describe("myelin_validator_uid", Kind::Gauge, "This validator's uid on the subnet.");
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
	let me = address(&config.neuron.hotkey);
	let metrics = Metrics::default();
	describe_metrics(&metrics);
	let stop_metrics = match config.metrics {
		Some(addr) => Some(crate::metrics::start(addr, metrics.clone()).await?),
		None => None,
	};
	let v = Validator {
		tls: crate::tls::connector(config.ca_cert.as_deref())?,
		scorer: match &config.task {
			TaskKind::Plugin(spec) => Some(Plugin::new(spec.clone())),
			TaskKind::MatMul => None,
		},
		task_plugin: config.task_plugin.clone().map(Plugin::new),
		metrics,
		state_file: state::path(&config.state_dir, config.neuron.netuid, &me),
		verifier: config.market_verifier.clone().map(Plugin::new),
		me,
		config,
	};
	let result = validate(&v, shutdown).await;
	if let Some(stop) = stop_metrics {
		let _ = stop.send(());
	}
	result
}

async fn validate(v: &Validator, shutdown: impl std::future::Future<Output = ()>) -> Result<()> {
	let config = &v.config;
	tokio::pin!(shutdown);
	let (mut chain, me) = tokio::select! {
		_ = &mut shutdown => return Ok(()),
		connected = connect_registered(&config.neuron) => connected?,
	};
	let uid = me.uid;
	v.metrics.set("myelin_validator_uid", &[], f64::from(uid));
	log::info!(
		"validator uid {uid} on netuid {}: {:?} tasks every {} blocks; state in {}",
		config.neuron.netuid,
		config.task,
		config.interval,
		v.state_file.display()
	);
	let mut state = v.load();
	let mut last_market = Instant::now() - Duration::from_secs(60);
	loop {
		if config.market && last_market.elapsed() >= Duration::from_secs(1) {
			last_market = Instant::now();
			if let Err(e) = crate::market::validator_pass(
				&chain,
				&config.neuron.hotkey,
				config.neuron.netuid,
				config.rounds,
				v.verifier.as_ref(),
				config.timeout,
				&v.tls,
			)
			.await
			{
				log::warn!("market: {e:#}");
			}
		}
		let step = async {
			let block = chain.best_number().await.context("round failed")?;
			if state.last_round.is_none_or(|last| block >= last + config.interval) {
				state.last_round = Some(block);
				state.last_reveal_check = Some(block);
				return round(&chain, v, &mut state).await.context("round failed");
			}
			// Between rounds, a waiting commitment is checked at every new block.
			if state.pending.is_some() && state.last_reveal_check.is_none_or(|last| block > last) {
				state.last_reveal_check = Some(block);
				let now = EpochView::best(&chain, config.neuron.netuid)
					.await
					.context("reading the epoch for the reveal")?;
				reveal_if_due(&chain, v, &mut state, &now).await;
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
async fn round(chain: &Chain, v: &Validator, state: &mut State) -> Result<()> {
	let config = &v.config;
	let netuid = config.neuron.netuid;
	let at = Some(chain.best_head().await?.hash);
	let mg = chain.metagraph_at(netuid, at).await?;
	let hp = chain.hyperparameters_at(netuid, at).await?;
	let subnet = chain.subnet_at(netuid, at).await?;
	let me = mg.find(&v.me).ok_or_else(|| anyhow!("hotkey {} is no longer registered", v.me))?;
	reveal_if_due(chain, v, state, &EpochView::new(mg.block, &hp, &subnet)).await;

	let miners: Vec<&Neuron> =
		mg.neurons.iter().filter(|n| n.uid != me.uid && n.axon.is_some()).collect();
	log::info!("block #{}: scoring {} miners", mg.block, miners.len());
	let outcomes = match &v.scorer {
		None => join_all(miners.iter().map(|n| matmul(v, n))).await,
		Some(scorer) => plugin_round(v, scorer, &miners, mg.block).await,
	};
	v.metrics.add("myelin_validator_rounds_total", &[], 1.0);
	for (neuron, outcome) in miners.iter().zip(&outcomes) {
		let s = score(outcome, config.reference);
		let entry = state.scores.entry(neuron.uid).or_insert_with(|| (neuron.hotkey.clone(), s));
		if entry.0 != neuron.hotkey {
			*entry = (neuron.hotkey.clone(), s); // a new neuron took the uid: start over
		} else {
			entry.1 = 0.5 * entry.1 + 0.5 * s;
		}
		let label = match outcome {
			Outcome::Missing(_) => "missing",
			Outcome::Wrong => "wrong",
			Outcome::Correct { .. } => "correct",
			Outcome::Scored(_) => "scored",
		};
		v.metrics.add("myelin_validator_answers_total", &[("outcome", label)], 1.0);
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
	v.metrics.clear("myelin_validator_miner_score");
	for (uid, (_, s)) in &state.scores {
		v.metrics.set("myelin_validator_miner_score", &[("uid", &uid.to_string())], *s);
	}
	v.save(state);

	set_or_commit(chain, v, state, &mg, me, &hp).await
}

/// Sends `body` to `neuron`'s axon, signed for its hotkey; the answer, if signed by that
/// hotkey, and the time it took.
async fn ask(v: &Validator, neuron: &Neuron, body: Vec<u8>) -> Result<(Bytes, Duration), String> {
	let axon = neuron.axon.as_deref().ok_or("no axon")?;
	let url = format!("{}/task", axon.trim_end_matches('/'));
	let miner = AccountId32::from_str(&neuron.hotkey)
		.map_err(|_| format!("the metagraph's hotkey {} is not an address", neuron.hotkey))?;
	let signed = protocol::sign_request(&v.config.neuron.hotkey, &miner, &body, random_u64());
	let started = Instant::now();
	let (headers, answer) =
		post_json(&url, body, &signed.headers, v.config.timeout, &v.tls).await?;
	let latency = started.elapsed();
	protocol::verify_answer(&miner, &signed.signature, &headers, &answer)
		.map_err(|e| format!("unsigned answer: {e}"))?;
	Ok((answer, latency))
}

/// The built-in task for one miner: its own seed, the product checked with Freivalds.
async fn matmul(v: &Validator, neuron: &Neuron) -> Outcome {
	let task = MatMulTask { seed: random_u64(), n: v.config.size };
	let body = serde_json::to_vec(&TaskRequest::Matmul(task)).expect("a task serialises");
	let (answer, latency) = match ask(v, neuron, body).await {
		Ok(answered) => answered,
		Err(e) => return Outcome::Missing(e),
	};
	let Ok(answer) = serde_json::from_slice::<MatMulAnswer>(&answer) else {
		return Outcome::Wrong;
	};
	let rounds = v.config.rounds;
	let checked =
		tokio::task::spawn_blocking(move || task.verify(&answer, rounds, random_u64())).await;
	match checked {
		Ok(true) => Outcome::Correct { latency },
		_ => Outcome::Wrong,
	}
}

/// A plug-in round: one task for every miner (from the task plug-in), every answer to the
/// scorer at once. Missing and unsigned answers score 0 whatever the scorer says.
async fn plugin_round(
	v: &Validator,
	scorer: &Plugin,
	miners: &[&Neuron],
	block: u64,
) -> Vec<Outcome> {
	let netuid = v.config.neuron.netuid;
	let seed = random_u64();
	let task = match &v.task_plugin {
		None => Ok(json!({ "kind": "exec", "seed": seed })),
		Some(plugin) => plugin
			.call(&json!({ "netuid": netuid, "block": block, "seed": seed }), v.config.timeout)
			.await
			.map_err(|e| format!("task plug-in: {e}")),
	};
	let task = match task {
		Ok(task) => task,
		Err(e) => {
			log::warn!("{e}");
			return miners.iter().map(|_| Outcome::Missing(e.clone())).collect();
		},
	};
	let body = serde_json::to_vec(&task).expect("a Value serialises");
	let answers: Vec<Result<(Value, Duration), String>> =
		join_all(miners.iter().map(|n| ask(v, n, body.clone())))
			.await
			.into_iter()
			.map(|a| {
				a.and_then(|(bytes, latency)| {
					serde_json::from_slice::<Value>(&bytes)
						.map(|answer| (answer, latency))
						.map_err(|e| format!("the answer is not JSON: {e}"))
				})
			})
			.collect();
	let input = json!({
		"task": task,
		"netuid": netuid,
		"block": block,
		"answers": miners.iter().zip(&answers).map(|(n, a)| match a {
			Ok((answer, latency)) => json!({
				"uid": n.uid, "hotkey": n.hotkey, "answer": answer,
				"latency_ms": latency.as_secs_f64() * 1000.0, "error": null,
			}),
			Err(e) => json!({
				"uid": n.uid, "hotkey": n.hotkey, "answer": null, "latency_ms": null, "error": e,
			}),
		}).collect::<Vec<_>>(),
	});
	let scores = if answers.iter().any(Result::is_ok) {
		scorer
			.call(&input, v.config.timeout)
			.await
			.map_err(|e| e.to_string())
			.and_then(|out| round_scores(&out, answers.len()))
	} else {
		Ok(vec![0.0; answers.len()])
	};
	let scores = scores.unwrap_or_else(|e| {
		log::warn!("scoring plug-in: {e}; every miner scores 0 this round");
		vec![0.0; answers.len()]
	});
	answers
		.into_iter()
		.zip(scores)
		.map(|(a, s)| match a {
			Ok(_) => Outcome::Scored(s),
			Err(e) => Outcome::Missing(e),
		})
		.collect()
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
	v: &Validator,
	state: &mut State,
	mg: &Metagraph,
	me: &Neuron,
	hp: &Hyperparameters,
) -> Result<()> {
	let config = &v.config;
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
		let hash = H256(commit_hash(
			&account.0,
			config.neuron.netuid,
			&uids,
			&weights,
			&salt,
			version_key,
		));
		// Saved before it is submitted: killed now, the validator finds it on chain at restart.
		state.pending = Some(PendingCommit {
			hash,
			block_number: None,
			epoch: None,
			uids,
			weights,
			salt,
			version_key,
		});
		v.save(state);
		let call = api::tx().weights().commit_weights(config.neuron.netuid, hash);
		let included = match chain.submit(&call, &config.neuron.hotkey).await {
			Ok(included) => included,
			Err(e) => {
				state.pending = None;
				v.save(state);
				return Err(e).context("commit_weights");
			},
		};
		v.metrics.add("myelin_validator_weights_total", &[("kind", "commit")], 1.0);
		v.metrics.set("myelin_validator_last_weights_block", &[], included.block_number as f64);
		let pending = state.pending.as_mut().expect("set above");
		pending.block_number = Some(included.block_number);
		// The commitment belongs to the epoch the chain filed it under.
		match epoch_on_chain(chain, v, hash, included.block_hash).await {
			Ok(Some(epoch)) => {
				log::info!(
					"committed weights [{row}] in block #{} (epoch {epoch}): reveal in epoch {}",
					included.block_number,
					epoch + hp.commit_reveal_period
				);
				pending.epoch = Some(epoch);
			},
			Ok(None) => log::warn!(
				"committed weights [{row}] in block #{}, but Weights.Commits does not hold it \
				 there; looking again before the reveal",
				included.block_number
			),
			Err(e) => log::warn!(
				"committed weights [{row}] in block #{}, but reading its epoch failed ({e:#}); \
				 reading it again before the reveal",
				included.block_number
			),
		}
		v.save(state);
	} else {
		let call =
			api::tx().weights().set_weights(config.neuron.netuid, uids, weights, version_key);
		let included = chain.submit(&call, &config.neuron.hotkey).await.context("set_weights")?;
		v.metrics.add("myelin_validator_weights_total", &[("kind", "set")], 1.0);
		v.metrics.set("myelin_validator_last_weights_block", &[], included.block_number as f64);
		log::info!("set weights [{row}] in block #{}", included.block_number);
	}
	Ok(())
}

/// Reveals the pending commitment when the subnet is in its reveal window at the best block
/// (`now`): the epoch `commit_reveal_period` after the commitment's. Drops it once that epoch is
/// over. Failures are logged; a failed reveal is tried again while the window lasts.
async fn reveal_if_due(chain: &Chain, v: &Validator, state: &mut State, now: &EpochView) {
	let config = &v.config;
	let netuid = config.neuron.netuid;
	let Some(pending) = state.pending.as_mut() else { return };
	let commit_block = pending.block();
	if pending.epoch.is_none() {
		let best = match chain.best_head().await {
			Ok(best) => best,
			Err(e) => return log::warn!("reading the best block failed: {e:#}"),
		};
		match epoch_on_chain(chain, v, pending.hash, best.hash).await {
			Ok(Some(epoch)) => {
				log::info!(
					"the commitment in {commit_block} is from epoch {epoch}: reveal in epoch {}",
					epoch + now.period
				);
				pending.epoch = Some(epoch);
				v.save(state);
			},
			Ok(None) => {
				log::warn!(
					"the commitment of {commit_block} is not on chain at block #{} (it never \
					 landed, or was revealed or expired); dropping it",
					best.number
				);
				state.pending = None;
				v.save(state);
			},
			Err(e) => log::warn!("reading the commitments of {} failed: {e:#}", v.me),
		}
		return;
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
			"missed the reveal window (epoch {window}) of the commitment in {commit_block} (epoch \
			 {commit_epoch}): block #{} is in epoch {}; dropping it",
			now.block,
			now.epoch
		);
		state.pending = None;
		v.save(state);
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
				"revealed the weights committed in {commit_block} (epoch {commit_epoch}) in block \
				 #{} (epoch {window})",
				included.block_number
			);
			v.metrics.add("myelin_validator_weights_total", &[("kind", "reveal")], 1.0);
			v.metrics.set("myelin_validator_last_weights_block", &[], included.block_number as f64);
			state.pending = None;
			v.save(state);
		},
		Err(e) => log::warn!(
			"reveal in epoch {window} at block #{} failed: {e:#}; trying again while the window \
			 lasts",
			now.block
		),
	}
}

/// The epoch `Weights.Commits` files the commitment `hash` of this validator under at block
/// `at`; `None` when it holds no such commitment there.
async fn epoch_on_chain(chain: &Chain, v: &Validator, hash: H256, at: H256) -> Result<Option<u64>> {
	let account = v.config.neuron.hotkey.public_key().to_account_id();
	let commits = chain.commits_at(v.config.neuron.netuid, account, at).await?;
	Ok(commits.into_iter().find(|(h, _)| *h == hash).map(|(_, epoch)| epoch))
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
