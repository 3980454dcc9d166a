//! Share arithmetic of the stake pools, in `u128` with 256-bit intermediates.
//!
//! Every rounding favours the pool: deposits buy shares rounded down, withdrawals burn
//! shares rounded up, values are rounded down. The price of a share therefore never falls,
//! and what stakers can withdraw never exceeds what the pool holds.

use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// Shares issued per base unit into an empty pool. Leaves room for rewards to grow the
/// price of a share by many orders of magnitude before a base unit buys less than a share.
pub const SHARES_PER_UNIT: u128 = 1_000_000_000;

/// Shares bought by depositing `amount` into a pool holding `stake` divided into `shares`
/// (rounded down). `None` on overflow.
pub fn shares_for_deposit(amount: u128, stake: u128, shares: u128) -> Option<u128> {
	if shares == 0 || stake == 0 {
		amount.checked_mul(SHARES_PER_UNIT)
	} else {
		multiply_by_rational_with_rounding(amount, shares, stake, Rounding::Down)
	}
}

/// Shares to burn to withdraw `amount` (rounded up, never more than `shares`).
pub fn shares_for_withdrawal(amount: u128, stake: u128, shares: u128) -> u128 {
	if stake == 0 {
		return shares;
	}
	multiply_by_rational_with_rounding(amount, shares, stake, Rounding::Up)
		.unwrap_or(shares)
		.min(shares)
}

/// The stake `owned` shares are worth (rounded down).
pub fn value_of(owned: u128, stake: u128, shares: u128) -> u128 {
	if shares == 0 {
		return 0;
	}
	multiply_by_rational_with_rounding(owned, stake, shares, Rounding::Down).unwrap_or(0)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_empty_pool_issues_shares_per_unit() {
		assert_eq!(shares_for_deposit(5, 0, 0), Some(5 * SHARES_PER_UNIT));
		assert_eq!(value_of(5 * SHARES_PER_UNIT, 5, 5 * SHARES_PER_UNIT), 5);
	}

	#[test]
	fn deposits_round_down_and_withdrawals_round_up() {
		// 10 units in 3 shares: a share is worth 3.33.., so 5 units buy 1.5 → 1 share.
		assert_eq!(shares_for_deposit(5, 10, 3), Some(1));
		// Withdrawing 4 units needs 1.2 → 2 shares.
		assert_eq!(shares_for_withdrawal(4, 10, 3), 2);
		assert_eq!(value_of(2, 10, 3), 6);
	}

	#[test]
	fn withdrawal_never_burns_more_than_exist() {
		assert_eq!(shares_for_withdrawal(11, 10, 3), 3);
		assert_eq!(shares_for_withdrawal(1, 0, 3), 3);
	}

	#[test]
	fn large_values_do_not_overflow() {
		// 21M MYL in base units, with the price of a share grown a billion times.
		let stake = 21_000_000u128 * 1_000_000_000 * 1_000_000_000;
		let shares = 21_000_000u128 * 1_000_000_000 * SHARES_PER_UNIT;
		assert!(shares_for_deposit(stake, stake, shares).is_some());
		assert_eq!(value_of(shares, stake, shares), stake);
	}
}
