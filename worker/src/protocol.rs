//! Worker protocol v2: who asked, who answered, and that neither was replayed.
//!
//! A validator `POST`s a task to `<axon>/task` with these headers (see `docs/worker.md`):
//!
//! | header | value |
//! |---|---|
//! | `x-myelin-version` | `2` |
//! | `x-myelin-validator` | the validator's hotkey (SS58) |
//! | `x-myelin-miner` | the hotkey the validator means to ask (SS58), the one registered at the uid whose axon it calls |
//! | `x-myelin-nonce` | a fresh random `u64` (decimal) |
//! | `x-myelin-time` | the validator's clock, milliseconds since the Unix epoch |
//! | `x-myelin-signature` | `0x` + the validator hotkey's sr25519 signature of [`request_message`] |
//!
//! The miner refuses, before any work, a request without these headers or with a bad
//! signature, a time more than [`MAX_SKEW`] away from its clock, or a (validator, nonce) it has
//! seen (401); a request meant for another miner or signed by a hotkey without a validator
//! permit on the subnet (403); and a validator's request while [`crate::miner`]'s per-caller
//! cap of tasks is running (429).
//!
//! The answer carries `x-myelin-miner` and `x-myelin-signature`: the miner hotkey's signature of
//! [`answer_message`], which binds the answer body to the request's signature. The validator
//! scores an answer only when that signature verifies with the hotkey registered at the uid.

use std::{
	collections::{BTreeMap, VecDeque},
	str::FromStr,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

use hyper::{header::HeaderValue, HeaderMap};
use subxt::utils::AccountId32;
use subxt_signer::sr25519::{self, Keypair, PublicKey, Signature};

/// `x-myelin-version`: the protocol version of a request.
pub const VERSION: &str = "x-myelin-version";
/// `x-myelin-validator`: the requesting validator's hotkey.
pub const VALIDATOR: &str = "x-myelin-validator";
/// `x-myelin-miner`: the miner hotkey a request is for, or that signed an answer.
pub const MINER: &str = "x-myelin-miner";
/// `x-myelin-nonce`: a request's nonce.
pub const NONCE: &str = "x-myelin-nonce";
/// `x-myelin-time`: a request's time (Unix milliseconds).
pub const TIME: &str = "x-myelin-time";
/// `x-myelin-signature`: the signature of a request (by the validator) or of an answer (by the miner).
pub const SIGNATURE: &str = "x-myelin-signature";

/// How far a request's time may be from the miner's clock.
pub const MAX_SKEW: Duration = Duration::from_secs(30);

/// The bytes a validator signs: a domain tag, then nonce and time (little-endian), both
/// hotkeys' public keys and `blake2_256(body)`.
pub fn request_message(
	nonce: u64,
	time_ms: u64,
	validator: &[u8; 32],
	miner: &[u8; 32],
	body: &[u8],
) -> Vec<u8> {
	let mut m = Vec::with_capacity(16 + 16 + 96);
	m.extend_from_slice(b"myelin/task/v2");
	m.extend_from_slice(&nonce.to_le_bytes());
	m.extend_from_slice(&time_ms.to_le_bytes());
	m.extend_from_slice(validator);
	m.extend_from_slice(miner);
	m.extend_from_slice(&sp_crypto_hashing::blake2_256(body));
	m
}

/// The bytes a miner signs: a domain tag, the request's signature, the miner's public key and
/// `blake2_256(answer)`. An answer cannot be moved to another request or another miner.
pub fn answer_message(request_signature: &[u8; 64], miner: &[u8; 32], answer: &[u8]) -> Vec<u8> {
	let mut m = Vec::with_capacity(16 + 64 + 64);
	m.extend_from_slice(b"myelin/answer/v2");
	m.extend_from_slice(request_signature);
	m.extend_from_slice(miner);
	m.extend_from_slice(&sp_crypto_hashing::blake2_256(answer));
	m
}

/// Milliseconds since the Unix epoch on this machine's clock.
pub fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// A signed request's headers, as the validator sends them.
pub struct SignedRequest {
	/// The headers to send.
	pub headers: Vec<(&'static str, String)>,
	/// The request's signature, which the answer's signature covers.
	pub signature: [u8; 64],
}

/// Signs `body` for `miner` with the validator's hotkey `pair`.
pub fn sign_request(pair: &Keypair, miner: &AccountId32, body: &[u8], nonce: u64) -> SignedRequest {
	let time = now_ms();
	let validator = pair.public_key().0;
	let signature = pair.sign(&request_message(nonce, time, &validator, &miner.0, body)).0;
	SignedRequest {
		headers: vec![
			(VERSION, "2".into()),
			(VALIDATOR, AccountId32(validator).to_string()),
			(MINER, miner.to_string()),
			(NONCE, nonce.to_string()),
			(TIME, time.to_string()),
			(SIGNATURE, hex(&signature)),
		],
		signature,
	}
}

/// The answer headers: the miner's address and its signature of [`answer_message`].
pub fn sign_answer(
	pair: &Keypair,
	request_signature: &[u8; 64],
	answer: &[u8],
) -> Vec<(&'static str, String)> {
	let miner = pair.public_key().0;
	let signature = pair.sign(&answer_message(request_signature, &miner, answer)).0;
	vec![(MINER, AccountId32(miner).to_string()), (SIGNATURE, hex(&signature))]
}

/// Whether `headers` sign `answer` for the request signed `request_signature`, by `expected`
/// (the hotkey registered at the uid asked). `Err` says why not.
pub fn verify_answer(
	expected: &AccountId32,
	request_signature: &[u8; 64],
	headers: &HeaderMap,
	answer: &[u8],
) -> Result<(), String> {
	let signer = header(headers, MINER).ok_or("the answer is not signed (no x-myelin-miner)")?;
	let signer = AccountId32::from_str(signer)
		.map_err(|_| format!("the answer's x-myelin-miner `{signer}` is not an address"))?;
	if &signer != expected {
		return Err(format!(
			"the answer is signed by {signer}, not by the uid's hotkey {expected}"
		));
	}
	let signature = header(headers, SIGNATURE)
		.and_then(parse_signature)
		.ok_or("the answer has no valid x-myelin-signature")?;
	let message = answer_message(request_signature, &signer.0, answer);
	if !sr25519::verify(&Signature(signature), message, &PublicKey(signer.0)) {
		return Err("the answer's signature does not verify".into());
	}
	Ok(())
}

/// Why a miner refuses a request before any work.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
	/// A header is missing or malformed (401).
	#[error("unsigned request: {0}")]
	Unsigned(String),
	/// The signature does not verify (401).
	#[error("the request's signature does not verify")]
	BadSignature,
	/// The time is too far from the miner's clock (401).
	#[error("stale request: its time is {0} ms from this miner's clock (at most {max} allowed)", max = MAX_SKEW.as_millis())]
	Stale(i128),
	/// This (validator, nonce) was seen already (401).
	#[error("replayed request: nonce {0} was used already")]
	Replayed(u64),
	/// The request is for another hotkey (403).
	#[error("this axon serves {mine}, not {asked}")]
	WrongMiner {
		/// This miner's hotkey.
		mine: String,
		/// The hotkey the request names.
		asked: String,
	},
	/// The signer holds no validator permit on the subnet (403).
	#[error("{0} holds no validator permit on this subnet")]
	NotPermitted(String),
}

impl Refusal {
	/// The HTTP status: 401 for who-are-you failures, 403 for known-but-not-allowed.
	pub fn status(&self) -> u16 {
		match self {
			Self::WrongMiner { .. } | Self::NotPermitted(_) => 403,
			_ => 401,
		}
	}

	/// A short label for metrics.
	pub fn label(&self) -> &'static str {
		match self {
			Self::Unsigned(_) => "unsigned",
			Self::BadSignature => "bad_signature",
			Self::Stale(_) => "stale",
			Self::Replayed(_) => "replayed",
			Self::WrongMiner { .. } => "wrong_miner",
			Self::NotPermitted(_) => "not_permitted",
		}
	}
}

/// A request that passed the signature checks.
#[derive(Debug)]
pub struct Authenticated {
	/// The validator's hotkey.
	pub validator: AccountId32,
	/// The request's signature (the answer signs over it).
	pub signature: [u8; 64],
}

/// Checks a request's headers against `body`, this miner's hotkey `me` and the clock `now_ms`;
/// `permitted` says whether a hotkey holds a validator permit, `replay` remembers nonces.
/// Nothing is remembered unless the signature verifies.
pub fn verify_request(
	headers: &HeaderMap,
	body: &[u8],
	me: &AccountId32,
	now_ms: u64,
	permitted: impl Fn(&AccountId32) -> bool,
	replay: &mut ReplayGuard,
) -> Result<Authenticated, Refusal> {
	let get = |name: &str| {
		header(headers, name).ok_or_else(|| Refusal::Unsigned(format!("no {name} header")))
	};
	if get(VERSION)? != "2" {
		return Err(Refusal::Unsigned(format!("{VERSION} is not 2")));
	}
	let address = |name: &str| {
		let v = get(name)?;
		AccountId32::from_str(v)
			.map_err(|_| Refusal::Unsigned(format!("{name} `{v}` is not an address")))
	};
	let validator = address(VALIDATOR)?;
	let miner = address(MINER)?;
	let number = |name: &str| {
		get(name)?.parse::<u64>().map_err(|_| Refusal::Unsigned(format!("{name} is not a number")))
	};
	let nonce = number(NONCE)?;
	let time = number(TIME)?;
	let signature = parse_signature(get(SIGNATURE)?)
		.ok_or_else(|| Refusal::Unsigned(format!("{SIGNATURE} is not 0x + 64 bytes of hex")))?;
	let message = request_message(nonce, time, &validator.0, &miner.0, body);
	if !sr25519::verify(&Signature(signature), message, &PublicKey(validator.0)) {
		return Err(Refusal::BadSignature);
	}
	let skew = i128::from(time) - i128::from(now_ms);
	if skew.unsigned_abs() > MAX_SKEW.as_millis() {
		return Err(Refusal::Stale(skew));
	}
	if &miner != me {
		return Err(Refusal::WrongMiner { mine: me.to_string(), asked: miner.to_string() });
	}
	if !permitted(&validator) {
		return Err(Refusal::NotPermitted(validator.to_string()));
	}
	if !replay.first_use(&validator, nonce, time, now_ms) {
		return Err(Refusal::Replayed(nonce));
	}
	Ok(Authenticated { validator, signature })
}

/// The nonces of the last `2 × MAX_SKEW` of requests: older ones are refused as stale anyway.
#[derive(Default)]
pub struct ReplayGuard {
	seen: BTreeMap<(AccountId32, u64), u64>,
	order: VecDeque<(u64, AccountId32, u64)>,
}

impl ReplayGuard {
	/// Records (validator, nonce) sent at `time`; false when it was recorded before.
	pub fn first_use(&mut self, validator: &AccountId32, nonce: u64, time: u64, now: u64) -> bool {
		let horizon = now.saturating_sub(2 * MAX_SKEW.as_millis() as u64);
		while self.order.front().is_some_and(|(t, _, _)| *t < horizon) {
			let (_, v, n) = self.order.pop_front().expect("front exists");
			self.seen.remove(&(v, n));
		}
		if self.seen.contains_key(&(*validator, nonce)) {
			return false;
		}
		self.seen.insert((*validator, nonce), time);
		self.order.push_back((now, *validator, nonce));
		true
	}

	/// How many nonces are remembered.
	pub fn len(&self) -> usize {
		self.seen.len()
	}

	/// Whether none is.
	pub fn is_empty(&self) -> bool {
		self.seen.is_empty()
	}
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
	headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::trim)
}

fn parse_signature(s: &str) -> Option<[u8; 64]> {
	parse_hex(s)
}

/// `0x` and exactly `N` bytes in hex (either case), else `None`.
pub fn parse_hex<const N: usize>(s: &str) -> Option<[u8; N]> {
	let s = s.strip_prefix("0x")?;
	if s.len() != 2 * N {
		return None;
	}
	let mut out = [0u8; N];
	for (i, byte) in out.iter_mut().enumerate() {
		*byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
	}
	Some(out)
}

/// `bytes` in lower-case hex after `0x`.
pub fn hex(bytes: &[u8]) -> String {
	use core::fmt::Write;
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		let _ = write!(s, "{b:02x}");
	}
	s
}

#[cfg(test)]
mod tests {
	use super::*;
	use subxt_signer::SecretUri;

	fn pair(uri: &str) -> Keypair {
		Keypair::from_uri(&SecretUri::from_str(uri).unwrap()).unwrap()
	}
	fn account(p: &Keypair) -> AccountId32 {
		p.public_key().to_account_id()
	}
	fn headers(h: &[(&'static str, String)]) -> HeaderMap {
		let mut map = HeaderMap::new();
		for (k, v) in h {
			map.insert(*k, v.parse().unwrap());
		}
		map
	}

	#[test]
	fn a_signed_request_passes_once_and_its_answer_verifies() {
		let (validator, miner) = (pair("//Alice"), pair("//Bob"));
		let body = br#"{"kind":"matmul","seed":1,"n":4}"#;
		let req = sign_request(&validator, &account(&miner), body, 7);
		let h = headers(&req.headers);
		let mut replay = ReplayGuard::default();
		let ok = verify_request(&h, body, &account(&miner), now_ms(), |_| true, &mut replay)
			.expect("a good request");
		assert_eq!(ok.validator, account(&validator));
		assert_eq!(ok.signature, req.signature);
		let again = verify_request(&h, body, &account(&miner), now_ms(), |_| true, &mut replay);
		assert_eq!(again.unwrap_err(), Refusal::Replayed(7));
		assert_eq!(replay.len(), 1);

		let answer = br#"{"c":[1]}"#;
		let ah = headers(&sign_answer(&miner, &req.signature, answer));
		assert_eq!(verify_answer(&account(&miner), &req.signature, &ah, answer), Ok(()));
		// Another body, another request, another expected hotkey: refused.
		assert!(verify_answer(&account(&miner), &req.signature, &ah, b"{}").is_err());
		assert!(verify_answer(&account(&miner), &[0; 64], &ah, answer).is_err());
		let err = verify_answer(&account(&validator), &req.signature, &ah, answer).unwrap_err();
		assert!(err.contains("not by the uid's hotkey"), "{err}");
		assert!(verify_answer(&account(&miner), &req.signature, &HeaderMap::new(), answer)
			.unwrap_err()
			.contains("not signed"));
	}

	#[test]
	fn unsigned_tampered_stale_misaddressed_and_unpermitted_requests_are_refused() {
		let (validator, miner, eve) = (pair("//Alice"), pair("//Bob"), pair("//Eve"));
		let me = account(&miner);
		let body = b"{}";
		let mut replay = ReplayGuard::default();
		let mut check = |h: &HeaderMap, body: &[u8], now: u64, permitted: bool| {
			verify_request(h, body, &me, now, |_| permitted, &mut replay)
		};
		let err = check(&HeaderMap::new(), body, now_ms(), true).unwrap_err();
		assert!(matches!(err, Refusal::Unsigned(_)) && err.status() == 401, "{err}");

		let req = sign_request(&validator, &me, body, 1);
		let h = headers(&req.headers);
		assert_eq!(check(&h, b"{\"x\":1}", now_ms(), true).unwrap_err(), Refusal::BadSignature);
		let late = now_ms() + MAX_SKEW.as_millis() as u64 + 1000;
		assert!(matches!(check(&h, body, late, true).unwrap_err(), Refusal::Stale(_)));
		let err = check(&h, body, now_ms(), false).unwrap_err();
		assert_eq!(err.status(), 403);
		assert_eq!(err, Refusal::NotPermitted(account(&validator).to_string()));

		// Signed for Eve's hotkey, sent to Bob's axon.
		let for_eve = headers(&sign_request(&validator, &account(&eve), body, 2).headers);
		let err = check(&for_eve, body, now_ms(), true).unwrap_err();
		assert!(matches!(err, Refusal::WrongMiner { .. }) && err.status() == 403, "{err}");

		// Signed by Eve but claiming to be Alice.
		let mut forged = sign_request(&eve, &me, body, 3).headers;
		forged[1].1 = account(&validator).to_string();
		assert_eq!(
			check(&headers(&forged), body, now_ms(), true).unwrap_err(),
			Refusal::BadSignature
		);
		// Refusals remember no nonce.
		assert!(replay.is_empty());
	}

	#[test]
	fn the_replay_guard_forgets_what_is_stale_anyway() {
		let v = account(&pair("//Alice"));
		let mut g = ReplayGuard::default();
		assert!(g.first_use(&v, 1, 0, 0));
		assert!(!g.first_use(&v, 1, 0, 1));
		let later = 2 * MAX_SKEW.as_millis() as u64 + 1;
		assert!(g.first_use(&v, 2, later, later));
		assert_eq!(g.len(), 1, "nonce 1 is forgotten once older than 2 × MAX_SKEW");
	}
}
