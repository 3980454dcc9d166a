//! The staking pallet's implementations of its doors ([`StakeInfo`], [`StakingRewards`]).

use crate::{BalanceOf, Config, Pallet, StakeInfo, StakingRewards};

impl<T: Config> StakeInfo<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn total_stake(hotkey: &T::AccountId) -> BalanceOf<T> {
		Self::total_stake_of(hotkey)
	}

	fn stake(coldkey: &T::AccountId, hotkey: &T::AccountId) -> BalanceOf<T> {
		Self::stake_of(coldkey, hotkey)
	}
}

impl<T: Config> StakingRewards<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn credit_incentive(hotkey: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		Self::do_credit_incentive(hotkey, amount)
	}

	fn pay_dividend(hotkey: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		Self::do_pay_dividend(hotkey, amount)
	}

	fn pay_owner_cut(coldkey: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		Self::do_pay_owner_cut(coldkey, amount)
	}
}
