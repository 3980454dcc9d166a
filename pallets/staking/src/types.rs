//! Data types of the staking pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

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

/// A take increase announced by a hotkey's owner and not applied yet: from block
/// `effective_at` on, dividends pay `take` to the owner. Until then the hotkey's stored take
/// ([`crate::Takes`]) is in force, so stakers can leave before the increase reaches them.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PendingTake<BlockNumber> {
	/// The announced take, above the one in force and at most 18%.
	pub take: Perbill,
	/// The first block at which `take` is in force.
	pub effective_at: BlockNumber,
}

impl<BlockNumber: PartialOrd> PendingTake<BlockNumber> {
	/// Whether the announced take is in force at block `now`.
	pub fn is_in_force(&self, now: &BlockNumber) -> bool {
		*now >= self.effective_at
	}

	/// The take in force at block `now` and the increase still announced, given what is
	/// `announced` (if anything) and the `stored` take, read only when it is the one in force.
	pub fn takes_now(
		announced: Option<Self>,
		now: &BlockNumber,
		stored: impl FnOnce() -> Perbill,
	) -> (Perbill, Option<Self>) {
		match announced {
			Some(announced) if announced.is_in_force(now) => (announced.take, None),
			announced => (stored(), announced),
		}
	}
}

/// Stake a coldkey added to a hotkey less than `StakeWarmup` blocks ago: the shares it bought
/// and what it paid for them. Until `until`, whatever those shares gained is forfeited when
/// the coldkey removes or moves stake from the hotkey: stake added just before an epoch and
/// taken out after it earns nothing.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct WarmingStake<Balance, BlockNumber> {
	/// The shares bought while warming.
	pub shares: u128,
	/// What they cost.
	pub paid: Balance,
	/// The first block at which they keep what they gained.
	pub until: BlockNumber,
}
