//! # Market pallet
//!
//! A compute market on subnets (design: `docs/market.md`). A subnet's miners are its
//! **providers**: a miner hotkey's owner bonds funds for it and the hotkey advertises an offer.
//! **Jobs** (pay per result, like Render) escrow the poster's maximum price; a provider takes
//! one, submits the hash of its result, the subnet's permitted validators attest to it, and the
//! job is finalized by stake: paid (the protocol take burned), or rejected (the poster refunded,
//! the provider's bond slashed). **Leases** (pay per block, like Akash) hold a deposit from
//! which the provider is paid lazily, whenever either side touches the lease; a lease whose
//! deposit runs out **pauses** and resumes on a top-up within a grace period.
//!
//! ## Calls
//!
//! | index | call | signer |
//! |---|---|---|
//! | 0 | [`bond`](Pallet::bond) | the hotkey's owner coldkey |
//! | 1 | [`unbond`](Pallet::unbond) | the bond's owner |
//! | 2 | [`withdraw_unbonded`](Pallet::withdraw_unbonded) | the bond's owner |
//! | 3 | [`set_offer`](Pallet::set_offer) | the provider's hotkey |
//! | 4 | [`post_job`](Pallet::post_job) | anyone (the poster) |
//! | 5 | [`cancel_job`](Pallet::cancel_job) | the poster |
//! | 6 | [`accept_job`](Pallet::accept_job) | a provider's hotkey |
//! | 7 | [`submit_result`](Pallet::submit_result) | the job's provider |
//! | 8 | [`attest`](Pallet::attest) | a permitted validator's hotkey |
//! | 9 | [`dispute`](Pallet::dispute) | the poster |
//! | 10 | [`finalize_job`](Pallet::finalize_job) | anyone |
//! | 11 | [`open_lease`](Pallet::open_lease) | anyone (the user) |
//! | 12 | [`accept_lease`](Pallet::accept_lease) | the lease's provider |
//! | 13 | [`top_up`](Pallet::top_up) | the lease's user |
//! | 14 | [`withdraw_lease`](Pallet::withdraw_lease) | the lease's provider |
//! | 15 | [`close_lease`](Pallet::close_lease) | the user or the provider |
//! | 16 | [`set_protocol_take`](Pallet::set_protocol_take) | root |
//!
//! ## Where the money is
//!
//! Nothing moves to a pallet account: every amount stays in its payer's account under a named
//! hold until it is paid, refunded, slashed or burned: [`HoldReason::Bond`] on the provider's
//! owner coldkey, [`HoldReason::JobEscrow`] on the poster, [`HoldReason::LeaseDeposit`] on the
//! lease's user. [`Pallet::do_try_state`] checks that each account's holds equal the books.
//!
//! ## Guarantees
//!
//! - A refused call changes nothing.
//! - Settlement is lazy (on a call), never a per-block loop; every call is O(1) but for
//!   `finalize_job`, which is O(attestations) ≤ [`MAX_ATTESTATIONS`].
//! - A bond never falls below what its open jobs and leases require.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod benchmarking;
mod bonds;
mod invariants;
mod jobs;
mod leases;
mod money;
mod types;
mod views;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Sets up subnets, providers and validators for the benchmarks (the runtime implements it
/// with its Subnets, Staking and Yuma pallets).
pub trait BenchmarkHelper<AccountId> {
	/// A subnet with a provider hotkey and `validators` hotkeys holding validator permits, each
	/// owned by a funded coldkey: `(netuid, provider, validators)`.
	fn market_subnet(validators: u32) -> (u16, AccountId, alloc::vec::Vec<AccountId>);
}

/// The protocol take's default: 2% of every payment, burned.
pub const DEFAULT_TAKE: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(2);
/// The highest protocol take root may set.
pub const MAX_TAKE: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectHold, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use myelin_doors::{StakeInfo, SubnetsInterface, ValidatorPermits};
	use sp_runtime::Perbill;

	/// The balance type.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A bond of this runtime.
	pub type BondOf<T> =
		Bond<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A job of this runtime.
	pub type JobOf<T> =
		Job<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// A lease of this runtime.
	pub type LeaseOf<T> =
		Lease<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the market.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency of bonds, escrows and deposits.
		type Currency: Inspect<Self::AccountId>
			+ InspectHold<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Subnets, neurons and hotkey owners (the Subnets pallet).
		type Subnets: SubnetsInterface<Self::AccountId, BlockNumberFor<Self>>;

		/// Who holds a validator permit (the Yuma pallet).
		type Permits: ValidatorPermits;

		/// Each validator's stake, which weighs its attestation (the Staking pallet).
		type Stake: StakeInfo<Self::AccountId, Balance = BalanceOf<Self>>;

		/// Blocks an unbonding chunk waits before it can be withdrawn.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks validators have to attest a submitted result.
		#[pallet::constant]
		type AttestWindow: Get<BlockNumberFor<Self>>;

		/// The shortest time from posting to a job's deadline, in blocks.
		#[pallet::constant]
		type MinJobBlocks: Get<BlockNumberFor<Self>>;

		/// The longest time from posting to a job's deadline, in blocks.
		#[pallet::constant]
		type MaxJobBlocks: Get<BlockNumberFor<Self>>;

		/// The part of a job's maximum price its provider must have bonded (and loses if the
		/// job is rejected or times out in its hands).
		#[pallet::constant]
		type JobBondRatio: Get<Perbill>;

		/// A lease requires `rate_per_block ×` this many blocks of bond.
		#[pallet::constant]
		type LeaseBondBlocks: Get<u32>;

		/// Blocks after a lease pauses during which a top-up resumes it.
		#[pallet::constant]
		type LeaseGrace: Get<BlockNumberFor<Self>>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;

		/// Sets up subnets, providers and validators for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's bond, held from the hotkey's owner coldkey.
		#[codec(index = 0)]
		Bond,
		/// A job's maximum price, held from the poster.
		#[codec(index = 1)]
		JobEscrow,
		/// What is left of a lease's deposit, held from its user.
		#[codec(index = 2)]
		LeaseDeposit,
	}

	/// Default of [`ProtocolTake`].
	#[pallet::type_value]
	pub fn DefaultTake() -> Perbill {
		DEFAULT_TAKE
	}

	/// The share of every payment (job or lease) that is burned.
	#[pallet::storage]
	pub type ProtocolTake<T> = StorageValue<_, Perbill, ValueQuery, DefaultTake>;

	/// Each provider's bond on each subnet: `(netuid, hotkey)`.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u16,
		Blake2_128Concat,
		T::AccountId,
		BondOf<T>,
		OptionQuery,
	>;

	/// Each provider's offer on each subnet: `(netuid, hotkey)`.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u16,
		Blake2_128Concat,
		T::AccountId,
		Offer<BalanceOf<T>>,
		OptionQuery,
	>;

	/// Open jobs by id; a job is removed when finalized, cancelled or refunded.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, u64, JobOf<T>, OptionQuery>;

	/// The id of the next job.
	#[pallet::storage]
	pub type NextJobId<T> = StorageValue<_, u64, ValueQuery>;

	/// Open leases by id; a lease is removed when closed.
	#[pallet::storage]
	pub type Leases<T: Config> = StorageMap<_, Twox64Concat, u64, LeaseOf<T>, OptionQuery>;

	/// The id of the next lease.
	#[pallet::storage]
	pub type NextLeaseId<T> = StorageValue<_, u64, ValueQuery>;

	/// Each provider hotkey's track record (across subnets).
	#[pallet::storage]
	pub type Reputations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Reputation<BalanceOf<T>>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `owner` bonded `amount` more for `hotkey` on `netuid`.
		Bonded { netuid: u16, hotkey: T::AccountId, owner: T::AccountId, amount: BalanceOf<T> },
		/// `amount` of `hotkey`'s bond on `netuid` is unbonding until `unlock_at`.
		Unbonding {
			netuid: u16,
			hotkey: T::AccountId,
			amount: BalanceOf<T>,
			unlock_at: BlockNumberFor<T>,
		},
		/// The unbonded `amount` was released to the owner.
		BondWithdrawn { netuid: u16, hotkey: T::AccountId, amount: BalanceOf<T> },
		/// `hotkey` advertises this offer on `netuid`.
		OfferSet { netuid: u16, hotkey: T::AccountId, price_per_unit: BalanceOf<T>, capacity: u32 },
		/// A job was posted and `max_price` escrowed.
		JobPosted { job_id: u64, netuid: u16, poster: T::AccountId, max_price: BalanceOf<T> },
		/// The poster cancelled the job before anyone accepted it; the escrow is released.
		JobCancelled { job_id: u64 },
		/// `provider` took the job.
		JobAccepted { job_id: u64, provider: T::AccountId },
		/// The provider submitted a result; validators attest until `attest_until`.
		ResultSubmitted {
			job_id: u64,
			provider: T::AccountId,
			result_hash: H256,
			units: u64,
			price: BalanceOf<T>,
			attest_until: BlockNumberFor<T>,
		},
		/// A validator attested the job's result.
		JobAttested { job_id: u64, validator: T::AccountId, approve: bool, stake: BalanceOf<T> },
		/// The poster disputed the job's result.
		JobDisputed { job_id: u64 },
		/// The job was accepted: `amount` paid to the provider's owner, `take` burned.
		JobPaid { job_id: u64, provider: T::AccountId, amount: BalanceOf<T>, take: BalanceOf<T> },
		/// The validators rejected the job's result; the poster is refunded.
		JobRejected { job_id: u64, provider: T::AccountId },
		/// The whole escrow went back to the poster.
		JobRefunded {
			job_id: u64,
			poster: T::AccountId,
			amount: BalanceOf<T>,
			reason: RefundReason,
		},
		/// `amount` of `hotkey`'s bond on `netuid` was slashed.
		ProviderSlashed { netuid: u16, hotkey: T::AccountId, amount: BalanceOf<T> },
		/// A lease was opened and `deposit` held from its user.
		LeaseOpened {
			lease_id: u64,
			netuid: u16,
			user: T::AccountId,
			provider: T::AccountId,
			rate_per_block: BalanceOf<T>,
			deposit: BalanceOf<T>,
		},
		/// The provider accepted the lease; it is paid from this block on.
		LeaseAccepted { lease_id: u64 },
		/// The lease was settled up to now: `paid` to the provider's owner, `take` burned.
		LeaseSettled { lease_id: u64, paid: BalanceOf<T>, take: BalanceOf<T> },
		/// The lease's deposit ran out at block `paused_at`: it is paused, not closed.
		LeasePaused { lease_id: u64, paused_at: BlockNumberFor<T> },
		/// A top-up within the grace resumed the lease.
		LeaseResumed { lease_id: u64 },
		/// The user added `amount` to the deposit.
		LeaseToppedUp { lease_id: u64, amount: BalanceOf<T> },
		/// The lease was closed; `refunded` returned to the user.
		LeaseClosed { lease_id: u64, refunded: BalanceOf<T> },
		/// Root set the protocol take.
		ProtocolTakeSet { take: Perbill },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The hotkey is not registered on the subnet.
		NotRegistered,
		/// The signer does not own the hotkey.
		NotHotkeyOwner,
		/// The hotkey has no bond on the subnet.
		NoBond,
		/// The bond cannot go that low: open jobs and leases require it (or it is not there).
		BondCommitted,
		/// The unbonding chunk unlocks later.
		StillUnbonding,
		/// Nothing is unbonding.
		NothingUnbonding,
		/// The amount is zero.
		ZeroAmount,
		/// A capacity above 64.
		CapacityTooHigh,
		/// A job spec above 1024 bytes.
		SpecTooLong,
		/// Offer attributes above 256 bytes.
		AttributesTooLong,
		/// The deadline is closer than `MinJobBlocks`.
		DeadlineTooSoon,
		/// The deadline is further than `MaxJobBlocks`.
		DeadlineTooFar,
		/// The subnet does not exist.
		NoSuchSubnet,
		/// No job has this id (finalized jobs are removed).
		NoSuchJob,
		/// Only the job's poster may do this.
		NotPoster,
		/// Only the job's provider may do this.
		NotProvider,
		/// The job names another provider.
		NotTheNamedProvider,
		/// The job is not in a state that allows this.
		WrongJobState,
		/// The job's deadline has passed.
		DeadlinePassed,
		/// The provider has no offer on the subnet.
		NoOffer,
		/// The provider's free bond does not cover what the job or lease requires.
		InsufficientBond,
		/// The provider has as many open jobs and leases as its offer's capacity.
		AtCapacity,
		/// The signer holds no validator permit on the job's subnet.
		NotPermitted,
		/// The attest window is over.
		AttestWindowClosed,
		/// This validator attested the job already.
		AlreadyAttested,
		/// The job has the most attestations it takes.
		TooManyAttestations,
		/// No outcome is due yet: the attest window or the deadline has not passed.
		NotDue,
		/// No lease has this id (closed leases are removed).
		NoSuchLease,
		/// Only the lease's user or provider may do this.
		NotLeaseParty,
		/// The lease is not in a state that allows this.
		WrongLeaseState,
		/// The lease paused longer ago than `LeaseGrace`: it can only be closed.
		LeaseGraceOver,
		/// A lease rate of zero.
		ZeroRate,
		/// A protocol take above 50%.
		TakeTooHigh,
		/// The signer cannot pay (or hold) this amount.
		InsufficientBalance,
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
		/// Bond `amount` more for `hotkey` on `netuid`, held from the signer, which must own the
		/// hotkey; the hotkey must be registered on the subnet. A provider's jobs and leases
		/// require bond (`JobBondRatio` of a job's max price, `LeaseBondBlocks` blocks of a
		/// lease's rate), and a rejected job slashes it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(
			origin: OriginFor<T>,
			netuid: u16,
			hotkey: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_bond(owner, netuid, hotkey, amount)
		}

		/// Start unbonding `amount` of `hotkey`'s bond on `netuid`: withdrawable
		/// `UnbondingPeriod` blocks later (adding to a chunk restarts its timer). Refused with
		/// `BondCommitted` if open jobs and leases require it.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(
			origin: OriginFor<T>,
			netuid: u16,
			hotkey: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_unbond(owner, netuid, hotkey, amount)
		}

		/// Release the unbonded chunk of `hotkey`'s bond on `netuid` to its owner, once
		/// unlocked.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(
			origin: OriginFor<T>,
			netuid: u16,
			hotkey: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(owner, netuid, hotkey)
		}

		/// Advertise, as the signing hotkey, an offer on `netuid`: a price per unit of work,
		/// the most open jobs and leases at once (≤ 64; 0 takes no new work) and free-form
		/// attributes (≤ 256 bytes). The hotkey must be registered on the subnet.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_offer())]
		pub fn set_offer(
			origin: OriginFor<T>,
			netuid: u16,
			#[pallet::compact] price_per_unit: BalanceOf<T>,
			capacity: u32,
			attributes: alloc::vec::Vec<u8>,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_set_offer(hotkey, netuid, price_per_unit, capacity, attributes)
		}

		/// Post a job on `netuid`: `spec` (≤ 1024 bytes: a URI or hash and task parameters),
		/// at most `max_price` (held as escrow), accepted and submitted by block `deadline`
		/// (`MinJobBlocks`..=`MaxJobBlocks` ahead), optionally by the named `provider` only.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::post_job())]
		pub fn post_job(
			origin: OriginFor<T>,
			netuid: u16,
			spec: alloc::vec::Vec<u8>,
			#[pallet::compact] max_price: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
			provider: Option<T::AccountId>,
		) -> DispatchResult {
			let poster = ensure_signed(origin)?;
			Self::do_post_job(poster, netuid, spec, max_price, deadline, provider)
		}

		/// Cancel a job nobody accepted yet; the escrow is released. Poster only.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel_job())]
		pub fn cancel_job(origin: OriginFor<T>, job_id: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_job(who, job_id)
		}

		/// Take a posted job, as the signing provider hotkey: registered on the job's subnet,
		/// with an offer there (its price per unit becomes the job's), free bond covering
		/// `JobBondRatio` of the max price (committed until the job ends) and capacity; the
		/// named provider if the job names one; before the deadline.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::accept_job())]
		pub fn accept_job(origin: OriginFor<T>, job_id: u64) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_accept_job(hotkey, job_id)
		}

		/// Submit the hash of the job's result and the units of work, as its provider, before
		/// the deadline. The price is min(units × price per unit, max price). Validators attest
		/// during the next `AttestWindow` blocks.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::submit_result())]
		pub fn submit_result(
			origin: OriginFor<T>,
			job_id: u64,
			result_hash: H256,
			units: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_submit_result(hotkey, job_id, result_hash, units)
		}

		/// Attest a submitted result, as a hotkey holding a validator permit on the job's
		/// subnet, within the attest window, once; weighs the validator's total stake.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(origin: OriginFor<T>, job_id: u64, approve: bool) -> DispatchResult {
			let validator = ensure_signed(origin)?;
			Self::do_attest(validator, job_id, approve)
		}

		/// Dispute a submitted result before it is finalized, as the poster: without any
		/// attestation the job is then refunded instead of paid.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(origin: OriginFor<T>, job_id: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, job_id)
		}

		/// Settle a job whose outcome is due, as anyone: after the attest window (paid or
		/// rejected by stake; refunded if disputed and unattested), or after the deadline
		/// without acceptance (refunded) or without a result (refunded, provider slashed).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::finalize_job(MAX_ATTESTATIONS))]
		pub fn finalize_job(origin: OriginFor<T>, job_id: u64) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let attestations = Self::do_finalize_job(job_id)?;
			Ok(Some(T::WeightInfo::finalize_job(attestations)).into())
		}

		/// Open a lease of `provider` (a hotkey on `netuid`) at `rate_per_block`, holding
		/// `deposit` from the signer; it runs once the provider accepts.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::open_lease())]
		pub fn open_lease(
			origin: OriginFor<T>,
			netuid: u16,
			provider: T::AccountId,
			#[pallet::compact] rate_per_block: BalanceOf<T>,
			#[pallet::compact] deposit: BalanceOf<T>,
		) -> DispatchResult {
			let user = ensure_signed(origin)?;
			Self::do_open_lease(user, netuid, provider, rate_per_block, deposit)
		}

		/// Accept a pending lease, as its provider: bond covering `LeaseBondBlocks` blocks of
		/// its rate is committed; it is paid from this block on.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::accept_lease())]
		pub fn accept_lease(origin: OriginFor<T>, lease_id: u64) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_accept_lease(hotkey, lease_id)
		}

		/// Add `amount` to a lease's deposit, as its user. The lease is settled first; a paused
		/// lease resumes if it paused less than `LeaseGrace` blocks ago (`LeaseGraceOver`
		/// after).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(
			origin: OriginFor<T>,
			lease_id: u64,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let user = ensure_signed(origin)?;
			Self::do_top_up(user, lease_id, amount)
		}

		/// Settle a lease up to now, as its provider: the blocks since the last settlement are
		/// paid from the deposit (take burned); it pauses if the deposit ran out.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::withdraw_lease())]
		pub fn withdraw_lease(origin: OriginFor<T>, lease_id: u64) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_withdraw_lease(hotkey, lease_id)
		}

		/// Close a lease, as its user or provider, in any state: settled up to now, the rest of
		/// the deposit refunded, the provider's bond released.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::close_lease())]
		pub fn close_lease(origin: OriginFor<T>, lease_id: u64) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_lease(who, lease_id)
		}

		/// Set the protocol take burned from every payment (root; at most 50%).
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_protocol_take())]
		pub fn set_protocol_take(origin: OriginFor<T>, take: Perbill) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(take <= MAX_TAKE, Error::<T>::TakeTooHigh);
			ProtocolTake::<T>::put(take);
			Self::deposit_event(Event::ProtocolTakeSet { take });
			Ok(())
		}
	}
}

use sp_core::H256;
