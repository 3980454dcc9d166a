//! # Root pallet
//!
//! Root consensus decides each subnet's share of the block emission. A bounded set of root
//! validators (hotkeys, ranked by their total stake) each set one weight row over subnets;
//! every `root_tempo` blocks a root epoch runs the Yuma crate over the root matrix (root
//! validators × subnets, with their total stake and `kappa` clipping), and the incentive of
//! each subnet becomes its **emission share** until the next root epoch.
//!
//! ## Calls
//!
//! | index | call | signer |
//! |---|---|---|
//! | 0 | [`register`](Pallet::register) | the coldkey owning the hotkey |
//! | 1 | [`set_weights`](Pallet::set_weights) | a root validator's hotkey (feeless) |
//! | 2 | [`set_root_parameter`](Pallet::set_root_parameter) | root |
//!
//! `set_weights` pays no fee; the runtime's `CheckHotkeyCalls` transaction extension refuses
//! it in the pool unless it would succeed (see [`pool_codes`]), and its rate limit (at least
//! one block) lets each root validator into at most one block in `weights_rate_limit`.
//!
//! ## Shares
//!
//! The last root epoch's incentive is kept per netuid ([`Incentives`]); a subnet's share is its
//! incentive over the sum of the incentives of every existing subnet, in parts per billion,
//! rounded by largest remainder so that the shares of existing subnets always sum to exactly
//! one billion. Until any existing subnet has incentive (no root epoch yet, or no root
//! weights), every subnet gets an equal share. A subnet registered after the last root epoch
//! has share 0 until the next one; a dissolved subnet's incentive is removed at once, so the
//! others' shares grow.
//!
//! Weights set on a netuid before the subnet now holding it was registered are ignored by the
//! root epoch (it compares each row's last update with the subnet's registration block), so a
//! row never carries over to a new subnet that reuses a netuid.
//!
//! ## Guarantees
//!
//! - A refused call changes nothing.
//! - At most [`MaxValidators`] ≤ [`MAX_ROOT_VALIDATORS`] root validators, no duplicates, and
//!   rows only for root validators; incentives only for existing subnets; the shares of the
//!   existing subnets sum to exactly one billion (checked by [`Pallet::do_try_state`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod benchmarking;
mod impl_traits;
mod internal;
mod types;
pub mod weights;

pub use internal::{MemberOf, RowOf};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// The hard bound of [`MaxValidators`].
pub const MAX_ROOT_VALIDATORS: u16 = 256;

/// The `InvalidTransaction::Custom` codes with which the runtime's `CheckHotkeyCalls`
/// transaction extension refuses a feeless `root.set_weights` in the pool.
pub mod pool_codes {
	/// The signer is not a root validator.
	pub const NOT_ROOT_VALIDATOR: u8 = 21;
	/// The signer set root weights less than `weights_rate_limit` blocks ago.
	pub const RATE_LIMITED: u8 = 22;
	/// The row itself is refused (lengths differ, an unknown or duplicate netuid).
	pub const INVALID_WEIGHTS: u8 = 23;
}

/// Defaults of the root parameters.
pub mod defaults {
	/// Root validators at most.
	pub const MAX_VALIDATORS: u16 = 64;
	/// Blocks between two root epochs.
	pub const TEMPO: u16 = 360;
	/// Blocks between two `set_weights` of one root validator.
	pub const WEIGHTS_RATE_LIMIT: u32 = 100;
	/// Consensus majority, as a fraction of 65535 of the active root stake.
	pub const KAPPA: u16 = 32_767;
	/// A root validator whose last row is older than this many blocks counts for nothing.
	pub const ACTIVITY_CUTOFF: u32 = 5_000;
}

/// What the benchmarks need from the rest of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// `count` hotkeys owned by `coldkey`, each with `stake` base units of total stake (the
	/// stake grows with the index when `rising`).
	fn hotkeys(coldkey: &AccountId, count: u32, rising: bool) -> alloc::vec::Vec<AccountId>;
	/// Subnets until `count` exist; returns every netuid.
	fn subnets(count: u32) -> alloc::vec::Vec<u16>;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ConstU16};
	use frame_system::pallet_prelude::*;
	use myelin_doors::{StakeInfo, SubnetsInterface, MAX_SUBNETS};

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the root pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Subnets, their registration blocks, and hotkey owners.
		type Subnets: SubnetsInterface<Self::AccountId, BlockNumberFor<Self>>;

		/// Total stake of each hotkey (the Staking pallet).
		type Stake: StakeInfo<
			Self::AccountId,
			Balance: sp_runtime::traits::UniqueSaturatedInto<u64>,
		>;

		/// Weights of this pallet's calls and of the root epoch.
		type WeightInfo: WeightInfo;

		/// Sets up hotkeys and subnets for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The root validators with the block each joined, in joining order.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<
		_,
		BoundedVec<
			RootValidator<T::AccountId, BlockNumberFor<T>>,
			ConstU32<{ MAX_ROOT_VALIDATORS as u32 }>,
		>,
		ValueQuery,
	>;

	/// Each root validator's row over subnets and the block it was set.
	#[pallet::storage]
	pub type Rows<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RootRow<BlockNumberFor<T>>, OptionQuery>;

	/// The incentive of each subnet at the last root epoch, `(netuid, incentive / 65535)`
	/// ascending by netuid: what the emission shares are computed from.
	#[pallet::storage]
	pub type Incentives<T> =
		StorageValue<_, BoundedVec<(u16, u16), ConstU32<{ MAX_SUBNETS as u32 }>>, ValueQuery>;

	/// The block of the last root epoch (0 before the first).
	#[pallet::storage]
	pub type LastRootEpoch<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Root validators at most (root-settable, 1..=256, default 64).
	#[pallet::storage]
	pub type MaxValidators<T> =
		StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::MAX_VALIDATORS }>>;

	/// Blocks between two root epochs (root-settable, 1..=50_400, default 360; dev 10).
	#[pallet::storage]
	pub type Tempo<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::TEMPO }>>;

	/// Blocks between two `set_weights` of one root validator (root-settable, ≥ 1, default
	/// 100).
	#[pallet::storage]
	pub type WeightsRateLimit<T> =
		StorageValue<_, u32, ValueQuery, ConstU32<{ defaults::WEIGHTS_RATE_LIMIT }>>;

	/// The root epoch's consensus majority, `kappa / 65535` of the active root stake
	/// (root-settable, default 32_767).
	#[pallet::storage]
	pub type Kappa<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::KAPPA }>>;

	/// Rows older than this many blocks count for nothing at the root epoch (root-settable,
	/// at least the tempo, default 5000).
	#[pallet::storage]
	pub type ActivityCutoff<T> =
		StorageValue<_, u32, ValueQuery, ConstU32<{ defaults::ACTIVITY_CUTOFF }>>;

	/// Genesis values of the root parameters.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks between two root epochs (default 360; dev 10).
		pub tempo: Option<u16>,
		/// Root validators at most (default 64).
		pub max_validators: Option<u16>,
		/// Blocks between two `set_weights` of one root validator (default 100).
		pub weights_rate_limit: Option<u32>,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let params = [
				self.tempo.map(RootParameter::Tempo),
				self.max_validators.map(RootParameter::MaxValidators),
				self.weights_rate_limit.map(RootParameter::WeightsRateLimit),
			];
			for param in params.into_iter().flatten() {
				if let Err(e) = Pallet::<T>::apply_parameter(param) {
					panic!("root genesis: {param:?} refused: {e:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `hotkey` joined the root validators.
		RootValidatorAdded { hotkey: T::AccountId },
		/// The root validators were full: `added` (more total stake) replaced `removed` (the
		/// least), whose row is gone.
		RootValidatorReplaced { removed: T::AccountId, added: T::AccountId },
		/// A root validator set its row over subnets.
		RootWeightsSet { hotkey: T::AccountId },
		/// A root epoch ran at `block`; `shares` is every existing subnet's new emission share,
		/// `(netuid, parts per billion)`.
		RootEpochCompleted { block: BlockNumberFor<T>, shares: Vec<(u16, u32)> },
		/// The root epoch at `block` failed (the shares stay as they were); `error` names the
		/// input the Yuma crate refused.
		RootEpochFailed { block: BlockNumberFor<T>, error: Vec<u8> },
		/// Root set a root parameter.
		RootParameterSet { param: RootParameter },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not the coldkey owning the hotkey (a hotkey gets its owner at its first
		/// registration on a subnet).
		NotHotkeyOwner,
		/// The hotkey is already a root validator.
		AlreadyRootValidator,
		/// The root validators are full and the hotkey's total stake is not above the least
		/// staked member's.
		StakeTooLowForRoot,
		/// The signing hotkey is not a root validator.
		NotRootValidator,
		/// `netuids` and `weights` differ in length.
		LengthMismatch,
		/// A netuid in the row is not an existing subnet.
		UnknownNetuid,
		/// A netuid appears twice in the row.
		DuplicateNetuid,
		/// The signer set root weights less than `weights_rate_limit` blocks ago.
		SettingWeightsTooFast,
		/// `max_validators` must be in 1..=256.
		MaxValidatorsOutOfBounds,
		/// `max_validators` may not be below the current number of root validators.
		MaxValidatorsBelowCount,
		/// `tempo` must be in 1..=50_400.
		TempoOutOfBounds,
		/// `weights_rate_limit` must be at least 1.
		WeightsRateLimitZero,
		/// `activity_cutoff` may not be below `tempo`.
		ActivityCutoffBelowTempo,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Make `hotkey` a root validator.
		///
		/// Signer: the coldkey owning `hotkey`.
		///
		/// The hotkey joins the root validators. When they are full (`max_validators`), it
		/// replaces the member with the least total stake (ties: the later joiner) if its own
		/// total stake is higher; that member's row is removed.
		///
		/// Errors: `NotHotkeyOwner`; `AlreadyRootValidator`; `StakeTooLowForRoot` when full and
		/// the hotkey has no more stake than the least staked member.
		///
		/// Events: `RootValidatorAdded { hotkey }`, or `RootValidatorReplaced { removed, added }`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(u32::from(MAX_ROOT_VALIDATORS)))]
		pub fn register(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			ensure!(
				T::Subnets::hotkey_owner(&hotkey).as_ref() == Some(&coldkey),
				Error::<T>::NotHotkeyOwner
			);
			let members = Self::do_register(hotkey)?;
			Ok(Some(T::WeightInfo::register(members)).into())
		}

		/// Set the signer's row over subnets: `weights[i]` on `netuids[i]`.
		///
		/// Signer: a root validator's hotkey. Pays no fee; refused in the pool unless it
		/// would succeed.
		///
		/// Replaces the signer's row (zero weights are dropped; an all-zero row withdraws its
		/// influence). Only the proportions matter: the root epoch normalises each row.
		///
		/// Errors: `NotRootValidator`; `LengthMismatch`; `SettingWeightsTooFast` within
		/// `weights_rate_limit` blocks of the signer's last row; `UnknownNetuid`;
		/// `DuplicateNetuid`.
		///
		/// Events: `RootWeightsSet { hotkey }`.
		#[pallet::call_index(1)]
		#[pallet::weight((T::WeightInfo::set_weights(netuids.len() as u32), DispatchClass::Normal, Pays::No))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuids: Vec<u16>,
			weights: Vec<u16>,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let row = Self::checked_row(&hotkey, &netuids, &weights)?;
			let now = frame_system::Pallet::<T>::block_number();
			Rows::<T>::insert(&hotkey, RootRow { weights: row, last_update: now });
			Self::deposit_event(Event::RootWeightsSet { hotkey });
			Ok(())
		}

		/// Set one root parameter.
		///
		/// Signer: root.
		///
		/// Errors: `MaxValidatorsOutOfBounds` (1..=256); `MaxValidatorsBelowCount`;
		/// `TempoOutOfBounds` (1..=50_400); `WeightsRateLimitZero`; `ActivityCutoffBelowTempo`
		/// (for a new cutoff below the tempo, or a new tempo above the cutoff).
		///
		/// Events: `RootParameterSet { param }`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_root_parameter())]
		pub fn set_root_parameter(origin: OriginFor<T>, param: RootParameter) -> DispatchResult {
			ensure_root(origin)?;
			Self::apply_parameter(param)?;
			Self::deposit_event(Event::RootParameterSet { param });
			Ok(())
		}
	}
}
