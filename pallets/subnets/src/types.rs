//! Data types of the subnets pallet: hyperparameters, the parameter enums taken by the setter
//! calls, endpoints and the lazily decaying price and lock states.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

pub use myelin_doors::{
	MaxUids, MAX_COMMIT_REVEAL_PERIOD, MAX_SUBNETS, MAX_TEMPO, MAX_UIDS, MAX_URL_LEN, MYL,
};

/// The lowest value root may give `max_allowed_uids`.
pub const MIN_ALLOWED_UIDS: u16 = 2;

/// The lowest value of `alpha_low` (about 0.025 of 65535).
pub const MIN_ALPHA_LOW: u16 = 1638;

/// The longest `immunity_period` an owner may set (root may set more): 50_400 blocks, a week of
/// 12 s blocks.
pub const MAX_OWNER_IMMUNITY_PERIOD: u32 = 50_400;

/// The highest value of `bonds_moving_average` (it is a fraction of 1_000_000).
pub const MAX_BONDS_MOVING_AVERAGE: u64 = 999_999;

/// The registration price of a new subnet: 1 MYL.
pub const INITIAL_BURN: u128 = MYL;

/// The registration price is multiplied by `BURN_GROWTH_NUMERATOR / BURN_GROWTH_DENOMINATOR`
/// (×1.26) after each registration.
pub const BURN_GROWTH_NUMERATOR: u128 = 126;
/// See [`BURN_GROWTH_NUMERATOR`].
pub const BURN_GROWTH_DENOMINATOR: u128 = 100;

/// Spec defaults of the values that are not per subnet.
pub mod defaults {
	use super::MYL;

	/// Default tempo of a new subnet (the dev chain overrides it to 10 in genesis).
	pub const TEMPO: u16 = myelin_doors::DEFAULT_TEMPO;
	/// Default `SubnetLimit`.
	pub const SUBNET_LIMIT: u16 = 32;
	/// Default network minimum lock: 100 MYL (the dev chain uses 1 MYL).
	pub const NETWORK_MIN_LOCK: u128 = 100 * MYL;
	/// Default `LockReductionInterval`, in blocks (two weeks of 12 s blocks).
	pub const LOCK_REDUCTION_INTERVAL: u32 = 100_800;
	/// Default `NetworkImmunityPeriod`, in blocks: a new subnet cannot be pruned for this
	/// long (two weeks of 12 s blocks).
	pub const NETWORK_IMMUNITY_PERIOD: u32 = 100_800;
	/// Default `min_burn`: 0.0005 MYL.
	pub const MIN_BURN: u128 = myelin_doors::DEFAULT_MIN_BURN;
	/// Default `max_burn`: 100 MYL.
	pub const MAX_BURN: u128 = myelin_doors::DEFAULT_MAX_BURN;
}

/// An axon URL: `http://` or `https://`, at most [`MAX_URL_LEN`] bytes.
pub type AxonUrl = BoundedVec<u8, ConstU32<MAX_URL_LEN>>;

/// Every hyperparameter of one subnet, stored as one value per netuid. Defined with the
/// runtime API types so the node and clients share it; see [`Hyperparameter`] for the bounds.
pub use myelin_doors::SubnetHyperparams;

/// One hyperparameter with its new value: the argument of `set_hyperparameter`.
///
/// Variants marked *root* may only be set by root; the others by the subnet owner or root.
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
pub enum Hyperparameter<Balance> {
	/// `tempo`, 1..=50_400 and not above `activity_cutoff`.
	Tempo(u16),
	/// `kappa` (root).
	Kappa(u16),
	/// `yuma_version`, 2 or 3.
	YumaVersion(u8),
	/// `bonds_moving_average`, ..=999_999.
	BondsMovingAverage(u64),
	/// `bonds_penalty`.
	BondsPenalty(u16),
	/// `liquid_alpha_enabled`.
	LiquidAlphaEnabled(bool),
	/// `alpha_low` and `alpha_high` together: `1638 ≤ low ≤ high`.
	AlphaValues {
		/// New `alpha_low`.
		low: u16,
		/// New `alpha_high`.
		high: u16,
	},
	/// `alpha_sigmoid_steepness`.
	AlphaSigmoidSteepness(u16),
	/// `max_allowed_uids` (root), 2..=4096, not below the current number of neurons,
	/// `max_allowed_validators` or `min_allowed_weights`.
	MaxAllowedUids(u16),
	/// `max_allowed_validators` (root), 1..=`max_allowed_uids`.
	MaxAllowedValidators(u16),
	/// `immunity_period`.
	ImmunityPeriod(u32),
	/// `activity_cutoff`, not below `tempo`.
	ActivityCutoff(u32),
	/// `weights_rate_limit`.
	WeightsRateLimit(u32),
	/// `min_allowed_weights`, ..=`max_allowed_uids`.
	MinAllowedWeights(u16),
	/// `max_weight_limit`.
	MaxWeightLimit(u16),
	/// `weights_version_key`.
	WeightsVersionKey(u64),
	/// `commit_reveal_enabled`.
	CommitRevealEnabled(bool),
	/// `commit_reveal_period`, 1..=100.
	CommitRevealPeriod(u32),
	/// `min_burn` (root), not above `max_burn`.
	MinBurn(Balance),
	/// `max_burn` (root), not below `min_burn`.
	MaxBurn(Balance),
	/// `burn_half_life` (root), at least 1.
	BurnHalfLife(u32),
	/// `registration_allowed`.
	RegistrationAllowed(bool),
	/// `serving_rate_limit`.
	ServingRateLimit(u32),
}

impl<Balance> Hyperparameter<Balance> {
	/// Whether only root may set this hyperparameter.
	pub fn is_root_only(&self) -> bool {
		matches!(
			self,
			Self::Kappa(_)
				| Self::MaxAllowedUids(_)
				| Self::MaxAllowedValidators(_)
				| Self::MinBurn(_)
				| Self::MaxBurn(_)
				| Self::BurnHalfLife(_)
		)
	}
}

/// One chain-wide value with its new value: the argument of `set_network_parameter` (root).
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
pub enum NetworkParameter<Balance> {
	/// Most subnets that may exist at once (0..=1024). Lowering it below the current count
	/// only refuses new registrations.
	SubnetLimit(u16),
	/// The lowest lock cost of `register_network`.
	NetworkMinLock(Balance),
	/// Blocks over which the lock cost decays back to the minimum (≥ 1).
	LockReductionInterval(u32),
	/// Blocks after its registration during which a subnet cannot be pruned.
	NetworkImmunityPeriod(u32),
}

/// The endpoint a neuron serves.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct AxonInfo<BlockNumber> {
	/// The URL, `http://…` or `https://…`.
	pub url: AxonUrl,
	/// The block of the last `serve_axon` (start of the serving rate limit).
	pub block: BlockNumber,
}

/// Uids per page of [`crate::NeuronPages`]: page `p` of a subnet holds the uids
/// `64·p .. 64·p + 63`.
pub const NEURON_PAGE: u16 = 64;

/// What a subnet keeps of one uid besides its hotkey: the coldkey owning the hotkey (a copy of
/// [`crate::HotkeyOwner`], which never changes) and the endpoint it serves.
#[derive(
	Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct NeuronEntry<AccountId, BlockNumber> {
	/// The coldkey owning the uid's hotkey.
	pub coldkey: AccountId,
	/// The endpoint the uid serves, if it ever called `serve_axon`.
	pub axon: Option<AxonInfo<BlockNumber>>,
}

/// One page of [`crate::NeuronPages`]: the entries of up to [`NEURON_PAGE`] consecutive uids.
pub type NeuronPage<AccountId, BlockNumber> =
	BoundedVec<NeuronEntry<AccountId, BlockNumber>, ConstU32<{ NEURON_PAGE as u32 }>>;

/// The registration price of a subnet, decaying lazily: the price at block `now` is
/// `base · 2^(−(now − since) / burn_half_life)`, clamped to `[min_burn, max_burn]`.
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
pub struct BurnState<Balance, BlockNumber> {
	/// The undecayed price at block `since`.
	pub base: Balance,
	/// The block from which `base` decays.
	pub since: BlockNumber,
}

/// The state of the network lock cost: the cost at block `now` is
/// `max(min_lock, 2·last_lock − 2·last_lock·(now − block)/LockReductionInterval)`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct LockState<Balance, BlockNumber> {
	/// The lock held by the last `register_network` (zero before the first).
	pub last_lock: Balance,
	/// The block of the last `register_network`.
	pub block: BlockNumber,
}

/// A subnet that exists from genesis (test networks, e.g. the stress chain). It holds no
/// lock; its neurons are registered at block 0 without a burn.
#[derive(Clone, PartialEq, Eq, Debug, frame_support::Serialize, frame_support::Deserialize)]
#[serde(crate = "frame_support::__private::serde", rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisSubnet<AccountId> {
	/// The coldkey owning the subnet.
	pub owner: AccountId,
	/// The neurons, uid by uid from 0, as `(coldkey, hotkey)`. Uid 0 is the subnet's owner
	/// hotkey. Each coldkey becomes its hotkey's owner (a hotkey owned by another coldkey is
	/// refused).
	pub neurons: alloc::vec::Vec<(AccountId, AccountId)>,
	/// The subnet's tempo (default: the chain's `default_tempo`).
	#[serde(default)]
	pub tempo: Option<u16>,
	/// `max_allowed_uids` (default: the hyperparameter's default, at least the neurons).
	#[serde(default)]
	pub max_allowed_uids: Option<u16>,
	/// `max_allowed_validators` (default: the hyperparameter's default).
	#[serde(default)]
	pub max_allowed_validators: Option<u16>,
}
