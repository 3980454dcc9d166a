//! `myelin provider …`, `myelin job …`, `myelin lease …`: the compute market (pallet Market,
//! docs/market.md). Providers bond and offer; buyers post jobs and open leases; validators
//! attest; anyone finalizes a job whose outcome is due.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use clap::Subcommand;
use myelin_worker::{
	chain::{api, Chain, Included},
	myl, parse_myl,
};
use serde_json::{json, Value};
use subxt::utils::{AccountId32, H256};

use crate::{parse_account, submit, Output, Signer};

use api::runtime_types::pallet_market::types::{JobState, LeaseState};

#[derive(Subcommand)]
pub enum ProviderCommand {
	/// Bond MYL for a miner hotkey on a subnet (signed by the hotkey's owner coldkey).
	Bond {
		#[arg(long)]
		netuid: u16,
		/// The provider hotkey (SS58), registered on the subnet.
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		/// How much, in MYL.
		#[arg(long, value_parser = parse_myl)]
		amount: u128,
		#[command(flatten)]
		signer: Signer,
	},
	/// Start unbonding part of a bond (withdrawable after the unbonding period).
	Unbond {
		#[arg(long)]
		netuid: u16,
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		#[arg(long, value_parser = parse_myl)]
		amount: u128,
		#[command(flatten)]
		signer: Signer,
	},
	/// Withdraw an unbonded chunk.
	Withdraw {
		#[arg(long)]
		netuid: u16,
		#[arg(long, value_parser = parse_account)]
		hotkey: AccountId32,
		#[command(flatten)]
		signer: Signer,
	},
	/// Advertise an offer (signed by the provider hotkey).
	Offer {
		#[arg(long)]
		netuid: u16,
		/// MYL per unit of work.
		#[arg(long, value_parser = parse_myl)]
		price: u128,
		/// The most open jobs and leases at once (0..=64).
		#[arg(long)]
		capacity: u32,
		/// Free-form attributes, e.g. '{"gpu":"a100"}' (≤ 256 bytes).
		#[arg(long, default_value = "")]
		attributes: String,
		#[command(flatten)]
		signer: Signer,
	},
	/// A provider's bond and offer on a subnet, and its reputation.
	Show {
		#[arg(long)]
		netuid: u16,
		#[arg(value_parser = parse_account)]
		hotkey: AccountId32,
	},
}

#[derive(Subcommand)]
pub enum JobCommand {
	/// Post a job, escrowing --max-price; prints its id.
	Post {
		#[arg(long)]
		netuid: u16,
		/// What to compute (≤ 1024 bytes): a URI or hash and the task's parameters.
		#[arg(long)]
		spec: String,
		/// The most you pay, in MYL (held until the job ends).
		#[arg(long, value_parser = parse_myl)]
		max_price: u128,
		/// Blocks until the deadline (accepted and submitted by then).
		#[arg(long, default_value_t = 200)]
		deadline_in: u64,
		/// Only this provider hotkey may take it.
		#[arg(long, value_parser = parse_account)]
		provider: Option<AccountId32>,
		#[command(flatten)]
		signer: Signer,
	},
	/// Cancel a job nobody accepted yet (poster).
	Cancel {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// Take a job (provider hotkey).
	Accept {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// Submit a result (provider hotkey): its blake2-256 hash goes on chain.
	Submit {
		id: u64,
		/// The result's file (hashed here; serve it to the poster yourself).
		#[arg(long)]
		result_file: PathBuf,
		/// Units of work done (priced by the offer at acceptance).
		#[arg(long)]
		units: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// Attest a submitted result (a permitted validator's hotkey).
	Attest {
		id: u64,
		/// Reject the result (default: approve).
		#[arg(long)]
		reject: bool,
		#[command(flatten)]
		signer: Signer,
	},
	/// Dispute a submitted result (poster).
	Dispute {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// Settle a job whose outcome is due (anyone).
	Finalize {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// An open job (finalized jobs are removed; their events remain).
	Show { id: u64 },
}

#[derive(Subcommand)]
pub enum LeaseCommand {
	/// Open a lease of a provider, holding --deposit; prints its id.
	Open {
		#[arg(long)]
		netuid: u16,
		#[arg(long, value_parser = parse_account)]
		provider: AccountId32,
		/// MYL per block.
		#[arg(long, value_parser = parse_myl)]
		rate: u128,
		/// MYL held to pay from.
		#[arg(long, value_parser = parse_myl)]
		deposit: u128,
		#[command(flatten)]
		signer: Signer,
	},
	/// Accept a pending lease (provider hotkey).
	Accept {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// Add to the deposit (user); resumes a paused lease within the grace.
	TopUp {
		id: u64,
		#[arg(long, value_parser = parse_myl)]
		amount: u128,
		#[command(flatten)]
		signer: Signer,
	},
	/// Be paid up to now (provider hotkey).
	Withdraw {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// Close the lease, refunding the rest of the deposit (user or provider).
	Close {
		id: u64,
		#[command(flatten)]
		signer: Signer,
	},
	/// An open lease.
	Show { id: u64 },
}

pub async fn provider(chain: &Chain, out: &Output, command: ProviderCommand) -> Result<()> {
	let m = api::tx().market();
	match command {
		ProviderCommand::Bond { netuid, hotkey, amount, signer } => {
			let included =
				submit(chain, &m.bond(netuid, hotkey, amount), &signer.keypair()?).await?;
			out.done(
				&included,
				&format!("bonded {} MYL for {hotkey} on subnet {netuid}", myl(amount)),
			)
		},
		ProviderCommand::Unbond { netuid, hotkey, amount, signer } => {
			let included =
				submit(chain, &m.unbond(netuid, hotkey, amount), &signer.keypair()?).await?;
			out.done(&included, &format!("unbonding {} MYL of {hotkey}'s bond", myl(amount)))
		},
		ProviderCommand::Withdraw { netuid, hotkey, signer } => {
			let included =
				submit(chain, &m.withdraw_unbonded(netuid, hotkey), &signer.keypair()?).await?;
			out.done(&included, "unbonded MYL withdrawn")
		},
		ProviderCommand::Offer { netuid, price, capacity, attributes, signer } => {
			let call = m.set_offer(netuid, price, capacity, attributes.into_bytes());
			let included = submit(chain, &call, &signer.keypair()?).await?;
			out.done(
				&included,
				&format!("offer set: {} MYL a unit, capacity {capacity}", myl(price)),
			)
		},
		ProviderCommand::Show { netuid, hotkey } => {
			let at = chain.client().at_current_block().await?;
			let storage = at.storage();
			let s = api::storage().market();
			let bond = storage
				.try_fetch(s.bonds(), (netuid, hotkey))
				.await?
				.map(|v| v.decode())
				.transpose()?;
			let offer = storage
				.try_fetch(s.offers(), (netuid, hotkey))
				.await?
				.map(|v| v.decode())
				.transpose()?;
			let rep = storage.fetch(s.reputations(), (hotkey,)).await?.decode()?;
			let value = json!({
				"hotkey": hotkey.to_string(),
				"netuid": netuid,
				"bond": bond.as_ref().map(|b| json!({
					"owner": b.owner.to_string(), "amount": b.amount.to_string(),
					"committed": b.committed.to_string(), "unbonding": b.unbonding.to_string(),
					"unlock_at": b.unlock_at,
				})),
				"offer": offer.as_ref().map(|o| json!({
					"price_per_unit": o.price_per_unit.to_string(), "capacity": o.capacity,
					"open": o.open, "attributes": String::from_utf8_lossy(&o.attributes.0),
				})),
				"reputation": {
					"completed": rep.completed, "rejected": rep.rejected, "slashed": rep.slashed,
					"slashed_amount": rep.slashed_amount.to_string(), "score": rep.score,
				},
			});
			out.print(&value, || {
				let bond = bond.map(|b| format!("bond {} MYL ({} committed, {} unbonding)", myl(b.amount), myl(b.committed), myl(b.unbonding))).unwrap_or("no bond".into());
				let offer = offer.map(|o| format!("offer {} MYL a unit, {}/{} open", myl(o.price_per_unit), o.open, o.capacity)).unwrap_or("no offer".into());
				format!(
					"{hotkey} on subnet {netuid}: {bond}; {offer}; {} completed, {} rejected, {} slashed, score {:.1}%",
					rep.completed, rep.rejected, rep.slashed, f64::from(rep.score) / 10_000.0
				)
			})
		},
	}
}

pub async fn job(chain: &Chain, out: &Output, command: JobCommand) -> Result<()> {
	let m = api::tx().market();
	match command {
		JobCommand::Post { netuid, spec, max_price, deadline_in, provider, signer } => {
			let deadline = chain.best_number().await? + deadline_in;
			let deadline = u32::try_from(deadline).context("deadline")?;
			let call = m.post_job(netuid, spec.into_bytes(), max_price, deadline, provider);
			let included = submit(chain, &call, &signer.keypair()?).await?;
			let id = posted_id(chain, &included).await?;
			out.done_with(
				&included,
				json!({ "job_id": id, "deadline": deadline }),
				&format!("job {id} posted, deadline #{deadline}"),
			)
		},
		JobCommand::Cancel { id, signer } => {
			simple(chain, out, &m.cancel_job(id), signer, &format!("job {id} cancelled")).await
		},
		JobCommand::Accept { id, signer } => {
			simple(chain, out, &m.accept_job(id), signer, &format!("job {id} accepted")).await
		},
		JobCommand::Submit { id, result_file, units, signer } => {
			let bytes = std::fs::read(&result_file)
				.with_context(|| format!("--result-file {}", result_file.display()))?;
			let hash = H256(sp_crypto_hashing::blake2_256(&bytes));
			let included =
				submit(chain, &m.submit_result(id, hash, units), &signer.keypair()?).await?;
			out.done_with(
				&included,
				json!({ "result_hash": format!("{hash:?}") }),
				&format!("result {hash:?} submitted for job {id}"),
			)
		},
		JobCommand::Attest { id, reject, signer } => {
			let verdict = if reject { "rejected" } else { "approved" };
			simple(chain, out, &m.attest(id, !reject), signer, &format!("job {id} {verdict}")).await
		},
		JobCommand::Dispute { id, signer } => {
			simple(chain, out, &m.dispute(id), signer, &format!("job {id} disputed")).await
		},
		JobCommand::Finalize { id, signer } => {
			let included = submit(chain, &m.finalize_job(id), &signer.keypair()?).await?;
			let outcome = job_outcome(chain, &included, id).await?;
			out.done_with(
				&included,
				outcome.clone(),
				&format!("job {id}: {}", outcome["outcome"].as_str().unwrap_or("settled")),
			)
		},
		JobCommand::Show { id } => {
			let at = chain.client().at_current_block().await?;
			let job = at
				.storage()
				.try_fetch(api::storage().market().jobs(), (id,))
				.await?
				.map(|v| v.decode())
				.transpose()?
				.ok_or_else(|| anyhow!("no open job {id} (finalized jobs are removed)"))?;
			let state = match &job.state {
				JobState::Posted => json!({ "state": "posted" }),
				JobState::Accepted { provider, price_per_unit, bond } => json!({
					"state": "accepted", "provider": provider.to_string(),
					"price_per_unit": price_per_unit.to_string(), "bond": bond.to_string(),
				}),
				JobState::Submitted {
					provider,
					result_hash,
					units,
					price,
					attest_until,
					disputed,
					..
				} => json!({
					"state": "submitted", "provider": provider.to_string(),
					"result_hash": format!("{result_hash:?}"), "units": units, "price": price.to_string(),
					"attest_until": attest_until, "disputed": disputed,
				}),
			};
			let value = json!({
				"job_id": id, "netuid": job.netuid, "poster": job.poster.to_string(),
				"spec": String::from_utf8_lossy(&job.spec.0), "max_price": job.max_price.to_string(),
				"deadline": job.deadline, "posted_at": job.posted_at, "status": state,
				"attestations": job.attestations.0.iter().map(|a| json!({
					"validator": a.validator.to_string(), "approve": a.approve, "stake": a.stake.to_string(),
				})).collect::<Vec<_>>(),
			});
			out.print(&value, || {
				format!(
					"job {id} on subnet {}: {}, max {} MYL, deadline #{}, {} attestations",
					job.netuid,
					value["status"]["state"].as_str().unwrap_or(""),
					myl(job.max_price),
					job.deadline,
					job.attestations.0.len()
				)
			})
		},
	}
}

pub async fn lease(chain: &Chain, out: &Output, command: LeaseCommand) -> Result<()> {
	let m = api::tx().market();
	match command {
		LeaseCommand::Open { netuid, provider, rate, deposit, signer } => {
			let included =
				submit(chain, &m.open_lease(netuid, provider, rate, deposit), &signer.keypair()?)
					.await?;
			let events =
				chain.client().at_block(included.block_hash).await?.events().fetch().await?;
			let id = events
				.find::<api::market::events::LeaseOpened>()
				.filter_map(|e| e.ok())
				.last()
				.map(|e| e.lease_id)
				.ok_or_else(|| {
					anyhow!("no LeaseOpened event in block #{}", included.block_number)
				})?;
			out.done_with(&included, json!({ "lease_id": id }), &format!("lease {id} opened"))
		},
		LeaseCommand::Accept { id, signer } => {
			simple(chain, out, &m.accept_lease(id), signer, &format!("lease {id} accepted")).await
		},
		LeaseCommand::TopUp { id, amount, signer } => {
			simple(
				chain,
				out,
				&m.top_up(id, amount),
				signer,
				&format!("lease {id} topped up by {} MYL", myl(amount)),
			)
			.await
		},
		LeaseCommand::Withdraw { id, signer } => {
			simple(chain, out, &m.withdraw_lease(id), signer, &format!("lease {id} settled")).await
		},
		LeaseCommand::Close { id, signer } => {
			simple(chain, out, &m.close_lease(id), signer, &format!("lease {id} closed")).await
		},
		LeaseCommand::Show { id } => {
			let at = chain.client().at_current_block().await?;
			let lease = at
				.storage()
				.try_fetch(api::storage().market().leases(), (id,))
				.await?
				.map(|v| v.decode())
				.transpose()?
				.ok_or_else(|| anyhow!("no open lease {id}"))?;
			let state = match lease.state {
				LeaseState::Pending => json!("pending"),
				LeaseState::Active => json!("active"),
				LeaseState::Paused { at } => json!({ "paused_at": at }),
			};
			let value = json!({
				"lease_id": id, "netuid": lease.netuid, "user": lease.user.to_string(),
				"provider": lease.provider.to_string(), "rate_per_block": lease.rate_per_block.to_string(),
				"deposit": lease.deposit.to_string(), "settled_at": lease.settled_at,
				"paid": lease.paid.to_string(), "state": state,
			});
			out.print(&value, || {
				format!(
					"lease {id}: {} MYL a block, {} MYL left, {} MYL paid, {}",
					myl(lease.rate_per_block),
					myl(lease.deposit),
					myl(lease.paid),
					value["state"]
				)
			})
		},
	}
}

async fn simple<C: subxt::tx::Payload>(
	chain: &Chain,
	out: &Output,
	call: &C,
	signer: Signer,
	text: &str,
) -> Result<()> {
	let included = submit(chain, call, &signer.keypair()?).await?;
	out.done(&included, text)
}

/// The id of the job the signer posted in `included` (its last `JobPosted`).
async fn posted_id(chain: &Chain, included: &Included) -> Result<u64> {
	let events = chain.client().at_block(included.block_hash).await?.events().fetch().await?;
	events
		.find::<api::market::events::JobPosted>()
		.filter_map(|e| e.ok())
		.last()
		.map(|e| e.job_id)
		.ok_or_else(|| anyhow!("no JobPosted event in block #{}", included.block_number))
}

/// What `finalize_job(id)` in `included` did, from its events.
async fn job_outcome(chain: &Chain, included: &Included, id: u64) -> Result<Value> {
	use api::market::events::{JobPaid, JobRefunded, JobRejected, ProviderSlashed};
	let events = chain.client().at_block(included.block_hash).await?.events().fetch().await?;
	if let Some(paid) = events.find::<JobPaid>().filter_map(|e| e.ok()).find(|e| e.job_id == id) {
		return Ok(
			json!({ "outcome": "paid", "amount": paid.amount.to_string(), "take": paid.take.to_string() }),
		);
	}
	if events.find::<JobRejected>().filter_map(|e| e.ok()).any(|e| e.job_id == id) {
		let slashed = events
			.find::<ProviderSlashed>()
			.filter_map(|e| e.ok())
			.last()
			.map(|e| e.amount)
			.unwrap_or(0);
		return Ok(json!({ "outcome": "rejected", "slashed": slashed.to_string() }));
	}
	if let Some(refund) =
		events.find::<JobRefunded>().filter_map(|e| e.ok()).find(|e| e.job_id == id)
	{
		return Ok(json!({ "outcome": "refunded", "amount": refund.amount.to_string() }));
	}
	bail!("job {id}: no outcome event in block #{}", included.block_number)
}
