//! Deterministic integer arithmetic of the lock cost and the registration price (no floats),
//! and the search for how much work fits a weight budget.

use sp_runtime::helpers_128bit::multiply_by_rational_with_rounding;
use sp_runtime::Rounding;

/// Fraction bits used for the fractional part of an exponent.
const FRACTION_BITS: u32 = 32;

/// `ONE` in the Q64 fixed point used by [`decay_half_life`].
const ONE: u128 = 1 << 64;

/// `2^(−1/2^(i+1))` in Q64, for `i` in `0..32` (rounded to nearest).
///
/// Checked by the test `half_life_table_is_consistent`: every entry squared is the previous one
/// (and the first squared is one half) to within rounding.
const INVERSE_ROOTS_OF_TWO: [u64; FRACTION_BITS as usize] = [
	0xb504f333f9de6484, // 2^(-1/2)
	0xd744fccad69d6af4, // 2^(-1/4)
	0xeac0c6e7dd24392f, // 2^(-1/8)
	0xf5257d152486cc2c, // 2^(-1/16)
	0xfa83b2db722a033a, // 2^(-1/32)
	0xfd3e0c0cf486c175, // 2^(-1/64)
	0xfe9e115c7b8f884c, // 2^(-1/128)
	0xff4ecb59511ec8a5, // 2^(-1/256)
	0xffa756521c8daed2, // 2^(-1/512)
	0xffd3a751c0f7e10c, // 2^(-1/1024)
	0xffe9d2b2f7db2756, // 2^(-1/2048)
	0xfff4e91bff1b8c3e, // 2^(-1/4096)
	0xfffa747ea0040664, // 2^(-1/8192)
	0xfffd3a3b7814eb54, // 2^(-1/16384)
	0xfffe9d1cc60ddab1, // 2^(-1/32768)
	0xffff4e8e25879bfa, // 2^(-1/65536)
	0xffffa7470363f451, // 2^(-1/2^17)
	0xffffd3a37dda0313, // 2^(-1/2^18)
	0xffffe9d1bdf703af, // 2^(-1/2^19)
	0xfffff4e8debe025e, // 2^(-1/2^20)
	0xfffffa746f4fa150, // 2^(-1/2^21)
	0xfffffd3a37a3f8b0, // 2^(-1/2^22)
	0xfffffe9d1bd1065a, // 2^(-1/2^23)
	0xffffff4e8de845ae, // 2^(-1/2^24)
	0xffffffa746f41377, // 2^(-1/2^25)
	0xffffffd3a37a05e4, // 2^(-1/2^26)
	0xffffffe9d1bd01fc, // 2^(-1/2^27)
	0xfffffff4e8de80c0, // 2^(-1/2^28)
	0xfffffffa746f4051, // 2^(-1/2^29)
	0xfffffffd3a37a025, // 2^(-1/2^30)
	0xfffffffe9d1bd011, // 2^(-1/2^31)
	0xffffffff4e8de808, // 2^(-1/2^32)
];

/// `value · 2^(−elapsed / half_life)`, rounded down.
///
/// The fraction of a half-life left after the whole ones is taken to 32 binary digits and
/// applied as a product of the factors `2^(−1/2^i)` of its set digits; whole half-lives are
/// then a right shift. Rounding happens once, at the end, so the result is within one unit of
/// the exact value (plus a relative error below 2·10⁻¹⁰ from the 32-digit exponent); whole
/// half-lives are exact. Non-increasing in `elapsed`. A `half_life` of zero means no decay.
pub fn decay_half_life(value: u128, elapsed: u64, half_life: u32) -> u128 {
	if half_life == 0 || elapsed == 0 {
		return value;
	}
	let half_life = u64::from(half_life);
	let whole = elapsed / half_life;
	if whole >= 128 {
		return 0;
	}
	let rest = elapsed % half_life;
	let scaled = if rest == 0 {
		value
	} else {
		// `rest < half_life ≤ 2^32`, so the fraction fits in 32 bits and the shift in u128.
		let fraction = (u128::from(rest) << FRACTION_BITS) / u128::from(half_life);
		let mut factor = ONE;
		for (i, root) in INVERSE_ROOTS_OF_TWO.iter().enumerate() {
			if fraction & (1 << (FRACTION_BITS - 1 - i as u32)) != 0 {
				// `factor ≤ 2^64` and `root < 2^64`: the product fits in u128.
				factor = (factor * u128::from(*root)) >> 64;
			}
		}
		// `factor ≤ ONE`, so the result is at most `value` and cannot overflow.
		multiply_by_rational_with_rounding(value, factor, ONE, Rounding::Down).unwrap_or(value)
	};
	// floor(floor(x) / 2^whole) = floor(x / 2^whole): still a single rounding.
	scaled >> whole
}

/// The lock cost of a network registration:
/// `max(min_lock, 2·last_lock − 2·last_lock·elapsed/interval)`, and `min_lock` once
/// `elapsed ≥ interval` (or when `interval` is zero).
pub fn lock_cost(min_lock: u128, last_lock: u128, elapsed: u64, interval: u32) -> u128 {
	let start = last_lock.saturating_mul(2);
	if interval == 0 || elapsed >= u64::from(interval) {
		return min_lock;
	}
	let reduction = multiply_by_rational_with_rounding(
		start,
		u128::from(elapsed),
		u128::from(interval),
		Rounding::Down,
	)
	.unwrap_or(start);
	start.saturating_sub(reduction).max(min_lock)
}

/// The registration price after one more registration: `price · 1.26`, rounded down.
pub fn grow_burn(price: u128) -> u128 {
	multiply_by_rational_with_rounding(
		price,
		crate::types::BURN_GROWTH_NUMERATOR,
		crate::types::BURN_GROWTH_DENOMINATOR,
		Rounding::Down,
	)
	.unwrap_or(u128::MAX)
}

/// The largest `k` in `low..=high` for which `fits(k)` holds, given that `fits(low)` holds and
/// `fits` is monotone (true up to some `k`, false after): how many items of work fit a weight
/// budget whose cost grows with `k`. Binary search: at most 32 calls of `fits`.
pub fn largest_that_fits(low: u32, high: u32, fits: impl Fn(u32) -> bool) -> u32 {
	let (mut low, mut high) = (low, high.max(low));
	while low < high {
		let mid = low + (high - low).div_ceil(2);
		if fits(mid) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	low
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn largest_that_fits_finds_the_edge() {
		assert_eq!(largest_that_fits(0, 100, |k| k <= 37), 37);
		assert_eq!(largest_that_fits(0, 100, |k| k <= 1000), 100);
		assert_eq!(largest_that_fits(0, 100, |k| k == 0), 0);
		assert_eq!(largest_that_fits(1, 1, |_| true), 1);
		assert_eq!(largest_that_fits(5, 2, |_| true), 5);
	}

	#[test]
	fn half_life_table_is_consistent() {
		let mut previous = ONE / 2;
		for root in INVERSE_ROOTS_OF_TWO {
			let squared = (u128::from(root) * u128::from(root)) >> 64;
			let diff = squared.abs_diff(previous);
			assert!(diff <= 2, "root {root:#x} squared is {squared:#x}, expected {previous:#x}");
			previous = u128::from(root);
		}
	}

	#[test]
	fn whole_half_lives_are_exact() {
		let v = 1_000_000_000u128;
		assert_eq!(decay_half_life(v, 0, 360), v);
		assert_eq!(decay_half_life(v, 360, 360), v / 2);
		assert_eq!(decay_half_life(v, 720, 360), v / 4);
		assert_eq!(decay_half_life(v, 3600, 360), v >> 10);
		assert_eq!(decay_half_life(v, 360 * 200, 360), 0);
		assert_eq!(decay_half_life(v, u64::MAX, 1), 0);
		assert_eq!(decay_half_life(v, 100, 0), v);
	}

	#[test]
	fn fractional_half_lives_are_accurate() {
		let v = 1_000_000_000_000_000u128;
		// 2^(−1/2) = 0.70710678118654752…
		let half = decay_half_life(v, 180, 360);
		assert!(half.abs_diff(707_106_781_186_547) <= 1, "{half}");
		// 2^(−1/3) = 0.79370052598409973…
		// (the exponent is taken to 32 binary digits: a relative error below 2e-10)
		let third = decay_half_life(v, 120, 360);
		assert!(third.abs_diff(793_700_525_984_099) <= 200_000, "{third}");
		// 2^(−1.75) = 0.29730177875068025…
		let more = decay_half_life(v, 630, 360);
		assert!(more.abs_diff(297_301_778_750_680) <= 1_000, "{more}");
	}

	#[test]
	fn decay_is_monotonic() {
		let v = 100_000_000_000u128;
		let mut previous = v;
		for elapsed in 0..5_000u64 {
			let now = decay_half_life(v, elapsed, 361);
			assert!(now <= previous, "not monotonic at {elapsed}");
			previous = now;
		}
		// A half-life of the largest u32 still works without overflow.
		assert_eq!(decay_half_life(u128::MAX, u64::from(u32::MAX), u32::MAX), u128::MAX / 2);
		let _ = decay_half_life(u128::MAX, u64::from(u32::MAX) - 1, u32::MAX);
	}

	#[test]
	fn lock_cost_decays_linearly() {
		assert_eq!(lock_cost(100, 0, 0, 1000), 100);
		assert_eq!(lock_cost(100, 1000, 0, 1000), 2000);
		assert_eq!(lock_cost(100, 1000, 250, 1000), 1500);
		assert_eq!(lock_cost(100, 1000, 500, 1000), 1000);
		assert_eq!(lock_cost(100, 1000, 999, 1000), 100);
		assert_eq!(lock_cost(100, 1000, 1000, 1000), 100);
		assert_eq!(lock_cost(100, 1000, 5000, 1000), 100);
		assert_eq!(lock_cost(100, u128::MAX, 0, 1000), u128::MAX);
		assert_eq!(lock_cost(100, 1000, 1, 0), 100);
	}

	#[test]
	fn burn_grows_by_126_percent() {
		assert_eq!(grow_burn(1_000_000_000), 1_260_000_000);
		assert_eq!(grow_burn(1_260_000_000), 1_587_600_000);
		assert_eq!(grow_burn(u128::MAX), u128::MAX);
	}
}
