//! Benchmarks of the staking pallet (frame_benchmarking v2), each in its worst case: every
//! call settles pending rewards first, so each benchmark pays a dividend before it runs.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Staking;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::SaturatedConversion;

const SEED: u32 = 0;
/// One MYL in base units.
const UNIT: u128 = 1_000_000_000;

/// An account holding a million MYL.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, (1_000_000 * UNIT).saturated_into());
	who
}

/// A hotkey owned by a funded coldkey that stakes 1000 MYL to it.
fn owned_hotkey<T: Config>(index: u32) -> (T::AccountId, T::AccountId) {
	Staking::<T>::ensure_pot_exists();
	let owner = funded::<T>("owner", index);
	let hotkey: T::AccountId = account("hotkey", index, SEED);
	T::HotkeyOwners::set_owner(&hotkey, &owner);
	Staking::<T>::do_add_stake(owner.clone(), hotkey.clone(), (1000 * UNIT).saturated_into())
		.expect("funded");
	(owner, hotkey)
}

/// `coldkey` stakes `amount` MYL to `hotkey`.
fn stake<T: Config>(coldkey: &T::AccountId, hotkey: &T::AccountId, amount: u128) {
	Staking::<T>::do_add_stake(coldkey.clone(), hotkey.clone(), (amount * UNIT).saturated_into())
		.expect("funded");
}

/// Pay a dividend of 7 MYL to `hotkey`, so its stakers have rewards to settle.
fn reward<T: Config>(hotkey: &T::AccountId) {
	Staking::<T>::do_pay_dividend(hotkey, (7 * UNIT).saturated_into());
}

/// A funded nominator with 10 MYL staked to each of `hotkeys`, each of which then earned a
/// dividend: every position has rewards to settle.
fn nominator_with_rewards<T: Config>(hotkeys: &[&T::AccountId]) -> T::AccountId {
	let nominator = funded::<T>("nominator", 0);
	for hotkey in hotkeys {
		stake::<T>(&nominator, hotkey, 10);
	}
	for hotkey in hotkeys {
		reward::<T>(hotkey);
	}
	nominator
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A nominator adds to a position that has rewards to settle.
	#[benchmark]
	fn add_stake() {
		let (_, hotkey) = owned_hotkey::<T>(0);
		let nominator = nominator_with_rewards::<T>(&[&hotkey]);
		let amount: BalanceOf<T> = (5 * UNIT).saturated_into();

		#[extrinsic_call]
		_(RawOrigin::Signed(nominator.clone()), hotkey.clone(), amount);

		assert!(Staking::<T>::stake_of(&nominator, &hotkey) > (15 * UNIT).saturated_into());
	}

	/// A nominator removes part of a position that has rewards to settle.
	#[benchmark]
	fn remove_stake() {
		let (_, hotkey) = owned_hotkey::<T>(0);
		let nominator = nominator_with_rewards::<T>(&[&hotkey]);
		let amount: BalanceOf<T> = (5 * UNIT).saturated_into();

		#[extrinsic_call]
		_(RawOrigin::Signed(nominator.clone()), hotkey.clone(), amount);

		assert!(Staking::<T>::stake_of(&nominator, &hotkey) > (5 * UNIT).saturated_into());
	}

	/// A nominator moves stake between two hotkeys where it has positions with rewards.
	#[benchmark]
	fn move_stake() {
		let (_, from) = owned_hotkey::<T>(0);
		let (_, to) = owned_hotkey::<T>(1);
		let nominator = nominator_with_rewards::<T>(&[&from, &to]);
		let amount: BalanceOf<T> = (5 * UNIT).saturated_into();

		#[extrinsic_call]
		_(RawOrigin::Signed(nominator.clone()), from.clone(), to.clone(), amount);

		assert!(Staking::<T>::stake_of(&nominator, &to) > (15 * UNIT).saturated_into());
	}

	/// An increase announced past the rate limit over an earlier announcement that is in
	/// force by then (the path with the most reads and writes: the matured take is stored,
	/// the new one announced). Settling what Yuma owes is charged on top
	/// (`PendingRewards::max_settle_weight`).
	#[benchmark]
	fn set_take() {
		let (owner, hotkey) = owned_hotkey::<T>(0);
		Staking::<T>::do_set_take(owner.clone(), hotkey.clone(), Perbill::from_percent(5))
			.expect("a decrease");
		Staking::<T>::do_set_take(owner.clone(), hotkey.clone(), Perbill::from_percent(6))
			.expect("the first increase, announced");
		let wait = TakeRateLimit::<T>::get().max(TakeIncreaseDelay::<T>::get());
		let later = frame_system::Pallet::<T>::block_number() + BlockNumberFor::<T>::from(wait);
		frame_system::Pallet::<T>::set_block_number(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hotkey.clone(), Perbill::from_percent(10));

		assert_eq!(Takes::<T>::get(&hotkey), Perbill::from_percent(6));
		let delay = BlockNumberFor::<T>::from(TakeIncreaseDelay::<T>::get());
		assert_eq!(
			PendingTakes::<T>::get(&hotkey),
			Some(PendingTake { take: Perbill::from_percent(10), effective_at: later + delay })
		);
	}

	#[benchmark]
	fn set_take_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 7_200);

		assert_eq!(TakeRateLimit::<T>::get(), 7_200);
	}

	#[benchmark]
	fn set_take_increase_delay() {
		#[extrinsic_call]
		_(RawOrigin::Root, 14_400);

		assert_eq!(TakeIncreaseDelay::<T>::get(), 14_400);
	}

	/// A dividend to a hotkey with `n` stakers (its owner and `n − 1` nominators) and a take
	/// increase announced but not in force (both takes are read): the cost must not depend on
	/// `n`.
	#[benchmark]
	fn pay_dividend(n: Linear<1, 10_000>) {
		let (owner, hotkey) = owned_hotkey::<T>(0);
		Staking::<T>::do_set_take(owner.clone(), hotkey.clone(), Perbill::from_percent(5))
			.expect("a decrease");
		Staking::<T>::do_set_take(owner.clone(), hotkey.clone(), Perbill::from_percent(6))
			.expect("the first increase, announced");
		for i in 1..n {
			let nominator = funded::<T>("nominator", i);
			stake::<T>(&nominator, &hotkey, 1);
		}
		let before = Staking::<T>::stake_of(&owner, &hotkey);
		let amount: BalanceOf<T> = (10 * UNIT).saturated_into();

		#[block]
		{
			Staking::<T>::do_pay_dividend(&hotkey, amount);
		}

		assert!(Staking::<T>::stake_of(&owner, &hotkey) > before);
	}

	/// A miner's incentive credited to its owner's stake.
	#[benchmark]
	fn credit_incentive() {
		let (owner, hotkey) = owned_hotkey::<T>(0);
		let before = Staking::<T>::stake_of(&owner, &hotkey);
		let amount: BalanceOf<T> = (10 * UNIT).saturated_into();

		#[block]
		{
			Staking::<T>::do_credit_incentive(&hotkey, amount);
		}

		assert!(Staking::<T>::stake_of(&owner, &hotkey) > before);
	}

	impl_benchmark_test_suite!(Staking, crate::mock::new_test_ext(), crate::mock::Test);
}
