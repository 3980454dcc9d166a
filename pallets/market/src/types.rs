//! What the market stores: bonds, offers, jobs, leases, reputations.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

/// The longest job spec, in bytes (a URI or hash plus task parameters).
pub const MAX_SPEC_LEN: u32 = 1024;
/// The longest offer attributes, in bytes.
pub const MAX_ATTRIBUTES_LEN: u32 = 256;
/// The most open jobs and leases one provider may take at once.
pub const MAX_CAPACITY: u32 = 64;
/// The most attestations one job takes.
pub const MAX_ATTESTATIONS: u32 = 32;

/// A job's spec.
pub type Spec = BoundedVec<u8, ConstU32<MAX_SPEC_LEN>>;
/// An offer's attributes.
pub type Attributes = BoundedVec<u8, ConstU32<MAX_ATTRIBUTES_LEN>>;

/// A provider's bond on one subnet, held from `owner` (the hotkey's owner coldkey).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Bond<AccountId, Balance, BlockNumber> {
	/// The coldkey the bond is held from.
	pub owner: AccountId,
	/// Everything held for this bond, the unbonding chunk included.
	pub amount: Balance,
	/// What open jobs and leases require of it.
	pub committed: Balance,
	/// Leaving the bond: released by `withdraw_unbonded` from `unlock_at`.
	pub unbonding: Balance,
	/// When the unbonding chunk can be withdrawn.
	pub unlock_at: BlockNumber,
}

/// What a provider advertises on a subnet.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Offer<Balance> {
	/// Base units per unit of work.
	pub price_per_unit: Balance,
	/// The most open jobs and leases at once.
	pub capacity: u32,
	/// Free-form description (e.g. JSON: `{"gpu": "a100"}`).
	pub attributes: Attributes,
	/// Open jobs and leases now.
	pub open: u32,
}

/// One validator's verdict on a job's result.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Attestation<AccountId, Balance> {
	/// The validator's hotkey.
	pub validator: AccountId,
	/// Whether the result is accepted.
	pub approve: bool,
	/// The validator's total stake when it attested.
	pub stake: Balance,
}

/// Where a job stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum JobState<AccountId, Balance, BlockNumber> {
	/// Waiting for a provider, until the deadline.
	Posted,
	/// Taken by `provider`, which must submit a result by the deadline.
	Accepted {
		/// The provider's hotkey.
		provider: AccountId,
		/// The price per unit fixed at acceptance (the provider's offer then).
		price_per_unit: Balance,
		/// The bond the job commits.
		bond: Balance,
	},
	/// A result is in; validators attest until `attest_until`.
	Submitted {
		/// The provider's hotkey.
		provider: AccountId,
		/// The bond the job commits.
		bond: Balance,
		/// The hash of the result, which the provider serves off chain.
		result_hash: H256,
		/// Units of work claimed.
		units: u64,
		/// What the poster pays if the result is accepted: min(units × price, max_price).
		price: Balance,
		/// The last block attestations are taken in.
		attest_until: BlockNumber,
		/// Whether the poster disputed the result.
		disputed: bool,
	},
}

/// A job: escrowed by its poster until paid or refunded; removed once finalized.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Job<AccountId, Balance, BlockNumber> {
	/// The subnet whose miners may take it and whose validators verify it.
	pub netuid: u16,
	/// Who pays.
	pub poster: AccountId,
	/// The only provider that may take it, if named.
	pub named_provider: Option<AccountId>,
	/// What to compute.
	pub spec: Spec,
	/// The most the poster pays: held as escrow.
	pub max_price: Balance,
	/// Accepted and submitted by this block, or it times out.
	pub deadline: BlockNumber,
	/// The block it was posted in.
	pub posted_at: BlockNumber,
	/// Where it stands.
	pub state: JobState<AccountId, Balance, BlockNumber>,
	/// The verdicts so far (while submitted).
	pub attestations: BoundedVec<Attestation<AccountId, Balance>, ConstU32<MAX_ATTESTATIONS>>,
}

/// Where a lease stands.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum LeaseState<BlockNumber> {
	/// Opened, waiting for the provider to accept.
	Pending,
	/// Running: paid per block from `settled_at` on.
	Active,
	/// The deposit ran out at block `at`; a top-up within the grace resumes it.
	Paused {
		/// The block the deposit ran out.
		at: BlockNumber,
	},
}

/// A lease: a user pays a provider per block from a deposit held from the user.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Lease<AccountId, Balance, BlockNumber> {
	/// The provider's subnet.
	pub netuid: u16,
	/// Who pays.
	pub user: AccountId,
	/// The provider's hotkey.
	pub provider: AccountId,
	/// Base units per block.
	pub rate_per_block: Balance,
	/// What is left of the deposit (held from the user).
	pub deposit: Balance,
	/// Paid up to this block.
	pub settled_at: BlockNumber,
	/// The bond the lease commits (once accepted).
	pub bond: Balance,
	/// Paid to the provider so far, take included.
	pub paid: Balance,
	/// Where it stands.
	pub state: LeaseState<BlockNumber>,
}

/// A provider's track record.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Reputation<Balance> {
	/// Jobs paid.
	pub completed: u32,
	/// Jobs rejected by the validators.
	pub rejected: u32,
	/// Times its bond was slashed (rejections and missed deadlines).
	pub slashed: u32,
	/// Everything slashed from its bond.
	pub slashed_amount: Balance,
	/// A moving score in parts per million: each outcome moves it a tenth of the way to
	/// 1_000_000 (paid) or 0 (rejected, timed out). Starts at 500_000.
	pub score: u32,
}

impl<Balance: Default> Default for Reputation<Balance> {
	fn default() -> Self {
		Self {
			completed: 0,
			rejected: 0,
			slashed: 0,
			slashed_amount: Balance::default(),
			score: 500_000,
		}
	}
}

impl<Balance> Reputation<Balance> {
	/// Moves the score a tenth of the way to 1_000_000 (`good`) or 0.
	pub fn record(&mut self, good: bool) {
		let target: u64 = if good { 1_000_000 } else { 0 };
		let score = (u64::from(self.score) * 9 + target) / 10;
		self.score = score as u32;
	}
}

/// Why an escrow went back to the poster in full.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum RefundReason {
	/// Nobody accepted it by the deadline.
	NotAccepted,
	/// The provider submitted no result by the deadline.
	NoResult,
	/// The poster disputed it and no validator attested.
	DisputedUnverified,
}
