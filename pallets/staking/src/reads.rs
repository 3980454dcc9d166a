//! Reads of many hotkeys' values at once, for the metagraph: each storage key is built in one
//! buffer and each value read into another, so a value costs one hash and one storage call,
//! with nothing allocated per hotkey.

use alloc::vec::Vec;
use codec::{Decode, Encode};

/// The largest value read into the buffer; a larger one is read the usual way.
const VALUE_MAX: usize = 64;

/// The buffers, reused for every read.
pub(crate) struct Reader {
	account: Vec<u8>,
	key: Vec<u8>,
	value: [u8; VALUE_MAX],
}

/// What [`Reader::read`] found.
pub(crate) enum Found<V> {
	/// Nothing is stored under the key.
	Nothing,
	/// The decoded value.
	Value(V),
	/// A value larger than the buffer, or one that does not decode: the caller reads it with
	/// the map's own getter.
	Other,
}

impl Reader {
	/// Buffers for accounts of at most `account_len` encoded bytes.
	pub(crate) fn new(account_len: usize) -> Self {
		Self {
			account: Vec::with_capacity(account_len),
			key: Vec::with_capacity(32 + 16 + account_len),
			value: [0; VALUE_MAX],
		}
	}

	/// The value of `account` in the `Blake2_128Concat` map whose final prefix is `prefix`.
	pub(crate) fn read<V: Decode>(&mut self, prefix: &[u8; 32], account: &impl Encode) -> Found<V> {
		self.account.clear();
		account.encode_to(&mut self.account);
		self.key.clear();
		self.key.extend_from_slice(prefix);
		self.key.extend_from_slice(&sp_io::hashing::blake2_128(&self.account));
		self.key.extend_from_slice(&self.account);
		match sp_io::storage::read(&self.key, &mut self.value, 0) {
			None => Found::Nothing,
			Some(len) if len as usize <= VALUE_MAX => {
				match V::decode(&mut &self.value[..len as usize]) {
					Ok(value) => Found::Value(value),
					Err(_) => Found::Other,
				}
			},
			Some(_) => Found::Other,
		}
	}
}
