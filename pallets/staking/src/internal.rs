//! The rules behind the calls: pool arithmetic, settlement, rewards and invariants.

use crate::{
	pallet::*,
	shares::{shares_for_deposit, shares_for_withdrawal, value_of},
	BalanceOf, HotkeyOwners, PendingTake, Pool, Position, WarmingStake, MAX_TAKE,
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
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, Saturating, Zero},
	Perbill, Rounding, SaturatedConversion,
};

type PoolOf<T> = Pool<BalanceOf<T>>;
type PositionOf<T> = Position<BalanceOf<T>>;
type WarmingOf<T> = WarmingStake<BalanceOf<T>, BlockNumberFor<T>>;

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
		(Some(position), Some(pool)) => {
			// What warming stake gained is not the coldkey's to take yet.
			let gain = warming_gain::<T>(hotkey, coldkey, &pool, &position).map_or(0, |(_, g)| g);
			value::<T>(&position, &pool).saturating_sub(gain.saturated_into())
		},
		_ => Zero::zero(),
	}
}

/// Buy shares of `pool` with `amount` for `position` (no funds move here); the shares bought.
fn deposit<T: Config>(
	pool: &mut PoolOf<T>,
	position: &mut PositionOf<T>,
	amount: BalanceOf<T>,
) -> Result<u128, Error<T>> {
	let shares = shares_for_deposit(to_u128::<T>(amount), to_u128::<T>(pool.stake), pool.shares)
		.ok_or(Error::<T>::Overflow)?;
	ensure!(shares > 0, Error::<T>::StakeTooSmall);
	pool.stake = pool.stake.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
	pool.shares = pool.shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
	position.shares = position.shares.saturating_add(shares);
	position.held = position.held.saturating_add(amount);
	Ok(shares)
}

/// Record `shares` bought for `paid` by `coldkey` on `hotkey` as warming up for `StakeWarmup`
/// blocks (joining what is still warming; the warm-up restarts). Stake from genesis (block 0)
/// does not warm up, nor any with a warm-up of 0.
fn warm<T: Config>(
	hotkey: &T::AccountId,
	coldkey: &T::AccountId,
	shares: u128,
	paid: BalanceOf<T>,
) {
	let now = frame_system::Pallet::<T>::block_number();
	let warmup = StakeWarmup::<T>::get();
	if now.is_zero() || warmup == 0 {
		return;
	}
	let until = now.saturating_add(warmup.into());
	Warming::<T>::mutate(hotkey, coldkey, |warming| {
		*warming = Some(match warming.take().filter(|w| w.until > now) {
			Some(w) => WarmingStake {
				shares: w.shares.saturating_add(shares),
				paid: w.paid.saturating_add(paid),
				until,
			},
			None => WarmingStake { shares, paid, until },
		});
	});
}

/// What the warming stake of `coldkey` on `hotkey` (its shares in `position`) has gained and
/// would forfeit now: `(warming shares, gain)`, or `None` when nothing warms.
fn warming_gain<T: Config>(
	hotkey: &T::AccountId,
	coldkey: &T::AccountId,
	pool: &PoolOf<T>,
	position: &PositionOf<T>,
) -> Option<(WarmingOf<T>, u128)> {
	gain_of::<T>(Warming::<T>::get(hotkey, coldkey)?, pool, position)
}

/// What the stored `warming` stake of a position has gained, as [`warming_gain`]; `None` once
/// it has warmed up.
fn gain_of<T: Config>(
	warming: WarmingOf<T>,
	pool: &PoolOf<T>,
	position: &PositionOf<T>,
) -> Option<(WarmingOf<T>, u128)> {
	if frame_system::Pallet::<T>::block_number() >= warming.until {
		return None;
	}
	let shares = warming.shares.min(position.shares);
	let worth = value_of(shares, to_u128::<T>(pool.stake), pool.shares);
	Some((WarmingStake { shares, ..warming }, worth.saturating_sub(to_u128::<T>(warming.paid))))
}

/// Take back from `position` what its warming stake gained (see [`WarmingStake`]) and give it
/// to the pool's other shares: the warming shares are burned down to what was paid for them
/// (rounded down: at most one base unit of gain stays). With no other shares in the pool the
/// gain leaves the pool and the stake total, to be burned (`true`) from the reward pot once
/// the position is settled again. Returns the value forfeited; the position must be settled
/// again afterwards. A warmed-up entry is removed here; without an entry nothing is written.
fn forfeit_warming_gains<T: Config>(
	hotkey: &T::AccountId,
	coldkey: &T::AccountId,
	pool: &mut PoolOf<T>,
	position: &mut PositionOf<T>,
) -> (BalanceOf<T>, bool) {
	let Some(stored) = Warming::<T>::get(hotkey, coldkey) else {
		return (Zero::zero(), false);
	};
	let Some((mut warming, gain)) = gain_of::<T>(stored, pool, position) else {
		Warming::<T>::remove(hotkey, coldkey);
		return (Zero::zero(), false);
	};
	if gain == 0 {
		return (Zero::zero(), false);
	}
	let (stake, total) = (to_u128::<T>(pool.stake), pool.shares);
	if total == warming.shares {
		// Nobody else to give it to.
		let amount: BalanceOf<T> = gain.saturated_into();
		pool.stake = pool.stake.saturating_sub(amount);
		TotalStake::<T>::mutate(|total| *total = total.saturating_sub(amount));
		return (amount, true);
	}
	// Burning `b` of the `s` warming shares leaves them worth what was paid when
	// `(s − b) · T / (S − b) = paid`, that is `b = gain · S / (T − paid)`.
	let paid = to_u128::<T>(warming.paid);
	let burned = multiply_by_rational_with_rounding(gain, total, stake - paid, Rounding::Down)
		.unwrap_or(0)
		.min(warming.shares);
	position.shares -= burned;
	pool.shares -= burned;
	warming.shares -= burned;
	Warming::<T>::insert(hotkey, coldkey, warming);
	(gain.saturated_into(), false)
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
		Warming::<T>::remove(hotkey, coldkey);
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
		let shares = deposit::<T>(&mut pool, &mut position, amount)?;
		T::Currency::hold(&HoldReason::Staked.into(), &coldkey, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		warm::<T>(&hotkey, &coldkey, shares, amount);
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
		Self::forfeit(&coldkey, &hotkey, &mut pool, &mut position)?;
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
		Self::forfeit(&coldkey, &from_hotkey, &mut from_pool, &mut from_position)?;
		let amount = withdraw::<T>(&mut from_pool, &mut from_position, amount)?;
		settle::<T>(&coldkey, &mut from_position, &from_pool)?;

		let mut to_pool = Pools::<T>::get(&to_hotkey).unwrap_or_default();
		let mut to_position = Stakes::<T>::get(&to_hotkey, &coldkey).unwrap_or_default();
		settle::<T>(&coldkey, &mut to_position, &to_pool)?;
		let shares = deposit::<T>(&mut to_pool, &mut to_position, amount)?;
		settle::<T>(&coldkey, &mut to_position, &to_pool)?;
		warm::<T>(&to_hotkey, &coldkey, shares, amount);

		store::<T>(&from_hotkey, &coldkey, from_pool, from_position);
		store::<T>(&to_hotkey, &coldkey, to_pool, to_position);
		Self::deposit_event(Event::StakeMoved { coldkey, from_hotkey, to_hotkey, amount });
		Ok(())
	}

	/// Forfeit what `coldkey`'s warming stake on `hotkey` gained (settled back into the pot),
	/// with its event; the value forfeited.
	fn forfeit(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		pool: &mut PoolOf<T>,
		position: &mut PositionOf<T>,
	) -> Result<BalanceOf<T>, sp_runtime::DispatchError> {
		let (amount, burn) = forfeit_warming_gains::<T>(hotkey, coldkey, pool, position);
		if !amount.is_zero() {
			// What settlement had moved into the hold goes back to the pot first.
			settle::<T>(coldkey, position, pool)?;
			if burn {
				T::Currency::burn_from(
					&Self::pot(),
					amount,
					Preservation::Preserve,
					Precision::Exact,
					Fortitude::Force,
				)
				.map_err(|_| Error::<T>::SettlementFailed)?;
			}
			Self::deposit_event(Event::WarmingGainsForfeited {
				coldkey: coldkey.clone(),
				hotkey: hotkey.clone(),
				amount,
			});
		}
		Ok(amount)
	}

	/// `set_take` after its settlement: a decrease (or the same take) applies at once and
	/// withdraws any announced increase; an increase is announced for `TakeIncreaseDelay`
	/// blocks later. Everything is checked before anything is written.
	pub(crate) fn do_set_take(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		take: Perbill,
	) -> DispatchResult {
		ensure!(T::HotkeyOwners::owner(&hotkey) == Some(coldkey), Error::<T>::NotHotkeyOwner);
		ensure!(take <= MAX_TAKE, Error::<T>::TakeTooHigh);
		let now = frame_system::Pallet::<T>::block_number();
		// The take in force now: an announced increase whose block has come, else the stored
		// take (as `effective_take` reads it).
		let matured = PendingTakes::<T>::get(&hotkey).filter(|pending| pending.is_in_force(&now));
		let current = match matured {
			Some(pending) => pending.take,
			None => Takes::<T>::get(&hotkey),
		};
		if take <= current {
			PendingTakes::<T>::remove(&hotkey);
			Takes::<T>::insert(&hotkey, take);
			Self::deposit_event(Event::TakeSet { hotkey, take });
			return Ok(());
		}
		if let Some(last) = LastTakeIncrease::<T>::get(&hotkey) {
			let limit: BlockNumberFor<T> = TakeRateLimit::<T>::get().into();
			ensure!(now.saturating_sub(last) >= limit, Error::<T>::TakeIncreaseRateLimited);
		}
		// A matured announcement is the take in force: store it before announcing the next,
		// so the take in force does not change until the new `effective_at`.
		if matured.is_some() {
			Takes::<T>::insert(&hotkey, current);
		}
		let delay: BlockNumberFor<T> = TakeIncreaseDelay::<T>::get().max(1).into();
		let effective_at = now.saturating_add(delay);
		PendingTakes::<T>::insert(&hotkey, PendingTake { take, effective_at });
		LastTakeIncrease::<T>::insert(&hotkey, now);
		Self::deposit_event(Event::TakeIncreaseAnnounced { hotkey, take, effective_at });
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
		// The take in force now: an announced increase only from its `effective_at` on.
		let take =
			if has_stakers { Self::effective_take(hotkey).mul_floor(minted) } else { minted };
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
	// Anyone may transfer into the pot; such a donation is never owed to a staker, so the pot
	// may hold more than the stake it backs, never less.
	ensure!(
		total <= held_total.saturating_add(in_pot - ed),
		"stake exceeds what is held plus the reward pot",
	);
	for (hotkey, coldkey, _) in Warming::<T>::iter() {
		ensure!(Stakes::<T>::contains_key(&hotkey, &coldkey), "warming stake without a position");
	}
	for (hotkey, take) in Takes::<T>::iter() {
		ensure!(take <= MAX_TAKE, "a take above the maximum");
		ensure!(T::HotkeyOwners::owner(&hotkey).is_some(), "a take of an unowned hotkey");
	}
	for (hotkey, pending) in PendingTakes::<T>::iter() {
		ensure!(pending.take <= MAX_TAKE, "an announced take above the maximum");
		ensure!(
			pending.take > Takes::<T>::get(&hotkey),
			"an announced take not above the stored take",
		);
		ensure!(
			T::HotkeyOwners::owner(&hotkey).is_some(),
			"an announced take of an unowned hotkey",
		);
		ensure!(
			LastTakeIncrease::<T>::get(&hotkey).is_some_and(|at| at < pending.effective_at),
			"an announced take in force no later than its announcement",
		);
	}
	Ok(())
}
