//! # Staking pallet
//!
//! Stake, delegation, take and reward payouts that scale with the number of nominators.
//!
//! ## Terminology
//!
//! - **Stake**: funds a coldkey assigns to a hotkey. A hotkey's stake counts on every subnet
//!   where it is registered; Yuma weighs validators by it.
//! - **Owner**: the coldkey owning a hotkey (decided by the Subnets pallet, read through
//!   [`Config::HotkeyOwners`]). Staking to a hotkey nobody owns is refused.
//! - **Nominator**: any coldkey staking to a hotkey it does not own.
//! - **Take**: the share of a hotkey's dividends kept by its owner before the stakers are
//!   paid; 0..=18% ([`MAX_TAKE`]), 18% by default. A decrease applies at once; an increase is
//!   announced and applies [`TakeIncreaseDelay`] blocks later (see "Take changes" below).
//! - **Pool**: per hotkey, the total stake and the shares dividing it ([`Pool`]). A staker owns
//!   shares ([`Position`]); its stake is `shares · pool stake / pool shares`, rounded down.
//!
//! ## Where the money is: holds plus a reward pot
//!
//! Stake stays in the staker's own account, **held** under [`HoldReason::Staked`]: wallets
//! show it as the coldkey's held balance, it still counts in the total issuance, and nothing
//! can spend it. A hold was chosen over moving stake to a pallet account because the funds
//! then stay visibly the staker's, and a broken invariant can never mix one staker's funds
//! with another's.
//!
//! Rewards are the exception, because paying thousands of nominators one by one would be
//! O(nominators). A reward is minted into the pallet's **reward pot** account (derived from
//! [`Config::PalletId`], kept alive by its existential deposit) and raises the pool's stake
//! without issuing shares: every staker's stake grows in proportion, in O(1). At a staker's
//! next call (`add_stake`, `remove_stake`, `move_stake`) its position is **settled**: the
//! difference between its value and what is held for it moves from the pot into its hold.
//! Hence, at all times,
//!
//! `Σ pool stake = TotalStake = Σ held for staking + (pot balance − existential deposit − donations)`,
//!
//! checked by [`Pallet::do_try_state`] as `TotalStake ≤ Σ held + pot balance − existential
//! deposit`: anyone may transfer into the pot (a donation, owed to nobody), never out of it.
//!
//! ## Rounding
//!
//! Deposits buy shares rounded down, withdrawals burn shares rounded up and values round
//! down, so the price of a share never falls and no staker can withdraw more than the pool
//! holds. What rounding takes from a staker stays in its pool (shared by its stakers, and
//! paid in full to the last one to leave); it is never created nor lost. A withdrawal that
//! would leave a position worth less than one unit withdraws all of it.
//!
//! ## Calls
//!
//! | index | call | signer |
//! |---|---|---|
//! | 0 | [`add_stake`](Pallet::add_stake) | coldkey |
//! | 1 | [`remove_stake`](Pallet::remove_stake) | coldkey |
//! | 2 | [`move_stake`](Pallet::move_stake) | coldkey |
//! | 3 | [`set_take`](Pallet::set_take) | the hotkey's owner coldkey |
//! | 4 | [`set_take_rate_limit`](Pallet::set_take_rate_limit) | root |
//! | 5 | [`set_take_increase_delay`](Pallet::set_take_increase_delay) | root |
//!
//! ## Take changes
//!
//! A take increase never reaches stakers unannounced. Otherwise an owner could advertise a 0%
//! take, attract stakers, and raise it to 18% just before an epoch pays dividends.
//!
//! - A decrease, or the same take, applies at once ([`Event::TakeSet`]) and withdraws any
//!   announced increase.
//! - An increase is only announced: it is stored in [`PendingTakes`] with
//!   `effective_at = now + TakeIncreaseDelay` ([`Event::TakeIncreaseAnnounced`]), and the
//!   take in force stays the same until that block. A new announcement replaces the previous
//!   one and starts the delay again. Two announcements are at least [`TakeRateLimit`] blocks
//!   apart ([`LastTakeIncrease`] records the last one); a hotkey's first is not rate-limited
//!   but is delayed like any other.
//! - From `effective_at` on, dividends pay the announced take. Nothing runs at that block:
//!   every reader goes through [`Pallet::effective_take`], and the owner's next `set_take`
//!   moves the announced take into [`Takes`].
//!
//! Dividends are paid with the take in force when they are paid. Yuma pays an epoch's
//! dividends lazily (usually in the epoch's own block), and every staking call settles the
//! hotkey first, so a staker who leaves before `effective_at` is paid everything earned
//! until then under the old take.
//!
//! ## Rewards
//!
//! The Yuma pallet pays through [`StakingRewards`]: `credit_incentive` (a miner's incentive
//! becomes its owner's stake on the hotkey), `pay_dividend` (take to the owner, the rest to
//! all stakers pro rata), `pay_owner_cut` (free balance of the subnet owner). Each is O(1).
//!
//! Yuma pays lazily: an epoch records what each uid earned and the payouts follow with spare
//! block weight ([`Config::PendingRewards`]). Every call that changes a hotkey's pool
//! (`add_stake`, `remove_stake`, `move_stake` on both hotkeys, `set_take`) first settles what
//! is owed to that hotkey, so a staker who joins after an epoch never shares in its rewards,
//! and one who leaves takes them along. The call is charged for the largest settlement and
//! refunded to what it used.
//!
//! ## Guarantees
//!
//! - A refused call changes nothing.
//! - Total issuance changes only by what the reward functions mint.
//! - Per hotkey, the stakers' shares sum to the pool's shares; the stakers' values sum to at
//!   most the pool's stake.
//! - A take increase is in force no sooner than [`TakeIncreaseDelay`] blocks after it was
//!   announced, and stakers can read it meanwhile ([`Pallet::pending_take_of`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod benchmarking;
mod impl_traits;
mod internal;
#[cfg(test)]
mod mock;
mod reads;
pub mod shares;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use myelin_doors::{HotkeyOwners, PendingRewards, StakeInfo, StakingRewards};
pub use pallet::*;
pub use types::{PendingTake, Pool, Position, WarmingStake};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::traits::fungible;
use sp_runtime::Perbill;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::staking";

/// The highest take: 18%.
pub const MAX_TAKE: Perbill = Perbill::from_percent(18);

/// Default of `TakeRateLimit`: 216_000 blocks.
pub const DEFAULT_TAKE_RATE_LIMIT: u32 = 216_000;

/// Default of `TakeIncreaseDelay`: 7200 blocks (12 hours of 6-second blocks, 20 default
/// tempos).
pub const DEFAULT_TAKE_INCREASE_DELAY: u32 = 7_200;

/// Default of `StakeWarmup`: 720 blocks, two default tempos.
pub const DEFAULT_STAKE_WARMUP: u32 = 720;

/// The balance type of the currency stake is held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the staking pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency stake is held in and rewards are minted in.
		type Currency: Inspect<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who owns each hotkey (the Subnets pallet).
		type HotkeyOwners: HotkeyOwners<Self::AccountId>;

		/// Rewards owed but not paid yet (the Yuma pallet), settled before a hotkey's pool
		/// changes.
		type PendingRewards: PendingRewards<Self::AccountId>;

		/// The id the reward pot account is derived from.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Weights of this pallet's calls and reward functions.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Stake, held from the staking coldkey.
		#[codec(index = 0)]
		Staked,
	}

	/// Default of [`Takes`]: the highest take, 18%.
	#[pallet::type_value]
	pub fn DefaultTake() -> Perbill {
		MAX_TAKE
	}

	/// The stake pool of each hotkey that has stake.
	#[pallet::storage]
	pub type Pools<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Pool<BalanceOf<T>>, OptionQuery>;

	/// The position of each coldkey on each hotkey: `(hotkey, coldkey) → position`, so a
	/// hotkey's stakers can be listed.
	#[pallet::storage]
	pub type Stakes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Position<BalanceOf<T>>,
		OptionQuery,
	>;

	/// The sum of every pool's stake.
	#[pallet::storage]
	pub type TotalStake<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The take of each hotkey (18% when never set). It is in force unless the hotkey has an
	/// announced increase in [`PendingTakes`] whose `effective_at` has come: that one is in
	/// force then (read both through [`Pallet::effective_take`]).
	#[pallet::storage]
	pub type Takes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Perbill, ValueQuery, DefaultTake>;

	/// The announced take increase of each hotkey that has one: `{ take, effective_at }`, the
	/// new take and the first block at which dividends pay it. Removed when the owner sets a
	/// take at or below the one in force; moved into [`Takes`] at the owner's next `set_take`
	/// once `effective_at` has come.
	#[pallet::storage]
	pub type PendingTakes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PendingTake<BlockNumberFor<T>>, OptionQuery>;

	/// The block of each hotkey's last take increase announcement.
	#[pallet::storage]
	pub type LastTakeIncrease<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	/// Blocks that must pass between two take increase announcements of a hotkey
	/// (root-settable, default 216_000).
	#[pallet::storage]
	pub type TakeRateLimit<T> = StorageValue<_, u32, ValueQuery, ConstU32<DEFAULT_TAKE_RATE_LIMIT>>;

	/// Blocks between the announcement of a take increase and the block it is in force from
	/// (root-settable, at least 1, default 7200).
	#[pallet::storage]
	pub type TakeIncreaseDelay<T> =
		StorageValue<_, u32, ValueQuery, ConstU32<DEFAULT_TAKE_INCREASE_DELAY>>;

	/// Blocks during which stake added to a hotkey keeps nothing it gains if it leaves:
	/// whatever its shares gained is forfeited by `remove_stake` or `move_stake` from the
	/// hotkey before then (set in genesis, default 720; dev 20, two dev tempos; 0 disables
	/// it).
	#[pallet::storage]
	pub type StakeWarmup<T> = StorageValue<_, u32, ValueQuery, ConstU32<DEFAULT_STAKE_WARMUP>>;

	/// Stake still warming up, per (hotkey, coldkey): see [`WarmingStake`].
	#[pallet::storage]
	pub type Warming<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		WarmingStake<BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Genesis: the take rate limit, the take increase delay, the stake warm-up and initial
	/// stake (which does not warm up). The reward pot receives its existential deposit.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Blocks between two take increases of a hotkey (default 216_000).
		pub take_rate_limit: u32,
		/// Blocks between a take increase's announcement and the block it is in force from
		/// (default 7200; at least 1).
		pub take_increase_delay: u32,
		/// Blocks stake added to a hotkey warms up (default 720).
		pub stake_warmup: u32,
		/// `(coldkey, hotkey, amount)`: stake held from `coldkey`'s genesis balance, as
		/// `add_stake` would (the hotkey must be owned: a genesis neuron's).
		pub stakes: Vec<(T::AccountId, T::AccountId, BalanceOf<T>)>,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				take_rate_limit: DEFAULT_TAKE_RATE_LIMIT,
				take_increase_delay: DEFAULT_TAKE_INCREASE_DELAY,
				stake_warmup: DEFAULT_STAKE_WARMUP,
				stakes: Vec::new(),
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.take_increase_delay >= 1,
				"staking genesis: take_increase_delay must be at least 1",
			);
			TakeRateLimit::<T>::put(self.take_rate_limit);
			TakeIncreaseDelay::<T>::put(self.take_increase_delay);
			StakeWarmup::<T>::put(self.stake_warmup);
			Pallet::<T>::ensure_pot_exists();
			for (coldkey, hotkey, amount) in &self.stakes {
				if let Err(error) =
					Pallet::<T>::do_add_stake(coldkey.clone(), hotkey.clone(), *amount)
				{
					panic!("staking genesis: stake of {amount:?} on {hotkey:?}: {error:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `coldkey` staked `amount` to `hotkey`; its stake on `hotkey` is now `stake`.
		StakeAdded {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
			stake: BalanceOf<T>,
		},
		/// `coldkey` withdrew `amount` from `hotkey` to its free balance; its stake on
		/// `hotkey` is now `stake`.
		StakeRemoved {
			coldkey: T::AccountId,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
			stake: BalanceOf<T>,
		},
		/// `coldkey` moved `amount` of stake from `from_hotkey` to `to_hotkey`.
		StakeMoved {
			coldkey: T::AccountId,
			from_hotkey: T::AccountId,
			to_hotkey: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The take of `hotkey` is now `take` (a decrease or the same take, in force at
		/// once). Any increase announced for `hotkey` is withdrawn.
		TakeSet { hotkey: T::AccountId, take: Perbill },
		/// A dividend of `take + to_stakers` was paid to `hotkey`: `take` to its owner
		/// `owner` as stake, `to_stakers` to all its stakers pro rata.
		DividendPaid {
			hotkey: T::AccountId,
			owner: T::AccountId,
			take: BalanceOf<T>,
			to_stakers: BalanceOf<T>,
		},
		/// Root set `TakeRateLimit`.
		TakeRateLimitSet { blocks: u32 },
		/// Root set `TakeIncreaseDelay`: take increases announced from now on are in force
		/// `blocks` blocks after their announcement (those already announced keep their
		/// `effective_at`).
		TakeIncreaseDelaySet { blocks: u32 },
		/// The owner of `hotkey` announced a take increase to `take`. The take in force does
		/// not change until block `effective_at`; from that block on, dividends pay `take`.
		/// Replaces any earlier announcement for `hotkey`.
		TakeIncreaseAnnounced {
			hotkey: T::AccountId,
			take: Perbill,
			effective_at: BlockNumberFor<T>,
		},
		/// `coldkey` removed or moved stake from `hotkey` while stake it added was warming up:
		/// what that stake had gained, `amount`, stays with the hotkey's other stakers (or is
		/// burned when none remain).
		WarmingGainsForfeited { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// Nobody owns this hotkey: it must be registered on a subnet first.
		HotkeyHasNoOwner,
		/// The coldkey's free balance cannot cover the amount (it must keep the existential
		/// deposit).
		InsufficientBalance,
		/// The coldkey has no stake on this hotkey.
		NoStake,
		/// The amount is more than the coldkey's stake on this hotkey.
		NotEnoughStake,
		/// The amount is too small to buy a share of the hotkey's pool.
		StakeTooSmall,
		/// `from_hotkey` and `to_hotkey` are the same.
		SameHotkey,
		/// Only the coldkey owning the hotkey may set its take.
		NotHotkeyOwner,
		/// The take is above the 18% maximum.
		TakeTooHigh,
		/// The last take increase of this hotkey was announced less than `TakeRateLimit`
		/// blocks ago.
		TakeIncreaseRateLimited,
		/// An amount overflowed the balance type.
		Overflow,
		/// Moving funds between the coldkey's hold and the reward pot failed (the
		/// account cannot receive or release them; should not happen).
		SettlementFailed,
		/// `TakeIncreaseDelay` must be at least 1: a take increase is never in force in the
		/// block that announces it.
		TakeIncreaseDelayZero,
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
		/// Stake `amount` from the signer's free balance to `hotkey`.
		///
		/// Signer: the coldkey staking (the hotkey's owner or any nominator).
		///
		/// The amount is held from the signer's free balance (hold reason `Staked`), which
		/// must keep the existential deposit, and buys shares of the hotkey's pool. Rewards
		/// paid since the signer's last call are settled first, and so is everything the Yuma
		/// pallet owes the hotkey (its pool grows before the new shares are bought).
		///
		/// Errors: `ZeroAmount`; `HotkeyHasNoOwner` when no coldkey registered `hotkey`;
		/// `InsufficientBalance`; `StakeTooSmall` when the amount buys no share.
		///
		/// Events: `StakeAdded { coldkey, hotkey, amount, stake }`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_stake().saturating_add(T::PendingRewards::max_settle_weight()))]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let settled = T::PendingRewards::settle(&hotkey);
			Self::do_add_stake(coldkey, hotkey, amount)?;
			Ok(Some(T::WeightInfo::add_stake().saturating_add(settled)).into())
		}

		/// Withdraw `amount` of the signer's stake on `hotkey` back to its free balance.
		///
		/// Signer: the coldkey that staked.
		///
		/// What the Yuma pallet owes the hotkey is paid into its pool first. Never more than
		/// the signer's own stake on that hotkey (rewards included). When the
		/// rest would be worth less than one base unit, the whole stake is withdrawn and the
		/// event says so.
		///
		/// Errors: `ZeroAmount`; `NoStake` when the signer has no stake on `hotkey`;
		/// `NotEnoughStake` when `amount` is more than its stake.
		///
		/// Events: `StakeRemoved { coldkey, hotkey, amount, stake }`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_stake().saturating_add(T::PendingRewards::max_settle_weight()))]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let settled = T::PendingRewards::settle(&hotkey);
			Self::do_remove_stake(coldkey, hotkey, amount)?;
			Ok(Some(T::WeightInfo::remove_stake().saturating_add(settled)).into())
		}

		/// Move `amount` of the signer's stake from `from_hotkey` to `to_hotkey`, without
		/// touching its free balance. What the Yuma pallet owes either hotkey is paid into its
		/// pool first.
		///
		/// Signer: the coldkey that staked.
		///
		/// Errors: `ZeroAmount`; `SameHotkey`; `HotkeyHasNoOwner` when nobody owns
		/// `to_hotkey`; `NoStake`/`NotEnoughStake` as for `remove_stake`; `StakeTooSmall`
		/// when the amount buys no share of `to_hotkey`'s pool.
		///
		/// Events: `StakeMoved { coldkey, from_hotkey, to_hotkey, amount }`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::move_stake().saturating_add(T::PendingRewards::max_settle_weight().saturating_mul(2)))]
		pub fn move_stake(
			origin: OriginFor<T>,
			from_hotkey: T::AccountId,
			to_hotkey: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let settled = T::PendingRewards::settle(&from_hotkey)
				.saturating_add(T::PendingRewards::settle(&to_hotkey));
			Self::do_move_stake(coldkey, from_hotkey, to_hotkey, amount)?;
			Ok(Some(T::WeightInfo::move_stake().saturating_add(settled)).into())
		}

		/// Set the take of `hotkey`: the share of its dividends its owner keeps before the
		/// stakers are paid.
		///
		/// Signer: the coldkey owning `hotkey`.
		///
		/// 0..=18% (a `Perbill`, e.g. `100_000_000` for 10%). Compared with the take in force
		/// now (an announced increase counts once its `effective_at` has come):
		///
		/// - a decrease, or the same take, applies at once and withdraws any announced
		///   increase;
		/// - an increase is announced, not applied: it is stored in `PendingTakes` and is in
		///   force from `effective_at = now + TakeIncreaseDelay` on, so stakers see it coming
		///   and can leave first. It replaces any earlier announcement (the delay starts
		///   again). Two announcements are at least `TakeRateLimit` blocks apart; a hotkey's
		///   first is not rate-limited, but is delayed like any other.
		///
		/// What the Yuma pallet owes the hotkey is paid first, under the take in force.
		///
		/// Errors: `NotHotkeyOwner`; `TakeTooHigh`; `TakeIncreaseRateLimited` (an increase
		/// announced less than `TakeRateLimit` blocks after the last one).
		///
		/// Events: `TakeSet { hotkey, take }` for a decrease or the same take;
		/// `TakeIncreaseAnnounced { hotkey, take, effective_at }` for an increase.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_take().saturating_add(T::PendingRewards::max_settle_weight()))]
		pub fn set_take(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			take: Perbill,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			// Rewards earned under the old take are paid under it.
			let settled = T::PendingRewards::settle(&hotkey);
			Self::do_set_take(coldkey, hotkey, take)?;
			Ok(Some(T::WeightInfo::set_take().saturating_add(settled)).into())
		}

		/// Set `TakeRateLimit`, the blocks between two take increase announcements of a hotkey.
		///
		/// Origin: root.
		///
		/// Events: `TakeRateLimitSet { blocks }`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_take_rate_limit())]
		pub fn set_take_rate_limit(origin: OriginFor<T>, blocks: u32) -> DispatchResult {
			ensure_root(origin)?;
			TakeRateLimit::<T>::put(blocks);
			Self::deposit_event(Event::TakeRateLimitSet { blocks });
			Ok(())
		}

		/// Set `TakeIncreaseDelay`, the blocks between the announcement of a take increase
		/// and the block it is in force from. Increases already announced keep their
		/// `effective_at`.
		///
		/// Origin: root.
		///
		/// Errors: `BadOrigin` when not root; `TakeIncreaseDelayZero` when `blocks` is 0.
		///
		/// Events: `TakeIncreaseDelaySet { blocks }`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_take_increase_delay())]
		pub fn set_take_increase_delay(origin: OriginFor<T>, blocks: u32) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(blocks >= 1, Error::<T>::TakeIncreaseDelayZero);
			TakeIncreaseDelay::<T>::put(blocks);
			Self::deposit_event(Event::TakeIncreaseDelaySet { blocks });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The reward pot: the account rewards are minted into until they are settled.
		pub fn pot() -> T::AccountId {
			use sp_runtime::traits::AccountIdConversion;
			T::PalletId::get().into_account_truncating()
		}

		/// What `coldkey` could withdraw from `hotkey` now (its position's value).
		pub fn stake_of(coldkey: &T::AccountId, hotkey: &T::AccountId) -> BalanceOf<T> {
			internal::position_value::<T>(coldkey, hotkey)
		}

		/// Everything staked to `hotkey`.
		pub fn total_stake_of(hotkey: &T::AccountId) -> BalanceOf<T> {
			Pools::<T>::get(hotkey).map(|pool| pool.stake).unwrap_or_default()
		}

		/// [`Self::total_stake_of`] of each of `hotkeys`, in order, for the metagraph (one
		/// hash and one storage call a hotkey, see [`reads`]).
		pub fn total_stakes_of(hotkeys: &[T::AccountId]) -> Vec<BalanceOf<T>> {
			use frame_support::storage::StoragePrefixedMap;
			let prefix = Pools::<T>::final_prefix();
			let mut reader = reads::Reader::new(T::AccountId::max_encoded_len());
			hotkeys
				.iter()
				.map(|hotkey| match reader.read::<Pool<BalanceOf<T>>>(&prefix, hotkey) {
					reads::Found::Nothing => Default::default(),
					reads::Found::Value(pool) => pool.stake,
					reads::Found::Other => Self::total_stake_of(hotkey),
				})
				.collect()
		}

		/// [`Self::takes_of`] of each of `hotkeys`, in order, for the metagraph (as
		/// [`Self::total_stakes_of`]).
		pub fn takes_of_each(
			hotkeys: &[&T::AccountId],
		) -> Vec<(Perbill, Option<PendingTake<BlockNumberFor<T>>>)> {
			use frame_support::storage::StoragePrefixedMap;
			let now = frame_system::Pallet::<T>::block_number();
			let (takes, pending) = (Takes::<T>::final_prefix(), PendingTakes::<T>::final_prefix());
			let mut reader = reads::Reader::new(T::AccountId::max_encoded_len());
			hotkeys
				.iter()
				.map(|hotkey| {
					let announced = match reader.read::<PendingTake<_>>(&pending, hotkey) {
						reads::Found::Nothing => None,
						reads::Found::Value(announced) => Some(announced),
						reads::Found::Other => return Self::takes_of(hotkey),
					};
					PendingTake::takes_now(announced, &now, || match reader.read(&takes, hotkey) {
						reads::Found::Nothing => DefaultTake::get(),
						reads::Found::Value(take) => take,
						reads::Found::Other => Takes::<T>::get(hotkey),
					})
				})
				.collect()
		}

		/// The take of `hotkey` in force now: its announced increase once `effective_at` has
		/// come, else its stored take. Dividends are paid with it.
		pub fn effective_take(hotkey: &T::AccountId) -> Perbill {
			Self::takes_of(hotkey).0
		}

		/// The take increase announced for `hotkey` and not in force yet, if any:
		/// `{ take, effective_at }`.
		pub fn pending_take_of(hotkey: &T::AccountId) -> Option<PendingTake<BlockNumberFor<T>>> {
			let now = frame_system::Pallet::<T>::block_number();
			PendingTakes::<T>::get(hotkey).filter(|pending| !pending.is_in_force(&now))
		}

		/// [`Self::effective_take`] and [`Self::pending_take_of`] together, reading the
		/// announced take once (for the metagraph, which shows both for every validator).
		pub fn takes_of(
			hotkey: &T::AccountId,
		) -> (Perbill, Option<PendingTake<BlockNumberFor<T>>>) {
			let now = frame_system::Pallet::<T>::block_number();
			PendingTake::takes_now(PendingTakes::<T>::get(hotkey), &now, || Takes::<T>::get(hotkey))
		}

		/// The balance held for staking from `who`.
		pub fn held_for_stake(who: &T::AccountId) -> BalanceOf<T> {
			T::Currency::balance_on_hold(&HoldReason::Staked.into(), who)
		}

		/// Check the pallet's invariants: shares, values, holds and the reward pot agree (see
		/// the pallet docs). Run after every test and by `try-runtime`.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			internal::try_state::<T>()
		}
	}
}
