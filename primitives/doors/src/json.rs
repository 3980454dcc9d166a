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
