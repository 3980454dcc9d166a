//! The doors: every trait one pallet offers another. The runtime connects providers to users;
//! no pallet crate depends on another.
//!
//! | door | provider | users |
//! |---|---|---|
//! | [`SubnetsInterface`] | Subnets | Weights, Yuma, runtime API |
//! | [`OnNeuronRemoved`] | Weights, Yuma (listeners) | Subnets (caller) |
//! | [`NeuronEmission`] | Yuma | Subnets (pruning) |
//! | [`HotkeyOwners`] | Subnets (via the runtime) | Staking |
//! | [`StakeInfo`] | Staking | Yuma, runtime API |
//! | [`StakingRewards`] | Staking | Yuma (payouts) |
//! | [`WeightsSource`] | Weights | Yuma (epoch inputs) |
//! | [`ValidatorPermits`] | Yuma | Weights |
//! | [`EpochSchedule`] | Yuma | Weights (commit-reveal windows), runtime API |
//! | [`PendingRewards`] | Yuma | Staking (settles a hotkey before its stake changes hands) |

use crate::{hyperparams::SubnetHyperparams, schedule::EpochState};
use alloc::vec::Vec;
use sp_runtime::Weight;

/// Everything one epoch reads from the Subnets pallet about one subnet, in one call.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SubnetSnapshot<AccountId, Balance> {
	/// The coldkey owning the subnet (paid the owner cut).
	pub owner: AccountId,
	/// Every hyperparameter.
	pub hyperparams: SubnetHyperparams<Balance>,
	/// The hotkey of every uid, indexed by uid (`0..n`).
	pub hotkeys: Vec<AccountId>,
	/// The block at which each uid's current holder registered, indexed by uid.
	pub registered_at: Vec<u64>,
}

/// Read access to subnets, neurons and hyperparameters, for the other pallets and the runtime
/// APIs. Implemented by the Subnets pallet; no other pallet reads its storage.
pub trait SubnetsInterface<AccountId, BlockNumber> {
	/// The balance type of locks and registration prices.
	type Balance;

	/// Every existing netuid, ascending.
	fn netuids() -> Vec<u16>;
	/// The most subnets that can exist by the end of the current call: the subnet limit, or
	/// the number of subnets when root lowered the limit below it. Bounds per-hotkey loops
	/// over subnets, for their weights.
	fn max_subnets() -> u16;
	/// Whether `netuid` exists.
	fn subnet_exists(netuid: u16) -> bool;
	/// The coldkey owning `netuid`.
	fn subnet_owner(netuid: u16) -> Option<AccountId>;
	/// The hotkey given at `register_network` for `netuid`.
	fn subnet_owner_hotkey(netuid: u16) -> Option<AccountId>;
	/// Number of neurons of `netuid`; its uids are exactly `0..n` (0 for an unknown subnet).
	fn n(netuid: u16) -> u16;
	/// The uid of `hotkey` on `netuid`.
	fn uid_of(netuid: u16, hotkey: &AccountId) -> Option<u16>;
	/// The hotkey holding `uid` on `netuid`. Reads the subnet's whole column: to visit many
	/// uids, read [`hotkeys`](Self::hotkeys) once.
	fn hotkey_of(netuid: u16, uid: u16) -> Option<AccountId>;
	/// The hotkey of every uid of `netuid`, indexed by uid (`0..n`); one read.
	fn hotkeys(netuid: u16) -> Vec<AccountId>;
	/// The block at which the current holder of `uid` on `netuid` registered.
	fn registered_at(netuid: u16, uid: u16) -> Option<BlockNumber>;
	/// The coldkey owning `hotkey` (ownership is permanent once taken).
	fn hotkey_owner(hotkey: &AccountId) -> Option<AccountId>;
	/// Every hyperparameter of `netuid`, or `None` for an unknown subnet.
	fn hyperparams(netuid: u16) -> Option<SubnetHyperparams<Self::Balance>>;
	/// Whether `netuid` was dissolved and other pallets may still hold per-uid values of it
	/// (being cleared: `OnNeuronRemoved::clear_dissolved`); such a netuid does not exist and
	/// cannot be registered yet.
	fn is_dissolving(netuid: u16) -> bool;
	/// The neurons of `netuid` as `(uid, hotkey)`, ascending by uid.
	fn neurons(netuid: u16) -> Vec<(u16, AccountId)>;
	/// What an epoch of `netuid` reads from Subnets, or `None` for an unknown subnet.
	fn epoch_snapshot(netuid: u16) -> Option<SubnetSnapshot<AccountId, Self::Balance>>;
	/// The URL served by `uid` on `netuid`.
	fn axon_url(netuid: u16, uid: u16) -> Option<Vec<u8>>;
	/// The price `burned_register` would burn on `netuid` now.
	fn registration_price(netuid: u16) -> Option<Self::Balance>;
	/// The amount held from the owner for `netuid`.
	fn locked(netuid: u16) -> Option<Self::Balance>;
	/// The lock `register_network` would hold now.
	fn network_lock_cost() -> Self::Balance;
}

/// Told when a neuron leaves a subnet or a whole subnet is dissolved, so that the pallets
/// keeping per-uid data (weight rows, bonds, epoch outputs) can clean up.
///
/// Implemented for `()` (nobody listens) and for tuples of up to eight listeners, which are
/// called in order.
pub trait OnNeuronRemoved<AccountId> {
	/// `uid` of `netuid`, held by `hotkey`, was pruned. The uid is given to a new hotkey in
	/// the same call, right after this hook returns.
	fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId);

	/// `netuid` is being dissolved: drop what is keyed by the subnet alone (a few values and
	/// columns), not what is kept per uid. Its neurons can still be read in the hook; right
	/// after it returns, Subnets removes the subnet, and the netuid stays taken until every
	/// listener's per-uid values are gone ([`clear_dissolved`](Self::clear_dissolved)).
	fn on_network_dissolved(netuid: u16);

	/// Remove at most `limit` of the per-uid values still kept for the dissolved `netuid`
	/// (called from `on_idle` over as many blocks as it takes); returns how many were removed.
	/// Fewer than `limit` means none are left.
	fn clear_dissolved(netuid: u16, limit: u32) -> u32;
}

/// Run `clearers` in turn within `limit` values removed in all, each given what is left and
/// returning how many it removed (fewer than it was given: it has nothing left), the next only
/// once the one before has nothing left; how many were removed (fewer than `limit`: all are
/// done). The shape of every `clear_dissolved`.
pub fn clear_in_turn(limit: u32, clearers: &[&dyn Fn(u32) -> u32]) -> u32 {
	let mut removed = 0u32;
	for clear in clearers {
		let left = limit - removed;
		if left == 0 {
			break;
		}
		let now = clear(left).min(left);
		removed += now;
		if now == left {
			return limit;
		}
	}
	removed
}

/// How many values a `clear_prefix` given `limit` reports to [`clear_in_turn`]: the `unique`
/// values it removed, or `limit` when some are left (`more`, a cursor was returned).
pub fn cleared(limit: u32, more: bool, unique: u32) -> u32 {
	if more {
		limit
	} else {
		unique.min(limit)
	}
}

impl<AccountId> OnNeuronRemoved<AccountId> for () {
	fn on_neuron_removed(_netuid: u16, _uid: u16, _hotkey: &AccountId) {}
	fn on_network_dissolved(_netuid: u16) {}
	fn clear_dissolved(_netuid: u16, _limit: u32) -> u32 {
		0
	}
}

macro_rules! impl_on_neuron_removed_for_tuples {
	($($name:ident),+) => {
		impl<AccountId, $($name: OnNeuronRemoved<AccountId>),+> OnNeuronRemoved<AccountId>
			for ($($name,)+)
		{
			fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId) {
				$($name::on_neuron_removed(netuid, uid, hotkey);)+
			}
			fn on_network_dissolved(netuid: u16) {
				$($name::on_network_dissolved(netuid);)+
			}
			fn clear_dissolved(netuid: u16, limit: u32) -> u32 {
				clear_in_turn(limit, &[$(&|left| $name::clear_dissolved(netuid, left)),+])
			}
		}
	};
}

impl_on_neuron_removed_for_tuples!(A);
impl_on_neuron_removed_for_tuples!(A, B);
impl_on_neuron_removed_for_tuples!(A, B, C);
impl_on_neuron_removed_for_tuples!(A, B, C, D);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E, F);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E, F, G);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E, F, G, H);

/// The emission a uid received at its subnet's last epoch; pruning replaces the lowest.
///
/// The Yuma pallet implements it; `()` answers 0 for every uid.
pub trait NeuronEmission {
	/// Emission of `uid` on `netuid` at the last epoch, in base units.
	fn emission(netuid: u16, uid: u16) -> u64;
	/// Emission of every uid of `netuid` at the last epoch, indexed by uid; shorter than the
	/// subnet (or empty) when uids registered since have none. One read, for pruning, which
	/// compares every uid.
	fn emissions(netuid: u16) -> Vec<u64>;
}

impl NeuronEmission for () {
	fn emission(_netuid: u16, _uid: u16) -> u64 {
		0
	}
	fn emissions(_netuid: u16) -> Vec<u64> {
		Vec::new()
	}
}

/// Who owns a hotkey. The Subnets pallet decides it; the runtime connects it to Staking.
pub trait HotkeyOwners<AccountId> {
	/// The coldkey owning `hotkey`, if any coldkey registered it.
	fn owner(hotkey: &AccountId) -> Option<AccountId>;

	/// Make `coldkey` the owner of `hotkey` (benchmark setup only).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_owner(hotkey: &AccountId, coldkey: &AccountId);
}

/// Read access to stake, for the Yuma pallet and the runtime APIs.
pub trait StakeInfo<AccountId> {
	/// The balance type of stake.
	type Balance;

	/// Everything staked to `hotkey` (its owner's and its nominators' stake, rewards
	/// included): the stake Yuma weighs the hotkey by.
	fn total_stake(hotkey: &AccountId) -> Self::Balance;

	/// What `coldkey` could withdraw from `hotkey` now.
	fn stake(coldkey: &AccountId, hotkey: &AccountId) -> Self::Balance;
}

/// How the Yuma pallet pays a subnet's emission. Each function mints exactly what it returns
/// (the "credited" amount) and never more than it was asked to; the caller tracks any
/// difference as dust. All of them are O(1) in the number of stakers.
pub trait StakingRewards<AccountId> {
	/// The balance type of rewards.
	type Balance;

	/// A miner's incentive: added to the stake of the hotkey's owner on the hotkey.
	fn credit_incentive(hotkey: &AccountId, amount: Self::Balance) -> Self::Balance;

	/// A validator's dividend: the hotkey's take goes to its owner as stake, the rest to every
	/// staker of the hotkey (owner included) in proportion to their stake, as stake.
	fn pay_dividend(hotkey: &AccountId, amount: Self::Balance) -> Self::Balance;

	/// The subnet owner's cut: minted into `coldkey`'s free balance.
	fn pay_owner_cut(coldkey: &AccountId, amount: Self::Balance) -> Self::Balance;
}

/// The weight rows an epoch reads, implemented by the Weights pallet. `()` stands for a chain
/// where nobody sets weights (every row empty, every `last_update` 0).
pub trait WeightsSource {
	/// One weight row per uid in `0..n`: `(uid, weight)` pairs, as stored.
	fn weight_rows(netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>>;
	/// The block of each uid's last weight update, one entry per uid in `0..n` (0 if never).
	fn last_updates(netuid: u16, n: u16) -> Vec<u64>;
	/// How many weight entries `netuid` stores, to weigh its epoch before running it.
	fn entries(netuid: u16) -> u32;
}

impl WeightsSource for () {
	fn weight_rows(_netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>> {
		alloc::vec![Vec::new(); usize::from(n)]
	}
	fn last_updates(_netuid: u16, n: u16) -> Vec<u64> {
		alloc::vec![0; usize::from(n)]
	}
	fn entries(_netuid: u16) -> u32 {
		0
	}
}

/// Which uids hold a validator permit (handed out at each epoch, by stake). Read by the
/// Weights pallet: only permitted validators may set weights.
pub trait ValidatorPermits {
	/// Whether `uid` of `netuid` got a validator permit at the subnet's last epoch.
	fn has_permit(netuid: u16, uid: u16) -> bool;

	/// Give `uid` of `netuid` a permit (benchmark setup only).
	#[cfg(feature = "runtime-benchmarks")]
	fn grant_permit(netuid: u16, uid: u16);
}

/// Where each subnet stands in its epoch schedule (see [`crate::schedule`]). Implemented by
/// the Yuma pallet, which runs the epochs.
pub trait EpochSchedule {
	/// The schedule of `netuid`, or `None` before Yuma first schedules it (the block after its
	/// registration).
	fn epoch_state(netuid: u16) -> Option<EpochState>;

	/// The index of the epoch the current block is in for `netuid` (0 before it is scheduled).
	fn current_epoch(netuid: u16) -> u64 {
		Self::epoch_state(netuid).map(|state| state.index).unwrap_or(0)
	}
}

/// A chain without epochs: every subnet stays in epoch 0.
impl EpochSchedule for () {
	fn epoch_state(_netuid: u16) -> Option<EpochState> {
		None
	}
}

/// Rewards that epochs assigned to hotkeys but have not paid yet. The Yuma pallet owes them
/// lazily: an epoch only records what each uid earned, and the payouts are made later, with
/// a block's spare weight or when something touches the hotkey. Staking settles a hotkey
/// before it changes the hotkey's pool (stake added, removed or moved, take changed), so that
/// every reward goes to the stakers of the epoch that earned it.
pub trait PendingRewards<AccountId> {
	/// Pay everything owed to `hotkey` on every subnet now. Returns the weight used, at most
	/// [`Self::max_settle_weight`].
	fn settle(hotkey: &AccountId) -> Weight;

	/// The most [`Self::settle`] can weigh now (every subnet that may exist holding the
	/// hotkey).
	fn max_settle_weight() -> Weight;
}

/// Rewards paid at once: nothing is ever owed.
impl<AccountId> PendingRewards<AccountId> for () {
	fn settle(_hotkey: &AccountId) -> Weight {
		Weight::zero()
	}
	fn max_settle_weight() -> Weight {
		Weight::zero()
	}
}
