//! # Yuma pallet
//!
//! Emission and consensus: mints nothing itself, but decides every block what is emitted, and
//! runs each subnet's Yuma epoch (the `myelin-yuma` crate) every `tempo` blocks.
//!
//! ## Every block (`on_initialize`)
//!
//! 1. **Emission.** The block emission is 1 MYL, halving each time [`TotalEmitted`] crosses
//!    10.5M, 15.75M, 18.375M … MYL, and zero once 21M MYL have been emitted
//!    ([`emission::block_emission`]). It is split equally among the existing subnets and
//!    accumulated in [`PendingEmission`]. Nothing is emitted while no subnet exists.
//! 2. **Epochs**, on the schedule of `myelin_doors::schedule` (the one definition of
//!    "epoch"): a subnet is due when `block − last_epoch ≥ tempo`; a new subnet's first
//!    epoch is staggered by its netuid. Due subnets run most overdue first, as long as their
//!    benchmarked weight fits [`Config::MaxEpochWeight`]; the rest wait for the next block.
//!    No block's epochs exceed that budget: an epoch heavier than the whole budget does not
//!    run (event `EpochTooHeavy`; its tempo passes and its emission stays pending). Each run
//!    makes that block the first of the subnet's next epoch ([`EpochIndex`]), which the
//!    Weights pallet's commit-reveal windows follow.
//!
//! ## One epoch
//!
//! Reads one snapshot of the subnet from Subnets (owner, hyperparameters, hotkeys and
//! registration blocks), the stake of every hotkey from Staking (plus what the subnet owes it:
//! stake once paid), weight rows and last updates from Weights ([`Config::Weights`]), and the
//! bonds stored by the previous epoch; runs [`myelin_yuma::epoch`]; stores consensus,
//! incentive, dividends, validator trust, emission, permits, activity and bonds. Of the
//! subnet's pending emission, 18% is paid at once to the owner's coldkey; what the miners
//! (incentive) and validators (dividends) earned is **owed** ([`Owed`]: one column per subnet,
//! written once per epoch whatever the number of uids).
//!
//! ## Lazy payouts
//!
//! Owed rewards are paid through Staking (incentive as the owner's stake on the hotkey;
//! dividends to the owner's take and the hotkey's stakers, as stake): in `on_idle` with the
//! block's spare weight (a small subnet is paid in its epoch's own block), when Staking is
//! about to change the hotkey's pool (`myelin_doors::PendingRewards`), and when a neuron is
//! pruned. A dissolved subnet's owed rewards wait in [`OwedRetired`] with their hotkeys and are
//! paid first. See `payouts.rs`.
//!
//! ## Accounting
//!
//! Emission is minted only when paid. Whatever a payment could not credit (rounding in the
//! epoch, an owner cut too small to open an account, a dissolved subnet's pending emission) is
//! added to [`UnpaidEmission`], so at all times
//! `TotalEmitted = Σ PendingEmission + TotalOwed + TotalPaid + UnpaidEmission`, and
//! `TotalOwed = Σ Owed + Σ OwedRetired` ([`Pallet::do_try_state`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod benchmarking;
pub mod emission;
mod epoch;
mod impl_traits;
pub mod migrations;
mod payouts;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use frame_support::BoundedVec;
use myelin_doors::MaxUids;
use sp_runtime::Perbill;

/// What the epoch benchmark needs from the rest of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A subnet of `n` neurons allowing `validators` validator permits: its netuid and the
	/// hotkeys of uids `0..n`.
	fn subnet(n: u16, validators: u16) -> (u16, alloc::vec::Vec<AccountId>);
	/// Store `row` as the weight row of `uid`, set now.
	fn set_weights(netuid: u16, uid: u16, row: alloc::vec::Vec<(u16, u16)>);
	/// Make `netuid` run Yuma `version` (2 or 3).
	fn set_yuma_version(netuid: u16, version: u8);
}

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::yuma";

/// The subnet owner's cut of its subnet's emission: 18%.
pub const OWNER_CUT: Perbill = Perbill::from_percent(18);

/// The most weight rows of uids without a validator permit that one epoch removes (the epoch
/// never reads them). Validators lose permits only at epochs, at most `max_allowed_validators`
/// of them each time, so with that many removals nothing accumulates; the bound keeps the
/// removal within an epoch's budget when root sets more validators (256 removals: 15 ms of
/// database weight).
pub const MAX_ROWS_REMOVED: u32 = 256;

/// One value per uid.
pub type PerUid<V> = BoundedVec<V, MaxUids>;

/// A sparse bond row: `(uid, bond)` pairs sorted by uid.
pub type BondRow = BoundedVec<(u16, u16), MaxUids>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use myelin_doors::{schedule, StakeInfo, StakingRewards, SubnetsInterface, WeightsSource};
	use sp_runtime::{
		traits::{UniqueSaturatedFrom, UniqueSaturatedInto},
		SaturatedConversion,
	};

	/// The in-code storage version. 1: [`EpochIndex`] counts each subnet's epochs
	/// ([`crate::migrations::v1`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the Yuma pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Subnets, neurons and hyperparameters.
		type Subnets: SubnetsInterface<Self::AccountId, BlockNumberFor<Self>>;

		/// The stake of every hotkey.
		type Stake: StakeInfo<Self::AccountId, Balance: UniqueSaturatedInto<u64>>;

		/// Where emission is paid.
		type Rewards: StakingRewards<
			Self::AccountId,
			Balance: UniqueSaturatedFrom<u64> + UniqueSaturatedInto<u64>,
		>;

		/// Weight rows and last updates (the Weights pallet).
		type Weights: WeightsSource;

		/// Each subnet's share of the block emission (the Root pallet).
		type Shares: myelin_doors::EmissionShares;

		/// The root epoch, run first in a block's epoch budget when due (the Root pallet).
		type RootEpoch: myelin_doors::RootEpoch;

		/// The most weight the epochs of one block may use; due epochs beyond it wait for the
		/// next block.
		#[pallet::constant]
		type MaxEpochWeight: Get<Weight>;

		/// Weights of this pallet's work.
		type WeightInfo: WeightInfo;

		/// Sets up subnets and weight rows for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Base units emitted so far (accumulated for subnets); drives the halvings.
	#[pallet::storage]
	pub type TotalEmitted<T> = StorageValue<_, u128, ValueQuery>;

	/// Base units paid out so far (minted by Staking).
	#[pallet::storage]
	pub type TotalPaid<T> = StorageValue<_, u128, ValueQuery>;

	/// Base units emitted but never paid (rounding, unpayable owner cuts, dissolved subnets'
	/// pending emission): the tracked dust.
	#[pallet::storage]
	pub type UnpaidEmission<T> = StorageValue<_, u128, ValueQuery>;

	/// Emission accumulated by each subnet since its last epoch.
	#[pallet::storage]
	pub type PendingEmission<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery>;

	/// Block of each subnet's last epoch (set, staggered, when Yuma first sees the subnet).
	#[pallet::storage]
	pub type LastEpoch<T: Config> =
		StorageMap<_, Twox64Concat, u16, BlockNumberFor<T>, OptionQuery>;

	/// The index of each subnet's current epoch: 0 from the block Yuma first schedules the
	/// subnet, one more at each block whose `on_initialize` ran its epoch.
	#[pallet::storage]
	pub type EpochIndex<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery>;

	/// What the last epoch of each subnet distributed (owner cut included), in base units.
	#[pallet::storage]
	pub type LastEpochEmission<T> = StorageMap<_, Twox64Concat, u16, u64, ValueQuery>;

	/// Consensus of every uid at the last epoch (`floor(C · 65535)`).
	#[pallet::storage]
	pub type Consensus<T> = StorageMap<_, Twox64Concat, u16, PerUid<u16>, ValueQuery>;

	/// Incentive of every uid at the last epoch.
	#[pallet::storage]
	pub type Incentive<T> = StorageMap<_, Twox64Concat, u16, PerUid<u16>, ValueQuery>;

	/// Dividends of every uid at the last epoch.
	#[pallet::storage]
	pub type Dividends<T> = StorageMap<_, Twox64Concat, u16, PerUid<u16>, ValueQuery>;

	/// Validator trust of every uid at the last epoch.
	#[pallet::storage]
	pub type ValidatorTrust<T> = StorageMap<_, Twox64Concat, u16, PerUid<u16>, ValueQuery>;

	/// Base units paid to every uid at the last epoch.
	#[pallet::storage]
	pub type Emission<T> = StorageMap<_, Twox64Concat, u16, PerUid<u64>, ValueQuery>;

	/// The stake of every uid at the subnet's last epoch (its hotkey's stake plus what the
	/// subnet owed it), 0 for a uid whose holder changed since. An epoch weighs each uid by
	/// the lesser of this and its stake now, so stake counts only once it has been held for a
	/// whole tempo: stake added just before an epoch (or moved from a hotkey of another
	/// subnet) earns nothing there. Absent before a subnet's first epoch, which uses the stake
	/// now.
	#[pallet::storage]
	pub type EpochStake<T> = StorageMap<_, Twox64Concat, u16, PerUid<u64>, OptionQuery>;

	/// Validator permit of every uid, handed out at the last epoch.
	#[pallet::storage]
	pub type ValidatorPermit<T> = StorageMap<_, Twox64Concat, u16, PerUid<bool>, ValueQuery>;

	/// Whether every uid was active at the last epoch.
	#[pallet::storage]
	pub type Active<T> = StorageMap<_, Twox64Concat, u16, PerUid<bool>, ValueQuery>;

	/// What each uid of each subnet earned at its epochs and was not paid yet, as
	/// `(incentive, dividend)` in base units, indexed by uid. No entry when nothing is owed.
	#[pallet::storage]
	pub type Owed<T> = StorageMap<_, Twox64Concat, u16, PerUid<(u64, u64)>, ValueQuery>;

	/// What the neurons of dissolved subnets were owed, as `(hotkey, incentive, dividend)`,
	/// paid first by `on_idle`; keyed by [`NextRetired`] at the dissolution.
	#[pallet::storage]
	pub type OwedRetired<T: Config> = StorageMap<
		_,
		Twox64Concat,
		u32,
		BoundedVec<(T::AccountId, u64, u64), MaxUids>,
		OptionQuery,
	>;

	/// The key of the next [`OwedRetired`] entry.
	#[pallet::storage]
	pub type NextRetired<T> = StorageValue<_, u32, ValueQuery>;

	/// Everything owed: `Σ Owed + Σ OwedRetired`.
	#[pallet::storage]
	pub type TotalOwed<T> = StorageValue<_, u128, ValueQuery>;

	/// Bonds of each validator `(netuid, uid)`: a sparse row over the subnet's uids.
	#[pallet::storage]
	pub type Bonds<T> =
		StorageDoubleMap<_, Twox64Concat, u16, Twox64Concat, u16, BondRow, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The epoch of `netuid` ran at `block` and distributed `emission` base units: the
		/// owner's cut paid, the rest owed to its uids.
		EpochCompleted { netuid: u16, block: BlockNumberFor<T>, emission: u64 },
		/// The epoch of `netuid` refused its inputs or its outputs did not add up (should not
		/// happen); its emission stays pending.
		EpochFailed { netuid: u16 },
		/// The epoch of `netuid` was due but would cost `weight` (reference time, picoseconds),
		/// more than the `limit` all epochs of a block may use: it did not run, its tempo
		/// passed and its emission stays pending. The subnet must shrink (fewer uids,
		/// validators or weight entries) for its epochs to run.
		EpochTooHeavy { netuid: u16, weight: u64, limit: u64 },
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::run_block(now)
		}

		/// Pay owed rewards with the weight the block has left.
		fn on_idle(_now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::pay_owed_with(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check the pallet's invariants: the emission accounting adds up, and no per-uid
		/// output is longer than its subnet or kept for a subnet that does not exist.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			epoch::try_state::<T>()
		}

		/// What each of `netuids` (every existing subnet, ascending) accrues per block now,
		/// in the same order: the block emission split by the subnets' emission shares, each
		/// part rounded down (the remainder is not emitted).
		pub fn emission_per_block(netuids: &[u16]) -> alloc::vec::Vec<u64> {
			use myelin_doors::EmissionShares;
			let per_block = emission::block_emission(TotalEmitted::<T>::get());
			let shares = T::Shares::emission_shares(netuids);
			myelin_doors::split_by_shares(per_block, &shares)
				.into_iter()
				.map(|part| part.saturated_into())
				.collect()
		}

		/// Emission `netuid` accrued since its last epoch.
		pub fn pending_emission(netuid: u16) -> u64 {
			PendingEmission::<T>::get(netuid)
		}

		/// What the last epoch of `netuid` stored for its uids (empty before the first one).
		pub fn epoch_outputs(netuid: u16) -> EpochOutputs {
			EpochOutputs {
				consensus: Consensus::<T>::get(netuid).into_inner(),
				incentive: Incentive::<T>::get(netuid).into_inner(),
				dividends: Dividends::<T>::get(netuid).into_inner(),
				validator_trust: ValidatorTrust::<T>::get(netuid).into_inner(),
				emission: Emission::<T>::get(netuid).into_inner(),
				validator_permit: ValidatorPermit::<T>::get(netuid).into_inner(),
				active: Active::<T>::get(netuid).into_inner(),
			}
		}

		/// The block at which the next epoch of `netuid` is due, seen from the current block
		/// (see `myelin_doors::schedule::next_epoch_block`); before Yuma first schedules the
		/// subnet, from the phase it will get in the next block.
		pub fn next_epoch_block(netuid: u16) -> Option<u64> {
			let tempo = T::Subnets::hyperparams(netuid)?.tempo;
			let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
			let last = match LastEpoch::<T>::get(netuid) {
				Some(last) => last.saturated_into(),
				None => schedule::first_epoch_block(netuid, tempo, now.saturating_add(1)),
			};
			Some(schedule::next_epoch_block(last, tempo, now))
		}
	}
}

/// The per-uid outputs of a subnet's last epoch, each indexed by uid; a uid registered since
/// has no entry yet.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct EpochOutputs {
	/// Consensus (`floor(C · 65535)`).
	pub consensus: alloc::vec::Vec<u16>,
	/// Incentive.
	pub incentive: alloc::vec::Vec<u16>,
	/// Dividends.
	pub dividends: alloc::vec::Vec<u16>,
	/// Validator trust.
	pub validator_trust: alloc::vec::Vec<u16>,
	/// Base units paid.
	pub emission: alloc::vec::Vec<u64>,
	/// Validator permits.
	pub validator_permit: alloc::vec::Vec<bool>,
	/// Activity.
	pub active: alloc::vec::Vec<bool>,
}
