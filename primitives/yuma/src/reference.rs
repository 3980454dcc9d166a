//! A deliberately naive, dense reference epoch for differential tests: `n × n` matrices,
//! full sorts, direct formulas (liquid alpha straight from the sigmoid, no table), exact `u128`
//! stake sums. Quadratic and slow, so only for small `n`; it shares nothing with the library
//! but the number type.

use alloc::{vec, vec::Vec};

use crate::{
	fixed::{normalise, sigmoid, Fixed},
	EpochInputs, YumaVersion,
};

/// What the reference computes (proportions as `Fixed`, amounts as integers).
pub(crate) struct Reference {
	pub consensus: Vec<Fixed>,
	pub incentive: Vec<Fixed>,
	pub dividends: Vec<Fixed>,
	pub trust: Vec<Fixed>,
	pub permit: Vec<bool>,
	/// Dense stored bonds (u16 proportions).
	pub bonds: Vec<Vec<u16>>,
	/// Exact share of the emission of every uid, as a fraction of the amount.
	pub share: Vec<Fixed>,
}

/// Runs the reference epoch on valid inputs.
pub(crate) fn epoch(inputs: &EpochInputs) -> Reference {
	let n = inputs.stake.len();
	let p = &inputs.params;
	let active: Vec<bool> = inputs
		.last_update
		.iter()
		.map(|&u| u.saturating_add(p.activity_cutoff) >= inputs.block)
		.collect();
	let permit = inputs.validator_permit.clone().unwrap_or_else(|| {
		let mut order: Vec<usize> = (0..n).filter(|&i| inputs.stake[i] > 0).collect();
		order.sort_by_key(|&i| (core::cmp::Reverse(inputs.stake[i]), i));
		let mut permit = vec![false; n];
		for &i in order.iter().take(p.max_allowed_validators as usize) {
			permit[i] = true;
		}
		permit
	});
	let active_stake: Vec<u128> =
		(0..n).map(|i| if active[i] && permit[i] { inputs.stake[i] as u128 } else { 0 }).collect();
	let active_total: u128 = active_stake.iter().sum();
	let sa: Vec<Fixed> = active_stake.iter().map(|&s| Fixed::from_ratio(s, active_total)).collect();

	// W, dense.
	let mut w = vec![vec![Fixed::ZERO; n]; n];
	for i in (0..n).filter(|&i| permit[i]) {
		let keep = |&&(j, v): &&(u16, u16)| {
			v != 0 && j as usize != i && inputs.last_update[i] > inputs.registered_at[j as usize]
		};
		let sum: u128 = inputs.weights[i].iter().filter(keep).map(|&(_, v)| v as u128).sum();
		for &(j, v) in inputs.weights[i].iter().filter(keep) {
			w[i][j as usize] = Fixed::from_ratio(v as u128, sum);
		}
	}

	// Consensus by full sorts.
	let mut consensus = vec![Fixed::ZERO; n];
	for (j, c) in consensus.iter_mut().enumerate() {
		let mut column: Vec<(Fixed, u128)> = (0..n)
			.filter(|&i| active_stake[i] > 0 && !w[i][j].is_zero())
			.map(|i| (w[i][j], active_stake[i]))
			.collect();
		column.sort_by_key(|&(value, _)| core::cmp::Reverse(value));
		let mut acc = 0u128;
		for (value, stake) in column {
			acc += stake;
			if acc * 65_535 >= p.kappa as u128 * active_total {
				*c = value;
				break;
			}
		}
	}

	let mut trust = vec![Fixed::ZERO; n];
	let mut incentive = vec![Fixed::ZERO; n];
	let beta = Fixed::from_u16_proportion(p.bonds_penalty);
	let mut w_tilde = vec![vec![Fixed::ZERO; n]; n];
	for i in 0..n {
		for j in 0..n {
			let clipped = w[i][j].min(consensus[j]);
			trust[i] = trust[i] + clipped;
			incentive[j] = incentive[j] + sa[i].saturating_mul(clipped);
			w_tilde[i][j] = w[i][j] - beta.saturating_mul(w[i][j] - clipped);
		}
	}
	normalise(&mut incentive);

	let mut b_old = vec![vec![Fixed::ZERO; n]; n];
	for (i, row) in inputs.bonds.iter().enumerate().filter(|&(i, _)| permit[i]) {
		for &(j, v) in row {
			if inputs.registered_at[j as usize] <= inputs.last_epoch_block {
				b_old[i][j as usize] = Fixed::from_u16_proportion(v);
			}
		}
	}
	let alpha = Fixed::from_ratio(1_000_000 - p.bonds_moving_average as u128, 1_000_000);
	let column_sums = |m: &Vec<Vec<Fixed>>| -> Vec<u128> {
		(0..n).map(|j| (0..n).map(|i| m[i][j].to_bits() as u128).sum()).collect()
	};
	let mut b = vec![vec![Fixed::ZERO; n]; n];
	let mut dividends = vec![Fixed::ZERO; n];
	let mut bonds = vec![vec![0u16; n]; n];
	match p.yuma_version {
		YumaVersion::Yuma2 => {
			let delta: Vec<Vec<Fixed>> = (0..n)
				.map(|i| (0..n).map(|j| sa[i].saturating_mul(w_tilde[i][j])).collect())
				.collect();
			let (ds, os) = (column_sums(&delta), column_sums(&b_old));
			for i in 0..n {
				for j in 0..n {
					let d = Fixed::from_ratio(delta[i][j].to_bits() as u128, ds[j]);
					let o = Fixed::from_ratio(b_old[i][j].to_bits() as u128, os[j]);
					b[i][j] = alpha.saturating_mul(d) + (Fixed::ONE - alpha).saturating_mul(o);
				}
			}
			let bs = column_sums(&b);
			for i in 0..n {
				for j in 0..n {
					let normalised = Fixed::from_ratio(b[i][j].to_bits() as u128, bs[j]);
					dividends[i] = dividends[i] + normalised.saturating_mul(incentive[j]);
				}
			}
			for j in 0..n {
				let max = (0..n).map(|i| b[i][j]).max().unwrap_or(Fixed::ZERO);
				for i in 0..n {
					bonds[i][j] = b[i][j].saturating_div(max).to_u16_proportion();
				}
			}
		},
		YumaVersion::Yuma3 => {
			let liquid = p.liquid_alpha_enabled && consensus.iter().any(|c| !c.is_zero());
			let (low, high) =
				(Fixed::from_u16_proportion(p.alpha_low), Fixed::from_u16_proportion(p.alpha_high));
			for i in 0..n {
				for j in 0..n {
					let (target, old) = (w_tilde[i][j], b_old[i][j]);
					let a = if liquid {
						let d = if target >= old { target - consensus[j] } else { old - target };
						// x = steepness / 100 · (d − 0.5), 48 fractional bits.
						let centred = d.min(Fixed::ONE).to_bits() as i128 - (1i128 << 47);
						let x = p.alpha_sigmoid_steepness as i128 * centred / 100;
						(low + sigmoid(x).saturating_mul(high - low)).max(low).min(high)
					} else {
						alpha
					};
					let value = (Fixed::ONE - a).saturating_mul(old) + a.saturating_mul(target);
					b[i][j] = value.min(Fixed::ONE);
					bonds[i][j] = b[i][j].to_u16_proportion();
				}
			}
			let bs = column_sums(&b);
			for i in 0..n {
				let mut share = Fixed::ZERO;
				for j in 0..n {
					share = share
						+ Fixed::from_ratio(b[i][j].to_bits() as u128, bs[j])
							.saturating_mul(incentive[j]);
				}
				dividends[i] = sa[i].saturating_mul(share);
			}
		},
	}
	normalise(&mut dividends);
	for (i, row) in bonds.iter_mut().enumerate() {
		if !permit[i] {
			row.iter_mut().for_each(|v| *v = 0);
		}
	}

	let total: u128 =
		(0..n).map(|k| incentive[k].to_bits() as u128 + dividends[k].to_bits() as u128).sum();
	let share = if total > 0 {
		(0..n)
			.map(|k| {
				Fixed::from_ratio(
					incentive[k].to_bits() as u128 + dividends[k].to_bits() as u128,
					total,
				)
			})
			.collect()
	} else {
		let stake_total: u128 = inputs.stake.iter().map(|&s| s as u128).sum();
		if active_total > 0 {
			active_stake.iter().map(|&s| Fixed::from_ratio(s, active_total)).collect()
		} else {
			inputs.stake.iter().map(|&s| Fixed::from_ratio(s as u128, stake_total)).collect()
		}
	};
	Reference { consensus, incentive, dividends, trust, permit, bonds, share }
}
