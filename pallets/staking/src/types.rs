//! Data types of the staking pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The stake pool of one hotkey: everything staked to it and the shares that divide it.
///
/// A staker owns `shares` of the pool; the stake they can withdraw is
/// `shares · stake / total shares`, rounded down. Rewards raise `stake` without issuing
/// shares, so a dividend reaches every staker of the hotkey in O(1).
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Pool<Balance> {
	/// Everything staked to the hotkey, rewards included, in base units.
	pub stake: Balance,
	/// The shares issued to its stakers.
	pub shares: u128,
}

/// The stake of one coldkey on one hotkey.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Position<Balance> {
	/// The coldkey's shares of the hotkey's pool.
	pub shares: u128,
	/// What is held from the coldkey's balance for this position. It equals the position's
	/// value after each of the coldkey's calls; rewards paid since then wait in the pallet's
	/// reward pot and are moved into the hold at the coldkey's next call (settlement).
	pub held: Balance,
}
