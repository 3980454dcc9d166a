//! The root pallet's stored types and its parameter enum.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use myelin_doors::MAX_SUBNETS;
use scale_info::TypeInfo;

/// One root validator: its hotkey and the block it joined (the root epoch's "registration
/// block" of its row).
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct RootValidator<AccountId, BlockNumber> {
	/// The hotkey.
	pub hotkey: AccountId,
	/// The block at which it joined.
	pub joined: BlockNumber,
}

/// A root validator's row: `(netuid, weight)` sorted by netuid, no zeros, and its block.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct RootRow<BlockNumber> {
	/// The weights.
	pub weights: BoundedVec<(u16, u16), ConstU32<{ MAX_SUBNETS as u32 }>>,
	/// The block it was set.
	pub last_update: BlockNumber,
}

/// A root parameter, as `set_root_parameter` takes it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum RootParameter {
	/// Root validators at most, 1..=256 and not below the current count.
	#[codec(index = 0)]
	MaxValidators(u16),
	/// Blocks between two root epochs, 1..=50_400 and at most `activity_cutoff`.
	#[codec(index = 1)]
	Tempo(u16),
	/// Blocks between two `set_weights` of one root validator, at least 1.
	#[codec(index = 2)]
	WeightsRateLimit(u32),
	/// The consensus majority, `kappa / 65535` of the active root stake.
	#[codec(index = 3)]
	Kappa(u16),
	/// Rows older than this many blocks count for nothing; at least `tempo`.
	#[codec(index = 4)]
	ActivityCutoff(u32),
}
