//! serde helpers for the JSON conventions of the protocol (amounts as decimal strings, URLs
//! as strings).

use serde::Serializer;

/// An amount as a decimal string (JSON numbers lose precision above 2^53).
pub fn decimal<B: core::fmt::Display, S: Serializer>(value: &B, s: S) -> Result<S::Ok, S::Error> {
	s.collect_str(value)
}

/// A URL as a string (`null` when none). The pallet only stores valid ASCII URLs.
pub fn url<S: Serializer>(value: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
	match value {
		Some(bytes) => s.serialize_str(&String::from_utf8_lossy(bytes)),
		None => s.serialize_none(),
	}
}

/// Bytes as text (invalid UTF-8 replaced).
pub fn text<S: Serializer>(value: &[u8], s: S) -> Result<S::Ok, S::Error> {
	s.serialize_str(&String::from_utf8_lossy(value))
}

/// An optional amount as a decimal string, or `null`.
pub fn maybe_decimal<B: core::fmt::Display, S: Serializer>(
	value: &Option<B>,
	s: S,
) -> Result<S::Ok, S::Error> {
	match value {
		Some(v) => s.collect_str(v),
		None => s.serialize_none(),
	}
}

/// An optional 32-byte hash as `0x…` hex, or `null`.
pub fn maybe_hash<S: Serializer>(value: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
	match value {
		Some(h) => s.collect_str(&format_args!(
			"0x{}",
			h.iter().map(|b| format!("{b:02x}")).collect::<String>()
		)),
		None => s.serialize_none(),
	}
}

/// An optional account as SS58, or `null`.
pub fn maybe_account<A: AsRef<[u8]>, S: Serializer>(
	value: &Option<A>,
	s: S,
) -> Result<S::Ok, S::Error> {
	match value {
		Some(a) => account(a, s),
		None => s.serialize_none(),
	}
}

/// An account as an SS58 address in the node's default format (what `AccountId32`'s own
/// `Serialize` writes), by [`ss58`]: a metagraph of 4096 neurons holds 8192 of them, mostly
/// the same from one block to the next, so each thread remembers the last [`MEMO_CAPACITY`]
/// addresses it wrote.
pub fn account<A: AsRef<[u8]>, S: Serializer>(value: &A, s: S) -> Result<S::Ok, S::Error> {
	let format = u16::from(sp_core::crypto::default_ss58_version());
	let raw = value.as_ref();
	let Ok(key) = <[u8; 32]>::try_from(raw) else {
		let mut out = [0u8; SS58_MAX];
		let len = ss58(format, raw, &mut out);
		return s.serialize_str(core::str::from_utf8(&out[..len]).unwrap_or_default());
	};
	let (out, len) = MEMO.with(|memo| {
		let mut memo = memo.borrow_mut();
		if let Some(text) = memo.get(&(format, key)) {
			return *text;
		}
		let mut out = [0u8; SS58_MAX];
		let len = ss58(format, raw, &mut out) as u8;
		if memo.len() >= MEMO_CAPACITY {
			memo.clear();
		}
		memo.insert((format, key), (out, len));
		(out, len)
	});
	// Base58 digits are ASCII.
	s.serialize_str(core::str::from_utf8(&out[..usize::from(len)]).unwrap_or_default())
}

/// How many addresses [`account`] remembers per thread (about 1.4 MiB); when full it forgets
/// them all and starts again.
pub const MEMO_CAPACITY: usize = 16_384;

/// SS58 texts written by [`account`] on this thread, by address format and account.
type Memo = std::collections::HashMap<(u16, [u8; 32]), ([u8; SS58_MAX], u8)>;

std::thread_local! {
	static MEMO: core::cell::RefCell<Memo> = core::cell::RefCell::new(Memo::new());
}

/// The longest SS58 text [`ss58`] writes: a two-byte format, a 32-byte account and two checksum
/// bytes are 36 bytes, at most 50 base58 digits.
const SS58_MAX: usize = 50;

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Writes `account` (at most 32 bytes) in SS58 with address `format` (14 bits) into `out` and
/// returns its length: base58 of the format's one or two bytes, the account and the first two
/// bytes of blake2b-512("SS58PRE" ‖ format bytes ‖ account).
///
/// The same text as `sp_core`'s `to_ss58check_with_version`, about five times faster: base58
/// here divides by 58⁵ at a time over 32-bit limbs instead of one digit at a time over bytes,
/// and nothing is allocated.
pub fn ss58(format: u16, account: &[u8], out: &mut [u8; SS58_MAX]) -> usize {
	let format = format & 0b0011_1111_1111_1111;
	let mut bytes = [0u8; 36];
	let prefix_len = if format < 64 {
		bytes[0] = format as u8;
		1
	} else {
		bytes[0] = ((format & 0b1111_1100) as u8 >> 2) | 0b0100_0000;
		bytes[1] = (format >> 8) as u8 | (((format & 0b11) as u8) << 6);
		2
	};
	let account = &account[..account.len().min(32)];
	let body = prefix_len + account.len();
	bytes[prefix_len..body].copy_from_slice(account);
	let mut preimage = [0u8; 7 + 34];
	preimage[..7].copy_from_slice(b"SS58PRE");
	preimage[7..7 + body].copy_from_slice(&bytes[..body]);
	let hash = sp_crypto_hashing::blake2_512(&preimage[..7 + body]);
	bytes[body..body + 2].copy_from_slice(&hash[..2]);
	base58(&bytes[..body + 2], out)
}

/// Bitcoin-alphabet base58 of `input` (at most 36 bytes) into `out`; returns the length.
fn base58(input: &[u8], out: &mut [u8; SS58_MAX]) -> usize {
	const CHUNK: u64 = 58u64.pow(5);
	let zeros = input.iter().take_while(|b| **b == 0).count();
	// The number as big-endian 32-bit limbs (the first one padded with zero bytes).
	let mut limbs = [0u32; 9];
	let n_limbs = input.len().div_ceil(4);
	let pad = n_limbs * 4 - input.len();
	for (i, byte) in input.iter().enumerate() {
		let at = pad + i;
		limbs[at / 4] |= u32::from(*byte) << (8 * (3 - at % 4));
	}
	let limbs = &mut limbs[..n_limbs];
	// Digits, least significant first: five per division by 58⁵.
	let mut digits = [0u8; SS58_MAX + 5];
	let mut n_digits = 0;
	let mut first = 0;
	while first < limbs.len() {
		let mut rem = 0u64;
		for limb in limbs[first..].iter_mut() {
			let acc = (rem << 32) | u64::from(*limb);
			*limb = (acc / CHUNK) as u32;
			rem = acc % CHUNK;
		}
		for _ in 0..5 {
			digits[n_digits] = (rem % 58) as u8;
			rem /= 58;
			n_digits += 1;
		}
		while first < limbs.len() && limbs[first] == 0 {
			first += 1;
		}
	}
	while n_digits > 0 && digits[n_digits - 1] == 0 {
		n_digits -= 1;
	}
	let len = zeros + n_digits;
	out[..zeros].fill(b'1');
	for (k, d) in digits[..n_digits].iter().rev().enumerate() {
		out[zeros + k] = BASE58[usize::from(*d)];
	}
	len
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};

	fn text(format: u16, raw: &[u8; 32]) -> String {
		let mut out = [0u8; SS58_MAX];
		let len = ss58(format, raw, &mut out);
		String::from_utf8(out[..len].to_vec()).unwrap()
	}

	#[test]
	fn ss58_is_sp_cores_text() {
		let mut seed = 0x9e37_79b9_7f4a_7c15u64;
		let mut next = || {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			seed as u8
		};
		let mut keys = vec![[0u8; 32], [0xff; 32], [1; 32]];
		let mut leading = [0u8; 32];
		leading[31] = 1;
		keys.push(leading);
		let mut five = [7u8; 32];
		five[..5].fill(0);
		keys.push(five);
		for _ in 0..500 {
			keys.push(core::array::from_fn(|_| next()));
		}
		for format in [0u16, 1, 2, 42, 63, 64, 255, 1284, 16_383] {
			for raw in &keys {
				let expected = AccountId32::new(*raw)
					.to_ss58check_with_version(Ss58AddressFormat::custom(format));
				assert_eq!(text(format, raw), expected, "format {format}, account {raw:?}");
			}
		}
	}

	#[test]
	fn accounts_serialize_in_the_default_format() {
		let alice = AccountId32::new([0xd4; 32]);
		let mut json = Vec::new();
		account(&alice, &mut serde_json::Serializer::new(&mut json)).unwrap();
		assert_eq!(String::from_utf8(json).unwrap(), format!("\"{}\"", alice.to_ss58check()));
	}

	#[test]
	fn remembered_addresses_are_the_same_text_past_the_memo_capacity() {
		let written = |who: &AccountId32| {
			let mut json = Vec::new();
			account(who, &mut serde_json::Serializer::new(&mut json)).unwrap();
			String::from_utf8(json).unwrap()
		};
		let accounts: Vec<AccountId32> = (0..MEMO_CAPACITY as u32 + 3)
			.map(|i| {
				let mut raw = [0x5a; 32];
				raw[..4].copy_from_slice(&i.to_le_bytes());
				AccountId32::new(raw)
			})
			.collect();
		// Twice each: written, then remembered (or, past the capacity, written again).
		for _ in 0..2 {
			for who in &accounts {
				assert_eq!(written(who), format!("\"{}\"", who.to_ss58check()));
			}
		}
	}
}
