//! The doors of the staking room: what it reads (hotkey ownership) and what it offers (stake
//! reads for the other pallets, reward entry points for the Yuma pallet).

/// Who owns a hotkey. The Subnets pallet decides it; the runtime connects the two.
pub trait HotkeyOwners<AccountId> {
	/// The coldkey owning `hotkey`, if any coldkey registered it.
	fn owner(hotkey: &AccountId) -> Option<AccountId>;

	/// Make `coldkey` the owner of `hotkey` (benchmark setup only).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_owner(hotkey: &AccountId, coldkey: &AccountId);
}

/// Read access to stake, for the Yuma pallet, runtime APIs and the RPC.
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
