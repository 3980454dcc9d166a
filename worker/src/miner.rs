//! `myelin-worker miner`: register, publish the axon URL, answer validators' tasks over HTTP
//! (or https), protocol v2 ([`crate::protocol`]): only signed requests from validators holding
//! a permit on the subnet are worked on, at most `--max-per-validator` at once per validator;
//! answers are signed by the miner's hotkey.

use std::{
	collections::{BTreeMap, BTreeSet},
	net::SocketAddr,
	path::PathBuf,
	str::FromStr,
	sync::{Arc, Mutex, RwLock},
	time::{Duration, Instant},
};

use anyhow::{Context, Result};
use bytes::Bytes;
use hyper::{HeaderMap, StatusCode};
use subxt::utils::AccountId32;
use subxt_signer::sr25519::Keypair;
use tokio::net::TcpListener;

use crate::{
	chain::{api, Chain},
	http::{error_body, serve, Reply},
	market,
	metrics::{Kind, Metrics},
	protocol::{self, ReplayGuard},
	register::{connect_registered, NeuronConfig},
	task::{matmul::MAX_N, Plugin, TaskKind, TaskRequest},
};

/// Everything the miner is told on the command line.
pub struct MinerConfig {
	/// The node, the subnet and the neuron's keys.
	pub neuron: NeuronConfig,
	/// Where to listen for tasks.
	pub listen: SocketAddr,
	/// The URL published on chain (default `http://<listen address>`, `https://` with TLS).
	pub axon_url: Option<String>,
	/// The task this miner serves.
	pub task: TaskKind,
	/// How long a plug-in may take.
	pub exec_timeout: Duration,
	/// Tasks one validator may have running at once.
	pub max_per_validator: usize,
	/// How often the validators' permits are read again.
	pub permit_refresh: Duration,
	/// `--tls-cert` and `--tls-key`: serve https.
	pub tls: Option<(PathBuf, PathBuf)>,
	/// `--metrics`: where to serve Prometheus metrics.
	pub metrics: Option<SocketAddr>,
	/// Testing: wait this long before each answer.
	pub delay: Duration,
	/// `--market`: take matmul jobs of the compute market, serve their results.
	pub market: bool,
	/// Testing: answer wrong products.
	pub corrupt: bool,
}

struct Behaviour {
	task: TaskKind,
	plugin: Option<Plugin>,
	exec_timeout: Duration,
	delay: Duration,
	corrupt: bool,
	hotkey: Keypair,
	me: AccountId32,
	/// Hotkeys holding a validator permit on the subnet, as last read.
	permitted: RwLock<BTreeSet<AccountId32>>,
	replay: Mutex<ReplayGuard>,
	/// Tasks running per validator.
	running: Mutex<BTreeMap<AccountId32, usize>>,
	max_per_validator: usize,
	metrics: Metrics,
}

/// A running task of one validator; counts down when dropped.
struct Slot<'a> {
	behaviour: &'a Behaviour,
	validator: AccountId32,
}

impl Drop for Slot<'_> {
	fn drop(&mut self) {
		let mut running = self.behaviour.running.lock().expect("not poisoned");
		if let Some(n) = running.get_mut(&self.validator) {
			*n -= 1;
			if *n == 0 {
				running.remove(&self.validator);
			}
		}
		self.behaviour.metrics.add("myelin_miner_in_flight", &[], -1.0);
	}
}

impl Behaviour {
	/// A slot for `validator`, unless it already runs `max_per_validator` tasks.
	fn slot(&self, validator: &AccountId32) -> Option<Slot<'_>> {
		let mut running = self.running.lock().expect("not poisoned");
		let n = running.entry(*validator).or_insert(0);
		if *n >= self.max_per_validator {
			return None;
		}
		*n += 1;
		self.metrics.add("myelin_miner_in_flight", &[], 1.0);
		Some(Slot { behaviour: self, validator: *validator })
	}
}

fn describe_metrics(m: &Metrics) {
	m.describe("myelin_miner_requests_total", Kind::Counter, "Task requests by outcome: answered, failed, busy, or the refusal (unsigned, bad_signature, stale, replayed, wrong_miner, not_permitted).");
	m.describe(
		"myelin_miner_answer_seconds",
		Kind::Summary,
		"Time from a task's arrival to its answer.",
	);
	m.describe("myelin_miner_in_flight", Kind::Gauge, "Tasks being worked on.");
	m.describe(
		"myelin_miner_permitted_validators",
		Kind::Gauge,
		"Hotkeys with a validator permit on the subnet, as last read.",
	);
	m.describe("myelin_miner_uid", Kind::Gauge, "This miner's uid on the subnet.");
}

/// Runs the miner until `shutdown` resolves.
pub async fn run(
	config: MinerConfig,
	shutdown: impl std::future::Future<Output = ()>,
) -> Result<()> {
	let listener = TcpListener::bind(config.listen)
		.await
		.with_context(|| format!("--listen {}", config.listen))?;
	let tls = match &config.tls {
		Some((cert, key)) => Some(crate::tls::acceptor(cert, key)?),
		None => None,
	};
	let scheme = if tls.is_some() { "https" } else { "http" };
	let url = match &config.axon_url {
		Some(url) => url.trim_end_matches('/').to_string(),
		None => format!("{scheme}://{}", listener.local_addr()?),
	};
	let metrics = Metrics::default();
	describe_metrics(&metrics);
	let stop_metrics = match config.metrics {
		Some(addr) => Some(crate::metrics::start(addr, metrics.clone()).await?),
		None => None,
	};
	// Serve first, so the axon answers as soon as it is published.
	let behaviour = Arc::new(Behaviour {
		task: config.task.clone(),
		plugin: match &config.task {
			TaskKind::Plugin(spec) => Some(Plugin::new(spec.clone())),
			TaskKind::MatMul => None,
		},
		exec_timeout: config.exec_timeout,
		delay: config.delay,
		corrupt: config.corrupt,
		hotkey: config.neuron.hotkey.clone(),
		me: config.neuron.hotkey.public_key().to_account_id(),
		permitted: RwLock::new(BTreeSet::new()),
		replay: Mutex::new(ReplayGuard::default()),
		running: Mutex::new(BTreeMap::new()),
		max_per_validator: config.max_per_validator.max(1),
		metrics: metrics.clone(),
	});
	let local = listener.local_addr()?;
	let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
	let handler = behaviour.clone();
	let results = Arc::new(market::Results::default());
	let get = config.market.then(|| results.handler(config.neuron.hotkey.clone()));
	let server = tokio::spawn(serve(
		listener,
		tls,
		move |headers, body| {
			let behaviour = handler.clone();
			async move { answer(&behaviour, headers, body).await }
		},
		get,
		async move {
			let _ = stopped.await;
		},
	));

	tokio::pin!(shutdown);
	let setup = async {
		let (chain, neuron) = connect_registered(&config.neuron).await?;
		metrics.set("myelin_miner_uid", &[], f64::from(neuron.uid));
		let (uid, served) = (neuron.uid, neuron.axon);
		if served.as_deref() == Some(url.as_str()) {
			log::info!("axon {url} already published for uid {uid}");
		} else {
			let call =
				api::tx().subnets().serve_axon(config.neuron.netuid, url.clone().into_bytes());
			let included =
				chain.submit(&call, &config.neuron.hotkey).await.context("serve_axon")?;
			log::info!("published axon {url} for uid {uid} in block #{}", included.block_number);
		}
		Ok::<(u16, Chain), anyhow::Error>((uid, chain))
	};
	let result = tokio::select! {
		_ = &mut shutdown => Ok(()),
		setup = setup => match setup {
			Ok((uid, chain)) => {
				log::info!("miner uid {uid} serving {:?} tasks on {scheme}://{local}", config.task);
				let market = async {
					if !config.market {
						return std::future::pending::<()>().await;
					}
					log::info!("market: taking matmul jobs on netuid {}", config.neuron.netuid);
					let mut state = market::MinerState::default();
					loop {
						let provider = market::Provider {
							hotkey: &config.neuron.hotkey,
							netuid: config.neuron.netuid,
							results: &results,
							plugin: behaviour.plugin.as_ref(),
							plugin_timeout: config.exec_timeout,
							corrupt: config.corrupt,
						};
						if let Err(e) = market::miner_pass(&chain, &provider, &mut state).await
						{
							log::warn!("market: {e:#}");
						}
						tokio::time::sleep(Duration::from_millis(500)).await;
					}
				};
				tokio::select! {
					_ = &mut shutdown => {},
					_ = refresh_permits(chain.clone(), &config, &behaviour) => {},
					_ = market => {},
				}
				Ok(())
			},
			Err(e) => Err(e),
		},
	};
	let _ = stop.send(());
	if let Some(stop) = stop_metrics {
		let _ = stop.send(());
	}
	let _ = server.await;
	log::info!("miner stopped");
	result
}

/// Reads who holds a validator permit on the subnet every `permit_refresh`, for ever;
/// reconnects when the node goes away (the last set read stays in force meanwhile).
async fn refresh_permits(mut chain: Chain, config: &MinerConfig, b: &Behaviour) {
	loop {
		match chain.metagraph(config.neuron.netuid).await {
			Ok(mg) => {
				let permitted: BTreeSet<AccountId32> = mg
					.neurons
					.iter()
					.filter(|n| n.validator_permit)
					.filter_map(|n| AccountId32::from_str(&n.hotkey).ok())
					.collect();
				let mut current = b.permitted.write().expect("not poisoned");
				if *current != permitted {
					log::info!(
						"block #{}: {} validators hold a permit on netuid {}",
						mg.block,
						permitted.len(),
						config.neuron.netuid
					);
				}
				b.metrics.set("myelin_miner_permitted_validators", &[], permitted.len() as f64);
				*current = permitted;
			},
			Err(e) => {
				log::warn!("reading the validators' permits failed: {e:#}");
				if chain.best_number().await.is_err() {
					log::warn!("lost the node; reconnecting");
					chain = Chain::connect_with_backoff(&config.neuron.url).await;
					continue;
				}
			},
		}
		tokio::time::sleep(config.permit_refresh).await;
	}
}

async fn answer(b: &Behaviour, headers: HeaderMap, body: Bytes) -> Reply {
	let started = Instant::now();
	let outcome =
		|label: &str| b.metrics.add("myelin_miner_requests_total", &[("outcome", label)], 1.0);
	// Who asks, before anything else: no parsing, no plug-in, no slot for strangers.
	let auth = {
		let permitted = b.permitted.read().expect("not poisoned");
		let mut replay = b.replay.lock().expect("not poisoned");
		protocol::verify_request(
			&headers,
			&body,
			&b.me,
			protocol::now_ms(),
			|v| permitted.contains(v),
			&mut replay,
		)
	};
	let auth = match auth {
		Ok(auth) => auth,
		Err(refusal) => {
			outcome(refusal.label());
			log::info!("refused a task: {refusal}");
			let status = StatusCode::from_u16(refusal.status()).expect("401 or 403");
			return Reply::plain(status, error_body(&refusal.to_string()));
		},
	};
	let Some(_slot) = b.slot(&auth.validator) else {
		outcome("busy");
		log::info!(
			"{} already has {} tasks running here; refused",
			auth.validator,
			b.max_per_validator
		);
		return Reply::plain(
			StatusCode::TOO_MANY_REQUESTS,
			error_body(&format!("at most {} tasks at once per validator", b.max_per_validator)),
		);
	};
	let (what, result) = work(b, &body).await;
	if !b.delay.is_zero() {
		tokio::time::sleep(b.delay).await;
	}
	match result {
		Ok(answer) => {
			outcome("answered");
			b.metrics.observe("myelin_miner_answer_seconds", &[], started.elapsed().as_secs_f64());
			log::info!(
				"answered {what} for {} in {} ms",
				auth.validator,
				started.elapsed().as_millis()
			);
			let headers = protocol::sign_answer(&b.hotkey, &auth.signature, &answer);
			Reply { status: StatusCode::OK, body: answer, headers }
		},
		Err(e) => {
			outcome("failed");
			log::warn!("could not answer {what}: {e}");
			Reply::plain(StatusCode::UNPROCESSABLE_ENTITY, error_body(&e))
		},
	}
}

/// The answer to an authenticated task body, with a description of the task for the log.
async fn work(b: &Behaviour, body: &[u8]) -> (String, Result<Vec<u8>, String>) {
	let request: serde_json::Value = match serde_json::from_slice(body) {
		Ok(request) => request,
		Err(e) => return ("a task".into(), Err(format!("not JSON: {e}"))),
	};
	match (&b.task, &b.plugin) {
		(TaskKind::MatMul, _) => {
			let task = match serde_json::from_value::<TaskRequest>(request) {
				Ok(TaskRequest::Matmul(task)) => task,
				Ok(other) => {
					return (describe(&other), Err("this miner serves matmul tasks".into()));
				},
				Err(e) => return ("a task".into(), Err(format!("not a task: {e}"))),
			};
			let what = describe(&TaskRequest::Matmul(task));
			if task.n == 0 || task.n > MAX_N {
				return (what, Err(format!("n must be 1..={MAX_N}")));
			}
			let corrupt = b.corrupt;
			let answer = tokio::task::spawn_blocking(move || {
				let mut answer = task.solve();
				if corrupt {
					let at = (task.seed % answer.c.len() as u64) as usize;
					answer.c[at] = answer.c[at].wrapping_add(1);
				}
				serde_json::to_vec(&answer).map_err(|e| e.to_string())
			})
			.await
			.map_err(|e| e.to_string())
			.and_then(|r| r);
			(what, answer)
		},
		(TaskKind::Plugin(spec), Some(plugin)) => {
			let what = format!("a {} task", spec.mode_name());
			let answer = plugin
				.call(&request, b.exec_timeout)
				.await
				.map(|v| serde_json::to_vec(&v).expect("a Value serialises"))
				.map_err(|e| e.to_string());
			(what, answer)
		},
		(TaskKind::Plugin(_), None) => ("a task".into(), Err("no plug-in".into())),
	}
}

fn describe(request: &TaskRequest) -> String {
	match request {
		TaskRequest::Matmul(t) => format!("matmul n={} seed={}", t.n, t.seed),
		TaskRequest::Exec { seed } => format!("exec seed={seed}"),
	}
}
