//! # Weights pallet
//!
//! The weight rows validators set on their subnet's miners, directly or by commit-reveal, and
//! the block of each uid's last update. The Yuma pallet reads them at every epoch (through
//! the [`WeightsSource`](myelin_doors::WeightsSource) door); the runtime API reads last
//! updates through [`Pallet::last_update`].
//!
//! ## Calls
//!
//! | index | call | signer |
//! |---|---|---|
//! | 0 | [`set_weights`](Pallet::set_weights) | a registered validator hotkey |
//! | 1 | [`commit_weights`](Pallet::commit_weights) | a registered validator hotkey |
//! | 2 | [`reveal_weights`](Pallet::reveal_weights) | the hotkey that committed |
//!
//! All three pay no fee (hotkeys usually hold no funds); the runtime's `CheckHotkeyCalls`
//! transaction extension refuses them in the pool unless they would succeed (see
//! [`pool_codes`]).
//!
//! ## Rows
//!
//! A row is stored as `(uid, weight)` pairs sorted by uid, **max-upscaled**: the largest
//! weight becomes 65535 and the others keep their proportion (rounded down). Rows are
//! bounded by the subnet's `max_allowed_uids`. Weights pointing at a uid whose current holder
//! registered after the row was set are ignored by the epoch (it compares `last_update` with
//! the uid's registration block).
//!
//! ## Commit-reveal
//!
//! With `commit_reveal_enabled`, a validator first commits
//! `blake2_256(SCALE(hotkey, netuid, uids, weights, salt, version_key))` and reveals the row
//! later. Epochs are the chain's real epochs of the subnet, as the Yuma pallet runs them
//! (staggered by netuid, deferred when a block is full), read through
//! [`Config::Epochs`] (see `myelin_doors::schedule`). A commit made in epoch `e` may be
//! revealed only during epoch `e + commit_reveal_period`; after that it expires and is dropped
//! (at the hotkey's next commit or reveal, or when the neuron leaves). At most
//! [`MAX_COMMITS`] commits per hotkey and subnet are outstanding.
//!
//! ## Guarantees
//!
//! - A refused call changes nothing.
//! - Rows exist only for registered uids, no row is longer than `max_allowed_uids`, and
//!   [`Entries`] counts every stored pair (checked by [`Pallet::do_try_state`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod benchmarking;
mod impl_traits;
mod internal;
pub mod migrations;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use frame_support::{traits::ConstU32, BoundedVec};

/// The most outstanding commits per hotkey and subnet.
pub const MAX_COMMITS: u32 = 10;

/// The longest salt `reveal_weights` takes, in `u16`s (it is hashed with the row).
pub const MAX_SALT_LEN: u32 = 32;

/// A stored weight row: `(uid, weight)` sorted by uid, max-upscaled.
pub type WeightRow = BoundedVec<(u16, u16), myelin_doors::MaxUids>;

/// An outstanding commit: the hash and the index of the subnet's epoch it was made in.
pub type Commit = (sp_core::H256, u64);

/// What the benchmarks need from the rest of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A subnet of `n` neurons whose uid 0 holds a validator permit: its netuid and the
	/// hotkey of uid 0.
	fn validator_subnet(n: u16) -> (u16, AccountId);
	/// Turn commit-reveal on for `netuid`.
	fn enable_commit_reveal(netuid: u16);
	/// Make `index` the current epoch of `netuid`.
	fn set_epoch(netuid: u16, index: u64);
}

/// The `InvalidTransaction::Custom` codes with which the runtime's `CheckHotkeyCalls`
/// transaction extension refuses a feeless weights call in the pool.
pub mod pool_codes {
	/// The signer is not registered on the subnet (or the subnet does not exist).
	pub const NOT_REGISTERED: u8 = 11;
	/// The signer set weights less than `weights_rate_limit` blocks ago.
	pub const RATE_LIMITED: u8 = 12;
	/// The signer holds no validator permit.
	pub const NO_PERMIT: u8 = 13;
	/// The row itself is refused (lengths, uids, minimum count, limit, version key).
	pub const INVALID_WEIGHTS: u8 = 14;
	/// `set_weights` with commit-reveal on, or a commit or reveal with it off.
	pub const WRONG_MODE: u8 = 15;
	/// A reveal matches no commit, or not in its reveal window; or too many commits.
	pub const BAD_COMMIT: u8 = 16;
	/// A reveal's salt is longer than [`MAX_SALT_LEN`](crate::MAX_SALT_LEN).
	pub const SALT_TOO_LONG: u8 = 17;
}

/// A weight row in a genesis config: `[[uid, weight], …]`, or for large rows the `0x` hex
/// of their SCALE encoding (`Vec<(u16, u16)>`). The node hands the whole genesis config to the
/// runtime pretty-printed, which spreads a JSON array over a line per number: a 4096-entry
/// row takes about 80 KB that way and 33 KB as hex, and a genesis state must stay below the
/// runtime's 32 MiB allocation limit.
#[derive(Clone, PartialEq, Eq, Debug, frame_support::Serialize, frame_support::Deserialize)]
#[serde(crate = "frame_support::__private::serde", untagged)]
pub enum GenesisRow {
	/// `(uid, weight)` pairs.
	Pairs(alloc::vec::Vec<(u16, u16)>),
	/// `0x` and the hex of the SCALE-encoded pairs.
	Scale(alloc::string::String),
}

impl GenesisRow {
	/// The pairs, or `None` for a hex string that is not the SCALE of `Vec<(u16, u16)>`.
	pub fn pairs(&self) -> Option<alloc::vec::Vec<(u16, u16)>> {
		match self {
			Self::Pairs(pairs) => Some(pairs.clone()),
			Self::Scale(hex) => {
				let hex = hex.strip_prefix("0x")?.as_bytes();
				if hex.len() % 2 != 0 {
					return None;
				}
				let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
				let bytes: Option<alloc::vec::Vec<u8>> = hex
					.chunks(2)
					.map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
					.collect();
				codec::Decode::decode(&mut &bytes?[..]).ok()
			},
		}
	}

	/// The hex form of `pairs`.
	pub fn scale(pairs: &[(u16, u16)]) -> Self {
		let bytes = codec::Encode::encode(pairs);
		let mut hex = alloc::string::String::with_capacity(2 + 2 * bytes.len());
		hex.push_str("0x");
		for byte in bytes {
			for nibble in [byte >> 4, byte & 0xf] {
				hex.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
			}
		}
		Self::Scale(hex)
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use myelin_doors::{EpochSchedule, SubnetsInterface, ValidatorPermits};
	use sp_core::H256;

	/// The in-code storage version. 1: commits record the epoch they were made in, not the
	/// block ([`crate::migrations::v1`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the weights pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Neurons and hyperparameters.
		type Subnets: SubnetsInterface<Self::AccountId, BlockNumberFor<Self>>;

		/// Validator permits (the Yuma pallet).
		type Permits: ValidatorPermits;

		/// The subnets' epochs, which open and close commit-reveal windows (the Yuma pallet).
		type Epochs: EpochSchedule;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up subnets and permits for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The weight row of each `(netuid, uid)`.
	#[pallet::storage]
	pub type Weights<T> =
		StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, WeightRow, OptionQuery>;

	/// The block of each `(netuid, uid)`'s last weight update.
	#[pallet::storage]
	pub type LastUpdate<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, BlockNumberFor<T>, OptionQuery>;

	/// The block of each `(netuid, uid)`'s last accepted commit (the rate limit of commits).
	#[pallet::storage]
	pub type LastCommit<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, BlockNumberFor<T>, OptionQuery>;

	/// The number of `(uid, weight)` pairs stored for each subnet (weighs its epoch).
	#[pallet::storage]
	pub type Entries<T> = StorageMap<_, Twox64Concat, u16, u32, ValueQuery>;

	/// Outstanding commits of each `(netuid, hotkey)`: `(hash, epoch committed in)`, oldest
	/// first.
	#[pallet::storage]
	pub type Commits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u16,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Commit, ConstU32<MAX_COMMITS>>,
		OptionQuery,
	>;

	/// Genesis: weight rows of genesis neurons (test networks, e.g. the stress chain).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(netuid, uid, row)`: the row of a genesis neuron, `(uid, weight)` pairs sorted by
		/// uid, to uids of the subnet ([`GenesisRow`]). Stored as is (no normalisation) and
		/// counted as set in block 1, after the genesis registrations of block 0, so the first
		/// epoch uses it.
		pub rows: Vec<(u16, u16, GenesisRow)>,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (netuid, uid, row) in &self.rows {
				let (netuid, uid) = (*netuid, *uid);
				let row = row.pairs().unwrap_or_else(|| {
					panic!("weights genesis: the row of {netuid}/{uid} is not valid hex SCALE")
				});
				let params = T::Subnets::hyperparams(netuid)
					.unwrap_or_else(|| panic!("weights genesis: subnet {netuid} does not exist"));
				let n = T::Subnets::n(netuid);
				assert!(uid < n, "weights genesis: uid {uid} of subnet {netuid} does not exist");
				assert!(
					row.windows(2).all(|w| w[0].0 < w[1].0) && row.iter().all(|(j, _)| *j < n),
					"weights genesis: the row of {netuid}/{uid} must be sorted, to uids below {n}",
				);
				assert!(
					row.len() <= usize::from(params.max_allowed_uids),
					"weights genesis: the row of {netuid}/{uid} is longer than max_allowed_uids",
				);
				let old = Weights::<T>::get(netuid, uid).map(|r| r.len() as u32).unwrap_or(0);
				Entries::<T>::mutate(netuid, |e| *e = *e - old + row.len() as u32);
				Weights::<T>::insert(netuid, uid, WeightRow::truncate_from(row));
				LastUpdate::<T>::insert(netuid, uid, BlockNumberFor::<T>::from(1u32));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `uid` of `netuid` set its weight row.
		WeightsSet { netuid: u16, uid: u16 },
		/// `uid` of `netuid` committed to a weight row.
		WeightsCommitted { netuid: u16, uid: u16, commit: H256 },
		/// `uid` of `netuid` revealed a committed weight row, which is now its row.
		WeightsRevealed { netuid: u16, uid: u16 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The subnet does not exist.
		SubnetNotFound,
		/// The signer is not registered on the subnet.
		HotkeyNotRegistered,
		/// The signer holds no validator permit on the subnet.
		NoValidatorPermit,
		/// `uids` and `weights` have different lengths.
		LengthMismatch,
		/// A uid appears twice in `uids`.
		DuplicateUid,
		/// A uid in `uids` is not a neuron of the subnet.
		UidNotFound,
		/// Fewer entries than the subnet's `min_allowed_weights`.
		TooFewWeights,
		/// Every weight is zero.
		AllWeightsZero,
		/// A weight, normalised to sum 65535, is above the subnet's `max_weight_limit`.
		WeightAboveLimit,
		/// `version_key` is below the subnet's `weights_version_key`.
		OutdatedVersionKey,
		/// The signer set weights less than `weights_rate_limit` blocks ago.
		SettingWeightsTooFast,
		/// Commit-reveal is on for this subnet: commit and reveal instead.
		CommitRevealEnabled,
		/// Commit-reveal is off for this subnet: use `set_weights`.
		CommitRevealDisabled,
		/// The hotkey already has `MAX_COMMITS` outstanding commits on this subnet.
		TooManyCommits,
		/// This commit is already outstanding.
		DuplicateCommit,
		/// No outstanding commit matches the revealed row (wrong salt, row or version key).
		NoMatchingCommit,
		/// The salt of a reveal is longer than 32 `u16`s.
		SaltTooLong,
		/// The matching commit's reveal window has not started yet.
		RevealTooEarly,
		/// The matching commit's reveal window has passed.
		RevealExpired,
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
		/// Set the signer's weight row on `netuid`: `weights[i]` on `uids[i]`.
		///
		/// Signer: a hotkey registered on `netuid` with a validator permit. No fee.
		///
		/// The row is stored max-upscaled (the largest weight becomes 65535), with the block
		/// as the uid's last update.
		///
		/// Errors, in the order checked: `SubnetNotFound`; `HotkeyNotRegistered`;
		/// `CommitRevealEnabled`; `SettingWeightsTooFast` (within `weights_rate_limit`);
		/// `NoValidatorPermit`; `OutdatedVersionKey`; `LengthMismatch`; `DuplicateUid`;
		/// `UidNotFound`; `TooFewWeights` (below `min_allowed_weights`); `AllWeightsZero`;
		/// `WeightAboveLimit` (a normalised weight above `max_weight_limit`).
		///
		/// Events: `WeightsSet { netuid, uid }`.
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::set_weights(uids.len() as u32), DispatchClass::Normal, Pays::No))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: u16,
			uids: Vec<u16>,
			weights: Vec<u16>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let uid = Self::ensure_can_set(netuid, &hotkey, false)?;
			let row = Self::checked_row(netuid, &uids, &weights, version_key)?;
			Self::store_row(netuid, uid, row);
			Self::deposit_event(Event::WeightsSet { netuid, uid });
			Ok(())
		}

		/// Commit to a weight row on `netuid` without revealing it.
		///
		/// Signer: a hotkey registered on `netuid` with a validator permit, at most once per
		/// `weights_rate_limit` blocks (as for `set_weights`). No fee. Only with
		/// `commit_reveal_enabled`.
		///
		/// `commit` is `blake2_256` of the SCALE encoding of `(hotkey: AccountId, netuid:
		/// u16, uids: Vec<u16>, weights: Vec<u16>, salt: Vec<u16>, version_key: u64)`. It can
		/// be revealed during the `commit_reveal_period`-th epoch of the subnet after this one
		/// (the chain's epochs, as `subnets_list` reports them in `epoch`). Expired commits of
		/// the signer are dropped.
		///
		/// Errors: `SubnetNotFound`; `HotkeyNotRegistered`; `CommitRevealDisabled`;
		/// `SettingWeightsTooFast` (within `weights_rate_limit` of its last commit);
		/// `NoValidatorPermit`; `DuplicateCommit`; `TooManyCommits`.
		///
		/// Events: `WeightsCommitted { netuid, uid, commit }`.
		#[pallet::call_index(1)]
		#[pallet::weight((T::WeightInfo::commit_weights(), DispatchClass::Normal, Pays::No))]
		pub fn commit_weights(origin: OriginFor<T>, netuid: u16, commit: H256) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let uid = Self::do_commit(netuid, &hotkey, commit)?;
			Self::deposit_event(Event::WeightsCommitted { netuid, uid, commit });
			Ok(())
		}

		/// Reveal a committed weight row; when it matches an outstanding commit in its reveal
		/// window, it is checked and stored as by `set_weights`.
		///
		/// Signer: the hotkey that committed. No fee. Only with `commit_reveal_enabled`.
		///
		/// Errors: `SaltTooLong` (more than 32 `u16`s); `SubnetNotFound`;
		/// `HotkeyNotRegistered`; `CommitRevealDisabled`; `NoMatchingCommit` (the hash of the arguments matches no commit: wrong salt, row or
		/// version key); `RevealTooEarly`; `RevealExpired`; then every row error of
		/// `set_weights`, and its `SettingWeightsTooFast` and `NoValidatorPermit`.
		///
		/// Events: `WeightsRevealed { netuid, uid }`.
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::reveal_weights(uids.len() as u32), DispatchClass::Normal, Pays::No))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: u16,
			uids: Vec<u16>,
			weights: Vec<u16>,
			salt: Vec<u16>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let uid = Self::do_reveal(netuid, &hotkey, &uids, &weights, &salt, version_key)?;
			Self::deposit_event(Event::WeightsRevealed { netuid, uid });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check the pallet's invariants (see the pallet docs).
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			internal::try_state::<T>()
		}

		/// The block of `uid`'s last accepted row on `netuid`, if it ever set one.
		pub fn last_update(netuid: u16, uid: u16) -> Option<BlockNumberFor<T>> {
			LastUpdate::<T>::get(netuid, uid)
		}
	}
}
