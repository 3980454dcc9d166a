//! The number type (`fixed.rs`), liquid alpha, the sparse matrix and apportionment.

use alloc::{vec, vec::Vec};

use super::{f, to_f64, HALF};
use crate::{
	emission::apportion,
	fixed::{
		exp_neg, mul_frac, mul_frac_halves, normalise, sigmoid, wide_mul, wide_mul_halves, Divisor,
		Fixed, WeightDivisor, FRAC_BITS,
	},
	liquid_alpha::LiquidAlpha,
	mock::XorShift,
	sparse::{unpack, CsrMatrix, PackedRows},
};
#[test]
fn u16_proportions_round_trip() {
	for u in 0..=u16::MAX {
		let decoded = Fixed::from_u16_proportion(u);
		assert_eq!(decoded.to_bits(), ((u as u64) << FRAC_BITS).div_ceil(65_535));
		assert_eq!(decoded.to_u16_proportion(), u);
	}
	assert_eq!(Fixed::from_u16_proportion(u16::MAX), Fixed::ONE);
	assert_eq!(Fixed::ONE.to_u16_proportion(), u16::MAX);
	assert_eq!(Fixed::MAX.to_u16_proportion(), u16::MAX);
	assert_eq!(Fixed::HALF.to_u16_proportion(), HALF);
}

#[test]
fn divisor_is_exact() {
	let mut rng = XorShift::new(7);
	for _ in 0..200_000 {
		let d = match rng.below(3) {
			0 => 1 + rng.below(1000),
			1 => 1 + (rng.next_u64() >> rng.below(64)),
			_ => rng.next_u64().max(1),
		};
		let x = if rng.chance(10) { d } else { rng.next_u64() % (d + 1) };
		let exact = ((x as u128) << FRAC_BITS) / d as u128;
		assert_eq!(Divisor::new(d).divide(x).to_bits() as u128, exact.min(u64::MAX as u128));
	}
	for _ in 0..200_000 {
		let d = match rng.below(3) {
			0 => 1 + rng.below(70_000),
			1 => 1 + rng.below(1 << 32),
			_ => rng.next_u64().max(1),
		};
		let w = if rng.chance(10) { d.min(65_535) } else { rng.below(d.min(65_535) + 1) } as u16;
		let exact = ((w as u128) << FRAC_BITS) / d as u128;
		assert_eq!(WeightDivisor::new(d).divide(w).to_bits() as u128, exact);
	}
	for d in [(1 << 63) - 1, 1 << 63, u64::MAX, 65_535, 1 << 32] {
		for w in [0, 1, 2, 65_535] {
			let exact = ((w as u128) << FRAC_BITS) / d as u128;
			assert_eq!(WeightDivisor::new(d).divide(w).to_bits() as u128, exact, "{w} / {d}");
		}
	}
	assert_eq!(WeightDivisor::new(0).divide(0), Fixed::ZERO);
	assert_eq!(WeightDivisor::new(1).divide(1), Fixed::ONE);
	assert_eq!(WeightDivisor::new(0).divide(5), Fixed::ZERO);
	assert_eq!(WeightDivisor::new(3).divide(7), Fixed::from_ratio(7, 3));
	assert_eq!(Divisor::new(0).divide(5), Fixed::ZERO);
	assert_eq!(Divisor::new(3).divide(7), Fixed::from_ratio(7, 3));
}

#[test]
fn fractional_products_from_halves_are_exact() {
	let mut rng = XorShift::new(12);
	let edges_a = [0, 1, 0xffff_ffff, 1 << 32, (1 << 48) - 1, 1 << 48, (1 << 63) - 1];
	let edges_b = [0, 1, 0xffff_ffff, 1 << 32, (1 << 48) - 1, 1 << 48];
	let check = |a: u64, b: u64| {
		let expected = ((a as u128 * b as u128) >> FRAC_BITS) as u64;
		assert_eq!(mul_frac_halves(a, b), expected, "{a} · {b}");
		assert_eq!(mul_frac(a, b), expected, "{a} · {b}");
	};
	for a in edges_a {
		for b in edges_b {
			check(a, b);
		}
	}
	for _ in 0..100_000 {
		let a = rng.next_u64() >> (1 + rng.below(63));
		let b = (rng.next_u64() >> rng.below(64)) % ((1 << 48) + 1);
		check(a, b);
	}
	// Above 2^63, `mul_frac` takes the full product.
	assert_eq!(mul_frac(u64::MAX, 1 << 48), u64::MAX);
}

#[test]
fn wide_products_from_halves_are_exact() {
	let mut rng = XorShift::new(11);
	let edges = [0, 1, 0xffff_ffff, 1 << 32, (1 << 48) - 1, 1 << 48, u64::MAX - 1, u64::MAX];
	let check = |a: u64, b: u64| {
		let product = a as u128 * b as u128;
		let expected = ((product >> 64) as u64, product as u64);
		assert_eq!(wide_mul_halves(a, b), expected, "{a} · {b}");
		assert_eq!(wide_mul(a, b), expected, "{a} · {b}");
		let floored = ((product >> FRAC_BITS).min(u64::MAX as u128)) as u64;
		assert_eq!(Fixed::from_bits(a).saturating_mul(Fixed::from_bits(b)).to_bits(), floored);
		let encoded = (((a as u128 * 65_535) >> FRAC_BITS).min(65_535)) as u16;
		assert_eq!(Fixed::from_bits(a).to_u16_proportion(), encoded);
	};
	for a in edges {
		for b in edges {
			check(a, b);
		}
	}
	for _ in 0..200_000 {
		let a = rng.next_u64() >> rng.below(64);
		let b = rng.next_u64() >> rng.below(64);
		check(a, b);
	}
}

#[test]
fn fixed_arithmetic() {
	assert_eq!(Fixed::HALF.saturating_mul(Fixed::HALF), Fixed::from_ratio(1, 4));
	assert_eq!(Fixed::ONE.saturating_div(Fixed::from_int(4)), Fixed::from_ratio(1, 4));
	assert_eq!(Fixed::MAX.saturating_mul(Fixed::from_int(2)), Fixed::MAX);
	assert_eq!(Fixed::from_int(3).saturating_div(Fixed::ZERO), Fixed::ZERO);
	assert_eq!(Fixed::from_ratio(1 << 100, 1), Fixed::MAX);
	assert_eq!(Fixed::from_ratio(u128::MAX / 2, u128::MAX), Fixed::from_bits((1 << 47) - 1));
	assert_eq!(Fixed::from_ratio(3, u128::MAX), Fixed::ZERO);
	assert_eq!(Fixed::ZERO - Fixed::ONE, Fixed::ZERO);
	assert_eq!(Fixed::MAX + Fixed::ONE, Fixed::MAX);
	assert_eq!(Fixed::from_int(3).mul_int_floor(7), 21);
	let mut v = [Fixed::from_int(1), Fixed::from_int(3), Fixed::ZERO];
	normalise(&mut v);
	assert_eq!(v, [Fixed::from_ratio(1, 4), Fixed::from_ratio(3, 4), Fixed::ZERO]);
}

#[test]
fn exp_and_sigmoid_are_accurate() {
	let tolerance = 1.0 / (1u64 << 46) as f64;
	let mut rng = XorShift::new(11);
	for k in 0..100_000 {
		let x =
			if k < 1000 { k as f64 / 25.0 } else { rng.below(45 << 20) as f64 / (1 << 20) as f64 };
		let got = to_f64(exp_neg(f(x)));
		let want = (-to_f64(f(x))).exp();
		assert!((got - want).abs() <= tolerance, "exp(-{x}) = {got}, want {want}");
		let s = rng.below(2) == 0;
		let bits = f(x).to_bits() as i128;
		let (bits, xs) = if s { (-bits, -to_f64(f(x))) } else { (bits, to_f64(f(x))) };
		let got = to_f64(sigmoid(bits));
		let want = 1.0 / (1.0 + (-xs).exp());
		assert!((got - want).abs() <= tolerance, "sigmoid({xs}) = {got}, want {want}");
	}
	assert_eq!(exp_neg(Fixed::ZERO), Fixed::ONE);
	assert_eq!(sigmoid(0), Fixed::HALF);
	assert_eq!(sigmoid(i128::MAX), Fixed::ONE);
	assert_eq!(sigmoid(i128::MIN), Fixed::ZERO);
}

#[test]
fn liquid_alpha_table_follows_the_formula() {
	let (low, high) = (Fixed::from_u16_proportion(45_875), Fixed::from_u16_proportion(58_982));
	for steepness in [1000, -1000, 0, 32_767, i32::MAX, i32::MIN] {
		let mut table = LiquidAlpha::new(low, high, steepness);
		let mut rng = XorShift::new(steepness as u64);
		let mut previous = None;
		for k in 0..=2000u64 {
			let d = if k % 2 == 0 {
				Fixed::from_ratio(k as u128, 2000)
			} else {
				f(rng.below(1 << 30) as f64 / (1u64 << 30) as f64)
			};
			let a = table.alpha(d);
			assert!(a >= low && a <= high);
			let k_f = steepness as f64 / 100.0;
			let want = to_f64(low)
				+ (to_f64(high) - to_f64(low)) / (1.0 + (-k_f * (to_f64(d) - 0.5)).exp());
			if steepness.unsigned_abs() <= 32_767 {
				assert!(
					(to_f64(a) - want).abs() < 1e-7,
					"α({}) = {} want {want}",
					to_f64(d),
					to_f64(a)
				);
			}
			if k % 2 == 0 && steepness > 0 {
				if let Some(p) = previous {
					assert!(a >= p, "α must not decrease with d");
				}
				previous = Some(a);
			}
		}
	}
	assert!(LiquidAlpha::new(low, high, 1000).alpha(Fixed::MAX) <= high);
}

#[test]
fn sparse_operations() {
	let rows = vec![
		vec![(1, Fixed::from_int(1)), (2, Fixed::from_int(3))],
		vec![],
		vec![(0, Fixed::from_int(2)), (2, Fixed::from_int(1))],
	];
	let m = CsrMatrix::from_rows(3, &rows);
	assert_eq!((m.rows(), m.cols(), m.nnz()), (3, 3, 4));
	let t = m.transpose();
	assert_eq!(t.row(0), (&[2u16][..], &[Fixed::from_int(2)][..]));
	assert_eq!(t.row(2).0, &[0, 2]);
	assert_eq!(t.transpose(), m);
	assert_eq!(
		m.column_sums(),
		vec![Fixed::from_int(2).to_bits(), Fixed::ONE.to_bits(), Fixed::from_int(4).to_bits()]
	);
	let mut n = m.clone();
	n.normalise_rows();
	assert_eq!(n.row(0).1, &[Fixed::from_ratio(1, 4), Fixed::from_ratio(3, 4)]);
	let mut c = m.clone();
	c.normalise_columns();
	assert_eq!(c.row(0).1, &[Fixed::ONE, Fixed::from_ratio(3, 4)]);
	let mut u = m.clone();
	u.column_max_upscale();
	assert_eq!(u.row(2).1, &[Fixed::ONE, Fixed::from_ratio(1, 3)]);
	assert_eq!(u.to_u16_rows(|i| i != 0), vec![vec![], vec![], vec![(0, 65_535), (2, 21_844)]]);
}

#[test]
fn packed_rows_keep_every_column_and_value() {
	let ulp = Fixed::from_bits(1);
	let rows: Vec<Vec<(u16, Fixed)>> = vec![
		vec![(0, ulp), (1, Fixed::ONE), (u16::MAX, Fixed::HALF)],
		vec![],
		vec![(u16::MAX, Fixed::ONE), (7, Fixed::from_bits(Fixed::ONE.to_bits() - 1))],
	];
	let mut packed = PackedRows::with_capacity(rows.len(), 0);
	for row in &rows {
		row.iter().for_each(|&(j, v)| packed.push(j, v));
		packed.finish_row();
	}
	assert_eq!(packed.rows(), 3);
	let read: Vec<Vec<(u16, Fixed)>> = packed
		.iter_rows()
		.map(|(_, entries)| entries.iter().map(|&e| unpack(e)).collect())
		.collect();
	assert_eq!(read, rows);
	assert_eq!(packed.iter_rows().map(|(i, _)| i).collect::<Vec<_>>(), vec![0, 1, 2]);
}

#[test]
fn apportion_is_exact_with_ties_to_lower_index() {
	assert_eq!(apportion(10, &[1, 1, 1], 3), vec![4, 3, 3]);
	assert_eq!(apportion(2, &[1, 0, 1, 1], 3), vec![1, 0, 1, 0]);
	assert_eq!(apportion(u64::MAX, &[u64::MAX, 1], u64::MAX as u128 + 1), vec![u64::MAX - 1, 1]);
	assert_eq!(apportion(0, &[5, 5], 10), vec![0, 0]);
	let mut rng = XorShift::new(3);
	for _ in 0..1000 {
		let weights: Vec<u64> =
			(0..1 + rng.below(50)).map(|_| rng.next_u64() >> rng.below(64)).collect();
		let total: u128 = weights.iter().map(|&w| w as u128).sum();
		if total == 0 {
			continue;
		}
		let amount = rng.next_u64() >> rng.below(64);
		let out = apportion(amount, &weights, total);
		assert_eq!(out.iter().map(|&x| x as u128).sum::<u128>(), amount as u128);
		for (o, w) in out.iter().zip(&weights) {
			let exact = amount as u128 * *w as u128 / total;
			assert!(*o as u128 == exact || *o as u128 == exact + 1);
		}
	}
}
