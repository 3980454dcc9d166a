//! # Subnets pallet
//!
//! Subnets, their neurons and everything a subnet is configured by.
//!
//! ## Terminology
//!
//! - **Coldkey**: an account holding funds. It owns subnets and hotkeys, pays the lock of
//!   `register_network` and the burn of `burned_register`.
//! - **Hotkey**: the identity of a neuron. A hotkey is owned by the first coldkey that registers
//!   it (with `register_network` or `burned_register`); that ownership is permanent and nobody
//!   else can register it.
//! - **Subnet** (`netuid: u16`, from 1): a set of at most `max_allowed_uids` neurons with its
//!   own hyperparameters, owned by the coldkey that registered it.
//! - **Neuron** (`uid: u16`): a hotkey registered on a subnet. The uids of a subnet are always
//!   exactly `0..n`; a uid changes holder only when its neuron is pruned.
//! - **Lock**: the amount held from the owner's balance while the subnet exists, under the hold
//!   reason [`HoldReason::SubnetLock`]; returned in full on dissolution.
//! - **Burn**: the registration price of a subnet, withdrawn from the total issuance.
//!
//! ## Calls
//!
//! | index | call | signer |
//! |---|---|---|
//! | 0 | [`register_network`](Pallet::register_network) | coldkey |
//! | 1 | [`dissolve_network`](Pallet::dissolve_network) | subnet owner or root |
//! | 2 | [`set_hyperparameter`](Pallet::set_hyperparameter) | subnet owner or root |
//! | 3 | [`burned_register`](Pallet::burned_register) | coldkey |
//! | 4 | [`serve_axon`](Pallet::serve_axon) | hotkey |
//! | 5 | [`set_network_parameter`](Pallet::set_network_parameter) | root |
//! | 6 | [`register_network_with_limit`](Pallet::register_network_with_limit) | coldkey |
//! | 7 | [`burned_register_with_limit`](Pallet::burned_register_with_limit) | coldkey |
//!
//! ## Prices
//!
//! - **Lock cost** of `register_network`: `max(min_lock, 2·L − 2·L·elapsed/interval)`, where `L`
//!   is the lock of the last registration, `elapsed` the blocks since it and `interval` the
//!   `LockReductionInterval`. It doubles after each registration and decays linearly back to
//!   the network minimum lock.
//! - **Registration price** of `burned_register`: starts at 1 MYL for a new subnet, is
//!   multiplied by 1.26 after each registration and halves every `burn_half_life` blocks
//!   (continuously), clamped to `[min_burn, max_burn]`. Both prices are computed lazily from
//!   the state of the last registration, in integer arithmetic; nothing runs per block.
//!
//! ## Pruning
//!
//! When a subnet is full, `burned_register` replaces the neuron with the lowest emission (read
//! from [`Config::NeuronEmission`]) among those whose immunity period has passed; ties go to
//! the oldest registration, then the lowest uid. The pruned neuron leaves no trace here and
//! [`Config::OnNeuronRemoved`] tells the other pallets.
//!
//! ## Guarantees
//!
//! - A refused call changes nothing.
//! - [`Hotkeys`] and [`Uids`] agree both ways, both columns are `n` long, `n ≤ max_allowed_uids`, every neuron's hotkey has
//!   an owner, and the locks recorded per subnet equal the balance held for them (checked by
//!   [`Pallet::do_try_state`]).
//! - Other pallets read this pallet only through [`SubnetsInterface`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod benchmarking;
mod impl_interface;
mod internal;
pub mod math;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod pages;
mod register;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use myelin_doors::{NeuronEmission, OnNeuronRemoved, SubnetSnapshot, SubnetsInterface};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// The `InvalidTransaction::Custom` codes with which the runtime's `CheckHotkeyCalls`
/// transaction extension refuses a feeless `serve_axon` in the transaction pool.
pub mod pool_codes {
	/// The signer is not registered on the subnet (or the subnet does not exist).
	pub const NOT_REGISTERED: u8 = 1;
	/// The signer is inside the subnet's `serving_rate_limit`.
	pub const RATE_LIMITED: u8 = 2;
	/// The URL is not an `http://` or `https://` URL of at most 256 printable bytes.
	pub const INVALID_URL: u8 = 3;
}

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::subnets";

/// The balance type of the currency used for locks and burns.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			ConstU16,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::SaturatedConversion;

	/// The in-code storage version. 1: a subnet's hotkeys and registration blocks are one
	/// column each ([`Hotkeys`], [`RegistrationBlocks`]) instead of one value per uid
	/// ([`crate::migrations::v1`]). 2: each subnet's registration block is kept
	/// ([`NetworkRegisteredAt`], [`crate::migrations::v2`]). 3: each uid's coldkey and endpoint
	/// live in pages of 64 uids ([`NeuronPages`], [`crate::migrations::v3`]) instead of the
	/// per-uid `Axons`.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the subnets pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency locks are held from and registration prices burned from.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The emission of each uid at its subnet's last epoch (implemented by the Yuma
		/// pallet); pruning replaces the lowest.
		type NeuronEmission: NeuronEmission;

		/// Told when a neuron is pruned or a subnet dissolved.
		type OnNeuronRemoved: OnNeuronRemoved<Self::AccountId>;

		/// Each subnet's share of the block emission (the Root pallet); when `SubnetLimit` is
		/// reached, `register_network` prunes the lowest.
		type Shares: myelin_doors::EmissionShares;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The lock of a subnet, held from its owner until the subnet is dissolved.
		#[codec(index = 0)]
		SubnetLock,
	}

	/// Default of [`NetworkMinLock`]: 100 MYL.
	#[pallet::type_value]
	pub fn DefaultNetworkMinLock<T: Config>() -> BalanceOf<T> {
		defaults::NETWORK_MIN_LOCK.saturated_into()
	}

	/// Most subnets that may exist at once (root-settable, default 32).
	#[pallet::storage]
	pub type SubnetLimit<T> =
		StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::SUBNET_LIMIT }>>;

	/// The lowest lock cost of `register_network` (root-settable, default 100 MYL).
	#[pallet::storage]
	pub type NetworkMinLock<T> =
		StorageValue<_, BalanceOf<T>, ValueQuery, DefaultNetworkMinLock<T>>;

	/// Blocks over which the lock cost decays back to the minimum (root-settable, default
	/// 100_800).
	#[pallet::storage]
	pub type LockReductionInterval<T> =
		StorageValue<_, u32, ValueQuery, ConstU32<{ defaults::LOCK_REDUCTION_INTERVAL }>>;

	/// Blocks after its registration during which a subnet cannot be pruned (root-settable,
	/// default 100_800; dev 100).
	#[pallet::storage]
	pub type NetworkImmunityPeriod<T> =
		StorageValue<_, u32, ValueQuery, ConstU32<{ defaults::NETWORK_IMMUNITY_PERIOD }>>;

	/// The tempo given to new subnets (set in genesis, default 360).
	#[pallet::storage]
	pub type DefaultTempo<T> = StorageValue<_, u16, ValueQuery, ConstU16<{ defaults::TEMPO }>>;

	/// The lock of the last `register_network` and its block, from which the current lock cost
	/// is computed.
	#[pallet::storage]
	pub type NetworkLock<T> =
		StorageValue<_, LockState<BalanceOf<T>, BlockNumberFor<T>>, ValueQuery>;

	/// The coldkey owning each subnet. A netuid exists exactly when it has an owner.
	#[pallet::storage]
	pub type SubnetOwner<T: Config> =
		CountedStorageMap<_, Twox64Concat, u16, T::AccountId, OptionQuery>;

	/// The block at which each subnet was registered (for subnets older than storage version 2,
	/// the block of that upgrade). The root epoch ignores root weights set before it.
	#[pallet::storage]
	pub type NetworkRegisteredAt<T: Config> =
		StorageMap<_, Twox64Concat, u16, BlockNumberFor<T>, OptionQuery>;

	/// The hotkey given at `register_network` for each subnet.
	#[pallet::storage]
	pub type SubnetOwnerHotkey<T: Config> =
		StorageMap<_, Twox64Concat, u16, T::AccountId, OptionQuery>;

	/// The amount held from the owner (reason `SubnetLock`) for each subnet.
	#[pallet::storage]
	pub type SubnetLocked<T: Config> = StorageMap<_, Twox64Concat, u16, BalanceOf<T>, OptionQuery>;

	/// Every hyperparameter of each subnet.
	#[pallet::storage]
	pub type Hyperparams<T: Config> =
		StorageMap<_, Twox64Concat, u16, SubnetHyperparams<BalanceOf<T>>, OptionQuery>;

	/// The registration price of each subnet, as of its last registration (decays lazily).
	#[pallet::storage]
	pub type BurnPrice<T: Config> =
		StorageMap<_, Twox64Concat, u16, BurnState<BalanceOf<T>, BlockNumberFor<T>>, OptionQuery>;

	/// Number of neurons of each subnet; its uids are `0..n`.
	#[pallet::storage]
	pub type SubnetworkN<T> = StorageMap<_, Twox64Concat, u16, u16, ValueQuery>;

	/// The hotkey of every uid of each subnet, indexed by uid (`0..n`). One value per subnet,
	/// so that the epoch, the metagraph and pruning read a subnet's neurons in one read.
	#[pallet::storage]
	pub type Hotkeys<T: Config> =
		StorageMap<_, Twox64Concat, u16, BoundedVec<T::AccountId, MaxUids>, ValueQuery>;

	/// The uid of each `(netuid, hotkey)`: the inverse of [`Hotkeys`].
	#[pallet::storage]
	pub type Uids<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u16, Blake2_128Concat, T::AccountId, u16, OptionQuery>;

	/// The block at which the current holder of every uid of each subnet registered, indexed
	/// by uid (`0..n`), one value per subnet like [`Hotkeys`].
	#[pallet::storage]
	pub type RegistrationBlocks<T: Config> =
		StorageMap<_, Twox64Concat, u16, BoundedVec<BlockNumberFor<T>, MaxUids>, ValueQuery>;

	/// Each subnet's uids in pages of 64 (`(netuid, page)`; page `p` holds the uids
	/// `64·p .. 64·p + 63`, one entry each, so a subnet of `n` neurons has `⌈n / 64⌉` pages):
	/// the coldkey owning each uid's hotkey and the endpoint it serves, with the block it was
	/// last set. The metagraph reads a subnet's coldkeys and endpoints in `⌈n / 64⌉` reads
	/// instead of `2·n`; `serve_axon` rewrites one page.
	#[pallet::storage]
	pub type NeuronPages<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u16,
		Twox64Concat,
		u16,
		NeuronPage<T::AccountId, BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// Dissolved netuids whose per-uid values (here `Uids` and `NeuronPages`; in the other pallets
	/// rows, bonds, commits, last updates) are still being cleared by `on_idle`, over as many
	/// blocks as it takes. Such a netuid does not exist and cannot be registered yet.
	#[pallet::storage]
	pub type Dissolving<T> = StorageMap<_, Twox64Concat, u16, (), OptionQuery>;

	/// The coldkey owning each hotkey ever registered. Permanent: it survives pruning and
	/// dissolution, so a hotkey can never change hands.
	#[pallet::storage]
	pub type HotkeyOwner<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// Genesis values of the chain-wide parameters.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The lowest lock cost of `register_network` (default 100 MYL; dev: 1 MYL).
		pub network_min_lock: BalanceOf<T>,
		/// The tempo of new subnets (default 360; dev: 10). 1..=50_400 and at most the default
		/// `activity_cutoff` (5000).
		pub default_tempo: u16,
		/// Most subnets at once (default 32, at most 1024).
		pub subnet_limit: u16,
		/// Blocks over which the lock cost decays back to the minimum (default 100_800, ≥ 1).
		pub lock_reduction_interval: u32,
		/// Blocks after its registration during which a subnet cannot be pruned (default
		/// 100_800; dev 100).
		pub network_immunity_period: u32,
		/// Subnets that exist from genesis, given netuids 1, 2, … in order.
		pub subnets: Vec<GenesisSubnet<T::AccountId>>,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				network_min_lock: defaults::NETWORK_MIN_LOCK.saturated_into(),
				default_tempo: defaults::TEMPO,
				subnet_limit: defaults::SUBNET_LIMIT,
				lock_reduction_interval: defaults::LOCK_REDUCTION_INTERVAL,
				network_immunity_period: defaults::NETWORK_IMMUNITY_PERIOD,
				subnets: Vec::new(),
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let default_cutoff = SubnetHyperparams::<BalanceOf<T>>::default().activity_cutoff;
			assert!(
				(1..=MAX_TEMPO).contains(&self.default_tempo)
					&& u32::from(self.default_tempo) <= default_cutoff,
				"subnets genesis: default_tempo must be in 1..=50400 and at most {default_cutoff}",
			);
			assert!(self.subnet_limit <= MAX_SUBNETS, "subnets genesis: subnet_limit above 1024");
			assert!(
				self.lock_reduction_interval >= 1,
				"subnets genesis: lock_reduction_interval must be at least 1",
			);
			NetworkMinLock::<T>::put(self.network_min_lock);
			DefaultTempo::<T>::put(self.default_tempo);
			SubnetLimit::<T>::put(self.subnet_limit);
			LockReductionInterval::<T>::put(self.lock_reduction_interval);
			NetworkImmunityPeriod::<T>::put(self.network_immunity_period);
			assert!(
				self.subnets.len() <= usize::from(self.subnet_limit),
				"subnets genesis: more genesis subnets than subnet_limit",
			);
			for (index, subnet) in self.subnets.iter().enumerate() {
				Pallet::<T>::genesis_subnet(index as u16 + 1, subnet, self.default_tempo);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet was created; `lock` is held from `owner` until it is dissolved.
		NetworkRegistered {
			netuid: u16,
			owner: T::AccountId,
			hotkey: T::AccountId,
			lock: BalanceOf<T>,
		},
		/// A subnet and everything keyed by it were removed; `lock_released` went back to its
		/// owner.
		NetworkDissolved { netuid: u16, lock_released: BalanceOf<T> },
		/// `SubnetLimit` was reached: the subnet with the lowest emission share past its
		/// immunity was dissolved to make room (as `dissolve_network` does; `lock_released`
		/// went back to its owner). The `NetworkRegistered` that follows is the new subnet.
		NetworkPruned { netuid: u16, lock_released: BalanceOf<T> },
		/// Every value kept for the dissolved `netuid` is gone (cleared over one or more
		/// blocks after `NetworkDissolved`); the netuid can be registered again.
		NetworkCleared { netuid: u16 },
		/// A hyperparameter of a subnet was set.
		HyperparameterSet { netuid: u16, param: Hyperparameter<BalanceOf<T>> },
		/// `hotkey` got `uid` on the subnet; `burned` was withdrawn from the total issuance.
		NeuronRegistered { netuid: u16, uid: u16, hotkey: T::AccountId, burned: BalanceOf<T> },
		/// The neuron `uid` (held by `hotkey`) was pruned to make room; its uid is reused by the
		/// `NeuronRegistered` that follows.
		NeuronPruned { netuid: u16, uid: u16, hotkey: T::AccountId },
		/// A neuron set its endpoint.
		AxonServed { netuid: u16, uid: u16, url: AxonUrl },
		/// Root set a chain-wide parameter.
		NetworkParameterSet { param: NetworkParameter<BalanceOf<T>> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		SubnetNotFound,
		/// `SubnetLimit` subnets already exist and none can be pruned (the limit is 0).
		SubnetLimitReached,
		/// `SubnetLimit` subnets exist and every one is inside its `NetworkImmunityPeriod`.
		AllSubnetsImmune,
		/// The signer is neither the subnet's owner nor root.
		NotSubnetOwner,
		/// Only root may set this hyperparameter.
		RootOnlyHyperparameter,
		/// The hotkey is owned by another coldkey.
		HotkeyOwnedByAnotherColdkey,
		/// The hotkey is already registered on this subnet.
		HotkeyAlreadyRegistered,
		/// The signing hotkey is not registered on this subnet.
		HotkeyNotRegistered,
		/// The subnet does not accept registrations (`registration_allowed` is false).
		RegistrationDisabled,
		/// The subnet is full and every neuron is still inside its immunity period.
		NoNeuronToPrune,
		/// The coldkey's free balance cannot cover the lock cost.
		InsufficientBalanceForLock,
		/// The coldkey's free balance cannot cover the registration price (the account must
		/// stay alive).
		InsufficientBalanceForBurn,
		/// The URL does not start with `http://` or `https://`, has nothing after the scheme or
		/// contains a byte that is not printable ASCII.
		InvalidUrl,
		/// The URL is longer than 256 bytes.
		UrlTooLong,
		/// The neuron served an axon less than `serving_rate_limit` blocks ago.
		ServingRateLimitExceeded,
		/// `tempo` must be in 1..=50_400.
		TempoOutOfBounds,
		/// `activity_cutoff` may not be below `tempo`.
		ActivityCutoffBelowTempo,
		/// `yuma_version` must be 2 or 3.
		YumaVersionInvalid,
		/// `bonds_moving_average` may not exceed 999_999.
		BondsMovingAverageTooHigh,
		/// `alpha_low` may not be below 1638.
		AlphaLowTooLow,
		/// `alpha_low` may not exceed `alpha_high`.
		AlphaLowAboveHigh,
		/// `max_allowed_uids` must be in 2..=4096.
		MaxAllowedUidsOutOfBounds,
		/// `max_allowed_uids` may not be below the subnet's current number of neurons.
		MaxAllowedUidsBelowNeuronCount,
		/// `max_allowed_validators` must be at least 1.
		MaxAllowedValidatorsZero,
		/// `max_allowed_validators` may not exceed `max_allowed_uids`.
		ValidatorsExceedMaxUids,
		/// `min_allowed_weights` may not exceed `max_allowed_uids`.
		MinWeightsExceedMaxUids,
		/// `commit_reveal_period` must be in 1..=100.
		CommitRevealPeriodOutOfBounds,
		/// `min_burn` may not exceed `max_burn`.
		MinBurnAboveMaxBurn,
		/// `burn_half_life` must be at least 1.
		BurnHalfLifeZero,
		/// `SubnetLimit` may not exceed 1024.
		SubnetLimitTooHigh,
		/// `LockReductionInterval` must be at least 1.
		LockReductionIntervalZero,
		/// An owner may not set `min_allowed_weights` above the subnet's current number of
		/// neurons: no validator could set a row (root may).
		MinAllowedWeightsAboveNeuronCount,
		/// An owner may not set `max_weight_limit` below `65535 / n` (n the current number of
		/// neurons): no row could satisfy it (root may).
		MaxWeightLimitTooLow,
		/// An owner may not set `immunity_period` above 50_400 blocks: a full subnet would
		/// refuse every registration for that long (root may).
		ImmunityPeriodTooLong,
		/// `weights_rate_limit` must be at least 1 block: a hotkey's feeless weight calls are
		/// then included at most once a block per subnet.
		WeightsRateLimitZero,
		/// `serving_rate_limit` must be at least 1 block: a hotkey's feeless `serve_axon` is
		/// then included at most once a block per subnet.
		ServingRateLimitZero,
		/// The registration price is above the `max_burn` the signer accepted
		/// (`burned_register_with_limit`): it rose between signing and inclusion.
		BurnAboveLimit,
		/// The lock cost is above the `max_lock` the signer accepted
		/// (`register_network_with_limit`): it rose between signing and inclusion.
		LockAboveLimit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Clear what dissolved subnets left, with the weight the block has left.
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_dissolved_with(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a subnet.
		///
		/// Signer: the coldkey that will own the subnet.
		///
		/// Takes the lowest free netuid ≥ 1, makes the signer its owner with the spec default
		/// hyperparameters (the tempo from genesis), and registers `hotkey` as uid 0 without a
		/// burn. Holds the current lock cost from the signer's free balance (hold reason
		/// `SubnetLock`) until the subnet is dissolved. The lock cost then doubles, decaying
		/// linearly back to the minimum over `LockReductionInterval` blocks. The registration
		/// price of the new subnet starts at 1 MYL.
		///
		/// When `SubnetLimit` subnets exist, the one with the lowest emission share whose
		/// `NetworkImmunityPeriod` has passed (ties: the oldest registration, then the lowest
		/// netuid) is pruned first: dissolved as `dissolve_network` does, its lock back to its
		/// owner (`NetworkPruned`). Its netuid is free again once cleared, so the new subnet
		/// takes another one.
		///
		/// Errors: `SubnetLimitReached` when the limit is 0; `AllSubnetsImmune` when the limit
		/// is reached and every subnet is immune;
		/// `HotkeyOwnedByAnotherColdkey` when `hotkey` belongs to another coldkey;
		/// `InsufficientBalanceForLock` when the free balance cannot cover the lock.
		///
		/// Events: `NetworkPruned { netuid, lock_released }` when a subnet was pruned, then
		/// `NetworkRegistered { netuid, owner, hotkey, lock }`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_network(u32::from(MAX_SUBNETS))
			.max(T::WeightInfo::register_network_pruning(u32::from(MAX_SUBNETS))))]
		pub fn register_network(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			Self::do_register_network(coldkey, hotkey, None)
		}

		/// Remove a subnet.
		///
		/// Signer: the subnet's owner, or root.
		///
		/// Removes the subnet with its hyperparameters, price, neurons and every other value
		/// kept for the subnet as a whole, releases the owner's lock in full and tells the
		/// other pallets (`OnNeuronRemoved::on_network_dissolved`), whose epoch outputs go too.
		/// What is kept per uid (uids, axons, weight rows, bonds, commits, last updates) is
		/// cleared by `on_idle` with the weight blocks have left, over as many blocks as it
		/// takes (`Dissolving`), then `NetworkCleared` is emitted and the netuid becomes free
		/// for the next `register_network`. Hotkey ownership is kept.
		///
		/// Errors: `SubnetNotFound`; `NotSubnetOwner` when signed by another account.
		///
		/// Events: `NetworkDissolved { netuid, lock_released }`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::dissolve_network(u32::from(MAX_UIDS)))]
		pub fn dissolve_network(origin: OriginFor<T>, netuid: u16) -> DispatchResultWithPostInfo {
			let who = ensure_signed_or_root(origin)?;
			let owner = SubnetOwner::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
			if let Some(who) = who {
				ensure!(who == owner, Error::<T>::NotSubnetOwner);
			}
			let n = SubnetworkN::<T>::get(netuid);
			// The listeners first, while the subnet's neurons can still be read.
			T::OnNeuronRemoved::on_network_dissolved(netuid);
			let lock_released = Self::remove_subnet(netuid, &owner)?;
			Self::deposit_event(Event::NetworkDissolved { netuid, lock_released });
			Ok(Some(T::WeightInfo::dissolve_network(u32::from(n))).into())
		}

		/// Set one hyperparameter of a subnet.
		///
		/// Signer: root, or the subnet's owner for every variant except the root-only ones
		/// (`Kappa`, `MaxAllowedUids`, `MaxAllowedValidators`, `MinBurn`, `MaxBurn`,
		/// `BurnHalfLife`).
		///
		/// Errors: `SubnetNotFound`; `NotSubnetOwner` when signed by another account;
		/// `RootOnlyHyperparameter` when the owner sets a root-only variant; and the bound of
		/// the variant: `TempoOutOfBounds` (1..=50_400), `ActivityCutoffBelowTempo`
		/// (activity_cutoff ≥ tempo, checked when setting either), `YumaVersionInvalid` (2 or 3),
		/// `BondsMovingAverageTooHigh` (≤ 999_999), `AlphaLowTooLow` (low ≥ 1638),
		/// `AlphaLowAboveHigh`, `MaxAllowedUidsOutOfBounds` (2..=4096),
		/// `MaxAllowedUidsBelowNeuronCount`, `MaxAllowedValidatorsZero`,
		/// `ValidatorsExceedMaxUids` and `MinWeightsExceedMaxUids` (checked when setting either
		/// side), `CommitRevealPeriodOutOfBounds` (1..=100), `MinBurnAboveMaxBurn` (checked when
		/// setting either), `BurnHalfLifeZero`, `WeightsRateLimitZero`, `ServingRateLimitZero`
		/// (both rate limits are at least 1 block). An owner (not root) may not make the subnet
		/// unusable: `MinAllowedWeightsAboveNeuronCount` (at most the current number of
		/// neurons), `MaxWeightLimitTooLow` (at least `65535 / n`, so that a row over the
		/// current neurons fits), `ImmunityPeriodTooLong` (at most 50_400 blocks).
		///
		/// Events: `HyperparameterSet { netuid, param }`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_hyperparameter())]
		pub fn set_hyperparameter(
			origin: OriginFor<T>,
			netuid: u16,
			param: Hyperparameter<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed_or_root(origin)?;
			let owner = SubnetOwner::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
			let n = SubnetworkN::<T>::get(netuid);
			if let Some(who) = who {
				ensure!(who == owner, Error::<T>::NotSubnetOwner);
				ensure!(!param.is_root_only(), Error::<T>::RootOnlyHyperparameter);
				Self::ensure_owner_keeps_subnet_usable(&param, n)?;
			}
			let mut params = Hyperparams::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
			Self::apply_hyperparameter(&mut params, param, n)?;
			Hyperparams::<T>::insert(netuid, params);
			Self::deposit_event(Event::HyperparameterSet { netuid, param });
			Ok(())
		}

		/// Register a hotkey on a subnet by burning the registration price.
		///
		/// Signer: the coldkey that owns `hotkey`, or any coldkey when `hotkey` has no owner
		/// yet (it then becomes its owner).
		///
		/// Burns (withdraws from the total issuance) the subnet's current registration price
		/// from the signer, keeping the account alive, and gives `hotkey` a uid: the next free
		/// one, or, when the subnet holds `max_allowed_uids` neurons, the uid of the neuron
		/// with the lowest emission among those past their immunity period (ties: oldest
		/// registration, then lowest uid), which is pruned. The price is then multiplied by
		/// 1.26; it halves every `burn_half_life` blocks and stays within
		/// `[min_burn, max_burn]`.
		///
		/// Errors: `SubnetNotFound`; `RegistrationDisabled`; `HotkeyOwnedByAnotherColdkey`;
		/// `HotkeyAlreadyRegistered` when `hotkey` already has a uid on this subnet;
		/// `NoNeuronToPrune` when the subnet is full and every neuron is immune;
		/// `InsufficientBalanceForBurn`.
		///
		/// Events: `NeuronPruned { netuid, uid, hotkey }` for the replaced neuron if any, then
		/// `NeuronRegistered { netuid, uid, hotkey, burned }`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::burned_register(u32::from(MAX_UIDS)))]
		pub fn burned_register(
			origin: OriginFor<T>,
			netuid: u16,
			hotkey: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			Self::do_burned_register(coldkey, netuid, hotkey, None)
		}

		/// Set the endpoint of a neuron.
		///
		/// Signer: a hotkey registered on `netuid`.
		///
		/// Stores `url` (an `http://` or `https://` URL of at most 256 bytes of printable
		/// ASCII) as the axon of the signer's uid, with the current block.
		///
		/// Errors: `SubnetNotFound`; `HotkeyNotRegistered`; `ServingRateLimitExceeded` when the
		/// previous `serve_axon` of this uid is less than `serving_rate_limit` blocks old;
		/// `UrlTooLong`; `InvalidUrl`.
		///
		/// Events: `AxonServed { netuid, uid, url }`.
		#[pallet::call_index(4)]
		#[pallet::weight((T::WeightInfo::serve_axon(), DispatchClass::Normal, Pays::No))]
		pub fn serve_axon(origin: OriginFor<T>, netuid: u16, url: Vec<u8>) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			let uid = Self::ensure_can_serve_axon(netuid, &hotkey)?;
			let url = Self::validate_url(url)?;
			let block = frame_system::Pallet::<T>::block_number();
			Self::put_axon(netuid, uid, AxonInfo { url: url.clone(), block });
			Self::deposit_event(Event::AxonServed { netuid, uid, url });
			Ok(())
		}

		/// Set a chain-wide parameter.
		///
		/// Signer: root.
		///
		/// `SubnetLimit(limit)`: most subnets at once, 0..=1024 (lowering it below the current
		/// count only refuses new registrations). `NetworkMinLock(amount)`: the lowest lock
		/// cost. `LockReductionInterval(blocks)`: the decay period of the lock cost, ≥ 1.
		/// `NetworkImmunityPeriod(blocks)`: how long a new subnet cannot be pruned.
		///
		/// Errors: `BadOrigin` when not root; `SubnetLimitTooHigh`; `LockReductionIntervalZero`.
		///
		/// Events: `NetworkParameterSet { param }`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_network_parameter())]
		pub fn set_network_parameter(
			origin: OriginFor<T>,
			param: NetworkParameter<BalanceOf<T>>,
		) -> DispatchResult {
			ensure_root(origin)?;
			match param {
				NetworkParameter::SubnetLimit(limit) => {
					ensure!(limit <= MAX_SUBNETS, Error::<T>::SubnetLimitTooHigh);
					SubnetLimit::<T>::put(limit);
				},
				NetworkParameter::NetworkMinLock(amount) => NetworkMinLock::<T>::put(amount),
				NetworkParameter::LockReductionInterval(blocks) => {
					ensure!(blocks >= 1, Error::<T>::LockReductionIntervalZero);
					LockReductionInterval::<T>::put(blocks);
				},
				NetworkParameter::NetworkImmunityPeriod(blocks) => {
					NetworkImmunityPeriod::<T>::put(blocks)
				},
			}
			Self::deposit_event(Event::NetworkParameterSet { param });
			Ok(())
		}

		/// `register_network`, refused when the lock cost is above `max_lock`.
		///
		/// The lock cost doubles after each registration, so it may rise between signing and
		/// inclusion; with this call the signer never locks more than it agreed to.
		///
		/// Errors: those of `register_network`, and `LockAboveLimit` when the lock cost at
		/// inclusion is above `max_lock`.
		///
		/// Events: as `register_network`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_network(u32::from(MAX_SUBNETS))
			.max(T::WeightInfo::register_network_pruning(u32::from(MAX_SUBNETS))))]
		pub fn register_network_with_limit(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			max_lock: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			Self::do_register_network(coldkey, hotkey, Some(max_lock))
		}

		/// `burned_register`, refused when the registration price is above `max_burn`.
		///
		/// The price grows 1.26 times with each registration, so it may rise between signing
		/// and inclusion; with this call the signer never burns more than it agreed to.
		///
		/// Errors: those of `burned_register`, and `BurnAboveLimit` when the price at
		/// inclusion is above `max_burn`.
		///
		/// Events: as `burned_register`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::burned_register(u32::from(MAX_UIDS)))]
		pub fn burned_register_with_limit(
			origin: OriginFor<T>,
			netuid: u16,
			hotkey: T::AccountId,
			max_burn: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			Self::do_burned_register(coldkey, netuid, hotkey, Some(max_burn))
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check the invariants of this pallet's storage:
		///
		/// - every subnet has its owner hotkey, lock, hyperparameters and price, and nothing is
		///   stored for a netuid that does not exist;
		/// - `n ≤ max_allowed_uids`, the uids are exactly `0..n`, each with a registration
		///   block, and axons exist only for those uids;
		/// - `Keys` and `Uids` agree both ways;
		/// - every neuron's hotkey has an owner coldkey;
		/// - the sum of `SubnetLocked` of each owner equals its balance held with
		///   `HoldReason::SubnetLock`.
		///
		/// Not behind a feature, so that unit tests can call it.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			crate::internal::try_state::<T>()
		}

		/// The balance held from `who` for subnet locks.
		pub fn held_for_locks(who: &T::AccountId) -> BalanceOf<T> {
			T::Currency::balance_on_hold(&HoldReason::SubnetLock.into(), who)
		}
	}
}
