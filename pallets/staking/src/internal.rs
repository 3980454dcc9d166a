//! The rules behind the calls: pool arithmetic, settlement, rewards and invariants.

use crate::{
	pallet::*,
	shares::{shares_for_deposit, shares_for_withdrawal, value_of},
	BalanceOf, HotkeyOwners, Pool, Position, MAX_TAKE,
};
use alloc::collections::BTreeMap;
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Perbill, SaturatedConversion,
};

type PoolOf<T> = Pool<BalanceOf<T>>;
type PositionOf<T> = Position<BalanceOf<T>>;

fn to_u128<T: Config>(b: BalanceOf<T>) -> u128 {
	b.saturated_into()
}

/// The value of `position` in `pool`.
fn value<T: Config>(position: &PositionOf<T>, pool: &PoolOf<T>) -> BalanceOf<T> {
	value_of(position.shares, to_u128::<T>(pool.stake), pool.shares).saturated_into()
}

/// What `coldkey` could withdraw from `hotkey` now.
pub(crate) fn position_value<T: Config>(
	coldkey: &T::AccountId,
	hotkey: &T::AccountId,
) -> BalanceOf<T> {
	match (Stakes::<T>::get(hotkey, coldkey), Pools::<T>::get(hotkey)) {
		(Some(position), Some(pool)) => value::<T>(&position, &pool),
		_ => Zero::zero(),
	}
}

/// Buy shares of `pool` with `amount` for `position` (no funds move here).
fn deposit<T: Config>(
	pool: &mut PoolOf<T>,
	position: &mut PositionOf<T>,
	amount: BalanceOf<T>,
) -> Result<(), Error<T>> {
	let shares = shares_for_deposit(to_u128::<T>(amount), to_u128::<T>(pool.stake), pool.shares)
		.ok_or(Error::<T>::Overflow)?;
	ensure!(shares > 0, Error::<T>::StakeTooSmall);
	pool.stake = pool.stake.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
	pool.shares = pool.shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
	position.shares = position.shares.saturating_add(shares);
	position.held = position.held.saturating_add(amount);
	Ok(())
}

/// Burn `position`'s shares of `pool` for `amount` (no funds move here). The position must be
/// settled. Returns what is withdrawn: `amount`, or the whole position when what would remain
/// is worth less than one unit (its fraction of a unit stays in the pool).
fn withdraw<T: Config>(
	pool: &mut PoolOf<T>,
	position: &mut PositionOf<T>,
	amount: BalanceOf<T>,
) -> Result<BalanceOf<T>, Error<T>> {
	ensure!(amount <= position.held, Error::<T>::NotEnoughStake);
	let mut burned =
		shares_for_withdrawal(to_u128::<T>(amount), to_u128::<T>(pool.stake), pool.shares);
	let rest = value_of(
		position.shares.saturating_sub(burned),
		to_u128::<T>(pool.stake.saturating_sub(amount)),
		pool.shares.saturating_sub(burned),
	);
	let amount = if burned >= position.shares || rest == 0 {
		burned = position.shares;
		position.held
	} else {
		amount
	};
	pool.stake = pool.stake.saturating_sub(amount);
	pool.shares = pool.shares.saturating_sub(burned);
	position.shares -= burned;
	position.held = position.held.saturating_sub(amount);
	Ok(amount)
}

/// Make what is held for `position` equal its value: rewards move from the pot into the
/// coldkey's hold; what rounding took moves from the hold to the pot.
fn settle<T: Config>(
	coldkey: &T::AccountId,
	position: &mut PositionOf<T>,
	pool: &PoolOf<T>,
) -> DispatchResult {
	let reason = HoldReason::Staked.into();
	let worth = value::<T>(position, pool);
	if worth > position.held {
		T::Currency::transfer_and_hold(
			&reason,
			&Pallet::<T>::pot(),
			coldkey,
			worth - position.held,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::SettlementFailed)?;
	} else if worth < position.held {
		T::Currency::transfer_on_hold(
			&reason,
			coldkey,
			&Pallet::<T>::pot(),
			position.held - worth,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)
		.map_err(|_| Error::<T>::SettlementFailed)?;
	}
	position.held = worth;
	Ok(())
}

/// Store `pool` and `position`, deleting them once they hold no shares.
fn store<T: Config>(
	hotkey: &T::AccountId,
	coldkey: &T::AccountId,
	pool: PoolOf<T>,
	position: PositionOf<T>,
) {
	if position.shares == 0 {
		Stakes::<T>::remove(hotkey, coldkey);
	} else {
		Stakes::<T>::insert(hotkey, coldkey, position);
	}
	if pool.shares == 0 && pool.stake.is_zero() {
		Pools::<T>::remove(hotkey);
	} else {
		Pools::<T>::insert(hotkey, pool);
	}
}

impl<T: Config> Pallet<T> {
	/// Give the reward pot its existential deposit, so rewards of any size can be minted into
	/// it and settlements never reap it.
	pub(crate) fn ensure_pot_exists() {
		let pot = Self::pot();
		let ed = T::Currency::minimum_balance();
		if T::Currency::balance(&pot) < ed {
			let _ = T::Currency::mint_into(&pot, ed - T::Currency::balance(&pot));
		}
	}

	pub(crate) fn do_add_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(T::HotkeyOwners::owner(&hotkey).is_some(), Error::<T>::HotkeyHasNoOwner);
		let mut pool = Pools::<T>::get(&hotkey).unwrap_or_default();
		let mut position = Stakes::<T>::get(&hotkey, &coldkey).unwrap_or_default();
		settle::<T>(&coldkey, &mut position, &pool)?;
		deposit::<T>(&mut pool, &mut position, amount)?;
		T::Currency::hold(&HoldReason::Staked.into(), &coldkey, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		settle::<T>(&coldkey, &mut position, &pool)?;
		TotalStake::<T>::mutate(|total| *total = total.saturating_add(amount));
		let stake = position.held;
		store::<T>(&hotkey, &coldkey, pool, position);
		Self::deposit_event(Event::StakeAdded { coldkey, hotkey, amount, stake });
		Ok(())
	}

	pub(crate) fn do_remove_stake(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut position = Stakes::<T>::get(&hotkey, &coldkey).ok_or(Error::<T>::NoStake)?;
		let mut pool = Pools::<T>::get(&hotkey).ok_or(Error::<T>::NoStake)?;
		settle::<T>(&coldkey, &mut position, &pool)?;
		let amount = withdraw::<T>(&mut pool, &mut position, amount)?;
		T::Currency::release(&HoldReason::Staked.into(), &coldkey, amount, Precision::Exact)
			.map_err(|_| Error::<T>::SettlementFailed)?;
		settle::<T>(&coldkey, &mut position, &pool)?;
		TotalStake::<T>::mutate(|total| *total = total.saturating_sub(amount));
		let stake = position.held;
		store::<T>(&hotkey, &coldkey, pool, position);
		Self::deposit_event(Event::StakeRemoved { coldkey, hotkey, amount, stake });
		Ok(())
	}

	pub(crate) fn do_move_stake(
		coldkey: T::AccountId,
		from_hotkey: T::AccountId,
		to_hotkey: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from_hotkey != to_hotkey, Error::<T>::SameHotkey);
		ensure!(T::HotkeyOwners::owner(&to_hotkey).is_some(), Error::<T>::HotkeyHasNoOwner);
		let mut from_position =
			Stakes::<T>::get(&from_hotkey, &coldkey).ok_or(Error::<T>::NoStake)?;
		let mut from_pool = Pools::<T>::get(&from_hotkey).ok_or(Error::<T>::NoStake)?;
		settle::<T>(&coldkey, &mut from_position, &from_pool)?;
		let amount = withdraw::<T>(&mut from_pool, &mut from_position, amount)?;
		settle::<T>(&coldkey, &mut from_position, &from_pool)?;

		let mut to_pool = Pools::<T>::get(&to_hotkey).unwrap_or_default();
		let mut to_position = Stakes::<T>::get(&to_hotkey, &coldkey).unwrap_or_default();
		settle::<T>(&coldkey, &mut to_position, &to_pool)?;
		deposit::<T>(&mut to_pool, &mut to_position, amount)?;
		settle::<T>(&coldkey, &mut to_position, &to_pool)?;

		store::<T>(&from_hotkey, &coldkey, from_pool, from_position);
		store::<T>(&to_hotkey, &coldkey, to_pool, to_position);
		Self::deposit_event(Event::StakeMoved { coldkey, from_hotkey, to_hotkey, amount });
		Ok(())
	}

	pub(crate) fn do_set_take(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		take: Perbill,
	) -> DispatchResult {
		ensure!(T::HotkeyOwners::owner(&hotkey) == Some(coldkey), Error::<T>::NotHotkeyOwner);
		ensure!(take <= MAX_TAKE, Error::<T>::TakeTooHigh);
		if take > Takes::<T>::get(&hotkey) {
			let now = frame_system::Pallet::<T>::block_number();
			if let Some(last) = LastTakeIncrease::<T>::get(&hotkey) {
				let limit: frame_system::pallet_prelude::BlockNumberFor<T> =
					TakeRateLimit::<T>::get().into();
				ensure!(now.saturating_sub(last) >= limit, Error::<T>::TakeIncreaseRateLimited);
			}
			LastTakeIncrease::<T>::insert(&hotkey, now);
		}
		Takes::<T>::insert(&hotkey, take);
		Self::deposit_event(Event::TakeSet { hotkey, take });
		Ok(())
	}

	/// Mint `amount` into the reward pot; returns what was minted.
	fn mint_to_pot(amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		T::Currency::mint_into(&Self::pot(), amount).unwrap_or_default()
	}

	/// Add `amount` (already in the pot) to `owner`'s stake on `hotkey` as new shares. When
	/// the amount is too small to buy a share it still raises the pool, for all its stakers.
	fn stake_to_owner(hotkey: &T::AccountId, owner: &T::AccountId, amount: BalanceOf<T>) {
		let mut pool = Pools::<T>::get(hotkey).unwrap_or_default();
		let mut position = Stakes::<T>::get(hotkey, owner).unwrap_or_default();
		let shares =
			shares_for_deposit(to_u128::<T>(amount), to_u128::<T>(pool.stake), pool.shares)
				.unwrap_or(0);
		pool.stake = pool.stake.saturating_add(amount);
		pool.shares = pool.shares.saturating_add(shares);
		position.shares = position.shares.saturating_add(shares);
		TotalStake::<T>::mutate(|total| *total = total.saturating_add(amount));
		store::<T>(hotkey, owner, pool, position);
	}

	/// See [`crate::StakingRewards::credit_incentive`].
	pub(crate) fn do_credit_incentive(hotkey: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		let Some(owner) = T::HotkeyOwners::owner(hotkey) else { return Zero::zero() };
		let minted = Self::mint_to_pot(amount);
		if !minted.is_zero() {
			Self::stake_to_owner(hotkey, &owner, minted);
		}
		minted
	}

	/// See [`crate::StakingRewards::pay_dividend`].
	pub(crate) fn do_pay_dividend(hotkey: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		let Some(owner) = T::HotkeyOwners::owner(hotkey) else { return Zero::zero() };
		let minted = Self::mint_to_pot(amount);
		if minted.is_zero() {
			return minted;
		}
		let has_stakers = Pools::<T>::get(hotkey).is_some_and(|pool| pool.shares > 0);
		let take = if has_stakers { Takes::<T>::get(hotkey).mul_floor(minted) } else { minted };
		let to_stakers = minted - take;
		// The stakers' part first, pro rata to the stake they had; then the take, bought as
		// shares at the new price so it does not share in this dividend.
		if !to_stakers.is_zero() {
			Pools::<T>::mutate(hotkey, |pool| {
				if let Some(pool) = pool {
					pool.stake = pool.stake.saturating_add(to_stakers);
				}
			});
			TotalStake::<T>::mutate(|total| *total = total.saturating_add(to_stakers));
		}
		if !take.is_zero() {
			Self::stake_to_owner(hotkey, &owner, take);
		}
		Self::deposit_event(Event::DividendPaid {
			hotkey: hotkey.clone(),
			owner,
			take,
			to_stakers,
		});
		minted
	}

	/// See [`crate::StakingRewards::pay_owner_cut`].
	pub(crate) fn do_pay_owner_cut(coldkey: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		T::Currency::mint_into(coldkey, amount).unwrap_or_default()
	}
}

/// The invariants of the pallet docs.
pub(crate) fn try_state<T: Config>() -> Result<(), sp_runtime::TryRuntimeError> {
	let mut total = BalanceOf::<T>::zero();
	let mut held_per_coldkey: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
	for (hotkey, pool) in Pools::<T>::iter() {
		ensure!(T::HotkeyOwners::owner(&hotkey).is_some(), "a pool's hotkey has no owner");
		let mut shares = 0u128;
		let mut values = 0u128;
		let mut positions = 0u128;
		for (coldkey, position) in Stakes::<T>::iter_prefix(&hotkey) {
			ensure!(position.shares > 0, "a stored position has no shares");
			let worth = value::<T>(&position, &pool);
			ensure!(position.held <= worth, "more is held for a position than it is worth");
			shares = shares.saturating_add(position.shares);
			values = values.saturating_add(to_u128::<T>(worth));
			positions += 1;
			let held = held_per_coldkey.entry(coldkey).or_default();
			*held = held.saturating_add(position.held);
		}
		ensure!(shares == pool.shares, "a pool's shares differ from the sum of its stakers'");
		let stake = to_u128::<T>(pool.stake);
		ensure!(values <= stake, "a pool's stakers are worth more than its stake");
		ensure!(
			stake - values <= positions.max(1) || pool.shares == 0,
			"a pool's rounding dust exceeds one unit per staker",
		);
		total = total.saturating_add(pool.stake);
	}
	ensure!(
		Stakes::<T>::iter_keys().all(|(hotkey, _)| Pools::<T>::contains_key(hotkey)),
		"a position without a pool",
	);
	ensure!(total == TotalStake::<T>::get(), "TotalStake differs from the sum of the pools");
	let reason = HoldReason::Staked.into();
	let mut held_total = BalanceOf::<T>::zero();
	for (coldkey, held) in held_per_coldkey {
		ensure!(
			T::Currency::balance_on_hold(&reason, &coldkey) == held,
			"a coldkey's hold differs from its positions",
		);
		held_total = held_total.saturating_add(held);
	}
	let pot = Pallet::<T>::pot();
	let ed = T::Currency::minimum_balance();
	let in_pot = T::Currency::balance(&pot);
	ensure!(in_pot >= ed, "the reward pot lost its existential deposit");
	ensure!(
		total == held_total.saturating_add(in_pot - ed),
		"stake differs from what is held plus the reward pot",
	);
	for (hotkey, take) in Takes::<T>::iter() {
		ensure!(take <= MAX_TAKE, "a take above the maximum");
		ensure!(T::HotkeyOwners::owner(&hotkey).is_some(), "a take of an unowned hotkey");
	}
	Ok(())
}
