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
//! | [`EmissionShares`] | Root | Yuma (the block emission's split), Subnets (pruning), runtime API |
//! | [`RootEpoch`] | Root | Yuma (runs it inside the block's epoch budget) |

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
	/// The block at which `netuid` was registered (for a subnet that existed before storage
	/// version 2, the block of that upgrade).
	fn network_registered_at(netuid: u16) -> Option<BlockNumber>;
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
	/// The rows an epoch reads: one per uid in `0..permit.len()`, `(uid, weight)` pairs as
	/// stored for the uids with a permit, empty for the others. The stored rows of uids
	/// without a permit are not read: the first `max_removed` of them (by uid) are removed,
	/// so a validator's row leaves with its permit and the entries stay at most permitted
	/// validators × n.
	fn epoch_rows(netuid: u16, permit: &[bool], max_removed: u32) -> Vec<Vec<(u16, u16)>>;
	/// The block of each uid's last weight update, one entry per uid in `0..n` (0 if never).
	fn last_updates(netuid: u16, n: u16) -> Vec<u64>;
	/// How many weight entries `netuid` stores, to weigh its epoch before running it.
	fn entries(netuid: u16) -> u32;
}

impl WeightsSource for () {
	fn epoch_rows(_netuid: u16, permit: &[bool], _max_removed: u32) -> Vec<Vec<(u16, u16)>> {
		alloc::vec![Vec::new(); permit.len()]
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

/// Parts per billion: the unit of [`EmissionShares`].
pub const SHARE_UNIT: u32 = 1_000_000_000;

/// Each subnet's share of the block emission, decided by root consensus. Implemented by the
/// Root pallet.
pub trait EmissionShares {
	/// The share of each of `netuids` (every existing subnet, ascending), in parts per
	/// billion, in the same order. They sum to exactly [`SHARE_UNIT`] when `netuids` is not
	/// empty.
	fn emission_shares(netuids: &[u16]) -> Vec<u32>;

	/// The most [`Self::emission_shares`] weighs (it reads one value).
	fn shares_weight() -> Weight;
}

/// Equal shares, the remainder to the lowest netuids: a chain without root consensus.
impl EmissionShares for () {
	fn emission_shares(netuids: &[u16]) -> Vec<u32> {
		equal_shares(netuids.len())
	}
	fn shares_weight() -> Weight {
		Weight::zero()
	}
}

/// `n` equal shares summing to exactly [`SHARE_UNIT`]; the first `SHARE_UNIT % n` get one part
/// more.
pub fn equal_shares(n: usize) -> Vec<u32> {
	if n == 0 {
		return Vec::new();
	}
	let n32 = n as u32;
	let (each, rest) = (SHARE_UNIT / n32, SHARE_UNIT % n32);
	(0..n32).map(|i| each + u32::from(i < rest)).collect()
}

/// Splits `amount` by `shares` (parts per billion summing to [`SHARE_UNIT`]), each part rounded
/// down: the parts never sum to more than `amount`, and to less by at most one per share.
pub fn split_by_shares(amount: u128, shares: &[u32]) -> Vec<u128> {
	shares
		.iter()
		.map(|share| amount.saturating_mul(u128::from(*share)) / u128::from(SHARE_UNIT))
		.collect()
}

/// The root epoch: every `root_tempo` blocks, root validators' weights over subnets become the
/// subnets' [`EmissionShares`]. Implemented by the Root pallet; the Yuma pallet runs it first
/// in the block's epoch budget, so that no block carries more than its limit.
pub trait RootEpoch {
	/// Its weight when it is due at block `now`, `None` when it is not due.
	fn due(now: u64) -> Option<Weight>;

	/// Run it at `now` (call only when [`Self::due`], whose weight the caller charges).
	fn run(now: u64);
}

/// No root consensus: never due.
impl RootEpoch for () {
	fn due(_now: u64) -> Option<Weight> {
		None
	}
	fn run(_now: u64) {}
}

#[cfg(test)]
mod share_tests {
	use super::*;

	#[test]
	fn equal_shares_sum_to_one() {
		for n in [1usize, 2, 3, 7, 32, 1024] {
			let shares = equal_shares(n);
			assert_eq!(shares.len(), n);
			assert_eq!(shares.iter().map(|s| u64::from(*s)).sum::<u64>(), u64::from(SHARE_UNIT));
			assert!(shares.iter().max().unwrap() - shares.iter().min().unwrap() <= 1);
		}
		assert!(equal_shares(0).is_empty());
	}

	#[test]
	fn a_split_never_exceeds_the_amount() {
		let shares = equal_shares(3);
		let parts = split_by_shares(1_000_000_000, &shares);
		assert_eq!(parts, vec![333_333_334, 333_333_333, 333_333_333]);
		let parts = split_by_shares(10, &shares);
		assert!(parts.iter().sum::<u128>() <= 10);
	}
}
