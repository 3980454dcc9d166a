//! The workers' part in the compute market (pallet Market, docs/market.md section 9).
//!
//! - **Miner** (`--market`): takes posted jobs of its subnet whose spec is a built-in matmul
//!   task (`{"task": "matmul", "n": N, "seed": S}`), computes `C = A·B`, serves the result at
//!   `GET <axon>/result/<job_id>` signed by its hotkey, submits its hash (one unit of work per
//!   2^18 multiply-adds), and settles its jobs once their attest window is over.
//! - **Validator** (`--market`): for each submitted job of its subnet it has not attested,
//!   fetches the result from the provider's axon, checks the provider's signature and the
//!   hash on chain, checks the product with Freivalds' algorithm, and attests. A result that
//!   cannot be fetched is retried until two blocks before the window closes, then rejected.
//! - **Client** (`myelin-worker client`): posts a matmul job, waits for its result, checks it
//!   as a validator would, disputes a wrong one, settles the job and prints the outcome.
//!
//! A result is signed over `"myelin/result/v2" ‖ job_id (u64 LE) ‖ blake2_256(result)`.

use std::{
	collections::{BTreeMap, BTreeSet},
	str::FromStr,
	sync::{Arc, Mutex},
	time::Duration,
};

use anyhow::{anyhow, Context, Result};
use serde::Deserialize;
use serde_json::json;
use subxt::{
	rpcs::client::rpc_params,
	utils::{AccountId32, H256},
};
use subxt_signer::sr25519::{self, Keypair, PublicKey, Signature};
use tokio_rustls::TlsConnector;

use crate::{
	chain::{api, Chain},
	http::{self, GetHandler, Reply},
	keys::address,
	protocol, random_u64,
	task::{matmul::MAX_N, MatMulAnswer, MatMulTask, Plugin},
};

/// Multiply-adds per unit of work.
pub const UNIT: u64 = 1 << 18;

/// A job as `market_jobs` shows it (the fields the workers read).
#[derive(Clone, Debug, Deserialize)]
pub struct JobView {
	/// Its id.
	pub job_id: u64,
	/// `posted`, `accepted` or `submitted`.
	pub state: String,
	/// Who pays.
	pub poster: String,
	/// The only provider that may take it.
	pub named_provider: Option<String>,
	/// The provider working on it.
	pub provider: Option<String>,
	/// What to compute.
	pub spec: String,
	/// The escrow (decimal).
	pub max_price: String,
	/// Accepted and submitted by this block.
	pub deadline: u64,
	/// `0x…` once submitted.
	pub result_hash: Option<String>,
	/// The price if accepted (decimal), once submitted.
	pub price: Option<String>,
	/// The window's last block, once submitted.
	pub attest_until: Option<u64>,
	/// The verdicts so far.
	pub attestations: Vec<AttestationView>,
}

/// One verdict.
#[derive(Clone, Debug, Deserialize)]
pub struct AttestationView {
	/// The validator's hotkey.
	pub validator: String,
	/// Its verdict.
	pub approve: bool,
}

#[derive(Deserialize)]
struct MatMulSpec {
	task: String,
	n: u32,
	seed: u64,
}

/// The built-in task a spec asks for: `{"task": "matmul", "n": 1..=512, "seed": S}`.
pub fn parse_spec(spec: &str) -> Option<MatMulTask> {
	let spec: MatMulSpec = serde_json::from_str(spec).ok()?;
	(spec.task == "matmul" && (1..=MAX_N).contains(&spec.n))
		.then_some(MatMulTask { seed: spec.seed, n: spec.n })
}

/// What a job asks for: the built-in matmul, or a plug-in task
/// (`{"task": "plugin", "input": <any JSON>}`), answered by the miner's `--task` plug-in and
/// checked by the validator's `--market-verifier` plug-in.
#[derive(Clone, Debug, PartialEq)]
pub enum JobTask {
	/// `{"task": "matmul", "n", "seed"}`.
	MatMul(MatMulTask),
	/// `{"task": "plugin", "input": …}`: the input the plug-ins get.
	Plugin(serde_json::Value),
}

/// The task a spec asks for, if the workers know it.
pub fn parse_job(spec: &str) -> Option<JobTask> {
	if let Some(task) = parse_spec(spec) {
		return Some(JobTask::MatMul(task));
	}
	let value: serde_json::Value = serde_json::from_str(spec).ok()?;
	(value.get("task")? == "plugin").then(|| JobTask::Plugin(value["input"].clone()))
}

/// The spec of a plug-in job.
pub fn plugin_spec(input: &serde_json::Value) -> String {
	json!({ "task": "plugin", "input": input }).to_string()
}

/// Whether a verifier plug-in approved: `true`, `false`, or `{"approve": bool}`.
pub fn parse_verdict(output: &serde_json::Value) -> Option<bool> {
	output.as_bool().or_else(|| output.get("approve")?.as_bool())
}

/// The spec of a matmul job.
pub fn matmul_spec(n: u32, seed: u64) -> String {
	json!({ "task": "matmul", "n": n, "seed": seed }).to_string()
}

/// Units of work of a task: `n³ / 2^18`, at least 1.
pub fn units(task: &MatMulTask) -> u64 {
	(u64::from(task.n).pow(3) / UNIT).max(1)
}

/// What a provider signs for job `job_id`'s `result`.
pub fn result_message(job_id: u64, result: &[u8]) -> Vec<u8> {
	let mut m = b"myelin/result/v2".to_vec();
	m.extend_from_slice(&job_id.to_le_bytes());
	m.extend_from_slice(&sp_crypto_hashing::blake2_256(result));
	m
}

/// The open jobs of `netuid` in `state`.
pub async fn jobs(chain: &Chain, netuid: u16, state: &str) -> Result<Vec<JobView>> {
	chain.request("market_jobs", rpc_params![netuid, json!({ "state": state })]).await
}

/// Job `id`, or `None` once finalized.
pub async fn job(chain: &Chain, id: u64) -> Result<Option<JobView>> {
	chain.request("market_job", rpc_params![id]).await
}

/// The results a miner serves, by job id.
#[derive(Default)]
pub struct Results {
	served: Mutex<BTreeMap<u64, Vec<u8>>>,
}

impl Results {
	/// The `GET /result/<id>` handler: the result with `x-myelin-miner` and
	/// `x-myelin-signature` (the hotkey's signature of [`result_message`]).
	pub fn handler(self: &Arc<Self>, hotkey: Keypair) -> GetHandler {
		let results = self.clone();
		Arc::new(move |path: &str| {
			let id: u64 = path.strip_prefix("/result/")?.parse().ok()?;
			let body = results.served.lock().expect("not poisoned").get(&id)?.clone();
			let signature = hotkey.sign(&result_message(id, &body)).0;
			let headers = vec![
				(protocol::MINER, address(&hotkey)),
				(protocol::SIGNATURE, protocol::hex(&signature)),
			];
			Some(Reply { status: hyper::StatusCode::OK, body, headers })
		})
	}
}

/// What the miner remembers between passes.
#[derive(Default)]
pub struct MinerState {
	/// Jobs it tried to take and could not (not tried again).
	skipped: BTreeSet<u64>,
}

/// A miner as the market sees it.
pub struct Provider<'a> {
	/// Its hotkey (signs everything).
	pub hotkey: &'a Keypair,
	/// Its subnet.
	pub netuid: u16,
	/// The results it serves.
	pub results: &'a Results,
	/// Its `--task` plug-in, for plug-in jobs.
	pub plugin: Option<&'a Plugin>,
	/// How long the plug-in may take.
	pub plugin_timeout: Duration,
	/// Testing: wrong products.
	pub corrupt: bool,
}

/// One pass of the miner: take and compute fitting posted jobs, settle due ones.
pub async fn miner_pass(chain: &Chain, p: &Provider<'_>, state: &mut MinerState) -> Result<()> {
	let Provider { hotkey, netuid, results, plugin, plugin_timeout, corrupt } = *p;
	let me = address(hotkey);
	for job in jobs(chain, netuid, "posted").await? {
		if state.skipped.contains(&job.job_id)
			|| job.named_provider.as_ref().is_some_and(|p| *p != me)
		{
			continue;
		}
		let task = match parse_job(&job.spec) {
			Some(JobTask::Plugin(_)) if plugin.is_none() => None,
			other => other,
		};
		let Some(task) = task else {
			state.skipped.insert(job.job_id);
			continue;
		};
		if let Err(e) = chain.submit(&api::tx().market().accept_job(job.job_id), hotkey).await {
			log::info!("market: job {} not taken: {e:#}", job.job_id);
			state.skipped.insert(job.job_id);
			continue;
		}
		let (body, units, what) = match task {
			JobTask::MatMul(task) => {
				let answer = tokio::task::spawn_blocking(move || {
					let mut answer = task.solve();
					if corrupt {
						answer.c[0] = answer.c[0].wrapping_add(1);
					}
					answer
				})
				.await?;
				let body = serde_json::to_vec(&answer).expect("serialises");
				(body, units(&task), format!("matmul n={}", task.n))
			},
			JobTask::Plugin(input) => {
				let plugin = plugin.expect("checked above");
				match plugin.call(&input, plugin_timeout).await {
					Ok(output) => {
						(serde_json::to_vec(&output).expect("serialises"), 1, "plug-in".into())
					},
					Err(e) => {
						// No result: the job times out in its hands (and slashes its bond).
						log::warn!("market: job {}: the plug-in failed: {e}", job.job_id);
						continue;
					},
				}
			},
		};
		let hash = H256(sp_crypto_hashing::blake2_256(&body));
		results.served.lock().expect("not poisoned").insert(job.job_id, body);
		let included = chain
			.submit(&api::tx().market().submit_result(job.job_id, hash, units), hotkey)
			.await
			.with_context(|| format!("submitting the result of job {}", job.job_id))?;
		log::info!(
			"market: job {} ({what}) computed, result {hash:?} submitted in block #{}",
			job.job_id,
			included.block_number
		);
	}
	let best = chain.best_number().await?;
	for job in jobs(chain, netuid, "submitted").await? {
		if job.provider.as_deref() == Some(me.as_str())
			&& job.attest_until.is_some_and(|u| best > u)
		{
			match chain.submit(&api::tx().market().finalize_job(job.job_id), hotkey).await {
				Ok(included) => log::info!(
					"market: job {} settled in block #{}",
					job.job_id,
					included.block_number
				),
				Err(e) => log::warn!("market: settling job {}: {e:#}", job.job_id),
			}
		}
	}
	Ok(())
}

/// Fetches job `job`'s result from `axon` and checks it: the provider's signature, the hash
/// on chain, and the result itself: the product with Freivalds' check (`rounds`), a plug-in
/// result with `verifier` (given `{"input", "result"}`). `Ok(Some(true))` right,
/// `Ok(Some(false))` wrong, `Ok(None)` a plug-in job and no verifier, `Err` when it could not
/// be fetched.
pub async fn check_result(
	job: &JobView,
	axon: &str,
	provider: &AccountId32,
	rounds: u32,
	verifier: Option<&Plugin>,
	timeout: Duration,
	tls: &TlsConnector,
) -> Result<Option<bool>, String> {
	if matches!(parse_job(&job.spec), Some(JobTask::Plugin(_))) && verifier.is_none() {
		return Ok(None);
	}
	let url = format!("{}/result/{}", axon.trim_end_matches('/'), job.job_id);
	let (headers, body) = http::get(&url, timeout, tls).await?;
	let signer = headers.get(protocol::MINER).and_then(|v| v.to_str().ok()).unwrap_or_default();
	let signature = headers
		.get(protocol::SIGNATURE)
		.and_then(|v| v.to_str().ok())
		.and_then(|s| s.strip_prefix("0x"))
		.and_then(|s| {
			let mut out = [0u8; 64];
			(s.len() == 128).then_some(())?;
			for (i, b) in out.iter_mut().enumerate() {
				*b = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
			}
			Some(out)
		});
	let signed = signer == provider.to_string()
		&& signature.is_some_and(|sig| {
			sr25519::verify(
				&Signature(sig),
				result_message(job.job_id, &body),
				&PublicKey(provider.0),
			)
		});
	if !signed {
		return Ok(Some(false));
	}
	let on_chain = job.result_hash.as_deref().and_then(protocol::parse_hex::<32>);
	if on_chain != Some(sp_crypto_hashing::blake2_256(&body)) {
		return Ok(Some(false));
	}
	match parse_job(&job.spec) {
		Some(JobTask::MatMul(task)) => {
			let Ok(answer) = serde_json::from_slice::<MatMulAnswer>(&body) else {
				return Ok(Some(false));
			};
			Ok(Some(
				tokio::task::spawn_blocking(move || task.verify(&answer, rounds, random_u64()))
					.await
					.unwrap_or(false),
			))
		},
		Some(JobTask::Plugin(input)) => {
			let Ok(result) = serde_json::from_slice::<serde_json::Value>(&body) else {
				return Ok(Some(false));
			};
			let verifier = verifier.expect("checked above");
			match verifier.call(&json!({ "input": input, "result": result }), timeout).await {
				Ok(output) => Ok(Some(parse_verdict(&output).unwrap_or(false))),
				Err(e) => Err(format!("the verifier failed: {e}")),
			}
		},
		None => Ok(Some(false)),
	}
}

/// One pass of the validator: attest every submitted job of `netuid` it has not attested.
pub async fn validator_pass(
	chain: &Chain,
	hotkey: &Keypair,
	netuid: u16,
	rounds: u32,
	verifier: Option<&Plugin>,
	timeout: Duration,
	tls: &TlsConnector,
) -> Result<()> {
	let me = address(hotkey);
	let pending: Vec<JobView> = jobs(chain, netuid, "submitted")
		.await?
		.into_iter()
		.filter(|j| !j.attestations.iter().any(|a| a.validator == me))
		.collect();
	if pending.is_empty() {
		return Ok(());
	}
	let best = chain.best_number().await?;
	let metagraph = chain.metagraph(netuid).await?;
	for job in pending {
		let Some(until) = job.attest_until else { continue };
		if best > until {
			continue;
		}
		let provider = job.provider.clone().unwrap_or_default();
		let axon = metagraph.find(&provider).and_then(|n| n.axon.clone());
		let provider_id = AccountId32::from_str(&provider).map_err(|_| anyhow!("bad provider"))?;
		let verdict = match &axon {
			Some(axon) => {
				check_result(&job, axon, &provider_id, rounds, verifier, timeout, tls).await
			},
			None => Err("the provider serves no axon".into()),
		};
		let approve = match verdict {
			Ok(Some(approve)) => approve,
			// A plug-in job without a verifier: not this validator's to judge.
			Ok(None) => continue,
			Err(e) if until.saturating_sub(best) > 2 => {
				log::info!(
					"market: job {}: result not fetched yet ({e}); trying again",
					job.job_id
				);
				continue;
			},
			Err(e) => {
				log::info!(
					"market: job {}: result not fetched ({e}) and the window closes",
					job.job_id
				);
				false
			},
		};
		match chain.submit(&api::tx().market().attest(job.job_id, approve), hotkey).await {
			Ok(included) => log::info!(
				"market: job {} {} in block #{}",
				job.job_id,
				if approve { "approved" } else { "rejected" },
				included.block_number
			),
			Err(e) => log::warn!("market: attesting job {}: {e:#}", job.job_id),
		}
	}
	Ok(())
}

/// What the client was asked to buy.
pub struct ClientConfig {
	/// The subnet.
	pub netuid: u16,
	/// Matrix size.
	pub n: u32,
	/// The most to pay, base units.
	pub max_price: u128,
	/// Blocks to the deadline.
	pub deadline_in: u64,
	/// Freivalds rounds of the client's own check.
	pub rounds: u32,
	/// How long a fetch may take.
	pub timeout: Duration,
	/// How often to look at the job.
	pub poll: Duration,
	/// A plug-in job's input instead of a matmul job.
	pub input: Option<serde_json::Value>,
	/// The plug-in that checks a plug-in job's result.
	pub verifier: Option<Plugin>,
}

/// Posts a matmul (or plug-in) job, waits for its result, checks it, disputes a wrong one, settles the job;
/// returns the outcome as JSON.
pub async fn client(
	chain: &Chain,
	poster: &Keypair,
	config: &ClientConfig,
	tls: &TlsConnector,
) -> Result<serde_json::Value> {
	let spec = match &config.input {
		Some(input) => plugin_spec(input),
		None => matmul_spec(config.n, random_u64()),
	};
	let deadline = u32::try_from(chain.best_number().await? + config.deadline_in)?;
	let call = api::tx().market().post_job(
		config.netuid,
		spec.clone().into_bytes(),
		config.max_price,
		deadline,
		None,
	);
	let included = chain.submit(&call, poster).await.context("post_job")?;
	let events = chain.client().at_block(included.block_hash).await?.events().fetch().await?;
	let id = events
		.find::<api::market::events::JobPosted>()
		.filter_map(|e| e.ok())
		.filter(|e| e.poster == poster.public_key().to_account_id())
		.last()
		.map(|e| e.job_id)
		.ok_or_else(|| anyhow!("no JobPosted event"))?;
	log::info!("client: job {id} posted ({spec}), deadline #{deadline}");
	let mut checked: Option<bool> = None;
	let mut looked = false;
	// The last block at which the job was still open: its settlement is at or after it.
	let mut seen_at = included.block_number;
	let settled_by_others = loop {
		let best = chain.best_number().await?;
		let Some(job) = job(chain, id).await? else {
			// Someone (the provider, usually) settled it between two looks.
			break true;
		};
		seen_at = best.saturating_sub(2).max(seen_at);
		match job.state.as_str() {
			"posted" | "accepted" if best > job.deadline => break false,
			"submitted" => {
				if !looked {
					let provider = job.provider.clone().unwrap_or_default();
					let metagraph = chain.metagraph(config.netuid).await?;
					let axon = metagraph.find(&provider).and_then(|n| n.axon.clone());
					let provider_id =
						AccountId32::from_str(&provider).map_err(|_| anyhow!("bad provider"))?;
					if let Some(axon) = axon {
						match check_result(
							&job,
							&axon,
							&provider_id,
							config.rounds,
							config.verifier.as_ref(),
							config.timeout,
							tls,
						)
						.await
						{
							Ok(None) => {
								log::info!("client: job {id}: not checked (no --verifier)");
								looked = true;
							},
							Ok(Some(right)) => {
								log::info!(
									"client: job {id}: the result is {}",
									if right { "right" } else { "WRONG" }
								);
								if !right {
									chain
										.submit(&api::tx().market().dispute(id), poster)
										.await
										.context("dispute")?;
									log::info!("client: job {id} disputed");
								}
								checked = Some(right);
								looked = true;
							},
							Err(e) => log::info!("client: job {id}: result not fetched yet ({e})"),
						}
					}
				}
				if job.attest_until.is_some_and(|u| best > u) {
					break false;
				}
			},
			_ => {},
		}
		tokio::time::sleep(config.poll).await;
	};
	// Settle it, unless someone (the provider) already has.
	let from = seen_at;
	if settled_by_others {
		log::info!("client: job {id} was settled by someone else");
	} else if let Err(e) = chain.submit(&api::tx().market().finalize_job(id), poster).await {
		if job(chain, id).await?.is_some() {
			return Err(e).context("finalize_job");
		}
		log::info!("client: job {id} was settled by someone else");
	}
	let mut outcome = json!({ "job_id": id, "spec": spec, "result_checked": checked });
	let best = chain.best_number().await?;
	for number in from..=best {
		let hash: H256 = chain.request("chain_getBlockHash", rpc_params![number]).await?;
		let events = chain.client().at_block(hash).await?.events().fetch().await?;
		use api::market::events::{JobPaid, JobRefunded, JobRejected, ProviderSlashed};
		if let Some(paid) = events.find::<JobPaid>().filter_map(|e| e.ok()).find(|e| e.job_id == id)
		{
			outcome["outcome"] = json!("paid");
			outcome["paid"] = json!(paid.amount.to_string());
			outcome["take"] = json!(paid.take.to_string());
		} else if events.find::<JobRejected>().filter_map(|e| e.ok()).any(|e| e.job_id == id) {
			outcome["outcome"] = json!("rejected");
			if let Some(slash) = events.find::<ProviderSlashed>().filter_map(|e| e.ok()).last() {
				outcome["slashed"] = json!(slash.amount.to_string());
			}
		} else if let Some(refund) =
			events.find::<JobRefunded>().filter_map(|e| e.ok()).find(|e| e.job_id == id)
		{
			outcome["outcome"] = json!("refunded");
			outcome["refunded"] = json!(refund.amount.to_string());
		} else {
			continue;
		}
		outcome["block"] = json!(number);
		break;
	}
	Ok(outcome)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn plugin_jobs_and_verdicts() {
		let input = json!({"kind": "prime_count", "lo": 0, "hi": 100});
		assert_eq!(parse_job(&plugin_spec(&input)), Some(JobTask::Plugin(input)));
		assert_eq!(
			parse_job(&matmul_spec(8, 1)),
			Some(JobTask::MatMul(MatMulTask { seed: 1, n: 8 }))
		);
		assert_eq!(parse_job(r#"{"task":"render"}"#), None);
		assert_eq!(parse_verdict(&json!(true)), Some(true));
		assert_eq!(parse_verdict(&json!({"approve": false})), Some(false));
		assert_eq!(parse_verdict(&json!({"score": 1})), None);
	}

	#[test]
	fn specs_and_units() {
		assert_eq!(parse_spec(&matmul_spec(64, 7)), Some(MatMulTask { seed: 7, n: 64 }));
		assert_eq!(parse_spec(r#"{"task":"matmul","n":0,"seed":1}"#), None);
		assert_eq!(parse_spec(r#"{"task":"render","n":4,"seed":1}"#), None);
		assert_eq!(parse_spec("not json"), None);
		assert_eq!(units(&MatMulTask { seed: 0, n: 64 }), 1);
		assert_eq!(units(&MatMulTask { seed: 0, n: 128 }), 8);
		assert_eq!(units(&MatMulTask { seed: 0, n: 8 }), 1);
	}
}
