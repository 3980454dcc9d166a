//! # myelin-worker
//!
//! Off-chain workers of a Myelin subnet. A **miner** registers its hotkey, publishes an HTTP
//! endpoint with `serve_axon` and answers tasks. A **validator** reads the metagraph over the
//! node's `subnets_metagraph` JSON-RPC, sends every miner a task, checks and scores the
//! answers, and sets weights on chain; Yuma turns those weights into the miners' incentive.
//!
//! Requests and answers are signed by the validator's and the miner's hotkeys ([`protocol`],
//! worker protocol v2, `docs/worker.md`). The built-in task is a verifiable matrix
//! multiplication ([`task::matmul`]); any program can be plugged in instead ([`task::plugin`]),
//! per call or as a long-lived process. Axons may be https ([`tls`]); both roles serve
//! Prometheus metrics ([`metrics`]); the validator keeps its state on disk ([`state`]). The
//! crate talks to the node only over WebSocket JSON-RPC ([`chain`]); it has no node or runtime
//! dependency.

pub mod chain;
pub mod http;
pub mod keys;
pub mod logger;
pub mod market;
pub mod metrics;
pub mod miner;
pub mod protocol;
pub mod register;
pub mod score;
pub mod state;
pub mod task;
pub mod tls;
pub mod validator;

/// Base units per MYL.
pub const MYL: u128 = 1_000_000_000;

/// `amount` base units as MYL with up to 9 decimals (`1.5`, `0.0005`).
pub fn myl(amount: u128) -> String {
	let (whole, frac) = (amount / MYL, amount % MYL);
	if frac == 0 {
		return whole.to_string();
	}
	format!("{whole}.{}", format!("{frac:09}").trim_end_matches('0'))
}

/// Parses an MYL amount (`10`, `0.25`) into base units.
pub fn parse_myl(s: &str) -> Result<u128, String> {
	let bad = || format!("`{s}` is not an amount of MYL (e.g. 10 or 0.25)");
	let (whole, frac) = s.trim().split_once('.').unwrap_or((s.trim(), ""));
	if whole.is_empty() && frac.is_empty()
		|| frac.len() > 9
		|| !frac.chars().all(|c| c.is_ascii_digit())
	{
		return Err(bad());
	}
	let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
	let frac: u128 =
		if frac.is_empty() { 0 } else { format!("{frac:0<9}").parse().map_err(|_| bad())? };
	whole.checked_mul(MYL).and_then(|w| w.checked_add(frac)).ok_or_else(bad)
}

/// 64 unpredictable bits (task seeds, Freivalds vectors, commit salts): std's per-instance
/// random SipHash keys, mixed with the clock.
pub fn random_u64() -> u64 {
	use std::hash::{BuildHasher, Hasher};
	let mut h = std::collections::hash_map::RandomState::new().build_hasher();
	h.write_u128(
		std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.unwrap_or_default()
			.as_nanos(),
	);
	h.finish()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn myl_amounts_round_trip() {
		assert_eq!(parse_myl("10"), Ok(10 * MYL));
		assert_eq!(parse_myl("0.0005"), Ok(500_000));
		assert_eq!(parse_myl(".5"), Ok(MYL / 2));
		assert_eq!(myl(1_500_000_000), "1.5");
		assert_eq!(myl(500_000), "0.0005");
		for bad in ["", "x", "1.2.3", "1.0000000001", "-1"] {
			assert!(parse_myl(bad).is_err(), "{bad}");
		}
		assert_ne!(random_u64(), random_u64());
	}
}
